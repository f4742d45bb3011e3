using SimZsl.Embedding;
using SimZsl.Similarity;
using SimZsl.Tests.Missing;
using Xunit.Abstractions;

namespace SimZsl.Tests.Pairs;

/// <summary>The sparse route of κ-MDS on lists of pairs: exact recovery of unobserved distances on exact data in all
/// three geometries, the pair-list stress against the dense masked one, Dijkstra against the all-pairs imputation,
/// the route choice and determinism.</summary>
public class SparseRouteTests(ITestOutputHelper output)
{
    /// <summary>Exact distances of n seeded points, of which a random fraction of the pairs is observed, plus a random
    /// spanning path so that the observed graph is connected. Returns the pairs and the truth.</summary>
    internal static (PairDistances Pairs, ClassPrototypes Truth) Observed(int n, int d, double curvature, double fraction, int seed)
    {
        var truth = ExactData.Points(n, d, curvature, seed);
        var random = new Random(seed + 1);
        var a = new List<string>();
        var b = new List<string>();
        var values = new List<double>();
        void Add(int i, int j)
        {
            a.Add(truth.ClassNames[i]);
            b.Add(truth.ClassNames[j]);
            values.Add(truth.Distance(i, j));
        }

        var path = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        for (int k = 1; k < n; k++)
        {
            Add(path[k - 1], path[k]);
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (random.NextDouble() < fraction)
                {
                    Add(i, j);
                }
            }
        }

