using System.Numerics.Tensors;

namespace SimZsl.Embedding;

/// <summary>One row of the stress and its gradient, ∂σ/∂x_i = Σ_j w_ij (d_ij − D_ij) ∂d_ij/∂x_i, for each geometry,
/// written as SIMD passes over the n other points (coordinates stored column by column). Unit curvature.
/// Near-coincident (and, on the sphere, antipodal) pairs are where ∂d/∂z = 1/√(z² − 1) blows up: there the
/// derivative's denominator is floored, which only damps pairs closer than the floor.</summary>
internal static class StressRowKernels
{
    // Floors of the derivative denominators: Euclidean distance, √(t(t + 2)) = sinh d, and sin d.
    private const double EuclideanFloor = 1e-200;
    private const double CurvedFloor = 1e-12;

    /// <summary>Coordinates column by column plus the per-point quantities every row needs.</summary>
    /// <param name="Count">n.</param>
    /// <param name="Columns">Coordinates per point.</param>
    /// <param name="Curvature">Only the sign is used.</param>
    /// <param name="Transposed">Column k of all points at [k·n, (k+1)·n); sphere points normalised.</param>
    /// <param name="Time">Hyperbolic: x₀ = √(1 + ‖x‖²); sphere: the norm ‖y‖ before normalising.</param>
    /// <param name="SquaredNorm">Hyperbolic: ‖x‖².</param>
    internal sealed record ColumnData(int Count, int Columns, double Curvature, double[] Transposed, double[] Time, double[] SquaredNorm);

    /// <summary>Per-thread scratch vectors of length n (or more: the kernels use the first <see cref="ColumnData.Count"/>
    /// entries, so one set serves rows of any length up to it, as the pair-list stress needs).</summary>
    internal sealed class Buffers(int n)
    {
        public double[] A { get; } = new double[n];

        public double[] B { get; } = new double[n];

        public double[] C { get; } = new double[n];

        public double[] E { get; } = new double[n];
    }

    /// <summary>Lays out row-major points column by column (normalising sphere points) with their extras.</summary>
    public static ColumnData Transpose(double[] x, int n, int cols, double curvature)
    {
        var t = new double[cols * n];
        var time = new double[n];
        var squared = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sq = 0;
            for (int k = 0; k < cols; k++)
            {
                double v = x[(i * cols) + k];
                t[(k * n) + i] = v;
                sq += v * v;
            }

            squared[i] = sq;
            time[i] = curvature < 0 ? Math.Sqrt(1 + sq) : Math.Sqrt(sq);
            if (curvature > 0)
            {
                double inverse = sq > 0 ? 1 / time[i] : 0;
                for (int k = 0; k < cols; k++)
                {
                    t[(k * n) + i] *= inverse;
                }
            }
        }

