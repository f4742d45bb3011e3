using SimZsl.Embedding;

namespace SimZsl.Tests.Embedding;

/// <summary>The strain step recovers exact configurations of every geometry: all pairwise distances come back
/// to 1e-7 relative error, also at κ = ±1e-8 where cos/cosh(D/r) alone would lose half the digits.</summary>
public class StrainExactRecoveryTests
{
    public static TheoryData<double, int, int, EigenSolver> Cases()
    {
        var data = new TheoryData<double, int, int, EigenSolver>();
        foreach (double k in new[] { -2, -0.5, -1e-8, 0, 1e-8, 0.5, 2 })
        {
            data.Add(k, 40, 2, EigenSolver.Full);
            data.Add(k, 300, 10, EigenSolver.Full);
            data.Add(k, 300, 10, EigenSolver.Partial);
            data.Add(k, 150, 5, EigenSolver.Partial);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RecoversExactDistances(double curvature, int n, int d, EigenSolver solver)
    {
        var distances = ExactConfigurations.Create(n, d, curvature, seed: n + d);
        var result = new KappaMds(new KappaMdsOptions { Dimension = d, Curvature = curvature, EigenSolver = solver }).Fit(distances);
        var quality = result.MeasureQuality(distances);

        double worst = ExactConfigurations.WorstRelativeError(distances, result.Distance);
        Assert.True(worst <= 1e-7, $"worst relative distance error {worst:E2}");
        Assert.Equal(curvature, result.Curvature);
        Assert.Equal(d, result.Dimension);
        Assert.Equal(curvature > 0 ? d + 1 : d, result.Prototypes.Coordinates.Columns);
        Assert.True(result.ClippedEigenvalueMass < 1e-9, $"clipped {result.ClippedEigenvalueMass:E2}");
        Assert.True(quality.NormalizedStress < 1e-8, $"normalised stress {quality.NormalizedStress:E2}");
        Assert.True(quality.Strain < 1e-6, $"strain {quality.Strain:E2}");
        Assert.Equal(1.0, quality.MeanAveragePrecision, 9);
    }
}
