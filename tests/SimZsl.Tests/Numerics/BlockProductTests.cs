using SimZsl.Embedding;
using SimZsl.Numerics;

namespace SimZsl.Tests.Numerics;

/// <summary>The managed block product against a plain fused multiply–add loop: the same bits for every width the
/// kernel specialises (4–24 columns), row counts that leave a tail of 1 or 2 rows, and more columns than one chunk.</summary>
public class BlockProductTests
{
    [Theory]
    [InlineData(7, 4)]
    [InlineData(50, 8)]
    [InlineData(601, 12)]
    [InlineData(1100, 16)]
    [InlineData(97, 20)]
    [InlineData(530, 24)]
    public void SameBitsAsAFusedMultiplyAddLoop(int n, int b)
    {
        var random = new Random(n + b);
        var m = new double[n * n];
        for (int i = 0; i < n * n; i++)
        {
            m[i] = random.NextDouble() - 0.5;
        }

        var q = Enumerable.Range(0, n * b).Select(_ => random.NextDouble() - 0.5).ToArray();
        var y = new double[n * b];
        BlockProduct.Multiply(m, n, q, b, y, CancellationToken.None);

        var expected = new double[n * b];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < b; c++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                {
                    sum = Math.FusedMultiplyAdd(m[(i * n) + j], q[(j * b) + c], sum);
                }

                expected[(i * b) + c] = sum;
            }
        }

        Assert.Equal(expected, y);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(37)]
    [InlineData(530)]
    public void SymmetricProductReadsTheLowerTriangleOnly(int n)
    {
        // M symmetric, its strict upper triangle replaced by NaN: a product that read it would be NaN. Against the plain
        // sum over the full symmetric matrix, to rounding (the symmetric kernel adds in another order).
        var random = new Random(n);
        var full = new double[n * n];
        var lower = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double value = random.NextDouble() - 0.5;
                full[(i * n) + j] = full[(j * n) + i] = value;
                lower[(i * n) + j] = value;
                if (j < i)
                {
                    lower[(j * n) + i] = double.NaN;
                }
            }
        }

        const int b = BlockProduct.SymmetricWidth;
        var q = Enumerable.Range(0, n * b).Select(_ => random.NextDouble() - 0.5).ToArray();
        var y = new double[n * b];
        BlockProduct.MultiplySymmetric(lower, n, q, y, CancellationToken.None);
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < b; c++)
            {
                double sum = 0, magnitude = 0;
                for (int j = 0; j < n; j++)
                {
                    sum += full[(i * n) + j] * q[(j * b) + c];
                    magnitude += Math.Abs(full[(i * n) + j] * q[(j * b) + c]);
                }

                Assert.True(Math.Abs(y[(i * b) + c] - sum) <= 1e-14 * Math.Max(magnitude, 1), $"row {i}, column {c}: {y[(i * b) + c]} vs {sum}");
            }
        }

        // The same bits on a second call (fixed parts, summed in a fixed order).
        var again = new double[n * b];
        BlockProduct.MultiplySymmetric(lower, n, q, again, CancellationToken.None);
        Assert.Equal(y, again);
    }

    [Fact]
    public void RefusesAWidthThatIsNotAMultipleOfFour()
    {
        var m = new double[9];
        var e = Assert.Throws<ArgumentException>(() => BlockProduct.Multiply(m, 3, new double[9], 3, new double[9], CancellationToken.None));
        Assert.Contains("multiple of 4", e.Message, StringComparison.Ordinal);
    }
}
