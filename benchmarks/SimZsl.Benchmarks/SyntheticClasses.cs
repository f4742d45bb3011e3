using SimZsl.Embedding;
using SimZsl.Geometry;
using SimZsl.Similarity;

namespace SimZsl.Benchmarks;

/// <summary>Seeded synthetic points on the κ-manifold (prototype representation) and their distances, for the
/// stress and landmark benchmarks.</summary>
internal static class SyntheticClasses
{
    /// <summary>n points of dimension d: Gaussian (κ = 0), uniform on the sphere of radius 1/√κ, or Gaussian in
    /// reduced hyperboloid coordinates mapped to the Poincaré ball.</summary>
    public static ClassPrototypes Points(int n, int d, double curvature, int seed)
    {
        var random = new Random(seed);
        int cols = curvature > 0 ? d + 1 : d;
        var data = new double[n * cols];
        double r = SimZsl.Geometry.KappaSpace.LengthScale(curvature);
        for (int i = 0; i < n; i++)
        {
            var row = data.AsSpan(i * cols, cols);
            for (int k = 0; k < cols; k++)
            {
                row[k] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            }

            if (curvature > 0)
            {
                double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<double>(row, row));
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, r / norm, row);
            }
            else if (curvature < 0)
            {
                KappaCoordinates.HyperboloidToBall(row, r);
            }
        }

        return new ClassPrototypes(Enumerable.Range(0, n).Select(i => $"c{i}").ToArray(), RowMatrix.Wrap(n, cols, data), curvature);
    }

    /// <summary>All distances between the points.</summary>
    public static DistanceMatrix Distances(ClassPrototypes points) =>
        DistanceMatrix.CreateTrusted(points.ClassNames, PairwiseDistances.All(points.Coordinates, points.Curvature), null);

    /// <summary>A fraction of the pairs marked missing at random (seeded).</summary>
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
                mask[(i * n) + j] = mask[(j * n) + i] = random.NextDouble() >= fraction;
            }
        }

        return complete.WithMask(mask);
    }
}
