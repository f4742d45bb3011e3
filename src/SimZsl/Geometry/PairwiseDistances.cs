namespace SimZsl.Geometry;

/// <summary>Geodesic distances between points in the prototype representation (see
/// <see cref="Embedding.ClassPrototypes"/>): Euclidean, ambient sphere coordinates, or the Poincaré ball.</summary>
public static class PairwiseDistances
{
    /// <summary>Distance between two points of a space of curvature κ.</summary>
    public static double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double curvature)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Points of different dimension ({x.Length} and {y.Length}).", nameof(y));
        }

        double c = Math.Abs(curvature);
        if (curvature > 0)
        {
            // r·arccos(⟨x, y⟩/r²) with r² = 1/κ.
            double cos = System.Numerics.Tensors.TensorPrimitives.Dot(x, y) * c;
            return Math.Acos(Math.Clamp(cos, -1, 1)) / Math.Sqrt(c);
        }

        double sq = 0, nx = 0, ny = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double d = x[k] - y[k];
            sq += d * d;
            nx += x[k] * x[k];
            ny += y[k] * y[k];
        }

        if (curvature == 0)
        {
            return Math.Sqrt(sq);
        }

        // (1/√c)·acosh(1 + 2c‖x−y‖²/((1 − c‖x‖²)(1 − c‖y‖²))); the denominators are kept away from 0.
        double denominator = Math.Max((1 - (c * nx)) * (1 - (c * ny)), 1e-300);
        return Acosh1p(2 * c * sq / denominator) / Math.Sqrt(c);
    }

    /// <summary>All n × n distances between the rows of <paramref name="points"/>, row-major.</summary>
    public static double[] All(RowMatrix points, double curvature)
    {
        ArgumentNullException.ThrowIfNull(points);
        int n = points.Rows;
        var result = new double[n * n];
        Parallel.For(0, n, i =>
        {
            var xi = points.Row(i);
            for (int j = i + 1; j < n; j++)
            {
                double d = Distance(xi, points.Row(j), curvature);
                result[(i * n) + j] = d;
                result[(j * n) + i] = d;
            }
        });
        return result;
    }

    /// <summary>acosh(1 + t), accurate for small t (where acosh(1 + t) ≈ √(2t)).</summary>
    internal static double Acosh1p(double t) => double.LogP1(t + Math.Sqrt(t * (t + 2)));
}
