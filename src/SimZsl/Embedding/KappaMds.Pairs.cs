using System.Diagnostics;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>κ-MDS of a list of observed pairs (<see cref="PairDistances"/>), for class sets too large for an n × n
/// matrix. Two routes, chosen by <see cref="KappaMdsOptions.Route"/> or automatically:
/// dense (the pairs become a masked matrix and take the matrix pipeline) for small or well-observed inputs, and sparse,
/// whose time per stage and memory are linear in the pairs: landmarks chosen by farthest-point sampling over path
/// lengths with shortest paths from those L landmarks only (Dijkstra with a binary heap, L·(E + n) log n); the landmark route's strain
/// on their L × L block and placement of every other class from its L path lengths (O(L·n·d)); then stress refinement
/// over the observed pairs only (O(E·d) per L-BFGS step).</summary>
public sealed partial class KappaMds
{
    /// <summary>The automatic route is sparse only from this many classes on: below it the dense route costs little (its
    /// n × n arrays are small and the strain step uses the full eigensolver there, <c>StrainSolver.PartialFrom</c>).</summary>
    public const int SparseFromClasses = 400;

    /// <summary>The automatic route is sparse only when at most this fraction of all pairs is observed.</summary>
    public const double SparseUpToObservedFraction = 0.3;

    /// <summary>Landmarks of the sparse route when the options name none: at least this many (and 4(d + 1)), at most n.</summary>
    public const int DefaultSparseLandmarks = 32;

    /// <summary>Embeds the classes of a list of observed pairs, in their order of first appearance, by the dense or
    /// the sparse route (<see cref="KappaMdsOptions.Route"/>; the result says which ran in <see cref="KappaMdsResult.Route"/>).
    /// Stress refinement over the observed pairs always runs (pairs are missing). κ is chosen on the landmark block (sparse)
    /// or the imputed matrix (dense) when <see cref="KappaMdsOptions.Curvature"/> is null.</summary>
    /// <exception cref="ArgumentException">The options do not fit the problem.</exception>
    /// <exception cref="SimZslException">The observed pairs leave a class unconnected or split the classes into groups,
    /// or fewer than d + 1 landmarks.</exception>
#pragma warning disable RS0026 // The overloads of Fit differ in their first parameter's type, so no call is ambiguous.
    public KappaMdsResult Fit(PairDistances pairs, IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
#pragma warning restore RS0026
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count < 2)
        {
            throw new InvalidMatrixException($"The pairs name {pairs.Count} class ('{pairs.ClassNames[0]}'); κ-MDS places classes relative to each other and needs at least 2.");
        }

        Options.Validate(pairs.Count);
        if ((Options.Route ?? ChooseRoute(pairs.Count, pairs.ObservedFraction)) == KappaMdsRoute.Dense)
        {
            var dense = new KappaMds(Options with { Landmarks = null, LandmarkCount = null, Route = KappaMdsRoute.Dense }).Fit(pairs.ToMatrix(), progress, cancellationToken);
            return dense with { Route = KappaMdsRoute.Dense };
        }

        return FitSparse(pairs, progress, cancellationToken);
    }

    /// <summary>The automatic choice: sparse for many classes with few observed pairs, dense otherwise.</summary>
    internal static KappaMdsRoute ChooseRoute(int classes, double observedFraction) =>
        classes >= SparseFromClasses && observedFraction <= SparseUpToObservedFraction ? KappaMdsRoute.Sparse : KappaMdsRoute.Dense;

    private KappaMdsResult FitSparse(PairDistances pairs, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int n = pairs.Count;
        ObservedGraph.Build(pairs);   // refuses an isolated class or a disconnected graph, with names
        progress?.Report(new EmbeddingProgress("paths", 0, double.NaN, 0));
        int count = Options.Landmarks?.Count ?? Options.LandmarkCount ?? Math.Min(n, Math.Max(DefaultSparseLandmarks, 4 * (Options.Dimension + 1)));
        var (landmarks, paths) = LandmarkSelection.FarthestPoint(pairs, count, Options.Seed, Options.Landmarks, cancellationToken);
        progress?.Report(new EmbeddingProgress("paths", 0, double.NaN, 1));

        var placement = new KappaMds(Options with { Refine = false, Landmarks = null, LandmarkCount = null, Route = null })
            .Fit(LandmarkBlock(pairs, landmarks, paths), OthersFromPaths(pairs, landmarks, paths), progress, cancellationToken);
        var start = placement.Prototypes.Reordered(pairs.ClassNames, pairs.IndexOf);
        double curvature = start.Curvature;
        var x = KappaCoordinates.ToInternal(start.Coordinates, curvature);
        var outcome = StressRefinement.Minimize(PairStressFunction.Create(pairs, Options.Dimension, curvature, Options.Weighting), x, Options, progress, cancellationToken);
        progress?.Report(new EmbeddingProgress("done", outcome.Iterations, double.NaN, 1));
        return new KappaMdsResult
        {
            Prototypes = new ClassPrototypes(pairs.ClassNames, KappaCoordinates.ToPrototypes(x, n, start.Coordinates.Columns, curvature), curvature),
            Route = KappaMdsRoute.Sparse,
            LandmarkNames = placement.LandmarkNames,
            Eigenvalues = placement.Eigenvalues,
            ClippedEigenvalueMass = placement.ClippedEigenvalueMass,
            Strain = double.NaN,
            Iterations = placement.Iterations + outcome.Iterations,
            Converged = placement.Converged && outcome.Converged,
            MissingPairs = ((long)n * (n - 1) / 2) - pairs.PairCount,
            Imputation = $"shortest paths from {landmarks.Length} landmarks through the observed pairs (Dijkstra)",
            Elapsed = clock.Elapsed,
            Warnings = placement.Warnings,
        };
    }

    // The L × L block among the landmarks: path lengths a→b and b→a agree up to rounding; the shorter is kept (as the
    // dense imputation does), so the block is exactly symmetric.
    private static DistanceMatrix LandmarkBlock(PairDistances pairs, int[] landmarks, double[] paths)
    {
        int l = landmarks.Length, n = pairs.Count;
        var block = new double[l * l];
        for (int a = 0; a < l; a++)
        {
            for (int b = a + 1; b < l; b++)
            {
                double d = Math.Min(paths[(a * n) + landmarks[b]], paths[(b * n) + landmarks[a]]);
                block[(a * l) + b] = d;
                block[(b * l) + a] = d;
            }
        }

        return DistanceMatrix.CreateTrusted(landmarks.Select(i => pairs.ClassNames[i]).ToArray(), block, null);
    }

    // Every other class's path lengths to the landmarks, one row per class (the transpose of the Dijkstra rows).
    private static LandmarkDistances OthersFromPaths(PairDistances pairs, int[] landmarks, double[] paths)
    {
        int l = landmarks.Length, n = pairs.Count;
        var isLandmark = new bool[n];
        foreach (int i in landmarks)
        {
            isLandmark[i] = true;
        }

        var others = Enumerable.Range(0, n).Where(i => !isLandmark[i]).ToArray();
        var rows = new double[others.Length * l];
        for (int a = 0; a < others.Length; a++)
        {
            for (int b = 0; b < l; b++)
            {
                rows[(a * l) + b] = paths[(b * n) + others[a]];
            }
        }

        return LandmarkDistances.Create(
            landmarks.Select(i => pairs.ClassNames[i]).ToArray(),
            others.Select(i => pairs.ClassNames[i]).ToArray(),
            RowMatrix.Wrap(others.Length, l, rows));
    }
}