        return new ColumnData(n, cols, curvature, t, time, squared);
    }

    /// <summary>Overwrites point <paramref name="index"/> of laid-out coordinates (as <see cref="Transpose"/> would).</summary>
    public static void SetPoint(ColumnData p, int index, ReadOnlySpan<double> x)
    {
        int n = p.Count;
        double sq = System.Numerics.Tensors.TensorPrimitives.Dot(x, x);
        p.SquaredNorm[index] = sq;
        p.Time[index] = p.Curvature < 0 ? Math.Sqrt(1 + sq) : Math.Sqrt(sq);
        double scale = p.Curvature > 0 ? (sq > 0 ? 1 / p.Time[index] : 0) : 1;
        for (int k = 0; k < p.Columns; k++)
        {
            p.Transposed[(k * n) + index] = x[k] * scale;
        }
    }

    /// <summary>Writes row i of the gradient and returns Σ_j w_ij (d_ij − D_ij)² (both ends of each pair count).</summary>
    public static double Row(int i, ColumnData points, ReadOnlySpan<double> target, ReadOnlyMemory<double>? weights, Buffers buffers, Span<double> gradient) =>
        points.Curvature switch
        {
            < 0 => HyperbolicRow(i, points, target, weights, buffers, gradient),
            > 0 => SphericalRow(i, points, target, weights, buffers, gradient),
            _ => EuclideanRow(i, points, target, weights, buffers, gradient),
        };

    private static double EuclideanRow(int i, ColumnData p, ReadOnlySpan<double> target, ReadOnlyMemory<double>? weights, Buffers b, Span<double> gradient)
    {
        var distance = SquaredDifferences(i, p, b.A, b.B);
        TensorPrimitives.Sqrt(distance, distance);
        double value = Residuals(distance, target, weights, b.C, out var coefficient);
        TensorPrimitives.Max(distance, EuclideanFloor, distance);
        TensorPrimitives.Divide(coefficient, distance, coefficient);

        // ∂d/∂x_i = (x_i − x_j)/d  ⇒  g_ik = x_ik Σ_j c_j − Σ_j c_j x_jk.
        double sum = TensorPrimitives.Sum<double>(coefficient);
        for (int k = 0; k < p.Columns; k++)
        {
            var column = p.Transposed.AsSpan(k * p.Count, p.Count);
            gradient[k] = (column[i] * sum) - TensorPrimitives.Dot<double>(coefficient, column);
        }

        return value;
    }

    private static double HyperbolicRow(int i, ColumnData p, ReadOnlySpan<double> target, ReadOnlyMemory<double>? weights, Buffers b, Span<double> gradient)
    {
        int n = p.Count;

        // z − 1 = ½(‖x_i − x_j‖² − (x₀ᵢ − x₀ⱼ)²) with x₀ᵢ − x₀ⱼ = (‖x_i‖² − ‖x_j‖²)/(x₀ᵢ + x₀ⱼ): no cancellation of
        // large products, so close pairs keep their accuracy.
        var t = SquaredDifferences(i, p, b.A, b.B);
        var timeGap = b.B.AsSpan(0, n);
        var timeSumOfPair = b.E.AsSpan(0, n);
        TensorPrimitives.Subtract(p.SquaredNorm.AsSpan(0, n), p.SquaredNorm[i], timeGap);
        TensorPrimitives.Add(p.Time.AsSpan(0, n), p.Time[i], timeSumOfPair);
        TensorPrimitives.Divide(timeGap, timeSumOfPair, timeGap);
        TensorPrimitives.Multiply(timeGap, timeGap, timeGap);
        TensorPrimitives.Subtract(t, timeGap, t);
        TensorPrimitives.Multiply(t, 0.5, t);
        TensorPrimitives.Max(t, 0.0, t);

        // sinh d = √(t(t + 2)); d = acosh(1 + t) = log1p(t + sinh d).
        var sinh = b.E.AsSpan(0, n);
        TensorPrimitives.Add(t, 2.0, sinh);
        TensorPrimitives.Multiply(sinh, t, sinh);
        TensorPrimitives.Sqrt(sinh, sinh);
        var distance = t;
        TensorPrimitives.Add(t, sinh, distance);
        TensorPrimitives.LogP1(distance, distance);
        double value = Residuals(distance, target, weights, b.C, out var coefficient);
        TensorPrimitives.Max(sinh, CurvedFloor, sinh);
        TensorPrimitives.Divide(coefficient, sinh, coefficient);

        // ∂z/∂x_ik = x_ik x₀ⱼ / x₀ᵢ − x_jk.
        double timeSum = TensorPrimitives.Dot<double>(coefficient, p.Time.AsSpan(0, n));
        for (int k = 0; k < p.Columns; k++)
        {
            var column = p.Transposed.AsSpan(k * n, n);
            gradient[k] = (column[i] / p.Time[i] * timeSum) - TensorPrimitives.Dot<double>(coefficient, column);
        }

        return value;
    }

    private static double SphericalRow(int i, ColumnData p, ReadOnlySpan<double> target, ReadOnlyMemory<double>? weights, Buffers b, Span<double> gradient)
    {
        int n = p.Count;

        // On unit vectors u = y/‖y‖: chord c = ‖u_i − u_j‖, d = 2 asin(c/2) (accurate for close pairs),
        // cos d = 1 − c²/2, sin d = c √(1 − c²/4).
        var chordSquared = SquaredDifferences(i, p, b.A, b.B);
        var cosine = b.B.AsSpan(0, n);
        TensorPrimitives.Multiply(chordSquared, -0.5, cosine);
        TensorPrimitives.Add(cosine, 1.0, cosine);
        var sine = b.E.AsSpan(0, n);
        TensorPrimitives.Multiply(chordSquared, -0.25, sine);
        TensorPrimitives.Add(sine, 1.0, sine);
        TensorPrimitives.Max(sine, 0.0, sine);
        TensorPrimitives.Multiply(sine, chordSquared, sine);
        TensorPrimitives.Sqrt(sine, sine);
        var distance = chordSquared;
        TensorPrimitives.Sqrt(distance, distance);
        TensorPrimitives.Multiply(distance, 0.5, distance);
        TensorPrimitives.Min(distance, 1.0, distance);
        TensorPrimitives.Asin(distance, distance);
        TensorPrimitives.Multiply(distance, 2.0, distance);
        double value = Residuals(distance, target, weights, b.C, out var coefficient);
        TensorPrimitives.Max(sine, CurvedFloor, sine);
        TensorPrimitives.Divide(coefficient, sine, coefficient);

        // ∂d/∂y_i = (cos d · u_i − u_j) / (‖y_i‖ sin d): tangent to the sphere at y_i, so a step along −∇ keeps
        // the radius to first order, and σ does not depend on ‖y_i‖ at all.
        double cosineSum = TensorPrimitives.Dot<double>(coefficient, cosine);
        double inverseNorm = p.Time[i] > 0 ? 1 / p.Time[i] : 0;
        for (int k = 0; k < p.Columns; k++)
        {
            var column = p.Transposed.AsSpan(k * n, n);
            gradient[k] = ((column[i] * cosineSum) - TensorPrimitives.Dot<double>(coefficient, column)) * inverseNorm;
        }

        return value;
    }

    // Σ_k (x_jk − x_ik)² for every j, into a.
    private static Span<double> SquaredDifferences(int i, ColumnData p, double[] a, double[] scratch)
    {
        int n = p.Count;
        var sum = a.AsSpan(0, n);
        var difference = scratch.AsSpan(0, n);
        sum.Clear();
        for (int k = 0; k < p.Columns; k++)
        {
            var column = p.Transposed.AsSpan(k * n, n);
            TensorPrimitives.Subtract(column, column[i], difference);
            TensorPrimitives.MultiplyAdd(difference, difference, sum, sum);
        }

        return sum;
    }

    // residual r = d − D, c = w r; returns Σ w r² and hands c back.
    private static double Residuals(Span<double> distance, ReadOnlySpan<double> target, ReadOnlyMemory<double>? weights, double[] c, out Span<double> coefficient)
    {
        coefficient = c.AsSpan(0, distance.Length);
        TensorPrimitives.Subtract(distance, target, coefficient);
        if (weights is { } w)
        {
            var ws = w.Span;
            double weighted = 0;
            for (int j = 0; j < coefficient.Length; j++)
            {
                double r = coefficient[j];
                coefficient[j] = ws[j] * r;
                weighted += coefficient[j] * r;
            }

            return weighted;
        }

        return TensorPrimitives.Dot<double>(coefficient, coefficient);
    }
}
