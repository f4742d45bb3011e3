using SimZsl.Embedding;

namespace SimZsl.Tests.Embedding;

/// <summary>With no κ given, the search picks the curvature of exact data: the right sign, and |κ| close to the
/// truth.</summary>
public class CurvatureSelectionTests
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(1.0)]
    [InlineData(0.0)]
    public void PicksTheGeometryOfExactData(double truth)
    {
        var distances = ExactConfigurations.Create(60, 3, truth, seed: 21);
        var result = new KappaMds(new KappaMdsOptions { Dimension = 3 }).Fit(distances);

        Assert.Equal(Math.Sign(truth), Math.Sign(result.Curvature));
        if (truth != 0)
        {
            Assert.InRange(result.Curvature / truth, 0.99, 1.01);
        }

        Assert.True(result.MeasureQuality(distances).NormalizedStress < 1e-3, $"normalised stress {result.MeasureQuality(distances).NormalizedStress:E2} at κ = {result.Curvature}");
    }

    [Fact]
    public void RestrictedSearchStaysOnItsSide()
    {
        var distances = ExactConfigurations.Create(40, 2, -1, seed: 22);
        var result = new KappaMds(new KappaMdsOptions { Dimension = 2, CurvatureSearch = CurvatureSearch.Spherical }).Fit(distances);
        Assert.True(result.Curvature > 0);
    }
}
