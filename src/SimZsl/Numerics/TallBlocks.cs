using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimZsl.Numerics;

/// <summary>The products of tall, skinny row-major blocks that the partial eigensolver's bookkeeping needs (Gram
/// matrices, projections out of a basis, small changes of basis), in managed code, so that a large κ-MDS problem does not load libtorch.
/// A block is a window of columns [offset, offset + width) of a row-major array with a given stride (row length).</summary>
/// <remarks>Why managed: loading libtorch's native libraries costs a one-shot <c>simzsl embed</c> process about a second,
/// more than the whole strain step at n = 5000; these products are O(n·k·b) against the n²·b of a matrix–block product,
/// a few percent of the solve. Every entry is one chain of multiplications and additions in a fixed order over the
/// rows (per thread chunk, chunks combined in order): the same bits on every run.</remarks>
internal static class TallBlocks
{
    // Rows per parallel chunk: enough work per task, and a fixed partition so that sums combine in a fixed order.
    private const int RowsPerChunk = 512;

    /// <summary>G = Aᵀ·B (a × b, row-major) for the column windows A (n × a) and B (n × b).</summary>
    public static double[] Gram(double[] a, int aStride, int aOffset, int aWidth, double[] b, int bStride, int bOffset, int bWidth, int n)
    {
        int chunks = (n + RowsPerChunk - 1) / RowsPerChunk;
        var partial = new double[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var g = new double[aWidth * bWidth];
            int end = Math.Min(n, (c + 1) * RowsPerChunk);
            if (bWidth == 4 && Vector256.IsHardwareAccelerated)
            {
                // Four columns: one vector per row of B and of G, a tight loop where the general path's per-row
                // slicing cost more than the arithmetic (the partial eigensolver's narrow blocks).
                var gv = MemoryMarshal.Cast<double, Vector256<double>>(g.AsSpan());
                for (int i = c * RowsPerChunk; i < end; i++)
                {
                    var bRow = Vector256.Create<double>(b.AsSpan((i * bStride) + bOffset, 4));
                    var aRow = a.AsSpan((i * aStride) + aOffset, aWidth);
                    for (int p = 0; p < aRow.Length; p++)
                    {
                        gv[p] += Vector256.Create(aRow[p]) * bRow;
                    }
                }
            }
            else
            {
                for (int i = c * RowsPerChunk; i < end; i++)
                {
                    var bRow = b.AsSpan((i * bStride) + bOffset, bWidth);
                    var aRow = a.AsSpan((i * aStride) + aOffset, aWidth);
                    for (int p = 0; p < aWidth; p++)
                    {
                        AddScaled(g.AsSpan(p * bWidth, bWidth), aRow[p], bRow);
                    }
                }
            }

            partial[c] = g;
        });
        var result = partial[0];
        for (int c = 1; c < chunks; c++)
        {
            for (int k = 0; k < result.Length; k++)
            {
                result[k] += partial[c][k];
            }
        }

        return result;
    }

    /// <summary>Y (n × width, row-major, overwritten or accumulated into) = Y + sign·A·C, for the column window A
    /// (n × aWidth) and C (aWidth × width, row-major).</summary>
    public static void MultiplyAdd(double[] a, int aStride, int aOffset, int aWidth, double[] c, int width, double[] y, int n, double sign)
    {
        Parallel.For(0, (n + RowsPerChunk - 1) / RowsPerChunk, chunk =>
        {
            Span<double> row = stackalloc double[width];
            int end = Math.Min(n, (chunk + 1) * RowsPerChunk);
            if (width == 4 && Vector256.IsHardwareAccelerated)
            {
                // Four columns: C's rows are vectors (see Gram).
                var cv = MemoryMarshal.Cast<double, Vector256<double>>(c.AsSpan(0, aWidth * 4));
                var scale = Vector256.Create(sign);
                for (int i = chunk * RowsPerChunk; i < end; i++)
                {
                    var aRow = a.AsSpan((i * aStride) + aOffset, aWidth);
                    var sum = Vector256<double>.Zero;
                    for (int p = 0; p < aRow.Length; p++)
                    {
                        sum += Vector256.Create(aRow[p]) * cv[p];
                    }

                    var target = y.AsSpan(i * 4, 4);
                    (Vector256.Create<double>(target) + (scale * sum)).CopyTo(target);
                }

                return;
            }

            for (int i = chunk * RowsPerChunk; i < end; i++)
            {
                row.Clear();
                var aRow = a.AsSpan((i * aStride) + aOffset, aWidth);
                for (int p = 0; p < aWidth; p++)
                {
                    AddScaled(row, aRow[p], c.AsSpan(p * width, width));
                }

                AddScaled(y.AsSpan(i * width, width), sign, row);
            }
        });
    }

    /// <summary>A·C as a new n × width array, for the column window A (n × aWidth) and C (aWidth × width).</summary>
    public static double[] Multiply(double[] a, int aStride, int aOffset, int aWidth, double[] c, int width, int n)
    {
        var y = new double[n * width];
        MultiplyAdd(a, aStride, aOffset, aWidth, c, width, y, n, 1);
        return y;
    }

    /// <summary>Euclidean norm of each column of a row-major n × width array.</summary>
    public static double[] ColumnNorms(double[] a, int n, int width)
    {
        var g = new double[width];
        for (int i = 0; i < n; i++)
        {
            var row = a.AsSpan(i * width, width);
            for (int c = 0; c < width; c++)
            {
                g[c] += row[c] * row[c];
            }
        }

        for (int c = 0; c < width; c++)
        {
            g[c] = Math.Sqrt(g[c]);
        }

        return g;
    }

    // target += s·source, with explicit multiply then add (no fused multiply–add, whose use may depend on the JIT).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddScaled(Span<double> target, double s, ReadOnlySpan<double> source)
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var scale = Vector256.Create(s);
            for (; k + 4 <= target.Length; k += 4)
            {
                var t = Vector256.Create<double>(target.Slice(k, 4));
                (t + (scale * Vector256.Create<double>(source.Slice(k, 4)))).CopyTo(target.Slice(k, 4));
            }
        }

        for (; k < target.Length; k++)
        {
            target[k] += s * source[k];
        }
    }
}
