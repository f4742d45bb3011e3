using SimZsl.Embedding;
using SimZsl.Numerics;

namespace SimZsl.Tests.Numerics;

/// <summary>Eigenpairs of T = ρe₁e₁ᵀ + σK in both regimes: ρ within a small factor of ‖K‖ (one plain decomposition)
/// and ρ dwarfing K (power steps and deflation): every pair satisfies T·z = μz to the precision of K, not of ρ.</summary>
public class StructuredRitzTests
{
    [Theory]
    [InlineData(0.3, 1.0)]
    [InlineData(0.3, -1.0)]
    [InlineData(1e8, 1.0)]    // small |κ|: the regime deflation exists for
    [InlineData(1e8, -1.0)]
    [InlineData(1e13, 1.0)]   // a plain decomposition fails here (residual ~1e-2 ‖K‖, checked by forcing it)
    [InlineData(1e13, -1.0)]
    [InlineData(0.0, 1.0)]    // κ = 0: no all-ones part
    public void EveryPairIsAnEigenpairToThePrecisionOfK(double rhoOverNormK, double sign)
    {
        const int order = 40;
        var random = new Random(11);
        var k = new double[order * order];
        for (int i = 0; i < order; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double value = random.NextDouble() - 0.5;
                k[(i * order) + j] = value;
                k[(j * order) + i] = value;
            }
        }

        double normK = Math.Sqrt(k.Sum(v => v * v));
        double rho = rhoOverNormK * normK;
        var ritz = StructuredRitz.Solve(k, order, rho, sign);
        Assert.Equal(rhoOverNormK >= 1e8, ritz.Deflated);

        var pairs = new List<(double Value, double[] Vector)>();
        for (int c = 0; c < order; c++)
        {
            pairs.Add((ritz.Values[c], Enumerable.Range(0, order).Select(i => ritz.Vectors[(i * order) + c]).ToArray()));
        }

        double[]? t = ritz.TopVector;
        if (rho > 0)
        {
            // The others exclude the top pair: one of them is (0, ±t), as in the deflated matrix (0 up to rounding).
            Assert.NotNull(t);
            int direction = pairs.FindIndex(p => Math.Abs(Dot(p.Vector, t!)) > 1 - 1e-9);
            Assert.True(direction >= 0, "t is among the other pairs");
            Assert.True(Math.Abs(pairs[direction].Value) <= 1e-12 * normK, $"its value {pairs[direction].Value:E2} is 0");
            pairs.RemoveAt(direction);
            Assert.True(ritz.TopValue > ritz.Values.Max(), "the top value is the largest");
            var top = Residual(k, order, rho, sign, ritz.TopValue, t!);
            Assert.True(Norm(top) <= 1e-12 * Math.Abs(ritz.TopValue), $"top pair: residual {Norm(top):E2}");
        }

        for (int c = 1; c < ritz.Values.Length; c++)
        {
            Assert.True(ritz.Values[c - 1] <= ritz.Values[c], "ascending");
        }

        foreach (var (value, z) in pairs)
        {
            Assert.Equal(1.0, Norm(z), 1e-12);
            // ‖σKz + ρe₁z₁ − μz‖ with ρ applied exactly, without its component along t: within a small multiple of ε‖K‖
            // whatever ρ is (along t it is μ₀·tᵀz, rounding of the orthogonality to t times the huge μ₀: harmless).
            var r = Residual(k, order, rho, sign, value, z);
            if (t is not null)
            {
                Assert.True(Math.Abs(Dot(z, t)) <= 1e-13, $"μ = {value:G6}: tᵀz = {Dot(z, t):E2}");
                double along = Dot(r, t);
                for (int i = 0; i < order; i++)
                {
                    r[i] -= along * t[i];
                }
            }

            Assert.True(Norm(r) <= 1e-12 * normK, $"μ = {value:G6}: residual {Norm(r):E2} against ‖K‖ = {normK:G4}");
        }
    }

    private static double[] Residual(double[] k, int order, double rho, double sign, double value, double[] z)
    {
        var r = new double[order];
        for (int i = 0; i < order; i++)
        {
            double row = 0;
            for (int j = 0; j < order; j++)
            {
                row += k[(i * order) + j] * z[j];
            }

            r[i] = (sign * row) + (i == 0 ? rho * z[0] : 0) - (value * z[i]);
        }

        return r;
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
}
