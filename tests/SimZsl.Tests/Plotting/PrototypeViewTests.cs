using SimZsl.Embedding;
using SimZsl.Plotting;

namespace SimZsl.Tests.Plotting;

public class PrototypeViewTests
{
    [Theory]
    [InlineData(-4.0, 0.5)]
    [InlineData(-1.0, 1.0)]
    [InlineData(-0.25, 2.0)]
    public void TheDiskIsDrawnAtTheBallsRealRadius(double curvature, double radius)
    {
        // A point at 0.9 of the way to the boundary is drawn there, in the ball's own units.
        var coords = RowMatrix.FromArray(new double[,] { { 0.9 * radius, 0 }, { 0, -0.3 * radius } });
        var view = PrototypeView.Of(new ClassPrototypes(["a", "b"], coords, curvature));
        Assert.Equal(radius, view.Radius, 12);
        Assert.Equal([(0.0, 0.0)], view.DiscCentres);
        Assert.Equal((0.9 * radius, 0.0), view.Points[0]);
        Assert.Equal((0.0, -0.3 * radius), view.Points[1]);

        // The picture draws that disk: one circle of that radius about the origin, named with it.
        var plot = PrototypePlot.Render(new ClassPrototypes(["a", "b"], coords, curvature), null, "disk");
        var circle = Assert.Single(plot.GetPlottables<ScottPlot.Plottables.Ellipse>());
        Assert.Equal((radius, radius), (circle.RadiusX, circle.RadiusY));
        Assert.Equal(0, circle.Center.X);
        Assert.Contains($"radius 1/√|κ| = {radius:G3}", plot.Axes.Bottom.Label.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHemispheresAreTwoSeparateDiscsOfTheSpheresRadius()
    {
        // κ = 0.25: radius 2. The point with x₂ < 0 goes on the second disc, 2.4 radii to the right.
        var coords = RowMatrix.FromArray(new double[,] { { 2, 0, 0 }, { 0, 1.2, 1.6 }, { 0, 1.2, -1.6 } });
        var view = PrototypeView.Of(new ClassPrototypes(["a", "b", "c"], coords, 0.25));
        Assert.Equal(2, view.Radius, 12);
        Assert.Equal([(0.0, 0.0), (4.8, 0.0)], view.DiscCentres);
        Assert.Equal((2.0, 0.0), view.Points[0]);
        Assert.Equal((0.0, 1.2), view.Points[1]);
        Assert.Equal((4.8, 1.2), view.Points[2]);

        // No ticks: a shared axis would read 4.8 under the second disc's centre.
        var plot = PrototypePlot.Render(new ClassPrototypes(["a", "b", "c"], coords, 0.25), null, "sphere");
        Assert.Empty(((ScottPlot.TickGenerators.NumericManual)plot.Axes.Bottom.TickGenerator).Ticks);
        Assert.Equal(2, plot.GetPlottables<ScottPlot.Plottables.Ellipse>().Count(e => e.RadiusX == 2));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-4.0)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void AConfigurationThatIsTwoDimensionalIsShownWithoutDistortionFromFiveDimensions(double curvature)
    {
        // Twelve points of a 2-D slice (a disk of the ball, a plane, a great 2-sphere), turned by a random rotation of
        // the 5-D space about the origin: an isometry, so the 2-D view must reproduce every distance.
        var random = new Random(7);
        int n = 12, d = 5, ambient = curvature > 0 ? d + 1 : d;
        double radius = curvature == 0 ? 1 : 1 / Math.Sqrt(Math.Abs(curvature));
        var flat = new double[n][];
        for (int i = 0; i < n; i++)
        {
            flat[i] = new double[ambient];
            if (curvature > 0)
            {
                double theta = Math.Acos((2 * random.NextDouble()) - 1), phi = 2 * Math.PI * random.NextDouble();
                (flat[i][0], flat[i][1], flat[i][2]) = (radius * Math.Sin(theta) * Math.Cos(phi), radius * Math.Sin(theta) * Math.Sin(phi), radius * Math.Cos(theta));
            }
            else
            {
                double rho = (curvature < 0 ? 0.8 * radius : 1) * Math.Sqrt(random.NextDouble()), phi = 2 * Math.PI * random.NextDouble();
                (flat[i][0], flat[i][1]) = (rho * Math.Cos(phi), rho * Math.Sin(phi));
            }
        }

        var rotation = RandomRotation(random, ambient);
        var coords = RowMatrix.FromRows(flat.Select(p => Multiply(rotation, p)).ToArray());
        var view = PrototypeView.Of(new ClassPrototypes(Enumerable.Range(0, n).Select(i => $"c{i}").ToArray(), coords, curvature));

        Assert.NotNull(view.Quality);
        Assert.True(view.Quality.NormalizedStress < 1e-6, $"normalised stress {view.Quality.NormalizedStress}");
        Assert.True(view.Quality.MeanDistortion < 1e-6, $"mean distortion {view.Quality.MeanDistortion}");
        Assert.Contains("κ-MDS (d = 2, same κ) of the geodesic distances in d = 5", view.Caption, StringComparison.Ordinal);
        Assert.Contains("normalised stress 0.000 (0: exact), neighbour MAP 1.000 (1: exact)", view.Caption, StringComparison.Ordinal);

        // And the drawn points themselves, measured with the textbook formulas, keep the slice's distances.
        var drawn = view.Points.Select(p => Unfold(p, curvature, radius)).ToArray();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                Assert.Equal(Distance(flat[i], flat[j], curvature, radius), Distance(drawn[i], drawn[j], curvature, radius), 6);
            }
        }
    }

