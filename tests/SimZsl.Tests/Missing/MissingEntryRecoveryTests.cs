using SimZsl.Embedding;
using Xunit.Abstractions;

namespace SimZsl.Tests.Missing;

public class MissingEntryRecoveryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void HalfMissingAtRandomIsRecoveredOnAllPairs(double curvature)
    {
        var truth = ExactData.Distances(ExactData.Points(200, 4, curvature, seed: 11));
        var observed = ExactData.WithMissing(truth, 0.5, seed: 12);
        var options = new KappaMdsOptions { Dimension = 4, Curvature = curvature, MaxIterations = 2000 };
        var result = new KappaMds(options).Fit(observed);
        // The imputed strain start: the same pipeline with no refinement iteration.
        var strainOnly = new KappaMds(options with { MaxIterations = 0 }).Fit(observed);
        double start = ExactData.MedianRelativeError(strainOnly.Prototypes, truth);
        double error = ExactData.MedianRelativeError(result.Prototypes, truth);
        output.WriteLine($"κ = {curvature}: missing {result.MissingPairs}, strain start median rel. error {start:G3}, refined {error:G3} after {result.Iterations} iterations (converged {result.Converged})");
        Assert.Equal("shortest paths through observed pairs", result.Imputation);
        Assert.Equal(0, strainOnly.Iterations);
        Assert.InRange(result.MissingPairs, 9000, 10900);
        Assert.True(error <= 1e-3, $"median relative error {error:G3}");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void EightyPercentMissing(double curvature)
    {
        var truth = ExactData.Distances(ExactData.Points(200, 4, curvature, seed: 11));
        var observed = ExactData.WithMissing(truth, 0.8, seed: 13);
        var options = new KappaMdsOptions { Dimension = 4, Curvature = curvature, MaxIterations = 3000 };
        var result = new KappaMds(options).Fit(observed);
        // The imputed strain start: the same pipeline with no refinement iteration.
        var strainOnly = new KappaMds(options with { MaxIterations = 0 }).Fit(observed);
        double start = ExactData.MedianRelativeError(strainOnly.Prototypes, truth);
        double error = ExactData.MedianRelativeError(result.Prototypes, truth);
        output.WriteLine($"κ = {curvature}: 80 % missing: strain start median rel. error {start:G3}, refined {error:G3} after {result.Iterations} iterations (converged {result.Converged})");
        // Measured here: about 3e-10 for every κ (n = 200, d = 4, seed 13); the bound leaves room for other seeds.
        Assert.True(error < start, "refinement must improve on the imputed strain start");
        Assert.True(error <= 1e-6, $"median relative error {error:G3}");
    }
}
