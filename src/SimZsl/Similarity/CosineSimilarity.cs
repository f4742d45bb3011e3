namespace SimZsl.Similarity;

/// <summary>Cosine similarity between the rows of a class-vector table (attributes, word vectors).</summary>
internal static class CosineSimilarity
{
    /// <summary>Row-major n × n cosine similarities; a zero row is an error (its direction is undefined).</summary>
    public static double[] Compute(RowMatrix vectors, bool standardize, IReadOnlyList<string> names)
    {
        int n = vectors.Rows, f = vectors.Columns;
        if (names.Count != n)
        {
            throw new InvalidMatrixException($"{names.Count} class names for {n} vectors; give one name per row.");
        }

        var x = vectors.AsSpan().ToArray();
        for (int k = 0; k < x.Length; k++)
        {
            if (!double.IsFinite(x[k]))
            {
                throw new InvalidMatrixException($"Vector entry ({k / f}, {k % f}) of class '{names[k / f]}' is {x[k]}; class vectors must be finite.", k / f, k % f);
            }
        }

        if (standardize)
        {
            Standardize(x, n, f);
        }

        for (int i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * f, f);
            double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<double>(row, row));
            if (norm == 0)
            {
                throw new InvalidMatrixException($"The vector of class '{names[i]}' (row {i}) is all zeros: its cosine similarity is undefined. Drop the class or give it a non-zero vector.", i, 0);
            }

            System.Numerics.Tensors.TensorPrimitives.Divide(row, norm, row);
        }

        var s = new double[n * n];
        Parallel.For(0, n, i =>
        {
            var xi = x.AsSpan(i * f, f);
            for (int j = i; j < n; j++)
            {
                double c = Math.Clamp(System.Numerics.Tensors.TensorPrimitives.Dot<double>(xi, x.AsSpan(j * f, f)), -1, 1);
                s[(i * n) + j] = c;
                s[(j * n) + i] = c;
            }

            s[(i * n) + i] = 1;
        });
        return s;
    }

    private static void Standardize(double[] x, int n, int f)
    {
        for (int c = 0; c < f; c++)
        {
            double mean = 0, sq = 0;
            for (int r = 0; r < n; r++)
            {
                mean += x[(r * f) + c];
            }

            mean /= n;
            for (int r = 0; r < n; r++)
            {
                double d = x[(r * f) + c] - mean;
                sq += d * d;
            }

            double sd = Math.Sqrt(sq / n);
            for (int r = 0; r < n; r++)
            {
                x[(r * f) + c] = sd > 0 ? (x[(r * f) + c] - mean) / sd : 0;
            }
        }
    }
}
