using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

public class MeanIntervalTests
{
    [Fact]
    public void TheIntervalIsTheStudentTIntervalComputedByHand()
    {
        // 1 … 5: mean 3, sd √2.5 = 1.58114, t(0.975, 4) = 2.776445; half-width 2.776445 · 1.58114 / √5 = 1.96324.
        var interval = MeanInterval.Of([1, 2, 3, 4, 5]);
        Assert.Equal(3, interval.Mean, 12);
        Assert.Equal(1.96324, interval.HalfWidth, 5);
        Assert.Equal(5, interval.Count);
        Assert.Equal("3.00 [1.04, 4.96]", interval.Format("F2"));
        Assert.Equal("300.0 [103.7, 496.3]", interval.Format("F1", scale: 100));
    }

    [Fact]
    public void FailedRunsAreLeftOutAndOneValueHasNoInterval()
    {
        var one = MeanInterval.Of([0.25, double.NaN]);
        Assert.Equal(1, one.Count);
        Assert.True(double.IsNaN(one.HalfWidth));
        Assert.Equal("25.0", one.Format("F1", 100));
        Assert.Equal(0, MeanInterval.Of([double.NaN]).Count);
    }

    [Theory]
    [InlineData(new[] { true, true, true }, "MAP ≥ 0.9: holds (through p = 90 %)")]
    [InlineData(new[] { true, true, false }, "MAP ≥ 0.9: holds up to p = 50 %, not at p = 90 %")]
    [InlineData(new[] { true, false, true }, "MAP ≥ 0.9: holds up to p = 10 %, not at p = 50 %")]
    [InlineData(new[] { false, true, true }, "MAP ≥ 0.9: does not hold (already at p = 10 %)")]
    public void TheVerdictReadsTheFirstPointWhereTheClaimFails(bool[] holds, string expected)
    {
        Assert.Equal(expected, ClaimVerdict.Along("MAP ≥ 0.9", ["p = 10 %", "p = 50 %", "p = 90 %"], holds));
    }
}
