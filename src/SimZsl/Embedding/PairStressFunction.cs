using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SimZsl.Geometry;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>The weighted stress σ = ½ Σ_{observed i&lt;j} w_ij (d_κ(x_i, x_j) − D_ij)² over a list of observed pairs
/// (<see cref="PairDistances"/>, CSR with both directions) and its exact gradient, in the unit-curvature coordinates of
/// <see cref="KappaCoordinates"/>: the sparse route's refinement. Cost per evaluation O(E·d) for E observed pairs, with
/// no n × n array. Each row reads its neighbours by index from the row-major points (four at a time, gathered into
/// registers) and runs the per-pair arithmetic the dense rows run (<see cref="StressPairs.Residual"/>), so the distance
/// and gradient formulas exist once; rows run in parallel and the total is summed in row order, so the same input gives
/// the same bits.</summary>
internal sealed class PairStressFunction : IStressObjective
{
    private readonly PairDistances _pairs;
    private readonly double[] _target;     // D/r, aligned with the CSR
    private readonly double[]? _weights;   // aligned with the CSR; null: every observed pair weighs 1
    private Points? _points;               // reused by every evaluation (not called concurrently)
    private double[] _rowValues = [];

    private PairStressFunction(PairDistances pairs, int columns, double curvature, double[] target, double[]? weights)
    {
        _pairs = pairs;
        _target = target;
        _weights = weights;
        Columns = columns;
        Curvature = curvature;
        double sum = 0;
        int n = pairs.Count;
        for (int i = 0; i < n; i++)
        {
            for (int e = pairs.Offsets[i]; e < pairs.Offsets[i + 1]; e++)
            {
                sum += (weights is null ? 1 : weights[e]) * target[e] * target[e];
            }
        }

        TargetNorm = Math.Sqrt(sum / 2);   // every pair was counted from both ends
    }

    /// <inheritdoc/>
    public int Columns { get; }

    /// <inheritdoc/>
    public double Curvature { get; }

    /// <inheritdoc/>
    public double TargetNorm { get; }

    /// <summary>Builds the stress of observed pairs for curvature κ, as <see cref="StressFunction.Create"/> builds it for
    /// a matrix: targets divided by r = 1/√|κ|, Sammon weights 1/D_ij.</summary>
    public static PairStressFunction Create(PairDistances pairs, int dimension, double curvature, StressWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        double r = KappaSpace.LengthScale(curvature);
        var values = pairs.Values;
        var target = new double[values.Length];
        double smallestPositive = double.PositiveInfinity;
        for (int e = 0; e < values.Length; e++)
        {
            target[e] = values[e] / r;
            if (values[e] > 0)
            {
                smallestPositive = Math.Min(smallestPositive, values[e]);
            }
        }

        double[]? weights = null;
        if (weighting == StressWeighting.Sammon)
        {
            double largest = StressFunction.LargestSammonWeight(smallestPositive);
            weights = Array.ConvertAll(values, v => StressFunction.SammonWeight(v, largest));
        }

        return new PairStressFunction(pairs, KappaCoordinates.Columns(dimension, curvature), curvature, target, weights);
    }

    /// <inheritdoc/>
    public double Evaluate(double[] x, double[] gradient)
    {
        int n = _pairs.Count, cols = Columns;
        // The points' layout and the row values are allocated once: fresh large arrays in every evaluation cost a gen-2
        // collection every other evaluation (21 in 46 at 20,000 classes), over a heap that grows with n.
        var points = _points ??= Points.Allocate(n, cols, Curvature);
        points.Fill(x, Curvature);
        if (_rowValues.Length != n)
        {
            _rowValues = new double[n];
        }

        var rowValues = _rowValues;
        Parallel.For(0, n, () => new StressRowKernels.Buffers(), (i, _, buffers) =>
        {
            rowValues[i] = Curvature switch
            {
                < 0 => Row<StressPairs.Hyperbolic>(i, points, buffers, gradient.AsSpan(i * cols, cols)),
                > 0 => Row<StressPairs.Spherical>(i, points, buffers, gradient.AsSpan(i * cols, cols)),
                _ => Row<StressPairs.Euclidean>(i, points, buffers, gradient.AsSpan(i * cols, cols)),
            };
            return buffers;
        }, _ => { });

        double total = 0;
        foreach (double v in rowValues)
        {
            total += v;
        }

        // Each unordered pair was counted from both ends: σ = ½ Σ_{i<j} = ¼ Σ_i Σ_j.
        return total / 4;
    }

