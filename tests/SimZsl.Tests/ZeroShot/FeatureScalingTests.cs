using SimZsl.ZeroShot;

namespace SimZsl.Tests.ZeroShot;

/// <summary>Standardisation against values computed by hand: per feature, pooled over all features (images), only
/// the training rows, and the constant-feature rule.</summary>
public class FeatureScalingTests
{
    // Rows 0 and 1 are the training rows; row 2 must not enter the fit.
    private static readonly RowMatrix Features = RowMatrix.FromArray(new double[,] { { 1, 10, 5 }, { 3, 30, 5 }, { 100, 100, 100 } });

    [Fact]
    public void PerFeatureMeansAndDeviationsComeFromTheTrainingRowsOnly()
    {
        var scaling = FeatureScaling.Fit(Features, [0, 1], pooled: false);
        Assert.Equal([2.0, 20, 5], scaling.Mean);
        // Population deviations: √((1 + 1)/2) = 1, √((100 + 100)/2) = 10; the constant feature keeps 1.
        Assert.Equal([1.0, 10, 1], scaling.Deviation);
    }

    [Fact]
    public void PooledScalingUsesOneMeanAndOneDeviationForEveryFeature()
    {
        // Values 1, 10, 5, 3, 30, 5: mean 9, mean of squares (1 + 100 + 25 + 9 + 900 + 25)/6 = 176.67, variance 95.67.
        var scaling = FeatureScaling.Fit(Features, [0, 1], pooled: true);
        Assert.All(scaling.Mean, m => Assert.Equal(9, m, 12));
        Assert.All(scaling.Deviation, d => Assert.Equal(Math.Sqrt((1060.0 / 6) - 81), d, 12));
    }

    [Fact]
    public void IdentityScalingChangesNothing()
    {
        var scaling = FeatureScaling.Identity(3);
        Assert.Equal([0.0, 0, 0], scaling.Mean);
        Assert.Equal([1.0, 1, 1], scaling.Deviation);
    }
}
