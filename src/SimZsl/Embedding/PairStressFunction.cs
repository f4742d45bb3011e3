using SimZsl.Geometry;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>The weighted stress σ = ½ Σ_{observed i&lt;j} w_ij (d_κ(x_i, x_j) − D_ij)² over a list of observed pairs
/// (<see cref="PairDistances"/>, CSR with both directions) and its exact gradient, in the unit-curvature coordinates of
/// <see cref="KappaCoordinates"/>: the sparse route's refinement. Cost per evaluation O(E·d) for E observed pairs, with
/// no n × n array. Each row gathers its neighbours (and itself) into a small column layout and runs the dense stress's
/// own row kernel (<see cref="StressRowKernels.Row"/>) on it, so the distance and gradient formulas exist once; rows
/// run in parallel and the total is summed in row order, so the same input gives the same bits.</summary>
internal sealed class PairStressFunction : IStressObjective
{
    private readonly PairDistances _pairs;
    private readonly double[] _target;     // D/r, aligned with the CSR
    private readonly double[]? _weights;   // aligned with the CSR; null: every observed pair weighs 1
    private readonly int _widest;          // largest degree + 1 (the row itself)

    private PairStressFunction(PairDistances pairs, int columns, double curvature, double[] target, double[]? weights)
    {
        _pairs = pairs;
        _target = target;
        _weights = weights;
        Columns = columns;
        Curvature = curvature;
        double sum = 0;
        int n = pairs.Count, widest = 1;
        for (int i = 0; i < n; i++)
        {
            widest = Math.Max(widest, pairs.Offsets[i + 1] - pairs.Offsets[i] + 1);
            for (int e = pairs.Offsets[i]; e < pairs.Offsets[i + 1]; e++)
            {
                sum += (weights is null ? 1 : weights[e]) * target[e] * target[e];
            }
        }

        _widest = widest;
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
        var points = StressRowKernels.Transpose(x, n, cols, Curvature);
        var rowValues = new double[n];
        Parallel.For(0, n, () => new Workspace(_widest, cols), (i, _, work) =>
        {
            rowValues[i] = Row(i, points, work, gradient.AsSpan(i * cols, cols));
            return work;
        }, _ => { });

        double total = 0;
        foreach (double v in rowValues)
        {
            total += v;
        }

        // Each unordered pair was counted from both ends: σ = ½ Σ_{i<j} = ¼ Σ_i Σ_j.
        return total / 4;
    }

    // Row i: its neighbours at 0..deg−1 and the point itself at deg (target 0, weight 0), then the dense row kernel.
    private double Row(int i, StressRowKernels.ColumnData points, Workspace work, Span<double> gradient)
    {
        int n = points.Count, cols = points.Columns;
        int start = _pairs.Offsets[i], degree = _pairs.Offsets[i + 1] - start, m = degree + 1;
        var neighbours = _pairs.Neighbours.AsSpan(start, degree);
        for (int k = 0; k < cols; k++)
        {
            var source = points.Transposed.AsSpan(k * n, n);
            var column = work.Transposed.AsSpan(k * m, m);
            for (int a = 0; a < degree; a++)
            {
                column[a] = source[neighbours[a]];
            }

            column[degree] = source[i];
        }

        for (int a = 0; a < degree; a++)
        {
            work.Time[a] = points.Time[neighbours[a]];
            work.SquaredNorm[a] = points.SquaredNorm[neighbours[a]];
        }

        work.Time[degree] = points.Time[i];
        work.SquaredNorm[degree] = points.SquaredNorm[i];
        _target.AsSpan(start, degree).CopyTo(work.Target);
        work.Target[degree] = 0;
        ReadOnlyMemory<double>? weights = null;
        if (_weights is not null)
        {
            _weights.AsSpan(start, degree).CopyTo(work.Weights);
            work.Weights[degree] = 0;
            weights = new ReadOnlyMemory<double>(work.Weights, 0, m);
        }

        var layout = new StressRowKernels.ColumnData(m, cols, points.Curvature, work.Transposed, work.Time, work.SquaredNorm);
        return StressRowKernels.Row(degree, layout, work.Target.AsSpan(0, m), weights, work.Buffers, gradient);
    }

    // Per-thread gather buffers, long enough for the widest row.
    private sealed class Workspace(int width, int columns)
    {
        public double[] Transposed { get; } = new double[width * columns];

        public double[] Time { get; } = new double[width];

        public double[] SquaredNorm { get; } = new double[width];

        public double[] Target { get; } = new double[width];

        public double[] Weights { get; } = new double[width];

        public StressRowKernels.Buffers Buffers { get; } = new(width);
    }
}
