using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

public class PairedDifferenceTests
{
    [Fact]
    public void TheIntervalIsThatOfThePerDrawDifferencesComputedByHand()
    {
        // Differences 1, 2, 3, 4, 5 (a − b per draw): mean 3, sd √2.5, t(0.975, 4) = 2.776445, half-width 1.96324.
        double[] b = [10, 40, 20, 70, 0];
        double[] a = [11, 42, 23, 74, 5];
        var difference = PairedDifference.Of(a, b);
        Assert.Equal(3, difference.Mean, 12);
        Assert.Equal(1.96324, difference.HalfWidth, 5);
        // Unpaired, the draws' spread (0 … 74) would swamp the difference: the pairing is what makes it visible.
        Assert.True(MeanInterval.Of(a).Lower < MeanInterval.Of(b).Upper);
        Assert.Equal("better", PairedDifference.Direction(difference));
        Assert.Equal("worse", PairedDifference.Direction(PairedDifference.Of(b, a)));
    }

    [Fact]
    public void AFailedDrawDropsOutOfThePairAndMismatchedDrawsAreRefused()
    {
        var difference = PairedDifference.Of([1, double.NaN, 3], [0, 1, 1]);
        Assert.Equal(2, difference.Count);
        Assert.Equal(1.5, difference.Mean, 12);
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([1, 2], [1]));
        Assert.Equal("indistinguishable", PairedDifference.Direction(PairedDifference.Of([1], [0])));
    }

    [Theory]
    [InlineData(-0.01, 0.03, "holds")]          // loses at most 1 point
    [InlineData(-0.019, 0.01, "holds")]         // just inside the margin
    [InlineData(-0.05, 0.01, "undecided")]      // could lose 5 points, could gain 1
    [InlineData(-0.08, -0.03, "does not hold")] // loses more than the margin for sure
    public void NonInferiorityReadsTheIntervalAgainstTheMargin(double lower, double upper, string expected)
    {
        var difference = new MeanInterval((lower + upper) / 2, (upper - lower) / 2, 10);
        Assert.Equal(expected, PairedDifference.NonInferiority(difference, 0.02));
    }

    [Fact]
    public void ThePairedDifferenceIsTheIntervalOfTheRunByRunDifferencesComputedByHand()
    {
        // Differences 0.1, 0.2, 0.1: mean 0.133333, sd √(0.01/3) = 0.0577350, t(0.975, 2) = 4.302653;
        // half-width 4.302653 · 0.0577350 / √3 = 0.143422.
        var difference = PairedDifference.Of([0.5, 0.6, 0.7], [0.4, 0.4, 0.6]);
        Assert.Equal(0.133333, difference.Mean, 6);
        Assert.Equal(0.143422, difference.HalfWidth, 6);
        Assert.Equal(3, difference.Count);

        // Pairing matters: a shift shared by every run (the split) cancels, so a constant gap has no width at all.
        var constant = PairedDifference.Of([0.2, 0.5, 0.9], [0.1, 0.4, 0.8]);
        Assert.Equal(0.1, constant.Mean, 12);
        Assert.Equal(0, constant.HalfWidth, 12);
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([0.1, 0.2], [0.1]));
    }
}
