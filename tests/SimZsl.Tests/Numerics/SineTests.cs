using SimZsl.Embedding;
using SimZsl.Numerics;

namespace SimZsl.Tests.Numerics;

/// <summary>The vectorised sin against Math.Sin (relative error over every quadrant, full relative precision for tiny
/// arguments), its symmetry, non-finite and out-of-range arguments, and the same bits from the vector and the scalar path.</summary>
public class SineTests
{
    [Theory]
    [InlineData(0.0, 1e-6)]
    [InlineData(1e-6, Math.PI / 4)]
    [InlineData(Math.PI / 4, Math.PI / 2)]  // the strain matrix's range: D/2r ≤ π/2 for distances within the sphere
    [InlineData(-10.0, 10.0)]               // every quadrant, both signs
    [InlineData(10.0, 1e4)]
    public void AgreesWithMathSinToAFewUnitsInTheLastPlace(double from, double to)
    {
        var random = new Random(23);
        var x = Enumerable.Range(0, 4099).Select(_ => from + ((to - from) * random.NextDouble())).ToArray();
        var y = (double[])x.Clone();
        Sine.Apply(y);
        double worst = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Sin(x[i]);
            double error = expected == 0 ? Math.Abs(y[i]) : Math.Abs(y[i] - expected) / Math.Abs(expected);
            worst = Math.Max(worst, error);
        }

        Assert.True(worst <= 4 * Math.Pow(2, -52), $"worst relative error {worst:E3}");
    }

    [Fact]
    public void TinyArgumentsKeepFullRelativePrecisionAndSignedZerosStay()
    {
        var x = new[] { 1e-300, 1e-200, 1e-30, 1e-10, 3e-5, -1e-10, 0.0, -0.0 };
        var y = (double[])x.Clone();
        Sine.Apply(y);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Sin(x[i]);
            Assert.True(Math.Abs(y[i] - expected) <= 2.3e-16 * Math.Abs(expected), $"sin({x[i]:E}) = {y[i]:E17}, expected {expected:E17}");
        }

        Assert.False(double.IsNegative(y[^2]), "sin(0) = +0");
        Assert.True(double.IsNegative(y[^1]), "sin(−0) = −0");
    }

    [Fact]
    public void NonFiniteAndHugeArgumentsGiveNaN()
    {
        var y = new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 2e9, -2e9 };
        Sine.Apply(y);
        Assert.All(y, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void IsOddExactly()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 1000).Select(_ => 20 * random.NextDouble()).ToArray();
        var positive = (double[])x.Clone();
        var negative = x.Select(v => -v).ToArray();
        Sine.Apply(positive);
        Sine.Apply(negative);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(-positive[i], negative[i]);
        }
    }

    [Fact]
    public void VectorAndScalarPathsGiveTheSameBits()
    {
        var random = new Random(29);
        var x = Enumerable.Range(0, 1027).Select(_ => 40 * (random.NextDouble() - 0.5)).ToArray();
        var vector = (double[])x.Clone();
        Sine.Apply(vector);
        for (int i = 0; i < x.Length; i++)
        {
            var one = new[] { x[i] };
            Sine.Apply(one);
            Assert.Equal(BitConverter.DoubleToInt64Bits(vector[i]), BitConverter.DoubleToInt64Bits(one[0]));
        }
    }
}