    private double Row<TGeometry>(int i, Points points, StressRowKernels.Buffers buffers, Span<double> gradient)
        where TGeometry : IStressGeometry =>
        _weights is null
            ? Row<TGeometry, StressPairs.UnitWeights>(i, points, buffers, gradient)
            : Row<TGeometry, StressPairs.Weights>(i, points, buffers, gradient);

    // Row i over its neighbours, read by index from the row-major points: blocks of StressRowKernels.Chunk neighbours,
    // four per step, their rows loaded whole and transposed in registers into four lanes per coordinate (kept, column by
    // column, for the gradient's dot products), then the dense rows' own residual loop (StressRowKernels.Residuals) over
    // the block. AVX2's gathers measured about four times slower than these loads here (Zen 4).
    private unsafe double Row<TGeometry, TWeighting>(int i, Points p, StressRowKernels.Buffers buffers, Span<double> gradient)
        where TGeometry : IStressGeometry
        where TWeighting : IStressWeighting
    {
        const int chunk = StressRowKernels.Chunk, lanes = chunk + 4;
        int cols = p.Columns, stride = p.Stride, start = _pairs.Offsets[i], degree = _pairs.Offsets[i + 1] - start;
        var gathered = buffers.Gathered(p.Padded * lanes);
        var coefficients = buffers.Coefficient;
        gradient.Clear();
        var rowSquaredNorm = Vector256.Create(p.SquaredNorm[i]);
        var rowTime = Vector256.Create(p.Time[i]);
        var value = Vector256<double>.Zero;
        var selfSum = Vector256<double>.Zero;
        fixed (double* x = p.Values, d = _target, w = _weights, c = coefficients, g = gathered, q = buffers.Squared, sq = buffers.Norms, tm = buffers.Times)
        fixed (int* neighbours = _pairs.Neighbours)
        {
            double* point = x + p.Offset + ((long)i * stride);
            int* rows = neighbours + start;
            for (int from = 0; from < degree; from += chunk)
            {
                int end = Math.Min(degree, from + chunk), a = from;
                for (; a + 4 <= end; a += 4)
                {
                    int at = a - from;
                    SquaredDistances(p, x + p.Offset, rows[a], rows[a + 1], rows[a + 2], rows[a + 3], point, g + at, lanes, out var norms, out var times).Store(q + at);
                    if (TGeometry.UsesNorms)
                    {
                        norms.Store(sq + at);
                        times.Store(tm + at);
                    }
                }

                // The last degree mod 4 neighbours one at a time, each in all four lanes (the lanes beyond are spare room).
                for (; a < end; a++)
                {
                    int j = rows[a], at = a - from;
                    SquaredDistances(p, x + p.Offset, j, j, j, j, point, g + at, lanes, out var norms, out var times).Store(q + at);
                    if (TGeometry.UsesNorms)
                    {
                        norms.Store(sq + at);
                        times.Store(tm + at);
                    }
                }

                StressRowKernels.Residuals<TGeometry, TWeighting>(end - from, ref *q, ref *sq, ref *tm, ref d[start + from], ref (w == null ? ref *d : ref w[start + from]), rowSquaredNorm, rowTime, ref *c, ref value, ref selfSum);
                for (int k = 0; k < cols; k++)
                {
                    gradient[k] += StressRowKernels.Dot(ref *c, ref g[k * lanes], end - from);
                }
            }

            StressRowKernels.Finish<TGeometry>(new ReadOnlySpan<double>(point, cols), p.Time[i], Vector256.Sum(selfSum), gradient);
        }

        return Vector256.Sum(value);
    }

