using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

public class SimilarityPairedDifferenceTests
{
    [Fact]
    public void TheIntervalIsThatOfThePerDrawDifferencesComputedByHand()
    {
        // Differences 1, 2, 3, 4, 5 (a − b per draw): mean 3, sd √2.5, t(0.975, 4) = 2.776445, half-width 1.96324.
        double[] b = [10, 40, 20, 70, 0];
        double[] a = [11, 42, 23, 74, 5];
        var difference = SimilarityPairedDifference.Of(a, b);
        Assert.Equal(3, difference.Mean, 12);
        Assert.Equal(1.96324, difference.HalfWidth, 5);
        // Unpaired, the draws' spread (0 … 74) would swamp the difference: the pairing is what makes it visible.
        Assert.True(MeanInterval.Of(a).Lower < MeanInterval.Of(b).Upper);
        Assert.Equal("better", SimilarityPairedDifference.Direction(difference));
        Assert.Equal("worse", SimilarityPairedDifference.Direction(SimilarityPairedDifference.Of(b, a)));
    }

    [Fact]
    public void AFailedDrawDropsOutOfThePairAndMismatchedDrawsAreRefused()
    {
        var difference = SimilarityPairedDifference.Of([1, double.NaN, 3], [0, 1, 1]);
        Assert.Equal(2, difference.Count);
        Assert.Equal(1.5, difference.Mean, 12);
        Assert.Throws<ArgumentException>(() => SimilarityPairedDifference.Of([1, 2], [1]));
        Assert.Equal("indistinguishable", SimilarityPairedDifference.Direction(SimilarityPairedDifference.Of([1], [0])));
    }

    [Theory]
    [InlineData(-0.01, 0.03, "holds")]          // loses at most 1 point
    [InlineData(-0.019, 0.01, "holds")]         // just inside the margin
    [InlineData(-0.05, 0.01, "undecided")]      // could lose 5 points, could gain 1
    [InlineData(-0.08, -0.03, "does not hold")] // loses more than the margin for sure
    public void NonInferiorityReadsTheIntervalAgainstTheMargin(double lower, double upper, string expected)
    {
        var difference = new MeanInterval((lower + upper) / 2, (upper - lower) / 2, 10);
        Assert.Equal(expected, SimilarityPairedDifference.NonInferiority(difference, 0.02));
    }
}
