using System.Numerics.Tensors;
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
        var points = Points.Create(x, n, cols, Curvature);
        var rowValues = new double[n];
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
    // four per step gathered straight into registers (and kept, column by column, for the gradient's second pass).
    private unsafe double Row<TGeometry, TWeighting>(int i, Points p, StressRowKernels.Buffers buffers, Span<double> gradient)
        where TGeometry : IStressGeometry
        where TWeighting : IStressWeighting
    {
        const int chunk = StressRowKernels.Chunk;
        int cols = p.Columns, stride = p.Stride, start = _pairs.Offsets[i], degree = _pairs.Offsets[i + 1] - start;
        var point = p.Values.AsSpan(i * stride, cols);
        var gathered = buffers.Gathered(cols);
        var coefficients = buffers.Coefficient;
        gradient.Clear();
        var rowSquaredNorm = Vector256.Create(p.SquaredNorm[i]);
        var rowTime = Vector256.Create(p.Time[i]);
        var value = Vector256<double>.Zero;
        var selfSum = Vector256<double>.Zero;
        fixed (double* x = p.Values, d = _target, w = _weights, c = coefficients, g = gathered)
        fixed (int* neighbours = _pairs.Neighbours)
        {
            for (int from = 0; from < degree; from += chunk)
            {
                int end = Math.Min(degree, from + chunk), a = from;
                for (; a + 4 <= end; a += 4)
                {
                    var at = Vector128.Load(neighbours + start + a) * stride;
                    var q = Vector256<double>.Zero;
                    for (int k = 0; k < cols; k++)
                    {
                        var column = Gather(x + k, at);
                        column.Store(g + (k * chunk) + (a - from));
                        var difference = column - Vector256.Create(point[k]);
                        q = Vector256.FusedMultiplyAdd(difference, difference, q);
                    }

                    var norms = TGeometry.UsesNorms ? Gather(x + cols, at) : default;
                    var times = TGeometry.UsesNorms ? Gather(x + cols + 1, at) : default;
                    var weight = TWeighting.Weighted ? Vector256.Load(w + start + a) : Vector256<double>.One;
                    value += StressPairs.Residual<TGeometry>(q, norms, times, rowSquaredNorm, rowTime, Vector256.Load(d + start + a), weight, out var coefficient, out var self);
                    selfSum = Vector256.FusedMultiplyAdd(coefficient, self, selfSum);
                    coefficient.Store(c + (a - from));
                }

                for (; a < end; a++)
                {
                    double* other = x + ((long)neighbours[start + a] * stride);
                    var q = Vector256<double>.Zero;
                    for (int k = 0; k < cols; k++)
                    {
                        g[(k * chunk) + (a - from)] = other[k];
                        var difference = Vector256.Create(other[k]) - Vector256.Create(point[k]);
                        q = Vector256.FusedMultiplyAdd(difference, difference, q);
                    }

                    var norms = TGeometry.UsesNorms ? Vector256.Create(other[cols]) : default;
                    var times = TGeometry.UsesNorms ? Vector256.Create(other[cols + 1]) : default;
                    var weight = TWeighting.Weighted ? Vector256.Create(w[start + a]) : Vector256<double>.One;
                    var v = StressPairs.Residual<TGeometry>(q, norms, times, rowSquaredNorm, rowTime, Vector256.Create(d[start + a]), weight, out var coefficient, out var self);
                    value += Vector256.CreateScalar(v.ToScalar());
                    selfSum += Vector256.CreateScalar(coefficient.ToScalar() * self.ToScalar());
                    c[a - from] = coefficient.ToScalar();
                }

                for (int k = 0; k < cols; k++)
                {
                    gradient[k] += TensorPrimitives.Dot<double>(coefficients.AsSpan(0, end - from), gathered.Slice(k * chunk, end - from));
                }
            }
        }

        StressRowKernels.Finish<TGeometry>(point, p.Time[i], Vector256.Sum(selfSum), gradient);
        return Vector256.Sum(value);
    }

    // Four doubles at base[index] (AVX2's gather where there is one).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<double> Gather(double* source, Vector128<int> index) =>
        Avx2.IsSupported
            ? Avx2.GatherVector256(source, index, 8)
            : Vector256.Create(source[index.GetElement(0)], source[index.GetElement(1)], source[index.GetElement(2)], source[index.GetElement(3)]);

    // The points row by row, each row its coordinates (sphere: normalised) and, hyperbolic, ‖x‖² and x₀ after them, so a
    // neighbour's data is one or two cache lines; plus Time and SquaredNorm as in StressRowKernels.ColumnData.
    private sealed record Points(int Columns, int Stride, double[] Values, double[] Time, double[] SquaredNorm)
    {
        public static Points Create(double[] x, int n, int cols, double curvature)
        {
            int stride = curvature < 0 ? cols + 2 : cols;
            var values = new double[n * stride];
            var time = new double[n];
            var squared = new double[n];
            for (int i = 0; i < n; i++)
            {
                var (sq, tm, scale) = StressRowKernels.Extras(x.AsSpan(i * cols, cols), curvature);
                (squared[i], time[i]) = (sq, tm);
                for (int k = 0; k < cols; k++)
                {
                    values[(i * stride) + k] = x[(i * cols) + k] * scale;
                }

                if (curvature < 0)
                {
                    values[(i * stride) + cols] = sq;
                    values[(i * stride) + cols + 1] = tm;
                }
            }

            return new Points(cols, stride, values, time, squared);
        }
    }
}
