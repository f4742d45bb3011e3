using SimZsl.Embedding;
using SimZsl.Numerics;

namespace SimZsl.Tests.Numerics;

/// <summary>The vectorised sinh against Math.Sinh (relative error over the strain matrix's range of arguments, full
/// relative precision for tiny ones), its symmetry, and the same bits from the vector and the scalar path.</summary>
public class HyperbolicSineTests
{
    [Theory]
    [InlineData(0.0, 1e-6)]
    [InlineData(1e-6, 0.5)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.99, 1.01)]   // the switch between the series and the exponential
    [InlineData(1.0, 20.0)]
    [InlineData(20.0, 350.0)]  // up to the largest argument the strain matrix passes (half of its cosh overflow limit)
    [InlineData(350.0, 710.0)]
    public void AgreesWithMathSinhToAFewUnitsInTheLastPlace(double from, double to)
    {
        var random = new Random(17);
        var x = Enumerable.Range(0, 4099).Select(_ => from + ((to - from) * random.NextDouble())).ToArray();
        var y = (double[])x.Clone();
        HyperbolicSine.Apply(y);
        double worst = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Sinh(x[i]);
            double error = expected == 0 ? Math.Abs(y[i]) : Math.Abs(y[i] - expected) / Math.Abs(expected);
            worst = Math.Max(worst, error);
        }

        // 4 units in the last place (2⁻⁵² ≈ 2.2e-16 each); Math.Sinh itself is good to about one.
        Assert.True(worst <= 4 * Math.Pow(2, -52), $"worst relative error {worst:E3}");
    }

    [Fact]
    public void TinyArgumentsKeepFullRelativePrecisionAndZeroStaysZero()
    {
        var x = new[] { 0.0, 1e-300, 1e-200, 1e-30, 1e-10, 3e-5, -1e-10, -0.0 };
        var y = (double[])x.Clone();
        HyperbolicSine.Apply(y);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Sinh(x[i]);
            Assert.True(Math.Abs(y[i] - expected) <= 2.3e-16 * Math.Abs(expected), $"sinh({x[i]:E}) = {y[i]:E17}, expected {expected:E17}");
        }

        Assert.Equal(0.0, y[0]);
        Assert.True(double.IsNegative(y[^1]), "sinh(−0) = −0");
    }

    [Fact]
    public void OverflowGivesInfinityAndNaNStaysNaN()
    {
        var y = new[] { 710.0, 710.2, 1000, double.PositiveInfinity, double.NegativeInfinity, -1000, double.NaN };
        HyperbolicSine.Apply(y);
        Assert.Equal(Math.Sinh(710.0), y[0], Math.Sinh(710.0) * 1e-15);
        Assert.Equal(double.PositiveInfinity, y[1]);
        Assert.Equal(double.PositiveInfinity, y[2]);
        Assert.Equal(double.PositiveInfinity, y[3]);
        Assert.Equal(double.NegativeInfinity, y[4]);
        Assert.Equal(double.NegativeInfinity, y[5]);
        Assert.True(double.IsNaN(y[6]));
    }

    [Fact]
    public void IsOddExactly()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 1000).Select(_ => 30 * random.NextDouble()).ToArray();
        var positive = (double[])x.Clone();
        var negative = x.Select(v => -v).ToArray();
        HyperbolicSine.Apply(positive);
        HyperbolicSine.Apply(negative);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(-positive[i], negative[i]);
        }
    }

    [Fact]
    public void VectorAndScalarPathsGiveTheSameBits()
    {
        // A span of 1 to 3 elements runs the scalar path only; a long one runs the vector path with a scalar tail.
        var random = new Random(9);
        var x = Enumerable.Range(0, 1027).Select(_ => (random.NextDouble() < 0.5 ? 2 : 60) * (random.NextDouble() - 0.3)).ToArray();
        var vector = (double[])x.Clone();
        HyperbolicSine.Apply(vector);
        for (int i = 0; i < x.Length; i++)
        {
            var one = new[] { x[i] };
            HyperbolicSine.Apply(one);
            Assert.Equal(BitConverter.DoubleToInt64Bits(vector[i]), BitConverter.DoubleToInt64Bits(one[0]));
        }
    }
}
