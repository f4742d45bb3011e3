using SimZsl.Similarity;

namespace SimZsl.Benchmarks;

/// <summary>Seeded noisy distance matrices of each geometry, the same on every run (the peer scripts read them
/// from the .npy files <see cref="Write"/> produces).</summary>
public static class BenchmarkData
{
    /// <summary>n points in a d-dimensional space of curvature κ (unit spread in units of r for κ ≠ 0), distances
    /// multiplied by (1 + 0.05·g), g standard normal.</summary>
    public static DistanceMatrix Noisy(int n, int d, double curvature, int seed = 42)
    {
        var random = new Random(seed);
        var points = new double[n][];
        for (int i = 0; i < n; i++)
        {
            points[i] = new double[d + 1];
            for (int k = 0; k <= d; k++)
            {
                points[i][k] = Gaussian(random);
            }
        }

        double r = SimZsl.Geometry.KappaSpace.LengthScale(curvature);
        var values = new double[n * n];
        Parallel.For(0, n, i =>
        {
            for (int j = i + 1; j < n; j++)
            {
                values[(i * n) + j] = Exact(points[i], points[j], d, curvature, r);
            }
        });
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double v = values[(i * n) + j] * Math.Max(0.1, 1 + (0.05 * Gaussian(random)));
                values[(i * n) + j] = v;
                values[(j * n) + i] = v;
            }
        }

        return DistanceMatrix.Create(Enumerable.Range(0, n).Select(i => $"c{i}").ToArray(), values);
    }

    /// <summary>Writes the matrix as a float64 .npy file.</summary>
    public static void Write(string path, DistanceMatrix distances) =>
        SimZsl.IO.NpyFile.Write(path, [distances.Count, distances.Count], distances.Values.ToArray());

    private static double Exact(double[] a, double[] b, int d, double curvature, double r)
    {
        if (curvature > 0)
        {
            // Uniform on the sphere Sᵈ: normalise the d + 1 Gaussian coordinates; arc = r·angle.
            double na = Math.Sqrt(a.Sum(v => v * v)), nb = Math.Sqrt(b.Sum(v => v * v)), chord = 0;
            for (int k = 0; k <= d; k++)
            {
                double t = (a[k] / na) - (b[k] / nb);
                chord += t * t;
            }

            return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(chord) / 2));
        }

        double squared = 0, sa = 0, sb = 0;
        for (int k = 0; k < d; k++)
        {
            squared += (a[k] - b[k]) * (a[k] - b[k]);
            sa += a[k] * a[k];
            sb += b[k] * b[k];
        }

        if (curvature == 0)
        {
            return Math.Sqrt(squared);
        }

        // Reduced hyperboloid coordinates: Lorentz chord ‖X − X'‖² − (x₀ − x₀')².
        double x0 = Math.Sqrt(1 + sa), y0 = Math.Sqrt(1 + sb), dx0 = (sa - sb) / (x0 + y0);
        return 2 * r * Math.Asinh(Math.Sqrt(Math.Max(0, squared - (dx0 * dx0))) / 2);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
