using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimZsl.Embedding;

/// <summary>One row of the stress and its gradient, ∂σ/∂x_i = Σ_j w_ij (d_ij − D_ij) ∂d_ij/∂x_i, over the n other points
/// (coordinates stored column by column), for each geometry. Unit curvature.</summary>
/// <remarks>The row runs in blocks of <see cref="Chunk"/> points, each in three short loops over data that stays in the
/// L1 cache, four pairs per step: q_j = Σ_k (x_ik − x_jk)²; the residuals (<see cref="Residuals"/>, the per-pair
/// arithmetic of <see cref="StressPairs.Residual"/> with every intermediate in registers, the loop the pair-list rows run
/// too), writing only the pairs' coefficients c_j = w_ij(d_ij − D_ij)/denominator; then Σ_j c_j x_jk for each column k.
/// The gradient is then g_k = (a·x_ik·Σ_j c_j s_j − Σ_j c_j x_jk)·b (<see cref="IStressGeometry"/>). Fusing the first two
/// loops into one measured no faster (a long dependency chain per step leaves the core less to overlap). A block's last
/// count mod 4 pairs go through the same vector arithmetic one at a time (broadcast to every lane), so there is no
/// second, scalar copy of it.</remarks>
internal static class StressRowKernels
{
    /// <summary>Points per block of a row: the block's coefficients and (pair-list rows) gathered coordinates stay in L1.</summary>
    internal const int Chunk = 256;

    /// <summary>Coordinates column by column plus the per-point quantities every row needs.</summary>
    /// <param name="Count">n.</param>
    /// <param name="Columns">Coordinates per point.</param>
    /// <param name="Curvature">Only the sign is used.</param>
    /// <param name="Transposed">Column k of all points at [k·n, (k+1)·n); sphere points normalised.</param>
    /// <param name="Time">Hyperbolic: x₀ = √(1 + ‖x‖²); sphere: the norm ‖y‖ before normalising.</param>
    /// <param name="SquaredNorm">Hyperbolic: ‖x‖².</param>
    internal sealed record ColumnData(int Count, int Columns, double Curvature, double[] Transposed, double[] Time, double[] SquaredNorm);

    /// <summary>Per-thread scratch of a row: one block's coefficients and gathered coordinates, and the row's own point.</summary>
    internal sealed class Buffers
    {
        private double[] _gathered = [];
        private double[] _point = [];

        /// <summary>c_j of one block.</summary>
        public double[] Coefficient { get; } = new double[Chunk];

        /// <summary>q_j = Σ_k (x_ik − x_jk)² of one block (four spare entries: the pair-list rows write four lanes).</summary>
        public double[] Squared { get; } = new double[Chunk + 4];

        /// <summary>The pair-list rows' gathered ‖x_j‖² of one block (hyperbolic), four spare entries.</summary>
        public double[] Norms { get; } = new double[Chunk + 4];

        /// <summary>The pair-list rows' gathered x₀ⱼ of one block (hyperbolic), four spare entries.</summary>
        public double[] Times { get; } = new double[Chunk + 4];

        /// <summary>Room for a block's coordinates gathered column by column (<paramref name="length"/> values).</summary>
        public Span<double> Gathered(int length) => Grown(ref _gathered, length);

        /// <summary>Room for one point's coordinates.</summary>
        public Span<double> Point(int columns) => Grown(ref _point, columns);

        private static Span<double> Grown(ref double[] array, int length)
        {
            if (array.Length < length)
            {
                array = new double[length];
            }

            return array.AsSpan(0, length);
        }
    }

    /// <summary>‖x‖² of a point and the <see cref="ColumnData.Time"/> entry, and the factor its coordinates are stored
    /// with (sphere: 1/‖y‖, normalising; else 1).</summary>
    public static (double SquaredNorm, double Time, double Scale) Extras(ReadOnlySpan<double> x, double curvature)
    {
        double sq = 0;
        foreach (double v in x)
        {
            sq += v * v;
        }

        double time = curvature < 0 ? Math.Sqrt(1 + sq) : Math.Sqrt(sq);
        double scale = curvature > 0 ? (sq > 0 ? 1 / time : 0) : 1;
        return (sq, time, scale);
    }

