using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.Geometry;

/// <summary>Geodesic distances between points in the prototype representation (see
/// <see cref="Embedding.ClassPrototypes"/>): Euclidean, ambient sphere coordinates, or the Poincaré ball.</summary>
/// <remarks>Every formula starts from the difference x − y, never from ‖x‖² + ‖y‖² − 2⟨x, y⟩: for points far from
/// the origin and close to each other (a small cap of a large sphere, two points near the ball's boundary) the
/// Gram-matrix form cancels to noise, the difference form does not. Sphere: θ = 2·atan2(‖x − y‖, ‖x + y‖),
/// accurate for near and antipodal points. Ball: <see cref="Ball"/>, the library's one ball formula (also behind
/// <see cref="KappaSpace.Distance"/>, and written the same way on float32 tensors in the hyperbolic head). The all-pairs kernel runs in row blocks on libtorch (vectorised, multithreaded, the same bits on
/// every run).</remarks>
public static class PairwiseDistances
{
    private const int BlockRows = 256;

    /// <summary>Distance between two points of a space of curvature κ.</summary>
    public static double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double curvature)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Points of different dimension ({x.Length} and {y.Length}).", nameof(y));
        }

        double minus = 0, nx = 0, ny = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double d = x[k] - y[k];
            minus += d * d;
            nx += x[k] * x[k];
            ny += y[k] * y[k];
        }

        if (curvature == 0)
        {
            return Math.Sqrt(minus);
        }

        double c = Math.Abs(curvature);
        if (curvature > 0)
        {
            // ‖x + y‖² = 2(‖x‖² + ‖y‖²) − ‖x − y‖² (parallelogram law).
            double plus = Math.Max(0, (2 * (nx + ny)) - minus);
            return 2 * Math.Atan2(Math.Sqrt(minus), Math.Sqrt(plus)) / Math.Sqrt(c);
        }

        return Ball(minus, nx, ny, c);
    }

    /// <summary>The geodesic distance in the Poincaré ball of curvature −c (radius 1/√c) from ‖x − y‖², ‖x‖² and
    /// ‖y‖²: (1/√c)·acosh(1 + t), t = 2c‖x − y‖²/((1 − c‖x‖²)(1 − c‖y‖²)), with acosh(1 + t) as
    /// log1p(t + √(t(t + 2))).</summary>
    /// <remarks>‖x − y‖² must come from the differences themselves (see the class remarks). Unlike
    /// 2 artanh(‖(−x) ⊕ y‖)/√c it keeps its digits for far-apart points, and unlike acosh(1 + t) it keeps them for
    /// close ones; as c → 0 it tends to 2‖x − y‖ without a 0/0. A point on or past the boundary counts as just
    /// inside it (1 − c‖·‖² floored below anything double can resolve there), so the result stays finite.</remarks>
    /// <param name="squaredGap">‖x − y‖².</param>
    /// <param name="xx">‖x‖².</param>
    /// <param name="yy">‖y‖².</param>
    /// <param name="c">|κ| &gt; 0.</param>
    public static double Ball(double squaredGap, double xx, double yy, double c) =>
        Acosh1p(2 * c * squaredGap * (BallFactor(xx, c) * BallFactor(yy, c))) / Math.Sqrt(c);

    /// <summary>All n × n distances between the rows of <paramref name="points"/>, row-major.</summary>
    public static double[] All(RowMatrix points, double curvature)
    {
        ArgumentNullException.ThrowIfNull(points);
        int n = points.Rows;
        var result = new double[(long)n * n];
        ForEachBlock(points, curvature, (start, count, block) => block.AsSpan(0, count * n).CopyTo(result.AsSpan(start * n)), CancellationToken.None);
        return result;
    }

    /// <summary>Computes the distance rows in blocks: <paramref name="consume"/> gets the first row index, the number
    /// of rows and a row-major buffer of rows × n distances (reused between calls).</summary>
    internal static void ForEachBlock(RowMatrix points, double curvature, Action<int, int, double[]> consume, CancellationToken cancellationToken)
    {
        int n = points.Rows, d = points.Columns;
        if (n == 0)
        {
            return;
        }

        var buffer = new double[Math.Min(n, BlockRows) * n];
        double c = Math.Abs(curvature);
        using var scope = NewDisposeScope();
        var x = tensor(points.Data, [n, d], ScalarType.Float64);
        var squaredNorms = x.mul(x).sum(1L);
        using var minusC = Local(-c);
        using var twoC = Local(2 * c);
        using var twoR = Local(2 / Math.Sqrt(c));
        using var r = Local(1 / Math.Sqrt(c));
        var factors = curvature > 0 ? squaredNorms : squaredNorms.mul(minusC).add_(One, One).clamp_min(Kept(BoundaryFloor)).reciprocal();
        for (int start = 0; start < n; start += BlockRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(BlockRows, n - start);
            using var inner = NewDisposeScope();
            var rows = x.narrow(0, start, count);
            var chord = cdist(rows, x, 2.0, compute_mode.donot_use_mm_for_euclid_dist);
            var distances = curvature == 0 ? chord
                : curvature > 0 ? SphereArc(chord, factors.narrow(0, start, count), factors, twoR)
                : BallDistance(chord, factors.narrow(0, start, count), factors, twoC, r);
            var target = frombuffer(buffer, ScalarType.Float64, count: (long)count * n).view(count, n);
            target.copy_(distances);
            for (int i = 0; i < count; i++)
            {
                buffer[(i * n) + start + i] = 0;
            }

            consume(start, count, buffer);
        }
    }

    /// <summary>acosh(1 + t), accurate for small t (where acosh(1 + t) ≈ √(2t)) and finite for huge t (where
    /// t(t + 2) would overflow; there acosh(1 + t) = ln 2 + ln(1 + t) to double precision).</summary>
    private static double Acosh1p(double t) =>
        t < 1e8 ? LogP1(t + Math.Sqrt(t * (t + 2))) : Math.Log(2) + Math.Log(1 + t);

    // log(1 + z) to a few ulps for z ≥ 0 (Kahan's correction): double.LogP1 is log(1 + z) as written, which keeps
    // only the digits of z above 1 ulp of 1, i.e. a relative error ~1e-16/z, 1e-6 for points 1e-10 apart.
    private static double LogP1(double z)
    {
        double u = 1 + z;
        return u == 1 ? z : Math.Log(u) * z / (u - 1);
    }

    // r·2·atan2(‖x − y‖, ‖x + y‖), ‖x + y‖² = 2(‖x‖² + ‖y‖²) − ‖x − y‖².
    private static Tensor SphereArc(Tensor chord, Tensor rowNorms, Tensor allNorms, Scalar twoRadii)
    {
        var plus = rowNorms.unsqueeze(1).add(allNorms.unsqueeze(0), One).mul_(Two).sub_(chord.mul(chord)).clamp_min(Zero).sqrt();
        return atan2(chord, plus).mul_(twoRadii);
    }

    // Ball on whole blocks: (1/√c)·acosh(1 + t), t = 2c‖x − y‖²·f_x·f_y, f = 1/(1 − c‖·‖²).
    private static Tensor BallDistance(Tensor chord, Tensor rowFactors, Tensor allFactors, Scalar twoC, Scalar radius)
    {
        // f_x·f_y first: a commutative product keeps the matrix exactly symmetric.
        var t = chord.mul(chord).mul_(rowFactors.unsqueeze(1).mul(allFactors.unsqueeze(0))).mul_(twoC);
        return t.add(t.mul(t.add(Two, One)).sqrt(), One).log1p().mul_(radius);
    }

    // 1/(1 − c‖x‖²), kept finite for points on or outside the boundary.
    private static double BallFactor(double squaredNorm, double c) => 1 / Math.Max(1 - (c * squaredNorm), BoundaryFloor);

    // The smallest positive 1 − c‖x‖² that double can hold for c‖x‖² < 1 is 2⁻⁵³ ≈ 1.1e-16, so this floor only
    // ever replaces "on or outside the ball", and the product of two floors (1e-34) stays a normal number.
    private const double BoundaryFloor = 1e-17;
}
