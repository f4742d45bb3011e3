using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>κ-MDS of a distance matrix with missing entries (Challenge IV): check that the observed pairs connect
/// every class, fill the missing entries by <see cref="ShortestPathImputation"/> for the strain step only, then
/// minimise the stress over the observed pairs alone (the imputed values never enter the final fit).
/// A complete matrix skips the first two steps.</summary>
internal static class MissingEntryPipeline
{
    /// <summary>What the pipeline produced.</summary>
    /// <param name="Prototypes">The refined prototypes.</param>
    /// <param name="StrainPrototypes">The strain solution the refinement started from.</param>
    /// <param name="Refinement">How the refinement went (stress in unit-curvature units: multiply by r²).</param>
    /// <param name="Imputation">The imputation used, or null when nothing was missing.</param>
    /// <param name="MissingPairs">Unordered pairs whose distance was missing.</param>
    /// <param name="Eigenvalues">The kept eigenvalues of the strain step.</param>
    /// <param name="ClippedMass">Clipped fraction of the kept spectrum.</param>
    internal sealed record Embedding(
        ClassPrototypes Prototypes,
        ClassPrototypes StrainPrototypes,
        Lbfgs.Outcome Refinement,
        string? Imputation,
        long MissingPairs,
        double[] Eigenvalues,
        double ClippedMass);

    /// <summary>Runs impute → strain → masked stress refinement at a given curvature.</summary>
    /// <param name="distances">The matrix, missing entries allowed.</param>
    /// <param name="curvature">κ.</param>
    /// <param name="options">Dimension and the refinement settings.</param>
    /// <param name="strain">The strain step on a complete row-major matrix (n, d, κ) → internal coordinates,
    /// eigenvalues and clipped mass; null uses the full-eigendecomposition strain of <see cref="LandmarkStrain"/>.</param>
    /// <param name="progress">Reports "impute", "strain" and every "refine" iteration.</param>
    /// <param name="cancellationToken">Checked between stages and every iteration.</param>
    public static Embedding Run(
        DistanceMatrix distances,
        double curvature,
        KappaMdsOptions options,
        Func<double[], int, int, double, (double[] Coordinates, double[] Eigenvalues, double ClippedMass)>? strain = null,
        IProgress<EmbeddingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(options);
        int n = distances.Count, d = options.Dimension;
        double[] complete;
        string? imputation = null;
        if (distances.IsComplete)
        {
            complete = distances.RawValues;
        }
        else
        {
            progress?.Report(new EmbeddingProgress("impute", 0, double.NaN, 0));
            var graph = ObservedGraph.Build(distances);
            complete = ShortestPathImputation.Impute(distances, graph, cancellationToken);
            imputation = ShortestPathImputation.Name;
            progress?.Report(new EmbeddingProgress("impute", 0, double.NaN, 1));
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new EmbeddingProgress("strain", 0, double.NaN, 0));
        strain ??= (matrix, count, dimension, kappa) =>
        {
            var step = LandmarkStrain.Fit(matrix, count, dimension, kappa);
            return (step.Coordinates, step.Eigenvalues, step.ClippedMass);
        };
        var (x, eigenvalues, clipped) = strain(complete, n, d, curvature);
        int cols = KappaCoordinates.Columns(d, curvature);
        var start = new ClassPrototypes(distances.ClassNames, KappaCoordinates.ToPrototypes(x, n, cols, curvature), curvature);
        var stress = StressFunction.Create(distances, d, curvature, options.Weighting);
        var outcome = StressRefinement.Minimize(stress, x, options, progress, cancellationToken);
        var prototypes = new ClassPrototypes(distances.ClassNames, KappaCoordinates.ToPrototypes(x, n, cols, curvature), curvature);
        return new Embedding(prototypes, start, outcome, imputation, distances.MissingPairCount, eigenvalues, clipped);
    }
}
