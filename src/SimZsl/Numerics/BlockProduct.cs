using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimZsl.Numerics;

/// <summary>Y = M·Q for the n × n strain matrix M and a block Q of b columns (both row-major, b a multiple of 4):
/// the product that dominates the partial eigensolver, in managed code.</summary>
/// <remarks>Why not libtorch's matrix product: on this project's reference machine (AMD EPYC, AVX2, n = 5000) MKL's
/// dgemm ran this tall, skinny shape in 110–150 ms at widths 25, 28 and 32 and in 43–55 ms only at 24; this kernel takes
/// 37–57 ms at every width, and its result does not depend on anything but the input. It keeps three rows of M against
/// four vectors of four columns of Q in registers, walks M once in chunks of columns so that the matching rows of Q
/// stay in the L2 cache, and splits the rows between the thread pool's threads (libtorch's thread setting does not
/// apply). Every Y[i, c] is one chain of fused multiply–adds over j = 0, 1, …, n − 1, whatever the chunking, the
/// thread count or the code path (vector or scalar): the same bits on every run and every machine with IEEE doubles.
/// The solver passes widths that are multiples of 16, its fastest (BlockProductBenchmarks, n = 2000: 3.3 ms at 16
/// columns, where MKL takes 11.3 ms); the 4-, 8- and 12-column tiles serve other widths and are tested.</remarks>
internal static class BlockProduct
{
    private const int ChunkColumns = 512;
    private const int RowsPerTask = 48;

    /// <summary>Overwrites <paramref name="y"/> (n × b) with <paramref name="m"/> (n × n) times <paramref name="q"/> (n × b).</summary>
    public static void Multiply(double[] m, int n, double[] q, int b, double[] y, CancellationToken cancellationToken)
    {
        if (b % 4 != 0)
        {
            throw new ArgumentException($"The block width must be a multiple of 4 (got {b}).", nameof(b));
        }

        Array.Clear(y, 0, n * b);
        int tasks = (n + RowsPerTask - 1) / RowsPerTask;
        Parallel.For(0, tasks, new ParallelOptions { CancellationToken = cancellationToken }, task =>
        {
            int first = task * RowsPerTask, end = Math.Min(n, first + RowsPerTask);
            ReadOnlySpan<double> matrix = m;
            for (int j0 = 0; j0 < n; j0 += ChunkColumns)
            {
                int count = Math.Min(ChunkColumns, n - j0);
                int i = first;
                if (Vector256.IsHardwareAccelerated)
                {
                    for (; i + 3 <= end; i += 3)
                    {
                        ThreeRows(matrix, n, q, b, y, i, j0, count);
                    }
                }

                for (; i < end; i++)
                {
                    OneRow(matrix, n, q, b, y, i, j0, count);
                }
            }
        });
    }

    /// <summary>The block width <see cref="MultiplySymmetric"/> takes: one 256-bit vector per row of Q.</summary>
    public const int SymmetricWidth = 4;

    // Fixed row parts of the symmetric product, each with its own accumulator: the result does not depend on the
    // number of threads, only on this constant.
    private const int SymmetricParts = 8;