    // Σ_k (x_jk − x_ik)² of four neighbours j (rows of x), added as the dense rows add (partial sums over k mod 4; the
    // padding coordinates are 0 on both sides and add exact zeros); each coordinate's four lanes are also written to
    // columns (column k at columns + k·lanes). Hyperbolic: the neighbours' ‖x‖² and x₀ from the group after the coordinates.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<double> SquaredDistances(Points p, double* x, int j0, int j1, int j2, int j3, double* point, double* columns, int lanes, out Vector256<double> norms, out Vector256<double> times)
    {
        int stride = p.Stride;
        double* r0 = x + ((long)j0 * stride), r1 = x + ((long)j1 * stride), r2 = x + ((long)j2 * stride), r3 = x + ((long)j3 * stride);
        var q0 = Vector256<double>.Zero;
        var q1 = Vector256<double>.Zero;
        var q2 = Vector256<double>.Zero;
        var q3 = Vector256<double>.Zero;
        for (int k = 0; k < p.Padded; k += 4)
        {
            Transpose(Vector256.Load(r0 + k), Vector256.Load(r1 + k), Vector256.Load(r2 + k), Vector256.Load(r3 + k), out var c0, out var c1, out var c2, out var c3);
            c0.Store(columns + (k * lanes));
            c1.Store(columns + ((k + 1) * lanes));
            c2.Store(columns + ((k + 2) * lanes));
            c3.Store(columns + ((k + 3) * lanes));
            var e0 = c0 - Vector256.Create(point[k]);
            var e1 = c1 - Vector256.Create(point[k + 1]);
            var e2 = c2 - Vector256.Create(point[k + 2]);
            var e3 = c3 - Vector256.Create(point[k + 3]);
            q0 = Vector256.FusedMultiplyAdd(e0, e0, q0);
            q1 = Vector256.FusedMultiplyAdd(e1, e1, q1);
            q2 = Vector256.FusedMultiplyAdd(e2, e2, q2);
            q3 = Vector256.FusedMultiplyAdd(e3, e3, q3);
        }

        if (p.Stride > p.Padded)
        {
            int k = p.Padded;
            Transpose(Vector256.Load(r0 + k), Vector256.Load(r1 + k), Vector256.Load(r2 + k), Vector256.Load(r3 + k), out norms, out times, out _, out _);
        }
        else
        {
            (norms, times) = (default, default);
        }

        return (q0 + q1) + (q2 + q3);
    }

    // Rows r0…r3 of four values each into columns c0…c3 (c_k = [r0_k, r1_k, r2_k, r3_k]).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(Vector256<double> r0, Vector256<double> r1, Vector256<double> r2, Vector256<double> r3, out Vector256<double> c0, out Vector256<double> c1, out Vector256<double> c2, out Vector256<double> c3)
    {
        if (Avx.IsSupported)
        {
            var t0 = Avx.UnpackLow(r0, r1);
            var t1 = Avx.UnpackHigh(r0, r1);
            var t2 = Avx.UnpackLow(r2, r3);
            var t3 = Avx.UnpackHigh(r2, r3);
            c0 = Avx.Permute2x128(t0, t2, 0x20);
            c1 = Avx.Permute2x128(t1, t3, 0x20);
            c2 = Avx.Permute2x128(t0, t2, 0x31);
            c3 = Avx.Permute2x128(t1, t3, 0x31);
        }
        else
        {
            c0 = Vector256.Create(r0[0], r1[0], r2[0], r3[0]);
            c1 = Vector256.Create(r0[1], r1[1], r2[1], r3[1]);
            c2 = Vector256.Create(r0[2], r1[2], r2[2], r3[2]);
            c3 = Vector256.Create(r0[3], r1[3], r2[3], r3[3]);
        }
    }

    // The points row by row, in a pinned array whose rows start on 64-byte lines (Offset) when the stride allows: each
    // row its coordinates (sphere: normalised), zeros up to a multiple of four (Padded), and, hyperbolic, a group of four
    // [‖x‖², x₀, 0, 0] after them, so one neighbour is one or two cache lines; Time and SquaredNorm as in
    // StressRowKernels.ColumnData.
    private sealed record Points(int Columns, int Padded, int Stride, double[] Values, int Offset, double[] Time, double[] SquaredNorm)
    {
        public static unsafe Points Allocate(int n, int cols, double curvature)
        {
            int padded = (cols + 3) & ~3;
            int stride = curvature < 0 ? padded + 4 : padded;
            var values = GC.AllocateArray<double>((n * stride) + 8, pinned: true);
            int offset = (int)((64 - ((nuint)Unsafe.AsPointer(ref values[0]) & 63)) & 63) / sizeof(double);
            return new Points(cols, padded, stride, values, offset, new double[n], new double[n]);
        }

        // Writes every row (the padding stays zero from the allocation).
        public void Fill(double[] x, double curvature)
        {
            int cols = Columns;
            for (int i = 0; i < Time.Length; i++)
            {
                var (sq, tm, scale) = StressRowKernels.Extras(x.AsSpan(i * cols, cols), curvature);
                (SquaredNorm[i], Time[i]) = (sq, tm);
                var row = Values.AsSpan(Offset + (i * Stride), Stride);
                for (int k = 0; k < cols; k++)
                {
                    row[k] = x[(i * cols) + k] * scale;
                }

                if (curvature < 0)
                {
                    (row[Padded], row[Padded + 1]) = (sq, tm);
                }
            }
        }
    }
}
