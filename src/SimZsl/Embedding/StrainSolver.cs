using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>The strain step of κ-MDS (closed form): decompose B (κ = 0) or A = cos/cosh(D/r) (κ ≠ 0) and read
/// coordinates off the kept eigenpairs, in the prototype representation of <see cref="ClassPrototypes"/>.</summary>
internal static class StrainSolver
{
    /// <summary>Classes from which <see cref="EigenSolver.Auto"/> uses the partial solver.</summary>
    public const int PartialFrom = 400;

    /// <summary>Runs the strain step on complete distances at curvature κ.</summary>
    public static StrainSolution Solve(DistanceMatrix distances, double curvature, KappaMdsOptions options, CancellationToken cancellationToken) =>
        Solve(distances, curvature, options, overwriteDistances: false, cancellationToken);

    /// <summary>As above; with <paramref name="overwriteDistances"/> the strain matrix is built over the distances' values.</summary>
    public static StrainSolution Solve(DistanceMatrix distances, double curvature, KappaMdsOptions options, bool overwriteDistances, CancellationToken cancellationToken)
    {
        var matrix = overwriteDistances
            ? StrainMatrix.BuildOverDistances(distances, curvature, cancellationToken)
            : StrainMatrix.Build(distances, curvature, cancellationToken);
        bool full = options.EigenSolver == EigenSolver.Full || (options.EigenSolver == EigenSolver.Auto && distances.Count < PartialFrom);
        var spectrum = CurvatureRange.Guard(curvature, () => StrainEigensolver.Solve(matrix, options.Dimension, full, options.Seed, cancellationToken), StrainSpectrum.IsFinite);
        if (options.MeasureResidual)
        {
            spectrum = spectrum with { Residual = StrainEigensolver.DirectResidual(matrix, spectrum) };
        }

        var (kept, clippedMass) = spectrum.Clip(curvature);
        var coordinates = curvature == 0 ? Euclidean(spectrum, kept)
            : curvature > 0 ? Spherical(spectrum, kept, matrix.Radius)
            : Hyperbolic(spectrum, kept, matrix.Radius, options);
        double strain = RelativeStrain(matrix, spectrum, kept);
        var eigenvalues = spectrum.TopVector is null ? spectrum.Values : [spectrum.TopValue, .. spectrum.Values];
        return new StrainSolution(coordinates, eigenvalues, clippedMass, strain, spectrum.Residual, spectrum.Products);
    }

