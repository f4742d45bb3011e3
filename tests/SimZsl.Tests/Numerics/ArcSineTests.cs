using System.Runtime.Intrinsics;
using SimZsl.Numerics;

namespace SimZsl.Tests.Numerics;

/// <summary>The vectorised asin (the sphere's stress, d = 2 asin(c/2)) against Math.Asin: both halves of its range, the
/// switch at ½, arguments next to 1 (antipodes), tiny arguments, signs, and NaN beyond 1.</summary>
public class ArcSineTests
{
    private static double[] Of(double[] x)
    {
        var y = new double[x.Length];
        var lanes = new double[4];
        for (int i = 0; i < x.Length; i += 4)
        {
            for (int l = 0; l < 4; l++)
            {
                lanes[l] = x[Math.Min(i + l, x.Length - 1)];
            }

            var result = ArcSine.Of(Vector256.Create(lanes));
            for (int l = 0; l < 4 && i + l < x.Length; l++)
            {
                y[i + l] = result[l];
            }
        }

        return y;
    }

    [Theory]
    [InlineData(0.0, 1e-6)]
    [InlineData(1e-6, 0.5)]
    [InlineData(0.4999, 0.5001)]
    [InlineData(0.5, 0.975)]
    [InlineData(0.975, 1.0)]
    [InlineData(-1.0, 1.0)]
    public void AgreesWithMathAsinToAFewUnitsInTheLastPlace(double from, double to)
    {
        var random = new Random(29);
        var x = Enumerable.Range(0, 4099).Select(_ => from + ((to - from) * random.NextDouble())).Append(to).ToArray();
        var y = Of(x);
        double worst = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Asin(x[i]);
            double error = expected == 0 ? Math.Abs(y[i]) : Math.Abs(y[i] - expected) / Math.Abs(expected);
            worst = Math.Max(worst, error);
        }

        Assert.True(worst <= 4 * Math.Pow(2, -52), $"worst relative error {worst:E3} on [{from}, {to}]");
    }

    [Fact]
    public void EndsTinyArgumentsAndBeyondOne()
    {
        var x = new[] { 1.0, -1.0, 1 - 1e-16, 1e-300, -1e-30, 0.0, -0.0, 1.0000001, double.NaN };
        var y = Of(x);
        for (int i = 0; i < 6; i++)
        {
            double expected = Math.Asin(x[i]);
            Assert.True(Math.Abs(y[i] - expected) <= 2.3e-16 * Math.Abs(expected), $"asin({x[i]:R}) = {y[i]:R}, expected {expected:R}");
        }

        Assert.True(double.IsNegative(y[6]), "asin(−0) = −0");
        Assert.True(double.IsNaN(y[7]) && double.IsNaN(y[8]), "beyond 1 and NaN give NaN");
    }
}