    /// <summary>Overwrites <paramref name="y"/> (n × 4) with M·Q for a symmetric <paramref name="m"/> (n × n, of which
    /// only the lower triangle, diagonal included, is read) and <paramref name="q"/> (n × 4).</summary>
    /// <remarks>Why: with four columns the product is bound by reading M (n = 5000: 200 MB per product), and each entry
    /// below the diagonal serves twice, Y_i += M_ij·Q_j and Y_j += M_ij·Q_i, so half the reading does. The rows are cut
    /// into <see cref="SymmetricParts"/> fixed parts of about equal triangle area; each part adds into its own n × 4
    /// accumulator (the Y_j it touches lie anywhere above it), and the accumulators are summed in part order: the same
    /// bits whatever the thread count. Within a part, four rows at a time against one row of Q per step (eight fused
    /// multiply–adds per four entries of M read).</remarks>
    public static void MultiplySymmetric(double[] m, int n, double[] q, double[] y, CancellationToken cancellationToken)
    {
        const int b = SymmetricWidth;
        var bounds = new int[SymmetricParts + 1];
        for (int p = 1; p < SymmetricParts; p++)
        {
            // Rows [0, r) hold r²/2 of the triangle's entries: equal areas at r = n·√(p/P), rounded to a multiple of 4.
            bounds[p] = Math.Clamp((int)Math.Round(n * Math.Sqrt((double)p / SymmetricParts) / 4) * 4, bounds[p - 1], n);
        }

        bounds[SymmetricParts] = n;
        var parts = new double[SymmetricParts][];
        Parallel.For(0, SymmetricParts, new ParallelOptions { CancellationToken = cancellationToken }, p =>
        {
            var accumulator = new double[bounds[p + 1] * b];
            int i = bounds[p], end = bounds[p + 1];
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i + 4 <= end; i += 4)
                {
                    FourLowerRows(m, n, q, accumulator, i);
                }
            }

            for (; i < end; i++)
            {
                OneLowerRow(m, n, q, accumulator, i);
            }

            parts[p] = accumulator;
        });
        Array.Clear(y, 0, n * b);
        foreach (var part in parts)
        {
            for (int k = 0; k < part.Length; k++)
            {
                y[k] += part[k];
            }
        }
    }

    // Rows i … i + 3 of the lower triangle into acc: for every j < i, acc_{i+r} += M[i+r, j]·Q_j and
    // acc_j += Σ_r M[i+r, j]·Q_{i+r}; then the 4 × 4 diagonal block. Straight to optimised code (see ThreeRows).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourLowerRows(double[] m, int n, double[] q, double[] acc, int i)
    {
        ref double row0 = ref m[i * n];
        ref double row1 = ref Unsafe.Add(ref row0, n);
        ref double row2 = ref Unsafe.Add(ref row0, 2 * n);
        ref double row3 = ref Unsafe.Add(ref row0, 3 * n);
        ref double qRef = ref q[0];
        ref double accRef = ref acc[0];
        var q0 = Vector256.LoadUnsafe(ref qRef, (nuint)(i * 4));
        var q1 = Vector256.LoadUnsafe(ref qRef, (nuint)((i + 1) * 4));
        var q2 = Vector256.LoadUnsafe(ref qRef, (nuint)((i + 2) * 4));
        var q3 = Vector256.LoadUnsafe(ref qRef, (nuint)((i + 3) * 4));
        var a0 = Vector256<double>.Zero;
        var a1 = Vector256<double>.Zero;
        var a2 = Vector256<double>.Zero;
        var a3 = Vector256<double>.Zero;
        for (int j = 0; j < i; j++)
        {
            var x0 = Vector256.Create(Unsafe.Add(ref row0, j));
            var x1 = Vector256.Create(Unsafe.Add(ref row1, j));
            var x2 = Vector256.Create(Unsafe.Add(ref row2, j));
            var x3 = Vector256.Create(Unsafe.Add(ref row3, j));
            var qj = Vector256.LoadUnsafe(ref qRef, (nuint)(j * 4));
            a0 = Vector256.FusedMultiplyAdd(x0, qj, a0);
            a1 = Vector256.FusedMultiplyAdd(x1, qj, a1);
            a2 = Vector256.FusedMultiplyAdd(x2, qj, a2);
            a3 = Vector256.FusedMultiplyAdd(x3, qj, a3);
            var t = Vector256.LoadUnsafe(ref accRef, (nuint)(j * 4));
            t = Vector256.FusedMultiplyAdd(x0, q0, t);
            t = Vector256.FusedMultiplyAdd(x1, q1, t);
            t = Vector256.FusedMultiplyAdd(x2, q2, t);
            t = Vector256.FusedMultiplyAdd(x3, q3, t);
            t.StoreUnsafe(ref accRef, (nuint)(j * 4));
        }

        // The diagonal block: row i + r against columns i … i + r (the entry and its mirror once each).
        Span<Vector256<double>> sums = [a0, a1, a2, a3];
        Span<Vector256<double>> qs = [q0, q1, q2, q3];
        for (int r = 0; r < 4; r++)
        {
            ref double row = ref Unsafe.Add(ref row0, r * n);
            for (int c = 0; c < r; c++)
            {
                var x = Vector256.Create(Unsafe.Add(ref row, i + c));
                sums[r] = Vector256.FusedMultiplyAdd(x, qs[c], sums[r]);
                sums[c] = Vector256.FusedMultiplyAdd(x, qs[r], sums[c]);
            }

            sums[r] = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref row, i + r)), qs[r], sums[r]);
        }

        for (int r = 0; r < 4; r++)
        {
            (Vector256.LoadUnsafe(ref accRef, (nuint)((i + r) * 4)) + sums[r]).StoreUnsafe(ref accRef, (nuint)((i + r) * 4));
        }
    }

    // One row of the lower triangle, scalar: the rows a part leaves over after its groups of four.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OneLowerRow(double[] m, int n, double[] q, double[] acc, int i)
    {
        const int b = SymmetricWidth;
        Span<double> sum = stackalloc double[b];
        for (int j = 0; j < i; j++)
        {
            double x = m[(i * n) + j];
            for (int c = 0; c < b; c++)
            {
                sum[c] = Math.FusedMultiplyAdd(x, q[(j * b) + c], sum[c]);
                acc[(j * b) + c] = Math.FusedMultiplyAdd(x, q[(i * b) + c], acc[(j * b) + c]);
            }
        }

        for (int c = 0; c < b; c++)
        {
            acc[(i * b) + c] += Math.FusedMultiplyAdd(m[(i * n) + i], q[(i * b) + c], sum[c]);
        }
    }

    // Rows i, i + 1, i + 2 over columns j0 … j0 + count − 1, in column groups of 16, then 12, 8 or 4.
    // AggressiveOptimization: straight to optimised code; the first product of a one-shot command would otherwise
    // run unoptimised vector code (ten times slower).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ThreeRows(ReadOnlySpan<double> m, int n, double[] q, int b, double[] y, int i, int j0, int count)
    {
        ref double rows = ref Unsafe.AsRef(in m[(i * n) + j0]);
        int c = 0;
        for (; c + 16 <= b; c += 16)
        {
            Kernel<Four>(ref rows, n, ref q[(j0 * b) + c], b, ref y[(i * b) + c], count);
        }

        switch (b - c)
        {
            case 12:
                Kernel<Three>(ref rows, n, ref q[(j0 * b) + c], b, ref y[(i * b) + c], count);
                break;
            case 8:
                Kernel<Two>(ref rows, n, ref q[(j0 * b) + c], b, ref y[(i * b) + c], count);
                break;
            case 4:
                Kernel<One>(ref rows, n, ref q[(j0 * b) + c], b, ref y[(i * b) + c], count);
                break;
        }
    }

    // The 3 × (4·W) register tile: accumulators for three rows of Y, W vectors each, over one chunk of j.
    // W is a struct type argument, so the JIT compiles one specialised body per width and drops the dead branches.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel<TWidth>(ref double m, int n, ref double q, int b, ref double y, int count)
        where TWidth : struct, IWidth
    {
        int w = TWidth.Vectors;
        ref double y1 = ref Unsafe.Add(ref y, b);
        ref double y2 = ref Unsafe.Add(ref y, 2 * b);
        var a0 = Vector256.LoadUnsafe(ref y);
        var b0 = Vector256.LoadUnsafe(ref y1);
        var c0 = Vector256.LoadUnsafe(ref y2);
        var a1 = w > 1 ? Vector256.LoadUnsafe(ref y, 4) : default;
        var b1 = w > 1 ? Vector256.LoadUnsafe(ref y1, 4) : default;
        var c1 = w > 1 ? Vector256.LoadUnsafe(ref y2, 4) : default;
        var a2 = w > 2 ? Vector256.LoadUnsafe(ref y, 8) : default;
        var b2 = w > 2 ? Vector256.LoadUnsafe(ref y1, 8) : default;
        var c2 = w > 2 ? Vector256.LoadUnsafe(ref y2, 8) : default;
        var a3 = w > 3 ? Vector256.LoadUnsafe(ref y, 12) : default;
        var b3 = w > 3 ? Vector256.LoadUnsafe(ref y1, 12) : default;
        var c3 = w > 3 ? Vector256.LoadUnsafe(ref y2, 12) : default;
        ref double m1 = ref Unsafe.Add(ref m, n);
        ref double m2 = ref Unsafe.Add(ref m, 2 * n);
        for (int j = 0; j < count; j++)
        {
            var x0 = Vector256.Create(Unsafe.Add(ref m, j));
            var x1 = Vector256.Create(Unsafe.Add(ref m1, j));
            var x2 = Vector256.Create(Unsafe.Add(ref m2, j));
            ref double row = ref Unsafe.Add(ref q, j * b);
            var v = Vector256.LoadUnsafe(ref row);
            a0 = Vector256.FusedMultiplyAdd(x0, v, a0);
            b0 = Vector256.FusedMultiplyAdd(x1, v, b0);
            c0 = Vector256.FusedMultiplyAdd(x2, v, c0);
            if (w > 1)
            {
                v = Vector256.LoadUnsafe(ref row, 4);
                a1 = Vector256.FusedMultiplyAdd(x0, v, a1);
                b1 = Vector256.FusedMultiplyAdd(x1, v, b1);
                c1 = Vector256.FusedMultiplyAdd(x2, v, c1);
            }

            if (w > 2)
            {
                v = Vector256.LoadUnsafe(ref row, 8);
                a2 = Vector256.FusedMultiplyAdd(x0, v, a2);
                b2 = Vector256.FusedMultiplyAdd(x1, v, b2);
                c2 = Vector256.FusedMultiplyAdd(x2, v, c2);
            }

            if (w > 3)
            {
                v = Vector256.LoadUnsafe(ref row, 12);
                a3 = Vector256.FusedMultiplyAdd(x0, v, a3);
                b3 = Vector256.FusedMultiplyAdd(x1, v, b3);
                c3 = Vector256.FusedMultiplyAdd(x2, v, c3);
            }
        }

        a0.StoreUnsafe(ref y);
        b0.StoreUnsafe(ref y1);
        c0.StoreUnsafe(ref y2);
        if (w > 1)
        {
            a1.StoreUnsafe(ref y, 4);
            b1.StoreUnsafe(ref y1, 4);
            c1.StoreUnsafe(ref y2, 4);
        }

        if (w > 2)
        {
            a2.StoreUnsafe(ref y, 8);
            b2.StoreUnsafe(ref y1, 8);
            c2.StoreUnsafe(ref y2, 8);
        }

        if (w > 3)
        {
            a3.StoreUnsafe(ref y, 12);
            b3.StoreUnsafe(ref y1, 12);
            c3.StoreUnsafe(ref y2, 12);
        }
    }

    // One row, scalar: the same fused multiply–add chain per element as the vector tile.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OneRow(ReadOnlySpan<double> m, int n, double[] q, int b, double[] y, int i, int j0, int count)
    {
        var row = m.Slice((i * n) + j0, count);
        var target = y.AsSpan(i * b, b);
        for (int j = 0; j < count; j++)
        {
            double x = row[j];
            var source = q.AsSpan((j0 + j) * b, b);
            for (int c = 0; c < b; c++)
            {
                target[c] = Math.FusedMultiplyAdd(x, source[c], target[c]);
            }
        }
    }

    private interface IWidth
    {
        static abstract int Vectors { get; }
    }

    private readonly struct One : IWidth
    {
        public static int Vectors => 1;
    }

    private readonly struct Two : IWidth
    {
        public static int Vectors => 2;
    }

    private readonly struct Three : IWidth
    {
        public static int Vectors => 3;
    }

    private readonly struct Four : IWidth
    {
        public static int Vectors => 4;
    }
}
