using SimZsl.Embedding;
using SimZsl.Similarity;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.Missing;

public class KappaMdsMissingTests
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void FitWithMissingEntriesImputesRefinesAndReports(double curvature)
    {
        var truth = ExactData.Distances(ExactData.Points(80, 3, curvature, seed: 31));
        var observed = ExactData.WithMissing(truth, 0.5, seed: 32);
        var result = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = curvature }).Fit(observed);
        Assert.Equal(observed.MissingPairCount, result.MissingPairs);
        Assert.Equal("shortest paths through observed pairs", result.Imputation);
        Assert.True(result.Iterations > 0);
        Assert.True(result.Converged);
        Assert.True(ExactData.MedianRelativeError(result.Prototypes, truth) <= 1e-6);
        Assert.True(result.MeasureQuality(observed).NormalizedStress <= 1e-6);
    }

    [Fact]
    public void RefineLowersTheStressOfTheStrainSolution()
    {
        // 5-dimensional hyperbolic data embedded in 2 dimensions: the strain solution is not a stress minimum.
        var truth = ExactData.Distances(ExactData.Points(120, 5, -1, seed: 33));
        var plain = new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = -1 }).Fit(truth);
        var refined = new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = -1, Refine = true }).Fit(truth);
        Assert.True(refined.MeasureQuality(truth).Stress < 0.9 * plain.MeasureQuality(truth).Stress, $"{plain.MeasureQuality(truth).Stress} → {refined.MeasureQuality(truth).Stress}");
        Assert.True(refined.Iterations > 0);
        Assert.Equal(0, plain.Iterations);
        Assert.Null(refined.Imputation);
    }

    [Fact]
    public void RefinementReportsProgressAndHonoursCancellation()
    {
        var truth = ExactData.Distances(ExactData.Points(100, 5, 0, seed: 34));
        var reports = new List<EmbeddingProgress>();
        var progress = new SynchronousProgress<EmbeddingProgress>(reports.Add);
        var options = new KappaMdsOptions { Dimension = 2, Curvature = 0 };
        // Refinement starts from the strain solution, which is the fit without refinement; uniform weights, so the
        // refined stress is the raw stress MeasureQuality reports.
        double startStress = new KappaMds(options).Fit(truth).MeasureQuality(truth).Stress;
        var result = new KappaMds(options with { Refine = true }).Fit(truth, progress);
        double stress = result.MeasureQuality(truth).Stress;
        var refine = reports.Where(r => r.Stage == "refine").ToList();
        Assert.Equal(result.Iterations, refine.Count);
        Assert.Equal(Enumerable.Range(1, refine.Count), refine.Select(r => r.Iteration));
        Assert.True(refine.Zip(refine.Skip(1)).All(p => p.Second.Stress <= p.First.Stress), "stress must not increase");
        Assert.Equal(stress, refine[^1].Stress, 9);
        Assert.True(stress < startStress);

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = 0, Refine = true }).Fit(truth, null, cancel.Token));
    }

    [Fact]
    public void LandmarkOptionsRouteThroughLandmarkMds()
    {
        var truth = ExactData.Distances(ExactData.Points(150, 3, -0.5, seed: 35));
        var byCount = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = -0.5, LandmarkCount = 12, Seed = 4 }).Fit(truth);
        Assert.True(byCount.MeasureQuality(truth).NormalizedStress <= 1e-9);
        Assert.Equal(truth.ClassNames, byCount.ClassNames);

        // With missing entries outside the landmark rows nothing needs imputing; κ is chosen on the landmark block.
        var names = LandmarkSelection.FarthestPoint(truth, 12, seed: 4);
        var mask = new bool[150 * 150];
        var landmarkRows = names.Select(truth.IndexOf).ToHashSet();
        for (int i = 0; i < 150; i++)
        {
            for (int j = 0; j < 150; j++)
            {
                mask[(i * 150) + j] = i == j || landmarkRows.Contains(i) || landmarkRows.Contains(j);
            }
        }

        var sparse = truth.WithMask(mask);
        var byName = new KappaMds(new KappaMdsOptions { Dimension = 3, Landmarks = names, CurvatureSearch = CurvatureSearch.Hyperbolic }).Fit(sparse);
        Assert.True(byName.MissingPairs > 9000);
        Assert.StartsWith("none needed", byName.Imputation);
        Assert.InRange(byName.Curvature, -0.51, -0.49);
    }
}