    private static RowMatrix Euclidean(StrainSpectrum spectrum, double[] kept)
    {
        int d = kept.Length, n = spectrum.Vectors.Length / Math.Max(d, 1);
        var x = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < d; c++)
            {
                x[(i * d) + c] = Math.Sqrt(kept[c]) * spectrum.Vectors[(i * d) + c];
            }
        }

        return RowMatrix.Wrap(n, d, x);
    }

    // Rows y = (√μ₀ z₀, √μ_k z_k) on the unit sphere after normalising, scaled to radius r.
    private static RowMatrix Spherical(StrainSpectrum spectrum, double[] kept, double radius)
    {
        int d = kept.Length, n = spectrum.TopVector!.Length, columns = d + 1;
        var y = new double[n * columns];
        double top = Math.Sqrt(spectrum.TopValue);
        for (int i = 0; i < n; i++)
        {
            var row = y.AsSpan(i * columns, columns);
            row[0] = top * spectrum.TopVector[i];
            for (int c = 0; c < d; c++)
            {
                row[c + 1] = Math.Sqrt(kept[c]) * spectrum.Vectors[(i * d) + c];
            }

            double norm = Math.Sqrt(SquaredNorm(row));
            if (!(norm > 0))
            {
                throw new InvalidMatrixException($"Class {i} lands on the origin in the spherical strain step; the distances do not fit a sphere at this curvature (try another κ or dimension).", i, i);
            }

            System.Numerics.Tensors.TensorPrimitives.Multiply(row, radius / norm, row);
        }

        return RowMatrix.Wrap(n, columns, y);
    }

    // Space coordinates X = z_k √(−μ_k) of the Lorentz points (x₀, X); Poincaré point p = r·X/(1 + x₀).
    private static RowMatrix Hyperbolic(StrainSpectrum spectrum, double[] kept, double radius, KappaMdsOptions options)
    {
        int d = kept.Length, n = spectrum.TopVector!.Length;
        var p = new double[n * d];
        var x0 = new double[n];
        double top = Math.Sqrt(spectrum.TopValue), minimum = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            x0[i] = top * spectrum.TopVector[i];
            minimum = Math.Min(minimum, x0[i]);
        }

        for (int i = 0; i < n; i++)
        {
            var row = p.AsSpan(i * d, d);
            for (int c = 0; c < d; c++)
            {
                row[c] = Math.Sqrt(-kept[c]) * spectrum.Vectors[(i * d) + c];
            }

            double squared = SquaredNorm(row);
            double scale;
            if (options.HyperbolicRadius == HyperbolicRadius.Exact)
            {
                // x₀ = √(1 + ‖X‖²): the hyperboloid point above X (equal to √μ₀ z₀ on exact data, and
                // inside the ball even when the data are not).
                scale = radius / (1 + Math.Sqrt(1 + squared));
            }
            else
            {
                double alpha = options.HydraAlpha;
                double unitRadius = Math.Sqrt(Math.Max(0, ((alpha * x0[i]) - minimum) / ((alpha * x0[i]) + minimum)));
                double norm = Math.Sqrt(squared);
                scale = norm > 0 ? radius * unitRadius / norm : 0;
            }

            System.Numerics.Tensors.TensorPrimitives.Multiply(row, scale, row);
        }

        return RowMatrix.Wrap(n, d, p);
    }

    // A plain loop rather than TensorPrimitives: its fused multiply–adds may change with JIT tier, and the
    // coordinates must come out the same on every run.
    private static double SquaredNorm(ReadOnlySpan<double> row)
    {
        double s = 0;
        foreach (double v in row)
        {
            s += v * v;
        }

        return s;
    }

    // ‖M − Z diag(w) Zᵀ‖_F / ‖M‖_F with M = A (κ ≠ 0) or B, Z the kept Ritz vectors (orthonormal) and w their kept
    // eigenvalues (the Ritz value μ, or 0 where clipped). Because ZᵀZ = I and ZᵀMZ = diag(μ) (Rayleigh–Ritz, and
    // exact eigenvectors for the full decomposition), ‖M − ZWZᵀ‖² = ‖M‖² − Σ (2w·μ − w²): no pass over the n × n
    // matrix. The subtraction costs precision: the result is good to about √(n·ε) relative to ‖M‖ (~1e-6 at
    // n = 5000, and worse for tiny |κ|, where the all-ones part dominates ‖A‖), so a strain below that reads as 0;
    // as a quality figure it is reported to two or three digits.
    private static double RelativeStrain(StrainMatrix matrix, StrainSpectrum spectrum, double[] kept)
    {
        double total = matrix.GramFrobeniusSquared;
        if (!(total > 0))
        {
            return 0;
        }

        double explained = spectrum.TopVector is null ? 0 : spectrum.TopValue * spectrum.TopValue;
        for (int c = 0; c < kept.Length; c++)
        {
            explained += (2 * kept[c] * spectrum.Values[c]) - (kept[c] * kept[c]);
        }

        return Math.Sqrt(Math.Max(0, total - explained) / total);
    }
}

/// <summary>What the strain step produced.</summary>
/// <param name="Coordinates">Prototype coordinates (see <see cref="ClassPrototypes"/>).</param>
/// <param name="Eigenvalues">Kept eigenvalues (κ ≠ 0: μ₀ first).</param>
/// <param name="ClippedMass">Clipped share of the kept spectrum's magnitude.</param>
/// <param name="Strain">Relative strain.</param>
/// <param name="Residual">Largest relative eigen-residual.</param>
/// <param name="Products">Matrix–block products of the partial solver (0 for the full decomposition).</param>
internal sealed record StrainSolution(RowMatrix Coordinates, IReadOnlyList<double> Eigenvalues, double ClippedMass, double Strain, double Residual, int Products);
