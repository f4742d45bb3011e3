using System.Diagnostics;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>The landmark route of <see cref="KappaMds"/> (<see cref="KappaMdsOptions.Landmarks"/> or
/// <see cref="KappaMdsOptions.LandmarkCount"/>): see <see cref="LandmarkMds"/>.</summary>
public sealed partial class KappaMds
{
    private bool UsesLandmarks => Options.Landmarks is not null || Options.LandmarkCount is not null;

    // Landmarks named or chosen; κ chosen on the landmark block when not given; every other class placed from its
    // landmark distances only (other missing entries are simply not needed): O(L·m·d), linear in the classes.
    private KappaMdsResult FitWithLandmarks(DistanceMatrix distances, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var names = Options.Landmarks ?? LandmarkSelection.FarthestPoint(distances, Options.LandmarkCount!.Value, Options.Seed);
        var indices = LandmarkDistances.LandmarkIndices(distances, names);
        double curvature = Options.Curvature ?? CurvatureSelection.Choose(distances.Subset(indices), Options, progress, cancellationToken).Curvature;
        var landmarks = new LandmarkMds(Options with { Curvature = curvature }).Fit(distances, names, progress, cancellationToken);
        return new KappaMdsResult
        {
            Prototypes = landmarks.Prototypes,
            Eigenvalues = landmarks.Eigenvalues,
            ClippedEigenvalueMass = landmarks.ClippedEigenvalueMass,
            Strain = double.NaN,
            Iterations = landmarks.Iterations,
            Converged = landmarks.Converged,
            MissingPairs = distances.MissingPairCount,
            Imputation = distances.IsComplete ? null : "none needed: classes placed from their landmark distances only",
            Elapsed = clock.Elapsed,
        };
    }
}