    [Fact]
    public void AGenuinelyHigherDimensionalConfigurationStatesItsDistortion()
    {
        // The corners of a regular 5-simplex in ℝ⁵ (all distances equal) cannot be drawn in the plane: the caption
        // must say so with a stress well above zero.
        var corners = new double[6, 5];
        for (int i = 0; i < 5; i++)
        {
            corners[i, i] = 1;
        }

        for (int k = 0; k < 5; k++)
        {
            corners[5, k] = (1 - Math.Sqrt(6)) / 5;
        }

        var view = PrototypeView.Of(new ClassPrototypes(["a", "b", "c", "d", "e", "f"], RowMatrix.FromArray(corners), 0));
        Assert.True(view.Quality!.NormalizedStress > 0.05, $"normalised stress {view.Quality.NormalizedStress}");
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"normalised stress {view.Quality.NormalizedStress:F3} (0: exact)"), view.Caption, StringComparison.Ordinal);
    }

    // Back from the drawn position to the slice's coordinates: the plane and the disk as drawn; a hemisphere disc point
    // lifted to the sphere (the second disc shifted back, x₂ negative).
    private static double[] Unfold((double X, double Y) p, double curvature, double radius)
    {
        if (curvature <= 0)
        {
            return [p.X, p.Y];
        }

        bool lower = p.X > 1.2 * radius;
        double x = lower ? p.X - (2.4 * radius) : p.X;
        double height = Math.Sqrt(Math.Max(0, (radius * radius) - (x * x) - (p.Y * p.Y)));
        return [x, p.Y, lower ? -height : height];
    }

    private static double Distance(double[] x, double[] y, double curvature, double radius)
    {
        double gap = x.Zip(y, (a, b) => (a - b) * (a - b)).Sum();
        if (curvature == 0)
        {
            return Math.Sqrt(gap);
        }

        if (curvature > 0)
        {
            return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(gap) / (2 * radius)));
        }

        double c = -curvature, xx = x.Sum(a => a * a), yy = y.Sum(a => a * a);
        return Math.Acosh(1 + (2 * c * gap / ((1 - (c * xx)) * (1 - (c * yy))))) / Math.Sqrt(c);
    }

    // Gram–Schmidt on Gaussian columns: a random orthogonal matrix.
    private static double[][] RandomRotation(Random random, int size)
    {
        var q = new double[size][];
        for (int k = 0; k < size; k++)
        {
            var v = Enumerable.Range(0, size).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
            for (int j = 0; j < k; j++)
            {
                double dot = v.Zip(q[j], (a, b) => a * b).Sum();
                for (int t = 0; t < size; t++)
                {
                    v[t] -= dot * q[j][t];
                }
            }

            double norm = Math.Sqrt(v.Sum(a => a * a));
            q[k] = v.Select(a => a / norm).ToArray();
        }

        return q;
    }

    private static double[] Multiply(double[][] rows, double[] x) => rows.Select(r => r.Zip(x, (a, b) => a * b).Sum()).ToArray();
}
