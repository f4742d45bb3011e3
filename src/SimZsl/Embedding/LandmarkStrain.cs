using System.Globalization;
using System.Numerics.Tensors;
using SimZsl.Geometry;

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

    /// <summary>Embeds a complete L × L block of distances by the strain step every route shares (the matrix of
    /// <see cref="StrainMatrix"/>, the full decomposition of <see cref="StrainEigensolver"/>, the clipping of
    /// <see cref="StrainSpectrum.Clip"/>) and keeps the linear map that places other classes.</summary>
    /// <exception cref="InvalidMatrixException">cosh(D/r) overflows, or (κ &lt; 0) the block has no positive eigenvalue.</exception>
    public static LandmarkStrain Fit(Similarity.DistanceMatrix landmarks, int dimension, double curvature, CancellationToken cancellationToken)
    {
        // LandmarkMds.CheckBlock has made sure of d + 1 landmarks and a complete block.
        int count = landmarks.Count;
        var matrix = StrainMatrix.Build(landmarks, curvature, cancellationToken);
        var spectrum = CurvatureRange.Guard(curvature, () => StrainEigensolver.Full(matrix, dimension, cancellationToken), StrainSpectrum.IsFinite);
        var (kept, clipped) = spectrum.Clip(curvature);
        return curvature < 0
            ? Hyperbolic(spectrum, kept, count, dimension, curvature, clipped)
            : Positive(spectrum, kept, count, dimension, curvature, clipped, matrix.SquaredRowMeans);
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
            TensorPrimitives.Multiply(distances[..Count], 1 / KappaSpace.LengthScale(Curvature), kernel);
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

    // κ ≥ 0: the top d (κ = 0) or d + 1 (κ > 0: the top pair first) eigenpairs; clipped pairs give zero columns.
    private static LandmarkStrain Positive(StrainSpectrum spectrum, double[] kept, int n, int dimension, double curvature, double clipped, double[]? mean)
    {
        bool sphere = curvature > 0;
        int keep = kept.Length + (sphere ? 1 : 0);
        var coordinates = new double[n * keep];
        var projection = new double[n * keep];
        var eigenvalues = sphere ? [spectrum.TopValue, .. spectrum.Values] : spectrum.Values.ToArray();
        for (int c = 0; c < keep; c++)
        {
            double lambda = sphere && c == 0 ? spectrum.TopValue : kept[c - (sphere ? 1 : 0)];
            if (!(lambda > 0))
            {
                continue;
            }

            double root = Math.Sqrt(lambda);
            double scale = curvature == 0 ? -0.5 / root : 1 / root;
            for (int i = 0; i < n; i++)
            {
                double v = sphere && c == 0 ? spectrum.TopVector![i] : spectrum.Vectors[(i * kept.Length) + c - (sphere ? 1 : 0)];
                coordinates[(i * keep) + c] = v * root;
                projection[(i * keep) + c] = v * scale;
            }
        }

        var offset = new double[keep];
        if (mean is not null)
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

        return new LandmarkStrain(curvature, dimension, n, coordinates, projection, offset, eigenvalues, clipped);
    }

    // κ < 0: λ₀ the largest (time), then the d most negative (space).
    private static LandmarkStrain Hyperbolic(StrainSpectrum spectrum, double[] kept, int n, int dimension, double curvature, double clipped)
    {
        double top = spectrum.TopValue;
        int outputs = dimension + 1;
        var projection = new double[n * outputs];
        var coordinates = new double[n * dimension];
        // The Perron vector of cosh(D/r) has one sign; the shared sign rule makes it positive.
        for (int i = 0; i < n; i++)
        {
            projection[i * outputs] = spectrum.TopVector![i] / Math.Sqrt(top);
        }

        for (int c = 0; c < kept.Length; c++)
        {
            double lambda = kept[c];
            if (!(lambda < 0))
            {
                continue;
            }

            double root = Math.Sqrt(-lambda);
            for (int i = 0; i < n; i++)
            {
                double x = spectrum.Vectors[(i * kept.Length) + c] * root;
                coordinates[(i * dimension) + c] = x;
                projection[(i * outputs) + c + 1] = -x / -lambda;
            }
        }

        return new LandmarkStrain(curvature, dimension, n, coordinates, projection, new double[outputs], [top, .. spectrum.Values], clipped);
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
