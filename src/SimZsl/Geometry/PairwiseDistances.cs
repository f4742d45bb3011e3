using System.Numerics.Tensors;

namespace SimZsl.Geometry;

/// <summary>Geodesic distances between points in the prototype representation (see
/// <see cref="Embedding.ClassPrototypes"/>): Euclidean, ambient sphere coordinates, or the Poincaré ball.</summary>
/// <remarks>Every formula starts from the difference x − y, never from ‖x‖² + ‖y‖² − 2⟨x, y⟩: near points far from
/// the origin (a small cap of a large sphere, two points near the ball's boundary) the Gram-matrix form cancels
/// to noise, the difference form does not. With d ≤ a few dozen the direct differences cost no more than a
/// matrix product would.</remarks>
public static class PairwiseDistances
{
    /// <summary>Distance between two points of a space of curvature κ.</summary>
    public static double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double curvature)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Points of different dimension ({x.Length} and {y.Length}).", nameof(y));
        }

        double chord = TensorPrimitives.Distance(x, y);
        if (curvature == 0)
        {
            return chord;
        }

        double c = Math.Abs(curvature);
        if (curvature > 0)
        {
            return SphereArc(chord, TensorPrimitives.Dot(x, x) + TensorPrimitives.Dot(y, y), c);
        }

        return Math.Sqrt(1 / c) * Acosh1p(2 * c * chord * chord * BallFactor(x, c) * BallFactor(y, c));
    }

    /// <summary>All n × n distances between the rows of <paramref name="points"/>, row-major.</summary>
    public static double[] All(RowMatrix points, double curvature)
    {
        ArgumentNullException.ThrowIfNull(points);
        int n = points.Rows;
        var result = GC.AllocateUninitializedArray<double>(n * n);
        var factors = PointFactors(points, curvature);

        // Upper triangle row by row (contiguous writes), then the lower triangle mirrored in tiles.
        Parallel.For(0, n, i => UpperRow(points, i, curvature, factors, result.AsSpan((i * n) + i, n - i)));
        const int tile = 64;
        Parallel.For(0, (n + tile - 1) / tile, bi =>
        {
            int i0 = bi * tile, i1 = Math.Min(n, i0 + tile);
            for (int j0 = 0; j0 <= i0; j0 += tile)
            {
                int j1 = Math.Min(n, j0 + tile);
                for (int i = i0; i < i1; i++)
                {
                    for (int j = j0; j < Math.Min(j1, i); j++)
                    {
                        result[(i * n) + j] = result[(j * n) + i];
                    }
                }
            }
        });
        return result;
    }

    /// <summary>Distances from point <paramref name="i"/> to all points, into <paramref name="destination"/> (n entries).</summary>
    internal static void FullRow(RowMatrix points, int i, double curvature, double[] factors, Span<double> destination)
    {
        var x = points.Row(i);
        for (int j = 0; j < points.Rows; j++)
        {
            destination[j] = TensorPrimitives.Distance(x, points.Row(j));
        }

        Transform(destination, 0, i, curvature, factors);
        destination[i] = 0;
    }

    /// <summary>Per-point factors the kernels need: 1/(1 − c‖x‖²) for the ball, ‖x‖² for the sphere, none for
    /// κ = 0.</summary>
    internal static double[] PointFactors(RowMatrix points, double curvature)
    {
        var factors = new double[curvature == 0 ? 0 : points.Rows];
        double c = Math.Abs(curvature);
        for (int i = 0; i < factors.Length; i++)
        {
            var x = points.Row(i);
            factors[i] = curvature > 0 ? TensorPrimitives.Dot(x, x) : BallFactor(x, c);
        }

        return factors;
    }

    /// <summary>acosh(1 + t), accurate for small t (where acosh(1 + t) ≈ √(2t)).</summary>
    internal static double Acosh1p(double t) => double.LogP1(t + Math.Sqrt(t * (t + 2)));

    private static void UpperRow(RowMatrix points, int i, double curvature, double[] factors, Span<double> destination)
    {
        var x = points.Row(i);
        for (int j = 0; j < destination.Length; j++)
        {
            destination[j] = TensorPrimitives.Distance(x, points.Row(i + j));
        }

        Transform(destination, i, i, curvature, factors);
        destination[0] = 0;
    }

    // Turns chord lengths ‖x_i − x_j‖ (j = offset, offset + 1, …) into geodesic distances, vectorised.
    private static void Transform(Span<double> row, int offset, int i, double curvature, double[] factors)
    {
        if (curvature == 0)
        {
            return;
        }

        double c = Math.Abs(curvature);
        var own = factors.AsSpan(offset, row.Length);
        if (curvature > 0)
        {
            // θ = 2·atan2(‖x − y‖, ‖x + y‖) with ‖x + y‖² = 2(‖x‖² + ‖y‖²) − ‖x − y‖²: accurate for near and far
            // points alike; distance r·θ.
            Span<double> plus = row.Length <= 4096 ? stackalloc double[row.Length] : new double[row.Length];
            for (int j = 0; j < row.Length; j++)
            {
                plus[j] = Math.Sqrt(Math.Max(0, (2 * (own[j] + factors[i])) - (row[j] * row[j])));
            }

            TensorPrimitives.Atan2(row, plus, row);
            TensorPrimitives.Multiply(row, 2 / Math.Sqrt(c), row);
            return;
        }

        // (1/√c)·acosh(1 + 2c‖x − y‖²·f_x·f_y), f = 1/(1 − c‖·‖²).
        TensorPrimitives.Multiply(row, row, row);
        TensorPrimitives.Multiply(row, own, row);
        TensorPrimitives.Multiply(row, 2 * c * factors[i], row);
        Span<double> root = row.Length <= 4096 ? stackalloc double[row.Length] : new double[row.Length];
        TensorPrimitives.Add(row, 2.0, root);
        TensorPrimitives.Multiply(root, row, root);
        TensorPrimitives.Sqrt(root, root);
        TensorPrimitives.Add(row, root, row);
        TensorPrimitives.LogP1(row, row);
        TensorPrimitives.Multiply(row, 1 / Math.Sqrt(c), row);
    }

    private static double SphereArc(double chord, double normsSquared, double c)
    {
        double plus = Math.Sqrt(Math.Max(0, (2 * normsSquared) - (chord * chord)));
        return 2 * Math.Atan2(chord, plus) / Math.Sqrt(c);
    }

    // 1/(1 − c‖x‖²), kept finite for points on or outside the boundary.
    private static double BallFactor(ReadOnlySpan<double> x, double c) => 1 / Math.Max(1 - (c * TensorPrimitives.Dot(x, x)), 1e-300);
}
