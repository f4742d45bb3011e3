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

    [Theory]
    [InlineData(1.0, 0.0, 1e-10)]
    [InlineData(1.0, 0.5, 1e-12)]
    [InlineData(4.0, 0.9, 1e-9)]
    [InlineData(9.094947017729282379150390625e-13, 0.3, 1e-7)]   // 2⁻⁴⁰
    public void CloseBallPointsKeepEveryDigit(double c, double a, double step)
    {
        // Same ray at radii a and a + gap (units of 1/√c): d = (2/√c)·atanh(gap/(1 − a(a + gap))), computed here
        // in a form with no cancellation. acosh(1 + t) for t ~ 1e-20 needs log(1 + z) accurate for tiny z: a plain
        // log(1 + z) would keep only the digits of z above 1e-16, i.e. six of them for points 1e-10 apart. The
        // curvatures are powers of 4, so the radius is a power of 2 and scaling by it is exact; the gap is the exact
        // difference of the two radii as stored.
        double r = 1 / Math.Sqrt(c), b = a + step, gap = b - a;
        double[] x = [a * r, 0], y = [b * r, 0];
        double expected = 2 * r * Math.Atanh(gap / (1 - (a * b)));
        Assert.Equal(expected, PairwiseDistances.Distance(x, y, -c), expected * 1e-13);
        Assert.Equal(expected, new KappaSpace(-c).Distance(x, y), expected * 1e-13);
        Assert.Equal(expected, PairwiseDistances.All(RowMatrix.FromRows([x, y]), -c)[1], expected * 1e-13);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-4.0)]
    public void PointsOnOrPastTheBoundaryGiveFiniteDistances(double curvature)
    {
        // Both kernels treat them as just inside the ball (by less than double resolves), never as ∞ or NaN.
        double r = 1 / Math.Sqrt(-curvature);
        var points = RowMatrix.FromRows([[r, 0], [0, 2 * r], [0.5 * r, 0]]);
        var all = PairwiseDistances.All(points, curvature);
        Assert.All(all, v => Assert.True(double.IsFinite(v), $"distance {v}"));
        Assert.Equal(PairwiseDistances.Distance(points.Row(0), points.Row(1), curvature), all[1], 1e-12 * all[1]);
    }
}
