using SimZsl.Embedding;
using SimZsl.Geometry;
using SimZsl.Similarity;

namespace SimZsl.Tests.Missing;

public class StressGradientTests
{
    public static TheoryData<double, StressWeighting> Cases => new()
    {
        { -2.0, StressWeighting.Uniform },
        { -0.3, StressWeighting.Sammon },
        { 0.0, StressWeighting.Uniform },
        { 0.0, StressWeighting.Sammon },
        { 0.7, StressWeighting.Uniform },
        { 1.0, StressWeighting.Sammon },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientMatchesCentralFiniteDifferences(double curvature, StressWeighting weighting)
    {
        // Target: exact data with 30 % missing; configuration: another random draw, so residuals are large.
        var truth = ExactData.Points(25, 3, curvature, seed: 1);
        var target = ExactData.WithMissing(ExactData.Distances(truth), 0.3, seed: 2);
        var start = ExactData.Points(25, 3, curvature, seed: 3);
        var stress = StressFunction.Create(target, 3, curvature, weighting);
        var x = KappaCoordinates.ToInternal(start.Coordinates, curvature);
        AssertGradientMatchesCentralDifferences(stress, x, $"κ = {curvature}, {weighting}");
    }

    public static TheoryData<double, StressWeighting> OffUnitCases => new()
    {
        { -1.0, StressWeighting.Uniform },
        { -0.25, StressWeighting.Sammon },
        { 0.0, StressWeighting.Uniform },
        { 0.5, StressWeighting.Uniform },
        { 2.0, StressWeighting.Sammon },
    };

    [Theory]
    [MemberData(nameof(OffUnitCases))]
    public void GradientMatchesFiniteDifferencesAtPointsOfSeveralNorms(double curvature, StressWeighting weighting)
    {
        // The optimiser does not keep spherical points on the unit sphere, nor hyperbolic ones near the origin: rows
        // scaled by 0.3 … 4 (for κ < 0 the hyperboloid coordinates move far out, towards the ball's boundary) must
        // have the same exact gradient. σ on the sphere depends on directions only, so its gradient scales as 1/‖y‖.
        var truth = ExactData.Points(18, 3, curvature, seed: 11);
        var target = ExactData.WithMissing(ExactData.Distances(truth), 0.2, seed: 12);
        var start = ExactData.Points(18, 3, curvature, seed: 13);
        var stress = StressFunction.Create(target, 3, curvature, weighting);
        var x = KappaCoordinates.ToInternal(start.Coordinates, curvature);
        double[] factors = [0.3, 1.7, 4, 1];
        int columns = stress.Columns;
        for (int i = 0; i < stress.Count; i++)
        {
            for (int k = 0; k < columns; k++)
            {
                x[(i * columns) + k] *= factors[i % factors.Length];
            }
        }

        AssertGradientMatchesCentralDifferences(stress, x, $"κ = {curvature}, {weighting}, rows scaled by 0.3 … 4");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(2.0)]
    public void StressEqualsTheDefinitionOverObservedPairs(double curvature)
    {
        var truth = ExactData.Points(15, 2, curvature, seed: 5);
        var target = ExactData.WithMissing(ExactData.Distances(truth), 0.4, seed: 6);
        var other = ExactData.Points(15, 2, curvature, seed: 7);
        double expected = 0, expectedSammon = 0;
        for (int i = 0; i < 15; i++)
        {
            for (int j = i + 1; j < 15; j++)
            {
                if (target.IsObserved(i, j))
                {
                    double residual = PairwiseDistances.Distance(other.Coordinates.Row(i), other.Coordinates.Row(j), curvature) - target[i, j];
                    expected += 0.5 * residual * residual;
                    expectedSammon += 0.5 * residual * residual / target[i, j];
                }
            }
        }

        // The stress function works in unit-curvature coordinates; its value times r² is the stress in D's units.
        double Stress(StressWeighting weighting) =>
            StressOnly(StressFunction.Create(target, 2, curvature, weighting), KappaCoordinates.ToInternal(other.Coordinates, curvature))
            * Math.Pow(KappaSpace.LengthScale(curvature), 2);
        Assert.Equal(expected, Stress(StressWeighting.Uniform), 9);
        Assert.Equal(expectedSammon, Stress(StressWeighting.Sammon), 9);
    }

    [Theory]
    [InlineData(-1.0, 3)]
    [InlineData(0.0, 9)]
    [InlineData(2.0, 3)]
    [InlineData(-0.5, 9)]
    public void StressAndGradientMatchTheDefinitionBeyondOneBlockOfARow(double curvature, int d)
    {
        // n = 261 > StressRowKernels.Chunk (256): each row runs a second block of 5 points, whose last one goes through
        // the one-pair path; d = 9 has internal columns beyond the first four-column step. Sammon weights, 25 % missing.
        const int n = 261;
        var truth = ExactData.Points(n, d, curvature, seed: 21);
        var target = ExactData.WithMissing(ExactData.Distances(truth), 0.25, seed: 22);
        var other = ExactData.Points(n, d, curvature, seed: 23);
        double expected = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (target.IsObserved(i, j))
                {
                    double residual = PairwiseDistances.Distance(other.Coordinates.Row(i), other.Coordinates.Row(j), curvature) - target[i, j];
                    expected += 0.5 * residual * residual / target[i, j];
                }
            }
        }

