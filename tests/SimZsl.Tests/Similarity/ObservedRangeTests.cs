using SimZsl.Similarity;

namespace SimZsl.Tests.Similarity;

/// <summary>The largest and the smallest positive observed distance, from the vectorised scan the strain step reads,
/// against a plain loop: missing cells (NaN) and zeros skipped, sizes that leave a tail after the vectors and span
/// several parallel chunks.</summary>
public class ObservedRangeTests
{
    [Theory]
    [InlineData(3, 0.0)]
    [InlineData(7, 0.3)]
    [InlineData(301, 0.5)]
    public void MatchesAPlainLoop(int n, double missing)
    {
        var random = new Random(n);
        var values = new double[n * n];
        var observed = new bool[n * n];
        for (int i = 0; i < n; i++)
        {
            observed[(i * n) + i] = true;
            for (int j = i + 1; j < n; j++)
            {
                bool seen = random.NextDouble() >= missing || j == i + 1;
                // Some exact zeros (coincident classes), the rest spread over six orders of magnitude.
                double d = random.NextDouble() < 0.05 ? 0 : Math.Pow(10, (6 * random.NextDouble()) - 3);
                values[(i * n) + j] = values[(j * n) + i] = seen ? d : double.NaN;
                observed[(i * n) + j] = observed[(j * n) + i] = seen;
            }
        }

        var names = Enumerable.Range(0, n).Select(i => $"c{i}").ToArray();
        var matrix = DistanceMatrix.Create(names, values, observed);
        double largest = 0, smallest = double.PositiveInfinity;
        foreach (double v in values)
        {
            if (v > largest)
            {
                largest = v;
            }

            if (v > 0 && v < smallest)
            {
                smallest = v;
            }
        }

        Assert.Equal(largest, matrix.MaxDistance);
        Assert.Equal((largest, smallest), matrix.ObservedRange);
    }

    [Fact]
    public void AllZeroDistancesHaveNoPositiveOne()
    {
        var matrix = DistanceMatrix.Create(["a", "b"], new double[4]);
        Assert.Equal((0.0, double.PositiveInfinity), matrix.ObservedRange);
    }
}
