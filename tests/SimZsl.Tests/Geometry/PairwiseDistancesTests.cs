using SimZsl.Geometry;

namespace SimZsl.Tests.Geometry;

/// <summary>The distance kernels against closed forms, including the hard regimes: points near the Poincaré ball's
/// boundary, a tiny cap of a huge sphere, antipodal points; and the all-pairs kernel against the single one.</summary>
public class PairwiseDistancesTests
{
    [Theory]
    [InlineData(1.0, 0.3, 0.5)]
    [InlineData(1.0, 0.999999, 0.9999995)]
    [InlineData(1.0, 1 - 1e-9, 1 - 5e-10)]
    [InlineData(4.0, 0.2, 0.4999)]
    public void BallDistanceAlongARayMatchesTheClosedForm(double c, double a, double b)
    {
        // Same ray at Euclidean radii a < b (in units of 1/√c): d = (2/√c)·atanh((b − a)/(1 − ab)).
        double r = 1 / Math.Sqrt(c);
        double[] x = [a * r, 0, 0], y = [b * r, 0, 0];
        double expected = 2 * r * Math.Atanh((b - a) / (1 - (a * b)));
        double actual = PairwiseDistances.Distance(x, y, -c);
        Assert.Equal(expected, actual, expected * 1e-6);
        var all = PairwiseDistances.All(RowMatrix.FromRows([x, y]), -c);
        Assert.Equal(actual, all[1], actual * 1e-12);
    }

    [Theory]
    [InlineData(1e-8, 1.0)]
    [InlineData(1.0, 1e-6)]
    [InlineData(1.0, 3.0)]
    [InlineData(1.0, Math.PI)]
    [InlineData(0.25, 6.2)]
    public void SphereArcMatchesTheAngle(double c, double arc)
    {
        // Two points on the sphere of radius r at geodesic distance `arc`.
        double r = 1 / Math.Sqrt(c), angle = arc / r;
        double[] x = [r, 0, 0], y = [r * Math.Cos(angle), r * Math.Sin(angle), 0];
        double actual = PairwiseDistances.Distance(x, y, c);
        Assert.Equal(arc, actual, arc * 1e-9);
        var all = PairwiseDistances.All(RowMatrix.FromRows([x, y]), c);
        Assert.Equal(arc, all[1], arc * 1e-9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.8)]
    [InlineData(-0.8)]
    public void AllPairsAgreeWithTheSingleKernelAndFormADistanceMatrix(double curvature)
    {
        var random = new Random(5);
        int n = 300, d = 4;
        var rows = new double[n][];
        for (int i = 0; i < n; i++)
        {
            rows[i] = Enumerable.Range(0, d + (curvature > 0 ? 1 : 0)).Select(_ => random.NextDouble() - 0.5).ToArray();
            if (curvature > 0)
            {
                double scale = 1 / Math.Sqrt(curvature) / Math.Sqrt(rows[i].Sum(v => v * v));
                rows[i] = rows[i].Select(v => v * scale).ToArray();
            }
        }

        var points = RowMatrix.FromRows(rows);
        var all = PairwiseDistances.All(points, curvature);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(0, all[(i * n) + i]);
            for (int j = 0; j < n; j++)
            {
                double single = PairwiseDistances.Distance(points.Row(i), points.Row(j), curvature);
                Assert.Equal(single, all[(i * n) + j], 1e-12 * Math.Max(1, single));
                Assert.Equal(all[(i * n) + j], all[(j * n) + i]);
            }
        }
    }
}