    /// <summary>Lays out row-major points column by column (normalising sphere points) with their extras.</summary>
    public static ColumnData Transpose(double[] x, int n, int cols, double curvature)
    {
        var t = new double[cols * n];
        var time = new double[n];
        var squared = new double[n];
        for (int i = 0; i < n; i++)
        {
            var (sq, tm, scale) = Extras(x.AsSpan(i * cols, cols), curvature);
            squared[i] = sq;
            time[i] = tm;
            for (int k = 0; k < cols; k++)
            {
                t[(k * n) + i] = x[(i * cols) + k] * scale;
            }
        }

        return new ColumnData(n, cols, curvature, t, time, squared);
    }

    /// <summary>Overwrites point <paramref name="index"/> of laid-out coordinates (as <see cref="Transpose"/> would).</summary>
    public static void SetPoint(ColumnData p, int index, ReadOnlySpan<double> x)
    {
        int n = p.Count;
        var (sq, time, scale) = Extras(x, p.Curvature);
        p.SquaredNorm[index] = sq;
        p.Time[index] = time;
        for (int k = 0; k < p.Columns; k++)
        {
            p.Transposed[(k * n) + index] = x[k] * scale;
        }
    }

    /// <summary>Writes row i of the gradient and returns Σ_j w_ij (d_ij − D_ij)² (both ends of each pair count).</summary>
    public static double Row(int i, ColumnData points, ReadOnlySpan<double> target, ReadOnlyMemory<double>? weights, Buffers buffers, Span<double> gradient) =>
        (points.Curvature, weights is null) switch
        {
            ( < 0, true) => Row<StressPairs.Hyperbolic, StressPairs.UnitWeights>(i, points, target, default, buffers, gradient),
            ( < 0, false) => Row<StressPairs.Hyperbolic, StressPairs.Weights>(i, points, target, weights!.Value.Span, buffers, gradient),
            ( > 0, true) => Row<StressPairs.Spherical, StressPairs.UnitWeights>(i, points, target, default, buffers, gradient),
            ( > 0, false) => Row<StressPairs.Spherical, StressPairs.Weights>(i, points, target, weights!.Value.Span, buffers, gradient),
            (_, true) => Row<StressPairs.Euclidean, StressPairs.UnitWeights>(i, points, target, default, buffers, gradient),
            (_, false) => Row<StressPairs.Euclidean, StressPairs.Weights>(i, points, target, weights!.Value.Span, buffers, gradient),
        };

    /// <summary>Finishes row i's gradient: g_k = (a·x_ik·Σ c s − g_k)·b, where g_k held Σ_j c_j x_jk.</summary>
    public static void Finish<TGeometry>(ReadOnlySpan<double> point, double time, double selfSum, Span<double> gradient)
        where TGeometry : IStressGeometry
    {
        var (a, b) = TGeometry.RowScales(time);
        double self = a * selfSum;
        for (int k = 0; k < gradient.Length; k++)
        {
            gradient[k] = ((point[k] * self) - gradient[k]) * b;
        }
    }