        var stress = StressFunction.Create(target, d, curvature, StressWeighting.Sammon);
        var x = KappaCoordinates.ToInternal(other.Coordinates, curvature);
        double scale = Math.Pow(KappaSpace.LengthScale(curvature), 2);
        Assert.Equal(expected, StressOnly(stress, x) * scale, expected * 1e-11);
        AssertDirectionalDerivativeMatches(stress.Evaluate, x, seed: 24);
    }

    [Fact]
    public void SammonGivesPairsAtDistanceZeroTheLargestWeightOfTheData()
    {
        // Classes 0 and 1 coincide (D₀₁ = 0) in a complete matrix: that pair weighs 1/(smallest positive distance), every
        // other pair 1/D. The dense stress and the pair-list stress must both be the definition.
        var points = ExactData.Points(12, 2, 0, seed: 31);
        var rows = Enumerable.Range(0, 12).Select(i => points.Coordinates.Row(i == 1 ? 0 : i).ToArray()).ToArray();
        var truth = points with { Coordinates = RowMatrix.FromRows(rows) };
        var target = ExactData.Distances(truth);
        var other = ExactData.Points(12, 2, 0, seed: 32);
        double smallest = double.PositiveInfinity;
        for (int i = 0; i < 12; i++)
        {
            for (int j = i + 1; j < 12; j++)
            {
                smallest = target[i, j] > 0 ? Math.Min(smallest, target[i, j]) : smallest;
            }
        }

        double expected = 0;
        for (int i = 0; i < 12; i++)
        {
            for (int j = i + 1; j < 12; j++)
            {
                double residual = other.Distance(i, j) - target[i, j];
                double weight = target[i, j] > 0 ? 1 / target[i, j] : 1 / smallest;
                expected += 0.5 * weight * residual * residual;
            }
        }

        Assert.Equal(0, target[0, 1]);
        var x = KappaCoordinates.ToInternal(other.Coordinates, 0);
        Assert.Equal(expected, StressOnly(StressFunction.Create(target, 2, 0, StressWeighting.Sammon), x), expected * 1e-12);
        var pairs = PairDistances.FromMatrix(target);
        Assert.Equal(expected, PairStressFunction.Create(pairs, 2, 0, StressWeighting.Sammon).Evaluate(x, new double[x.Length]), expected * 1e-12);

        Assert.Equal(5, StressFunction.SammonWeight(0, 5));
        Assert.Equal(0.5, StressFunction.SammonWeight(2, 5));
        Assert.Equal(4, StressFunction.LargestSammonWeight(0.25));
        Assert.Equal(1, StressFunction.LargestSammonWeight(double.PositiveInfinity));   // no positive distance at all
    }

    // ⟨∇σ, v⟩ against (σ(x + hv) − σ(x − hv))/2h along a seeded random direction: two evaluations, so it runs at sizes
    // where the coordinate-by-coordinate check would be slow, and a wrong entry of the gradient shows up unless it is
    // orthogonal to v. The error is measured against ‖∇σ‖·‖v‖, which does not vanish when ⟨∇σ, v⟩ happens to be small.
    internal static void AssertDirectionalDerivativeMatches(Func<double[], double[], double> evaluate, double[] x, int seed)
    {
        var random = new Random(seed);
        var v = x.Select(_ => random.NextDouble() - 0.5).ToArray();
        var gradient = new double[x.Length];
        evaluate(x, gradient);
        double analytic = gradient.Zip(v, (g, e) => g * e).Sum();
        double h = 1e-6;
        var plus = x.Zip(v, (a, e) => a + (h * e)).ToArray();
        var minus = x.Zip(v, (a, e) => a - (h * e)).ToArray();
        double numeric = (evaluate(plus, new double[x.Length]) - evaluate(minus, new double[x.Length])) / (2 * h);
        double scale = Math.Sqrt(gradient.Sum(g => g * g) * v.Sum(e => e * e));
        Assert.True(scale > 1e-3, $"degenerate test: ‖∇σ‖·‖v‖ = {scale}");
        Assert.True(Math.Abs(numeric - analytic) <= 1e-6 * scale, $"directional derivative {numeric} vs ⟨∇σ, v⟩ {analytic} (‖∇σ‖·‖v‖ = {scale:G3})");
    }

    // Central differences with a step relative to each coordinate; the analytic gradient must agree to 1e-6 of its norm.
    private static void AssertGradientMatchesCentralDifferences(StressFunction stress, double[] x, string what)
    {
        var gradient = new double[x.Length];
        stress.Evaluate(x, gradient);
        double worst = 0, norm = Math.Sqrt(gradient.Sum(g => g * g));
        for (int k = 0; k < x.Length; k++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(x[k]));
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (StressOnly(stress, plus) - StressOnly(stress, minus)) / (2 * h);
            worst = Math.Max(worst, Math.Abs(numeric - gradient[k]));
        }

        Assert.True(norm > 1e-3, $"degenerate test: gradient norm {norm}");
        Assert.True(worst <= 1e-6 * norm, $"{what}: worst |numeric − analytic| = {worst:G3}, ‖∇σ‖ = {norm:G3}");
    }

    // The stress alone, through the pipeline's own entry point (the gradient goes to a scratch buffer).
    private static double StressOnly(StressFunction stress, double[] x) => stress.Evaluate(x, new double[x.Length]);
}