        var pairs = PairDistances.Create(a, b, values);   // a pair on the path and drawn again has the same value
        return (pairs, truth);
    }

    // Observed here (n = 300, 15 % of the pairs, 3000 unobserved pairs): median relative error 1e-10 to 2e-9 in all
    // three geometries (κ = −1, d = 8: 1.5e-9); the bound 1e-6 leaves room for other BLAS-free rounding paths.
    [Theory]
    [InlineData(-1.0, 3)]
    [InlineData(0.0, 3)]
    [InlineData(1.0, 3)]
    [InlineData(-1.0, 8)]
    public void TheSparseRouteRecoversUnobservedDistancesOfExactData(double curvature, int d)
    {
        var (pairs, truth) = Observed(300, d, curvature, 0.15, seed: 11);
        var result = new KappaMds(new KappaMdsOptions { Dimension = d, Curvature = curvature, Route = KappaMdsRoute.Sparse, MaxIterations = 2000 }).Fit(pairs);
        Assert.Equal(KappaMdsRoute.Sparse, result.Route);
        Assert.Equal(pairs.ClassNames, result.ClassNames);

        // Truth and embedding in the pairs' class order (first appearance), compared on unobserved pairs only.
        var index = truth.ClassNames.Select(pairs.IndexOf).ToArray();
        var random = new Random(5);
        var errors = new List<double>();
        while (errors.Count < 3000)
        {
            int i = random.Next(300), j = random.Next(300);
            if (i == j || !double.IsNaN(pairs[index[i], index[j]]))
            {
                continue;
            }

            errors.Add(Math.Abs((result.Distance(index[i], index[j]) / truth.Distance(i, j)) - 1));
        }

        errors.Sort();
        double median = errors[errors.Count / 2], p90 = errors[errors.Count * 9 / 10];
        output.WriteLine($"κ = {curvature}, d = {d}, {pairs.PairCount} pairs ({pairs.ObservedFraction:P1}): median relative error {median:E2}, 90th percentile {p90:E2}, {result.Iterations} iterations, converged {result.Converged}");
        Assert.True(median <= 1e-6, $"median relative error {median:E3} of unobserved pairs");
    }

    // The two kernels share the per-pair arithmetic and differ only in the order of the sums: 1e-12 relative. n = 300
    // with 95 % of the pairs observed crosses the rows' blocks of 256 and leaves rows of every length mod 4.
    [Theory]
    [InlineData(-1.0, StressWeighting.Uniform, 60, 0.2)]
    [InlineData(0.0, StressWeighting.Uniform, 40, 0.0)]   // a path: rows of one and two pairs, shorter than a step of four
    [InlineData(-1.0, StressWeighting.Sammon, 300, 0.95)]
    [InlineData(0.0, StressWeighting.Uniform, 300, 0.95)]
    [InlineData(0.0, StressWeighting.Sammon, 60, 0.2)]
    [InlineData(1.0, StressWeighting.Uniform, 60, 0.2)]
    [InlineData(1.0, StressWeighting.Sammon, 300, 0.95)]
    [InlineData(-0.5, StressWeighting.Sammon, 60, 0.2)]
    [InlineData(2.0, StressWeighting.Uniform, 300, 0.95)]
    public void ThePairListStressEqualsTheDenseMaskedStress(double curvature, StressWeighting weighting, int n, double fraction)
    {
        const int d = 3;
        var (pairs, _) = Observed(n, d, curvature, fraction, seed: 3);
        var dense = StressFunction.Create(pairs.ToMatrix(), d, curvature, weighting);
        var sparse = PairStressFunction.Create(pairs, d, curvature, weighting);
        Assert.Equal(dense.Columns, sparse.Columns);
        Assert.True(Math.Abs(dense.TargetNorm - sparse.TargetNorm) <= 1e-12 * dense.TargetNorm, $"target norm {dense.TargetNorm} vs {sparse.TargetNorm}");

        // A configuration away from the truth, so that residuals and gradients are large.
        var random = new Random(9);
        var x = Enumerable.Range(0, n * dense.Columns).Select(_ => random.NextDouble() - 0.5).ToArray();
        var gDense = new double[x.Length];
        var gSparse = new double[x.Length];
        double vDense = dense.Evaluate(x, gDense), vSparse = sparse.Evaluate(x, gSparse);
        Assert.True(Math.Abs(vDense - vSparse) <= 1e-12 * vDense, $"stress {vDense} vs {vSparse}");
        double scale = gDense.Max(Math.Abs);
        for (int k = 0; k < x.Length; k++)
        {
            Assert.True(Math.Abs(gDense[k] - gSparse[k]) <= 1e-12 * scale, $"gradient {k}: {gDense[k]} vs {gSparse[k]}");
        }
    }

    [Fact]
    public void DijkstraFromEachClassEqualsTheAllPairsImputation()
    {
        var (pairs, _) = Observed(50, 2, 0.0, 0.08, seed: 4);
        var matrix = pairs.ToMatrix();
        var imputed = ShortestPathImputation.Impute(matrix, ObservedGraph.Build(matrix));
        var row = new double[50];
        for (int s = 0; s < 50; s++)
        {
            GraphShortestPaths.From(pairs, s, row);
            for (int j = 0; j < 50; j++)
            {
                Assert.True(Math.Abs(row[j] - imputed[(s * 50) + j]) <= 1e-12 * Math.Max(1, imputed[(s * 50) + j]), $"{s}→{j}: {row[j]} vs {imputed[(s * 50) + j]}");
            }
        }
    }

    [Fact]
    public void DijkstraKeepsAnObservedPairLongerThanItsPath()
    {
        // a–c observed at 5 but a–b–c is 2: as the dense imputation, the observed value stays what the user gave.
        var pairs = PairDistances.Create(["a", "b", "a", "c"], ["b", "c", "c", "d"], [1.0, 1.0, 5.0, 1.0]);
        var row = new double[4];
        GraphShortestPaths.From(pairs, pairs.IndexOf("a"), row);
        Assert.Equal([0.0, 1.0, 5.0, 3.0], row);
    }

    [Fact]
    public void TheRouteIsChosenByClassCountAndObservedFraction()
    {
        Assert.Equal(KappaMdsRoute.Sparse, KappaMds.ChooseRoute(600, 0.1));
        Assert.Equal(KappaMdsRoute.Dense, KappaMds.ChooseRoute(600, 0.5));
        Assert.Equal(KappaMdsRoute.Dense, KappaMds.ChooseRoute(100, 0.05));
        Assert.Equal(KappaMdsRoute.Sparse, KappaMds.ChooseRoute(KappaMds.SparseFromClasses, KappaMds.SparseUpToObservedFraction));
        Assert.Equal(KappaMdsRoute.Dense, KappaMds.ChooseRoute(KappaMds.SparseFromClasses - 1, 0.01));

        var (few, _) = Observed(600, 2, 0.0, 0.04, seed: 1);
        var sparse = new KappaMds(new KappaMdsOptions { Curvature = 0, MaxIterations = 50 }).Fit(few);
        Assert.Equal(KappaMdsRoute.Sparse, sparse.Route);
        Assert.Equal(KappaMds.DefaultSparseLandmarks, sparse.LandmarkNames!.Count);

        var (small, _) = Observed(60, 2, 0.0, 0.1, seed: 1);
        var dense = new KappaMds(new KappaMdsOptions { Curvature = 0, MaxIterations = 50 }).Fit(small);
        Assert.Equal(KappaMdsRoute.Dense, dense.Route);
        Assert.Null(dense.LandmarkNames);
    }

    [Fact]
    public void TheSameSeedGivesTheSameCoordinatesBitForBit()
    {
        var (pairs, _) = Observed(200, 3, -1.0, 0.1, seed: 8);
        var options = new KappaMdsOptions { Dimension = 3, Curvature = -1, Route = KappaMdsRoute.Sparse, Seed = 4, MaxIterations = 200 };
        var first = new KappaMds(options).Fit(pairs);
        var second = new KappaMds(options).Fit(pairs);
        Assert.Equal(first.Prototypes.Coordinates.AsSpan().ToArray(), second.Prototypes.Coordinates.AsSpan().ToArray());
        Assert.Equal(first.LandmarkNames, second.LandmarkNames);
    }

    [Fact]
    public void ALandmarkNamedTwiceIsRefusedWithItsName()
    {
        // The same row twice in the landmark block would make the landmark strain singular.
        var (pairs, _) = Observed(60, 2, 0.0, 0.3, seed: 9);
        string[] landmarks = [pairs.ClassNames[0], pairs.ClassNames[5], pairs.ClassNames[0], pairs.ClassNames[7]];
        var e = Assert.Throws<ArgumentException>(() =>
            new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = 0, Route = KappaMdsRoute.Sparse, Landmarks = landmarks }).Fit(pairs));
        Assert.Contains($"'{pairs.ClassNames[0]}' is named 2 times", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenEveryClassIsALandmarkNothingIsLeftToPlaceAndTheFitIsStillExact()
    {
        // 20 classes, fewer than the default 32 landmarks: all are landmarks, the placed block is empty.
        var (pairs, truth) = Observed(20, 2, 0.0, 0.5, seed: 6);
        var result = new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = 0, Route = KappaMdsRoute.Sparse }).Fit(pairs);
        Assert.Equal(20, result.LandmarkNames!.Count);
        var index = truth.ClassNames.Select(pairs.IndexOf).ToArray();
        for (int i = 0; i < 20; i++)
        {
            for (int j = i + 1; j < 20; j++)
            {
                Assert.True(Math.Abs(result.Distance(index[i], index[j]) - truth.Distance(i, j)) <= 1e-6 * (1 + truth.Distance(i, j)), $"{i}, {j}");
            }
        }
    }

    [Fact]
    public void AMatrixAskedForTheSparseRouteGivesTheCoordinatesOfItsPairs()
    {
        var (pairs, _) = Observed(150, 2, 1.0, 0.1, seed: 12);
        var options = new KappaMdsOptions { Dimension = 2, Curvature = 1, Route = KappaMdsRoute.Sparse, MaxIterations = 100 };
        var fromPairs = new KappaMds(options).Fit(pairs);
        var fromMatrix = new KappaMds(options).Fit(pairs.ToMatrix());
        Assert.Equal(KappaMdsRoute.Sparse, fromMatrix.Route);
        Assert.Equal(fromPairs.Prototypes.Coordinates.AsSpan().ToArray(), fromMatrix.Prototypes.Coordinates.AsSpan().ToArray());

        // Without the request a matrix keeps the dense pipeline.
        Assert.Equal(KappaMdsRoute.Dense, new KappaMds(options with { Route = null }).Fit(pairs.ToMatrix()).Route);
    }

    [Fact]
    public void AMatrixWithFewObservedPairsTakesTheSparseRouteUnlessDenseIsAskedFor()
    {
        // The rule of a list of pairs, for a matrix: 450 classes (≥ SparseFromClasses) with 8 % observed.
        var (pairs, _) = Observed(450, 2, 0.0, 0.08, seed: 13);
        var matrix = pairs.ToMatrix();
        var options = new KappaMdsOptions { Dimension = 2, Curvature = 0, MaxIterations = 30 };
        var automatic = new KappaMds(options).Fit(matrix);
        Assert.Equal(KappaMdsRoute.Sparse, automatic.Route);
        Assert.Equal(new KappaMds(options).Fit(pairs).Prototypes.Coordinates.AsSpan().ToArray(), automatic.Prototypes.Coordinates.AsSpan().ToArray());
        Assert.Equal(KappaMdsRoute.Dense, new KappaMds(options with { Route = KappaMdsRoute.Dense }).Fit(matrix).Route);

        // Asked for dense, a list of pairs stays dense all the way (its masked matrix would qualify for sparse).
        var dense = new KappaMds(options with { Route = KappaMdsRoute.Dense }).Fit(pairs);
        Assert.Equal(KappaMdsRoute.Dense, dense.Route);
        Assert.Null(dense.LandmarkNames);
    }

    [Fact]
    public void DisconnectedPairsAreRefusedWithTheGroups()
    {
        var pairs = PairDistances.Create(["a", "c", "e"], ["b", "d", "f"], [1.0, 1.0, 1.0]);
        var e = Assert.Throws<SimZslException>(() => new KappaMds(new KappaMdsOptions { Dimension = 1, Curvature = 0, Route = KappaMdsRoute.Sparse, LandmarkCount = 2 }).Fit(pairs));
        Assert.Contains("3 disconnected groups", e.Message, StringComparison.Ordinal);
    }
}
