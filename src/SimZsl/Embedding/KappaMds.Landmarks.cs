using System.Diagnostics;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>The landmark route of <see cref="KappaMds"/>: the L landmark classes are embedded by the strain step on
/// their complete L × L block; every other class is placed from its L landmark distances alone by one matrix product
/// (O(L·m·d), linear in the number of classes m; de Silva–Tenenbaum's formula per κ), then
/// optionally refined by stress against its landmark distances (L-hydra+; <see cref="KappaMdsOptions.Refine"/>).
/// Exact on exact data with at least d + 1 landmarks in general position.</summary>
public sealed partial class KappaMds
{
    private bool UsesLandmarks => Options.Landmarks is not null || Options.LandmarkCount is not null;

    /// <summary>Embeds classes known only through landmarks (Challenge III, and the route to class sets too large for
    /// an n × n matrix): the landmarks from their complete block, every class of <paramref name="others"/> from its
    /// distances to them (its landmark columns may come in any order). κ is chosen on the block when
    /// <see cref="KappaMdsOptions.Curvature"/> is null. Prototypes: the landmarks first (block order), then the placed
    /// classes (row order). Time and memory are linear in the number of placed classes.</summary>
    /// <exception cref="SimZslException">Fewer than d + 1 landmarks, a missing pair in the landmark block, or
    /// landmark names that do not match the block.</exception>
    public KappaMdsResult Fit(DistanceMatrix landmarks, LandmarkDistances others, IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(landmarks);
        ArgumentNullException.ThrowIfNull(others);
        var clock = Stopwatch.StartNew();
        LandmarkMds.CheckBlock(Options, landmarks);
        var warnings = Options.Curvature is { } requested ? CurvatureRange.Check(landmarks, requested) : [];
        double curvature = Options.Curvature ?? CurvatureSelection.Choose(landmarks, Options, progress, cancellationToken).Curvature;
        var result = new LandmarkMds(Options with { Curvature = curvature }).Fit(landmarks, others, progress, cancellationToken);
        return Result(result, missingPairs: 0, imputation: null, clock.Elapsed) with { Warnings = warnings };
    }

    // Landmarks named or chosen; κ chosen on the landmark block when not given; every other class placed from its
    // landmark distances only (other missing entries are simply not needed): O(L·m·d), linear in the classes.
    private KappaMdsResult FitWithLandmarks(DistanceMatrix distances, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var names = Options.Landmarks ?? LandmarkSelection.FarthestPoint(distances, Options.LandmarkCount!.Value, Options.Seed);
        var block = distances.Subset(LandmarkDistances.LandmarkIndices(distances, names));
        LandmarkMds.CheckBlock(Options, block);
        double curvature = Options.Curvature ?? CurvatureSelection.Choose(block, Options, progress, cancellationToken).Curvature;
        var landmarks = new LandmarkMds(Options with { Curvature = curvature }).Fit(distances, names, progress, cancellationToken);
        return Result(landmarks, distances.MissingPairCount, distances.IsComplete ? null : "none needed: classes placed from their landmark distances only", clock.Elapsed);
    }

    private static KappaMdsResult Result(LandmarkMdsResult landmarks, long missingPairs, string? imputation, TimeSpan elapsed) => new()
    {
        Prototypes = landmarks.Prototypes,
        LandmarkNames = landmarks.LandmarkNames,
        Route = KappaMdsRoute.Landmarks,
        Eigenvalues = landmarks.Eigenvalues,
        ClippedEigenvalueMass = landmarks.ClippedEigenvalueMass,
        Strain = double.NaN,
        Iterations = landmarks.Iterations,
        Converged = landmarks.Converged,
        MissingPairs = missingPairs,
        Imputation = imputation,
        Elapsed = elapsed,
    };
}
