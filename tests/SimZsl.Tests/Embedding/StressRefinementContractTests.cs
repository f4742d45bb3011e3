using SimZsl.Embedding;
using SimZsl.Geometry;
using SimZsl.Tests.Infrastructure;
using SimZsl.Tests.Missing;

namespace SimZsl.Tests.Embedding;

/// <summary>What stress refinement promises beyond a lower stress, pinned where a mutation test found it unchecked:
/// the seeded nudge of repeated points to the bit, progress in the distances' units at every curvature, the class
/// check, and the per-class refinement against fixed landmarks.</summary>
public class StressRefinementContractTests
{
    [Fact]
    public void RepeatsAreNudgedByTheSeededDrawsScaledToTheTargetsTypicalDistance()
    {
        double[] x = [1, 2, 3, 4, 1, 2, 1, 2, 5, 6];   // rows 2 and 3 repeat row 0
        var nudged = (double[])x.Clone();
        StressRefinement.SeparateCoincident(nudged, 2, targetNorm: 10, seed: 3);

        // 1e-6 · ‖D‖/√(pairs), ten pairs; each repeat moves by size·(2u − 1) per coordinate, u from Random(seed) in order.
        double size = 1e-6 * (10 / Math.Sqrt(10));
        var random = new Random(3);
        double[] expected = [.. x];
        for (int k = 4; k < 8; k++)
        {
            expected[k] += size * ((2 * random.NextDouble()) - 1);
        }

        Assert.Equal(expected, nudged);
    }

    [Fact]
    public void ANudgedPointIsRememberedAtItsOwnRow()
    {
        // Row 3 repeats row 0 and is nudged; row 4, (2, 3), is new and must stay, although the coordinates 2, 3 also
        // stand side by side across rows 0 and 1.
        double[] x = [1, 2, 3, 4, 5, 6, 1, 2, 2, 3];
        var nudged = (double[])x.Clone();
        StressRefinement.SeparateCoincident(nudged, 2, targetNorm: 1, seed: 5);
        Assert.NotEqual(x[6..8], nudged[6..8]);
        Assert.Equal(x[8..], nudged[8..]);
        Assert.Equal(x[..6], nudged[..6]);
    }

    [Fact]
    public void RefinementNamesTheFirstClassThatDiffersFromTheMatrix()
    {
        var points = ExactData.Points(3, 2, 0, seed: 1);
        var start = points with { ClassNames = ["c0", "c2", "c1"] };
        var target = ExactData.Distances(points);
        var options = new KappaMdsOptions { Dimension = 2 };
        var order = Assert.Throws<SimZslException>(() => StressRefinement.Refine(start, target, options));
        Assert.Equal("Class 1 is 'c2' in the prototypes but 'c1' in the distance matrix; both must list the same classes in the same order.", order.Message);

        var fewer = ExactData.Distances(ExactData.Points(2, 2, 0, seed: 1));
        var count = Assert.Throws<SimZslException>(() => StressRefinement.Refine(points, fewer, options));
        Assert.StartsWith("The prototypes cover 3 classes but the distance matrix has 2;", count.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => StressRefinement.Refine(null!, target, options));
        Assert.Throws<ArgumentNullException>(() => StressRefinement.Refine(points, null!, options));
        Assert.Throws<ArgumentNullException>(() => StressRefinement.Refine(points, target, null!));
        Assert.Throws<ArgumentNullException>(() => PairStressFunction.Create(null!, 2, 0, StressWeighting.Uniform));
        Assert.Throws<ArgumentNullException>(() => StressFunction.Create(null!, 2, 0, StressWeighting.Uniform));
    }

    [Fact]
    public void ProgressReportsTheStressInTheDistancesUnitsAndTheFractionOfTheIterationBudget()
    {
        // κ = −4: the refinement works at unit curvature, where every length is 2× longer; the report must be in D's units.
        var truth = ExactData.Distances(ExactData.Points(60, 4, -4, seed: 35));
        var reports = new List<EmbeddingProgress>();
        var options = new KappaMdsOptions { Dimension = 2, Curvature = -4, Refine = true, MaxIterations = 40 };
        var result = new KappaMds(options).Fit(truth, new SynchronousProgress<EmbeddingProgress>(reports.Add));
        var refine = reports.Where(r => r.Stage == "refine").ToList();
        Assert.NotEmpty(refine);
        Assert.Equal(result.MeasureQuality(truth).Stress, refine[^1].Stress, 9);
        Assert.All(refine, r => Assert.Equal(r.Iteration / 40.0, r.Fraction, 15));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void AClassIsPlacedAgainstFixedLandmarksByItsOwnStress(double curvature)
    {
        // Twelve landmarks and one class of exact data at unit curvature (internal coordinates are then the distances'
        // own): σ(x) = ½ Σ_l (d(x, x_l) − D_l)², and refinement from a nearby start recovers the class's distances.
        const int l = 12, d = 2;
        var truth = ExactData.Points(l + 1, d, curvature, seed: 41);
        var internalTruth = KappaCoordinates.ToInternal(truth.Coordinates, curvature);
        int cols = internalTruth.Length / (l + 1);
        var landmarks = internalTruth[..(l * cols)];
        var distances = Enumerable.Range(0, l).Select(k => truth.Distance(l, k)).ToArray();
        var anchored = new AnchoredStress(landmarks, l, cols, curvature);
        Assert.Equal((l, curvature), (anchored.Count, anchored.Curvature));

        var random = new Random(42);
        var x = internalTruth[(l * cols)..].Select(v => v + (0.15 * (random.NextDouble() - 0.5))).ToArray();
        var start = KappaCoordinates.ToPrototypes(x, 1, cols, curvature);
        double expected = 0;
        for (int k = 0; k < l; k++)
        {
            double residual = PairwiseDistances.Distance(start.Row(0), truth.Coordinates.Row(k), curvature) - distances[k];
            expected += 0.5 * residual * residual;
        }

        anchored.SetTarget(distances);
        var gradient = new double[cols];
        Assert.Equal(expected, anchored.Evaluate(x, gradient), 12);
        StressGradientTests.AssertDirectionalDerivativeMatches(anchored.Evaluate, x, seed: 43);

        // Refine sets the target itself: a fresh workspace, never given one, must place the class too.
        var outcome = new AnchoredStress(landmarks, l, cols, curvature).Refine(x, distances, new KappaMdsOptions(), CancellationToken.None);
        Assert.True(outcome.Converged);
        if (curvature > 0)
        {
            Assert.Equal(1, Math.Sqrt(x.Sum(v => v * v)), 14);   // back on the unit sphere
        }

        var placed = KappaCoordinates.ToPrototypes(x, 1, cols, curvature);
        for (int k = 0; k < l; k++)
        {
            Assert.Equal(distances[k], PairwiseDistances.Distance(placed.Row(0), truth.Coordinates.Row(k), curvature), 6);
        }
    }
}
