using System.Globalization;
using System.Numerics.Tensors;

namespace SimZsl.Embedding;

/// <summary>The strain step on a complete block of L classes (§2 of the design) together with the linear map that
/// places any other class from its L distances (§5), in unit-curvature internal coordinates
/// (<see cref="KappaCoordinates"/>):
/// κ = 0: B = −½ J D∘² J, X = V Λ^{1/2}; a class at squared distances δ² goes to (δ² − μ)ᵀ · (−½ V Λ^{−1/2})
/// (de Silva–Tenenbaum; μ the mean column of D∘²).
/// κ &gt; 0: A = cos(D/r), Y = V Λ^{1/2} (top d + 1), rows normalised; a class goes to cos(δ/r)ᵀ V Λ^{−1/2}, normalised.
/// κ &lt; 0: A = cosh(D/r) = −(Lorentz Gram); x₀ = √λ₀ v₀, X = [v₁ … v_d] diag(√|λ_k|) (the d most negative);
/// a class goes to the spatial part of cosh(δ/r)ᵀ [x₀/λ₀, −X diag(1/|λ_k|)].
/// On exact data of the geometry with at least d + 1 landmarks in general position both are exact.</summary>
internal sealed class LandmarkStrain
{
    private readonly double[] _projectionColumns; // Outputs × L: the same, transposed for Dot
    private readonly double[] _offset; // Outputs

    private LandmarkStrain(double curvature, int dimension, int count, double[] coordinates, double[] projection, double[] offset, double[] eigenvalues, double clipped)
    {
        Curvature = curvature;
        Dimension = dimension;
        Count = count;
        Coordinates = coordinates;
        _offset = offset;
        Eigenvalues = eigenvalues;
        ClippedMass = clipped;
        int outputs = offset.Length;
        _projectionColumns = new double[outputs * count];
        for (int l = 0; l < count; l++)
        {
            for (int c = 0; c < outputs; c++)
            {
                _projectionColumns[(c * count) + l] = projection[(l * outputs) + c];
            }
        }
    }

    /// <summary>The curvature.</summary>
    public double Curvature { get; }

    /// <summary>Intrinsic dimension d.</summary>
    public int Dimension { get; }

    /// <summary>Number of landmarks L.</summary>
    public int Count { get; }

    /// <summary>Internal columns per point.</summary>
    public int Columns => KappaCoordinates.Columns(Dimension, Curvature);

    /// <summary>Landmark coordinates, internal, row-major L × <see cref="Columns"/>.</summary>
    public double[] Coordinates { get; }

    /// <summary>The kept eigenvalues (κ &lt; 0: λ₀ first, then the d most negative).</summary>
    public double[] Eigenvalues { get; }

    /// <summary>Fraction of the kept spectrum's magnitude that had the wrong sign and was clipped to zero.</summary>
    public double ClippedMass { get; }

    /// <summary>Embeds a complete L × L block of distances (row-major, D's units).</summary>
    /// <exception cref="InvalidMatrixException">cosh(D/r) overflows, or (κ &lt; 0) the block has no positive eigenvalue.</exception>
    public static LandmarkStrain Fit(ReadOnlySpan<double> distances, int count, int dimension, double curvature)
    {
        if (count < dimension + 1)
        {
            throw new SimZslException($"{count} landmarks cannot span dimension {dimension}: give at least d + 1 = {dimension + 1}.");
        }

        double r = KappaCoordinates.Radius(curvature);
        CheckOverflow(distances, count, curvature);
        var a = new double[count * count];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = Kernel(distances[k], curvature, r);
        }

        var mean = new double[count];
        if (curvature == 0)
        {
            DoubleCenter(a, count, mean);
        }