    /// <summary>Σ_j a_j b_j over <paramref name="count"/> entries, four vectors at a time (a fixed order: the same bits
    /// every run), inlined: the blocks are short and already in L1.</summary>
    public static double Dot(ref double a, ref double b, int count)
    {
        var s0 = Vector256<double>.Zero;
        var s1 = Vector256<double>.Zero;
        var s2 = Vector256<double>.Zero;
        var s3 = Vector256<double>.Zero;
        int j = 0;
        for (; j + 16 <= count; j += 16)
        {
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)j), Vector256.LoadUnsafe(ref b, (nuint)j), s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)(j + 4)), Vector256.LoadUnsafe(ref b, (nuint)(j + 4)), s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)(j + 8)), Vector256.LoadUnsafe(ref b, (nuint)(j + 8)), s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)(j + 12)), Vector256.LoadUnsafe(ref b, (nuint)(j + 12)), s3);
        }

        for (; j + 4 <= count; j += 4)
        {
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)j), Vector256.LoadUnsafe(ref b, (nuint)j), s0);
        }

        double sum = Vector256.Sum((s0 + s1) + (s2 + s3));
        for (; j < count; j++)
        {
            sum = Math.FusedMultiplyAdd(Unsafe.Add(ref a, j), Unsafe.Add(ref b, j), sum);
        }

        return sum;
    }

    private static double Row<TGeometry, TWeighting>(int i, ColumnData p, ReadOnlySpan<double> target, ReadOnlySpan<double> weights, Buffers buffers, Span<double> gradient)
        where TGeometry : IStressGeometry
        where TWeighting : IStressWeighting
    {
        int n = p.Count, cols = p.Columns;
        var point = buffers.Point(cols);
        for (int k = 0; k < cols; k++)
        {
            point[k] = p.Transposed[(k * n) + i];
        }

        gradient = gradient[..cols];
        gradient.Clear();
        var rowSquaredNorm = Vector256.Create(p.SquaredNorm[i]);
        var rowTime = Vector256.Create(p.Time[i]);
        ref double x = ref MemoryMarshal.GetArrayDataReference(p.Transposed);
        ref double xi = ref MemoryMarshal.GetReference(point);
        ref double sq = ref MemoryMarshal.GetArrayDataReference(p.SquaredNorm);
        ref double tm = ref MemoryMarshal.GetArrayDataReference(p.Time);
        ref double d = ref MemoryMarshal.GetReference(target);
        ref double w = ref MemoryMarshal.GetReference(weights);
        ref double c = ref MemoryMarshal.GetArrayDataReference(buffers.Coefficient);
        ref double q = ref MemoryMarshal.GetArrayDataReference(buffers.Squared);
        var value = Vector256<double>.Zero;
        var selfSum = Vector256<double>.Zero;
        for (int start = 0; start < n; start += Chunk)
        {
            int end = Math.Min(n, start + Chunk), j = start;
            for (; j + 4 <= end; j += 4)
            {
                SquaredDistances(ref Unsafe.Add(ref x, j), n, ref xi, cols, single: false).StoreUnsafe(ref q, (nuint)(j - start));
            }

            // The last n mod 4 points one at a time, through the same arithmetic broadcast to every lane.
            for (; j < end; j++)
            {
                Unsafe.Add(ref q, j - start) = SquaredDistances(ref Unsafe.Add(ref x, j), n, ref xi, cols, single: true).ToScalar();
            }

            Residuals<TGeometry, TWeighting>(end - start, ref q, ref Unsafe.Add(ref sq, start), ref Unsafe.Add(ref tm, start), ref Unsafe.Add(ref d, start), ref Unsafe.Add(ref w, start), rowSquaredNorm, rowTime, ref c, ref value, ref selfSum);
            for (int k = 0; k < cols; k++)
            {
                gradient[k] += Dot(ref c, ref Unsafe.Add(ref x, (k * n) + start), end - start);
            }
        }

        Finish<TGeometry>(point, p.Time[i], Vector256.Sum(selfSum), gradient);
        return Vector256.Sum(value);
    }

    /// <summary>The residuals of a block of <paramref name="count"/> pairs of one row from their squared coordinate
    /// differences q (and, hyperbolic, the other points' ‖x‖² and x₀), targets and weights, all contiguous: c_j into
    /// <paramref name="coefficient"/>, Σ w r² into <paramref name="value"/>, Σ c s into <paramref name="selfSum"/>.
    /// A loop of its own, apart from the pass that forms q: short enough that several steps overlap in the core.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Residuals<TGeometry, TWeighting>(int count, ref double q, ref double squaredNorm, ref double time, ref double target, ref double weight, Vector256<double> rowSquaredNorm, Vector256<double> rowTime, ref double coefficient, ref Vector256<double> value, ref Vector256<double> selfSum)
        where TGeometry : IStressGeometry
        where TWeighting : IStressWeighting
    {
        int j = 0;
        for (; j + 4 <= count; j += 4)
        {
            var norms = TGeometry.UsesNorms ? Vector256.LoadUnsafe(ref squaredNorm, (nuint)j) : default;
            var times = TGeometry.UsesNorms ? Vector256.LoadUnsafe(ref time, (nuint)j) : default;
            var w = TWeighting.Weighted ? Vector256.LoadUnsafe(ref weight, (nuint)j) : Vector256<double>.One;
            value += StressPairs.Residual<TGeometry>(Vector256.LoadUnsafe(ref q, (nuint)j), norms, times, rowSquaredNorm, rowTime, Vector256.LoadUnsafe(ref target, (nuint)j), w, out var c, out var self);
            selfSum = Vector256.FusedMultiplyAdd(c, self, selfSum);
            c.StoreUnsafe(ref coefficient, (nuint)j);
        }

        // The last count mod 4 pairs one at a time, through the same arithmetic broadcast to every lane.
        for (; j < count; j++)
        {
            var norms = TGeometry.UsesNorms ? Vector256.Create(Unsafe.Add(ref squaredNorm, j)) : default;
            var times = TGeometry.UsesNorms ? Vector256.Create(Unsafe.Add(ref time, j)) : default;
            var w = TWeighting.Weighted ? Vector256.Create(Unsafe.Add(ref weight, j)) : Vector256<double>.One;
            var v = StressPairs.Residual<TGeometry>(Vector256.Create(Unsafe.Add(ref q, j)), norms, times, rowSquaredNorm, rowTime, Vector256.Create(Unsafe.Add(ref target, j)), w, out var c, out var self);
            value += Vector256.CreateScalar(v.ToScalar());
            selfSum += Vector256.CreateScalar(c.ToScalar() * self.ToScalar());
            Unsafe.Add(ref coefficient, j) = c.ToScalar();
        }
    }

    // Σ_k (x_jk − x_ik)² for the four points at x (column k at x + k·n), or (single) the one point there in every lane.
    // Four partial sums over k mod 4, so the fused multiply-adds do not wait on each other; the pair-list rows add in the
    // same order.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SquaredDistances(ref double x, int n, ref double point, int cols, bool single)
    {
        var q0 = Vector256<double>.Zero;
        var q1 = Vector256<double>.Zero;
        var q2 = Vector256<double>.Zero;
        var q3 = Vector256<double>.Zero;
        int k = 0;
        for (; k + 4 <= cols; k += 4)
        {
            q0 = Accumulate(ref x, k * n, Unsafe.Add(ref point, k), q0, single);
            q1 = Accumulate(ref x, (k + 1) * n, Unsafe.Add(ref point, k + 1), q1, single);
            q2 = Accumulate(ref x, (k + 2) * n, Unsafe.Add(ref point, k + 2), q2, single);
            q3 = Accumulate(ref x, (k + 3) * n, Unsafe.Add(ref point, k + 3), q3, single);
        }

        if (k < cols)
        {
            q0 = Accumulate(ref x, k * n, Unsafe.Add(ref point, k), q0, single);
        }

        if (k + 1 < cols)
        {
            q1 = Accumulate(ref x, (k + 1) * n, Unsafe.Add(ref point, k + 1), q1, single);
        }

        if (k + 2 < cols)
        {
            q2 = Accumulate(ref x, (k + 2) * n, Unsafe.Add(ref point, k + 2), q2, single);
        }

        return (q0 + q1) + (q2 + q3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Accumulate(ref double x, int offset, double coordinate, Vector256<double> sum, bool single)
    {
        var difference = (single ? Vector256.Create(Unsafe.Add(ref x, offset)) : Vector256.LoadUnsafe(ref x, (nuint)offset)) - Vector256.Create(coordinate);
        return Vector256.FusedMultiplyAdd(difference, difference, sum);
    }
}
