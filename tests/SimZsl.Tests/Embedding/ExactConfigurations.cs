using SimZsl.Similarity;

namespace SimZsl.Tests.Embedding;

/// <summary>Random point configurations on each geometry with their exact geodesic distances, computed by
/// formulas independent of the library's (chord/asin on the sphere, the Lorentz chord in hyperbolic space).</summary>
internal static class ExactConfigurations
{
    /// <summary>n points of a d-dimensional space of curvature κ, as a distance matrix. Euclidean: Gaussian with unit
    /// spread. Sphere: uniform on the whole sphere, except for tiny κ where they lie in a cap of geodesic size
    /// O(1) (the regime where cos(D/r) loses precision). Hyperbolic: Gaussian in reduced hyperboloid
    /// coordinates with spread min(1, √|κ|) in units of r, i.e. geodesic spread O(1) or O(r).</summary>
    public static DistanceMatrix Create(int n, int d, double curvature, int seed)
    {
        var random = new Random(seed);
        var distances = new double[n * n];
        if (curvature == 0)
        {
            var x = Gaussian(random, n, d, 1);
            Fill(distances, n, (i, j) => Math.Sqrt(SquaredDifference(x[i], x[j])));
        }
        else if (curvature > 0)
        {
            double r = 1 / Math.Sqrt(curvature);
            var y = Sphere(random, n, d, r);
            Fill(distances, n, (i, j) => 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(SquaredDifference(y[i], y[j])) / 2)));
        }
        else
        {
            double r = 1 / Math.Sqrt(-curvature);
            var x = Gaussian(random, n, d, Math.Min(1, 1 / r));
            var x0 = x.Select(v => Math.Sqrt(1 + v.Sum(t => t * t))).ToArray();
            Fill(distances, n, (i, j) =>
            {
                // Lorentz chord ‖u − v‖²_L = ‖X − X'‖² − (x₀ − x₀')², with x₀ − x₀' = (‖X‖² − ‖X'‖²)/(x₀ + x₀').
                double dx0 = (x[i].Sum(t => t * t) - x[j].Sum(t => t * t)) / (x0[i] + x0[j]);
                double chord = Math.Max(0, SquaredDifference(x[i], x[j]) - (dx0 * dx0));
                return 2 * r * Math.Asinh(Math.Sqrt(chord) / 2);
            });
        }

        return DistanceMatrix.Create(Enumerable.Range(0, n).Select(i => $"c{i}").ToArray(), distances);
    }

    /// <summary>Points on the unit sphere Sᵈ ⊂ ℝ^(d+1), uniform, or in a cap of angular size ~1/r for r ≥ 100.</summary>
    private static double[][] Sphere(Random random, int n, int d, double r)
    {
        var points = Gaussian(random, n, d + 1, 1);
        foreach (var p in points)
        {
            if (r >= 100)
            {
                for (int k = 1; k <= d; k++)
                {
                    p[k] /= r;
                }

                p[0] = 1;
            }

            double norm = Math.Sqrt(p.Sum(t => t * t));
            for (int k = 0; k <= d; k++)
            {
                p[k] /= norm;
            }
        }

        return points;
    }

    private static double[][] Gaussian(Random random, int n, int d, double spread)
    {
        var points = new double[n][];
        for (int i = 0; i < n; i++)
        {
            points[i] = new double[d];
            for (int k = 0; k < d; k++)
            {
                double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
                points[i][k] = spread * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
        }

        return points;
    }

    private static double SquaredDifference(double[] a, double[] b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
        {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }

        return s;
    }

    private static void Fill(double[] distances, int n, Func<int, int, double> distance)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double v = distance(i, j);
                distances[(i * n) + j] = v;
                distances[(j * n) + i] = v;
            }
        }
    }

    /// <summary>Largest |d_ij − D_ij| / D_ij over pairs with D_ij &gt; 0.</summary>
    public static double WorstRelativeError(DistanceMatrix target, Func<int, int, double> embedded)
    {
        double worst = 0;
        for (int i = 0; i < target.Count; i++)
        {
            for (int j = i + 1; j < target.Count; j++)
            {
                double t = target[i, j];
                if (t > 0)
                {
                    worst = Math.Max(worst, Math.Abs(embedded(i, j) - t) / t);
                }
            }
        }

        return worst;
    }
}
