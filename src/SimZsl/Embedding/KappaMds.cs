using System.Diagnostics;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>κ-MDS: embeds a class distance matrix in a space of constant curvature κ. Problem, then solve:
/// <c>new KappaMds(options).Fit(distances)</c>.</summary>
public sealed partial class KappaMds
{
    /// <summary>Creates the solver; the options are validated against each problem in <see cref="Fit"/>.</summary>
    public KappaMds(KappaMdsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public KappaMdsOptions Options { get; }

    /// <summary>Embeds the classes of <paramref name="distances"/>: the strain step (closed form) at the given κ,
    /// or at the κ of lowest strain-solution stress when <see cref="KappaMdsOptions.Curvature"/> is null.</summary>
    /// <exception cref="ArgumentException">The options do not fit the problem (e.g. dimension ≥ number of classes).</exception>
    /// <exception cref="InvalidMatrixException">The distances cannot be embedded at this κ (e.g. cosh(D/r) overflows).</exception>
    public KappaMdsResult Fit(DistanceMatrix distances, IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(distances);
        Options.Validate(distances.Count);
        var clock = Stopwatch.StartNew();
        if (UsesLandmarks)
        {
            return FitWithLandmarks(distances, progress, cancellationToken);
        }

        if (!distances.IsComplete)
        {
            KappaMdsResult? completed = null;
            FitIncomplete(distances, progress, cancellationToken, ref completed);
            return completed ?? throw new SimZslException(
                $"{distances.MissingPairCount} class pairs of the distance matrix are missing; missing entries need refinement (imputation and stress refinement), which this build does not provide yet. Give a complete matrix.");
        }

        progress?.Report(new EmbeddingProgress("strain", 0, double.NaN, 0));
        var (curvature, strain) = Options.Curvature is { } k
            ? (k, StrainSolver.Solve(distances, k, Options, cancellationToken))
            : CurvatureSelection.Choose(distances, Options, progress, cancellationToken);
        var prototypes = new ClassPrototypes(distances.ClassNames, strain.Coordinates, curvature);
        int iterations = 0;
        bool converged = true;
        if (Options.Refine)
        {
            Refine(distances, ref prototypes, ref iterations, ref converged, progress, cancellationToken);
        }

        var quality = EmbeddingQualityMeasures.Compute(distances, prototypes.Coordinates, curvature, strain.Strain, cancellationToken);
        progress?.Report(new EmbeddingProgress("strain", 1, quality.Stress, 1));
        return new KappaMdsResult
        {
            Prototypes = prototypes,
            Eigenvalues = strain.Eigenvalues,
            ClippedEigenvalueMass = strain.ClippedMass,
            Quality = quality,
            Iterations = iterations,
            Converged = converged,
            Elapsed = clock.Elapsed,
        };
    }

    // Hooks for the missing-entries and stress-refinement work (implemented in another part of this class):
    // without an implementation the compiler removes the calls, and incomplete input is refused above.
    partial void FitIncomplete(DistanceMatrix distances, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken, ref KappaMdsResult? result);

    partial void Refine(DistanceMatrix distances, ref ClassPrototypes prototypes, ref int iterations, ref bool converged, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken);
}