        var (values, vectors) = CurvatureRange.Guard(curvature, () => SymmetricEigen.Decompose(a, count), r => r.Values.All(double.IsFinite) && r.Vectors.All(double.IsFinite));
        SymmetricEigen.FixSigns(vectors, count, count);
        return curvature < 0
            ? Hyperbolic(values, vectors, count, dimension, curvature)
            : Positive(values, vectors, count, dimension, curvature, mean);
    }

    /// <summary>Places one class from its distances to the landmarks (D's units) into internal coordinates.</summary>
    public void Place(ReadOnlySpan<double> distances, Span<double> output, Span<double> scratch)
    {
        // The kernel f(D) as SIMD passes over the L distances (cos and cosh are vectorised in TensorPrimitives).
        var kernel = scratch[..Count];
        if (Curvature == 0)
        {
            TensorPrimitives.Multiply(distances[..Count], distances[..Count], kernel);
        }
        else
        {
            TensorPrimitives.Multiply(distances[..Count], 1 / KappaCoordinates.Radius(Curvature), kernel);
            if (Curvature > 0)
            {
                TensorPrimitives.Cos(kernel, kernel);
            }
            else
            {
                TensorPrimitives.Cosh(kernel, kernel);
            }
        }

        int outputs = _offset.Length;
        Span<double> lifted = stackalloc double[outputs];
        for (int c = 0; c < outputs; c++)
        {
            lifted[c] = TensorPrimitives.Dot<double>(kernel, _projectionColumns.AsSpan(c * Count, Count)) + _offset[c];
        }

        if (Curvature < 0)
        {
            lifted[1..].CopyTo(output); // the spatial part; x₀ follows from it on the hyperboloid
        }
        else
        {
            lifted.CopyTo(output);
            if (Curvature > 0)
            {
                double norm = Math.Sqrt(TensorPrimitives.Dot<double>(output, output));
                if (norm > 0)
                {
                    TensorPrimitives.Divide(output, norm, output);
                }
            }
        }
    }

    // f(D): D² (κ = 0), cos(D/r) (κ > 0), cosh(D/r) (κ < 0).
    private static double Kernel(double distance, double curvature, double r) =>
        curvature == 0 ? distance * distance : curvature > 0 ? Math.Cos(distance / r) : Math.Cosh(distance / r);

    private static void CheckOverflow(ReadOnlySpan<double> distances, int count, double curvature)
    {
        if (curvature >= 0)
        {
            return;
        }

        CurvatureRange.CheckHyperbolic(count, curvature, TensorPrimitives.Max(distances));
    }

    // B = −½ J A J for A = D∘²; the column means μ of A are kept for placement.
    private static void DoubleCenter(double[] a, int n, double[] mean)
    {
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            mean[i] = TensorPrimitives.Sum<double>(a.AsSpan(i * n, n)) / n;
            total += mean[i];
        }

        total /= n;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[(i * n) + j] = -0.5 * (a[(i * n) + j] - mean[i] - mean[j] + total);
            }
        }
    }

    // κ ≥ 0: keep the top d (κ = 0) or d + 1 (κ > 0) eigenpairs.
    private static LandmarkStrain Positive(double[] values, double[] vectors, int n, int dimension, double curvature, double[] mean)
    {
        int keep = curvature > 0 ? dimension + 1 : dimension;
        keep = Math.Min(keep, n);
        var coordinates = new double[n * keep];
        var projection = new double[n * keep];
        var kept = new double[keep];
        double clipped = 0, magnitude = 0;
        for (int c = 0; c < keep; c++)
        {
            int k = n - 1 - c;
            double lambda = values[k];
            kept[c] = lambda;
            magnitude += Math.Abs(lambda);
            if (lambda <= 0)
            {
                clipped += Math.Abs(lambda);
                continue;
            }

            double root = Math.Sqrt(lambda);
            double scale = curvature == 0 ? -0.5 / root : 1 / root;
            for (int i = 0; i < n; i++)
            {
                coordinates[(i * keep) + c] = vectors[(i * n) + k] * root;
                projection[(i * keep) + c] = vectors[(i * n) + k] * scale;
            }
        }

        var offset = new double[keep];
        if (curvature == 0)
        {
            for (int c = 0; c < keep; c++)
            {
                double s = 0;
                for (int i = 0; i < n; i++)
                {
                    s += mean[i] * projection[(i * keep) + c];
                }

                offset[c] = -s;
            }
        }
        else
        {
            NormalizeRows(coordinates, n, keep);
        }

        int columns = KappaCoordinates.Columns(dimension, curvature);
        if (keep < columns)
        {
            coordinates = Widen(coordinates, n, keep, columns);
            projection = Widen(projection, n, keep, columns);
            offset = Widen(offset, 1, keep, columns);
        }

        return new LandmarkStrain(curvature, dimension, n, coordinates, projection, offset, kept, magnitude > 0 ? clipped / magnitude : 0);
    }

    // κ < 0: λ₀ the largest (time), then the d most negative (space).
    private static LandmarkStrain Hyperbolic(double[] values, double[] vectors, int n, int dimension, double curvature)
    {
        double top = values[n - 1];
        if (!(top > 0))
        {
            throw new InvalidMatrixException("cosh(D/r) of the landmark block has no positive eigenvalue: the distances are not hyperbolic at this curvature. Check the input or try another κ.");
        }

        int outputs = dimension + 1;
        var projection = new double[n * outputs];
        var coordinates = new double[n * dimension];
        var kept = new double[outputs];
        kept[0] = top;
        double sign = 0;
        for (int i = 0; i < n; i++)
        {
            sign += vectors[(i * n) + n - 1];
        }

        sign = sign < 0 ? -1 : 1;
        for (int i = 0; i < n; i++)
        {
            double v0 = sign * vectors[(i * n) + n - 1];
            projection[i * outputs] = v0 * Math.Sqrt(top) / top;
        }

        double clipped = 0, magnitude = top;
        for (int c = 0; c < dimension && c < n - 1; c++)
        {
            double lambda = values[c];
            kept[c + 1] = lambda;
            magnitude += Math.Abs(lambda);
            if (lambda >= 0)
            {
                clipped += Math.Abs(lambda);
                continue;
            }

            double root = Math.Sqrt(-lambda);
            for (int i = 0; i < n; i++)
            {
                double x = vectors[(i * n) + c] * root;
                coordinates[(i * dimension) + c] = x;
                projection[(i * outputs) + c + 1] = -x / -lambda;
            }
        }

        return new LandmarkStrain(curvature, dimension, n, coordinates, projection, new double[outputs], kept, clipped / magnitude);
    }

    private static void NormalizeRows(double[] x, int rows, int cols)
    {
        for (int i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * cols, cols);
            double norm = Math.Sqrt(TensorPrimitives.Dot<double>(row, row));
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }
    }

    private static double[] Widen(double[] x, int rows, int cols, int wider)
    {
        var result = new double[rows * wider];
        for (int i = 0; i < rows; i++)
        {
            x.AsSpan(i * cols, cols).CopyTo(result.AsSpan(i * wider, cols));
        }

        return result;
    }
}
