using SimZsl.Embedding;
using SimZsl.Geometry;
using SimZsl.Similarity;

namespace SimZsl.Tests.Missing;

/// <summary>Exact synthetic data on the κ-manifold: points in the prototype representation and their geodesic
/// distances, so any embedding error is the method's.</summary>
internal static class ExactData
{
    /// <summary>n random points of dimension d on the manifold of curvature κ (seeded).</summary>
    public static ClassPrototypes Points(int n, int d, double curvature, int seed, string prefix = "c")
    {
        var random = new Random(seed);
        int cols = curvature > 0 ? d + 1 : d;
        var data = new double[n * cols];
        double r = curvature == 0 ? 1 : 1 / Math.Sqrt(Math.Abs(curvature));
        for (int i = 0; i < n; i++)
        {
            var row = data.AsSpan(i * cols, cols);
            for (int k = 0; k < cols; k++)
            {
                row[k] = Gaussian(random);
            }

            if (curvature > 0)
            {
                double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<double>(row, row));
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, r / norm, row);
            }
            else if (curvature < 0)
            {
                // Reduced hyperboloid coordinates ~ N(0, 1) at unit curvature, then the Poincaré ball of radius r.
                KappaCoordinates.HyperboloidToBall(row, r);
            }
        }

        var names = Enumerable.Range(0, n).Select(i => $"{prefix}{i}").ToArray();
        return new ClassPrototypes(names, RowMatrix.Wrap(n, cols, data), curvature);
    }

    /// <summary>The complete distance matrix of some points.</summary>
    public static DistanceMatrix Distances(ClassPrototypes points) =>
        DistanceMatrix.CreateTrusted(points.ClassNames, PairwiseDistances.All(points.Coordinates, points.Curvature), null);

    /// <summary>Marks a fraction of the unordered pairs missing at random (seeded; the diagonal stays observed).</summary>
    public static DistanceMatrix WithMissing(DistanceMatrix complete, double fraction, int seed)
    {
        int n = complete.Count;
        var random = new Random(seed);
        var mask = new bool[n * n];
        for (int i = 0; i < n; i++)
        {
            mask[(i * n) + i] = true;
            for (int j = i + 1; j < n; j++)
            {
                bool seen = random.NextDouble() >= fraction;
                mask[(i * n) + j] = seen;
                mask[(j * n) + i] = seen;
            }
        }

        return complete.WithMask(mask);
    }

    /// <summary>Median over all pairs i &lt; j of |d_emb/D − 1|.</summary>
    public static double MedianRelativeError(ClassPrototypes embedded, DistanceMatrix truth)
    {
        int n = truth.Count;
        var errors = new List<double>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                errors.Add(Math.Abs((embedded.Distance(i, j) / truth[i, j]) - 1));
            }
        }

        errors.Sort();
        return errors[errors.Count / 2];
    }

    /// <summary>Largest |d_emb − D| / max D over all pairs.</summary>
    public static double MaxScaledError(ClassPrototypes embedded, DistanceMatrix truth)
    {
        int n = truth.Count;
        double worst = 0, max = truth.MaxDistance;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                worst = Math.Max(worst, Math.Abs(embedded.Distance(i, j) - truth[i, j]) / max);
            }
        }

        return worst;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
