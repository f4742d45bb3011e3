using TorchSharp;

namespace SimZsl.Embedding;

/// <summary>Full eigendecomposition of a symmetric matrix (LAPACK through libtorch, float64).</summary>
internal static class SymmetricEigen
{
    /// <summary>Eigenvalues ascending and eigenvectors as the columns of a row-major k × k array.</summary>
    /// <param name="matrix">Row-major k × k; only read.</param>
    /// <param name="k">The order.</param>
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int k)
    {
        using var scope = torch.NewDisposeScope();
        var a = TensorArrays.FromArray(matrix, k, k);
        var (values, vectors) = torch.linalg.eigh(a);
        return (TensorArrays.ToArray(values), TensorArrays.ToArray(vectors));
    }

    /// <summary>Makes the largest-magnitude component of each column positive (ties: the first), so that
    /// eigenvectors, whose sign is arbitrary, come out the same on every run.</summary>
    public static void FixSigns(double[] columns, int rows, int count)
    {
        for (int j = 0; j < count; j++)
        {
            int best = 0;
            double bestMagnitude = -1;
            for (int i = 0; i < rows; i++)
            {
                double m = Math.Abs(columns[(i * count) + j]);
                if (m > bestMagnitude * (1 + 1e-12))
                {
                    best = i;
                    bestMagnitude = m;
                }
            }

            if (columns[(best * count) + j] < 0)
            {
                for (int i = 0; i < rows; i++)
                {
                    columns[(i * count) + j] = -columns[(i * count) + j];
                }
            }
        }
    }
}
