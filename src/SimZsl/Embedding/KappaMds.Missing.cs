using System.Diagnostics;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>The missing-entries route and the stress refinement of <see cref="KappaMds"/>.</summary>
public sealed partial class KappaMds
{
    // Incomplete input: check the observed graph, impute by shortest paths for the strain step (and the curvature
    // search), then always refine by stress over the observed pairs only.
    partial void FitIncomplete(DistanceMatrix distances, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken, ref KappaMdsResult? result)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report(new EmbeddingProgress("impute", 0, double.NaN, 0));
        var graph = ObservedGraph.Build(distances);
        var imputed = DistanceMatrix.CreateTrusted(distances.ClassNames, ShortestPathImputation.Impute(distances, graph, cancellationToken), null);
        progress?.Report(new EmbeddingProgress("impute", 0, double.NaN, 1));

        progress?.Report(new EmbeddingProgress("strain", 0, double.NaN, 0));
        var (curvature, strain) = Options.Curvature is { } k
            ? (k, StrainSolver.Solve(imputed, k, Options, cancellationToken))
            : CurvatureSelection.Choose(imputed, Options, progress, cancellationToken);
        var prototypes = new ClassPrototypes(distances.ClassNames, strain.Coordinates, curvature);
        int iterations = 0;
        bool converged = true;
        Refine(distances, ref prototypes, ref iterations, ref converged, progress, cancellationToken);

        var quality = EmbeddingQualityMeasures.Compute(distances, prototypes.Coordinates, curvature, strain.Strain, cancellationToken);
        result = new KappaMdsResult
        {
            Prototypes = prototypes,
            Eigenvalues = strain.Eigenvalues,
            ClippedEigenvalueMass = strain.ClippedMass,
            Quality = quality,
            Iterations = iterations,
            Converged = converged,
            MissingPairs = distances.MissingPairCount,
            Imputation = ShortestPathImputation.Name,
            Elapsed = clock.Elapsed,
        };
    }

    // Stress refinement (hydra+) over the observed pairs, from the strain solution.
    partial void Refine(DistanceMatrix distances, ref ClassPrototypes prototypes, ref int iterations, ref bool converged, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        var refined = StressRefinement.Refine(prototypes, distances, Options, progress, cancellationToken);
        prototypes = refined.Prototypes;
        iterations = refined.Iterations;
        converged = refined.Converged;
    }
}
