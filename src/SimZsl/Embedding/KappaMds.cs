using System.Diagnostics;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>κ-MDS: embeds a class distance matrix in a space of constant curvature κ. Problem, then solve:
/// <c>new KappaMds(options).Fit(distances)</c>; the quality of the result is measured when asked
/// (<see cref="KappaMdsResult.MeasureQuality(DistanceMatrix, CancellationToken)"/>).</summary>
public sealed partial class KappaMds
{
    /// <summary>Creates the solver; the options are validated against each problem in <c>Fit</c>.</summary>
    public KappaMds(KappaMdsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public KappaMdsOptions Options { get; }

    /// <summary>Embeds the classes of <paramref name="distances"/>: the strain step (closed form) at the given κ, or at
    /// the κ of lowest strain-solution stress when <see cref="KappaMdsOptions.Curvature"/> is null; then, when asked
    /// (<see cref="KappaMdsOptions.Refine"/>) or when entries are missing, stress refinement over the observed pairs.
    /// Missing entries are first imputed by shortest paths through the observed ones for the strain step.</summary>
    /// <exception cref="ArgumentException">The options do not fit the problem (e.g. dimension ≥ number of classes).</exception>
    /// <exception cref="InvalidMatrixException">The distances cannot be embedded at this κ (e.g. cosh(D/r) overflows).</exception>
    /// <exception cref="SimZslException">The observed pairs leave a class unconnected or split the classes into
    /// groups whose relative placement is undetermined.</exception>
    public KappaMdsResult Fit(DistanceMatrix distances, IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(distances, overwriteDistances: false, progress, cancellationToken);

    /// <summary>As <see cref="Fit(DistanceMatrix, IProgress{EmbeddingProgress}?, CancellationToken)"/>, but where nothing
    /// after the strain step reads the distances (complete matrix, fixed κ, no refinement, no landmarks) the strain
    /// matrix is built over their values, which are lost: for the tool, which drops them after the fit and so saves
    /// a second n × n array. <paramref name="distances"/> must not be used afterwards except for its names.</summary>
    internal KappaMdsResult FitDiscarding(DistanceMatrix distances, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken) =>
        Fit(distances, overwriteDistances: distances.IsComplete && Options.Curvature is not null && !Options.Refine && !UsesLandmarks, progress, cancellationToken);

    private KappaMdsResult Fit(DistanceMatrix distances, bool overwriteDistances, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(distances);
        if (distances.Count < 2)
        {
            // Options.Validate would advise "a dimension of at most 0": no option helps one class.
            throw new InvalidMatrixException($"The distance matrix has {distances.Count} class ('{distances.ClassNames[0]}'); κ-MDS places classes relative to each other and needs at least 2.");
        }

        Options.Validate(distances.Count);
        var warnings = Options.Curvature is { } requested && double.IsFinite(requested) ? CurvatureRange.Check(distances, requested) : [];
        var clock = Stopwatch.StartNew();
        if (TakesSparseRoute(distances))
        {
            // A matrix with few observed pairs takes the route of a list of pairs: no n × n imputation, stress over the
            // observed pairs only.
            return FitSparse(PairDistances.FromMatrix(distances), progress, cancellationToken) with { Warnings = warnings };
        }

        if (UsesLandmarks)
        {
            return FitWithLandmarks(distances, progress, cancellationToken) with { Warnings = warnings };
        }

        var complete = distances.IsComplete ? distances : Impute(distances, progress, cancellationToken);
        progress?.Report(new EmbeddingProgress("strain", 0, double.NaN, 0));
        var (curvature, strain) = Options.Curvature is { } k
            ? (k, StrainSolver.Solve(complete, k, Options, overwriteDistances, cancellationToken))
            : CurvatureSelection.Choose(complete, Options, progress, cancellationToken);
        progress?.Report(new EmbeddingProgress("strain", 0, double.NaN, 1));
        var prototypes = new ClassPrototypes(distances.ClassNames, strain.Coordinates, curvature);
        int iterations = 0;
        bool converged = true;
        if (Options.Refine || !distances.IsComplete)
        {
            var refined = StressRefinement.Refine(prototypes, distances, Options, progress, cancellationToken);
            (prototypes, iterations, converged) = (refined.Prototypes, refined.Iterations, refined.Converged);
        }

        progress?.Report(new EmbeddingProgress("done", iterations, double.NaN, 1));
        return new KappaMdsResult
        {
            Prototypes = prototypes,
            Eigenvalues = strain.Eigenvalues,
            ClippedEigenvalueMass = strain.ClippedMass,
            Strain = strain.Strain,
            EigenResidual = strain.Residual,
            Iterations = iterations,
            Converged = converged,
            MissingPairs = distances.MissingPairCount,
            Imputation = distances.IsComplete ? null : ShortestPathImputation.Name,
            Elapsed = clock.Elapsed,
            Warnings = warnings,
        };
    }

    // Asked for, or chosen as for a list of pairs when no landmarks are named and many pairs are missing.
    private bool TakesSparseRoute(DistanceMatrix distances)
    {
        if (Options.Route is { } route)
        {
            return route == KappaMdsRoute.Sparse;
        }

        long pairs = (long)distances.Count * (distances.Count - 1) / 2;
        return !UsesLandmarks && !distances.IsComplete &&
            ChooseRoute(distances.Count, (pairs - distances.MissingPairCount) / (double)pairs) == KappaMdsRoute.Sparse;
    }

    // The strain step needs a complete matrix: refuse an unconnected observed graph (the placement of its parts
    // would be arbitrary), otherwise fill each missing entry with its shortest path through observed ones.
    private static DistanceMatrix Impute(DistanceMatrix distances, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new EmbeddingProgress("impute", 0, double.NaN, 0));
        var graph = ObservedGraph.Build(distances);
        var imputed = DistanceMatrix.CreateTrusted(distances.ClassNames, ShortestPathImputation.Impute(distances, graph, cancellationToken), null);
        progress?.Report(new EmbeddingProgress("impute", 0, double.NaN, 1));
        return imputed;
    }
}
