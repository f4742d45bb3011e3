using SimZsl.Geometry;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>The weighted stress σ = ½ Σ_{i&lt;j} w_ij (d_κ(x_i, x_j) − D_ij)² of a configuration and its exact
/// gradient, in the unit-curvature coordinates of <see cref="KappaCoordinates"/>. Missing pairs have w_ij = 0.
/// Dense and managed: every row of the gradient is a few short SIMD loops per L1-sized block of points
/// (<see cref="StressRowKernels"/>), rows run in parallel, and the total is summed in row order so the same
/// input gives the same bits. Cost per evaluation: O(n²·d).</summary>
internal sealed class StressFunction : IStressObjective
{
    private readonly double[] _target;
    private readonly double[]? _weights;

    /// <summary>Wraps a unit-scaled target (D/r, row-major n × n, 0 where missing) and weights (null: every
    /// off-diagonal pair weighs 1).</summary>
    public StressFunction(int count, int columns, double curvature, double[] target, double[]? weights)
    {
        Count = count;
        Columns = columns;
        Curvature = curvature;
        _target = target;
        _weights = weights;
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            for (int j = i + 1; j < count; j++)
            {
                double w = weights is null ? 1 : weights[(i * count) + j];
                sum += w * target[(i * count) + j] * target[(i * count) + j];
            }
        }

        TargetNorm = Math.Sqrt(sum);
    }

    /// <summary>Number of points n.</summary>
    public int Count { get; }

    /// <summary>Internal columns per point.</summary>
    public int Columns { get; }

    /// <summary>The curvature whose geometry the distances use (only its sign matters here).</summary>
    public double Curvature { get; }

    /// <summary>√(Σ_{i&lt;j} w_ij D_ij²) in unit-scaled distances: the scale of the convergence tests.</summary>
    public double TargetNorm { get; }

    /// <summary>Builds the stress of a distance matrix for curvature κ: targets divided by r = 1/√|κ|, missing
    /// entries weigh 0, Sammon weights are 1/D_ij (pairs at distance 0 get the largest weight of the matrix).</summary>
    public static StressFunction Create(DistanceMatrix distances, int dimension, double curvature, StressWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(distances);
        int n = distances.Count;
        double r = KappaSpace.LengthScale(curvature);
        var raw = distances.RawValues;
        var mask = distances.ObservedMask;
        var target = new double[n * n];
        double[]? weights = mask is null && weighting == StressWeighting.Uniform ? null : new double[n * n];
        double smallestPositive = double.PositiveInfinity;
        for (int k = 0; k < raw.Length; k++)
        {
            bool seen = (mask is null || mask[k]) && (k / n) != (k % n);
            target[k] = seen ? raw[k] / r : 0;
            if (seen && raw[k] > 0)
            {
                smallestPositive = Math.Min(smallestPositive, raw[k]);
            }

            if (weights is not null)
            {
                weights[k] = seen ? 1 : 0;
            }
        }

        if (weighting == StressWeighting.Sammon && weights is not null)
        {
            double largest = LargestSammonWeight(smallestPositive);
            for (int k = 0; k < raw.Length; k++)
            {
                if (weights[k] > 0)
                {
                    weights[k] = SammonWeight(raw[k], largest);
                }
            }
        }

        return new StressFunction(n, KappaCoordinates.Columns(dimension, curvature), curvature, target, weights);
    }

    /// <summary>The Sammon weight of an observed pair: 1/D, and for a pair at distance 0 the largest weight of the data,
    /// <paramref name="largest"/> (see <see cref="LargestSammonWeight"/>).</summary>
    public static double SammonWeight(double distance, double largest) => distance > 0 ? 1 / distance : largest;

    /// <summary>The weight of pairs at distance 0: 1 over the smallest positive observed distance (1 when none is positive).</summary>
    public static double LargestSammonWeight(double smallestPositive) => double.IsFinite(smallestPositive) ? 1 / smallestPositive : 1;

    /// <summary>Stress of <paramref name="x"/> (row-major n × columns) and its gradient into
    /// <paramref name="gradient"/>.</summary>
    public double Evaluate(double[] x, double[] gradient)
    {
        int n = Count, cols = Columns;
        var columns = StressRowKernels.Transpose(x, n, cols, Curvature);
        var rowValues = new double[n];
        Parallel.For(
            0,
            n,
            () => new StressRowKernels.Buffers(),
            (i, _, buffers) =>
            {
                // Not a conditional expression: there `null` would convert to an empty ReadOnlyMemory (via double[]), not to null.
                ReadOnlyMemory<double>? w = null;
                if (_weights is not null)
                {
                    w = new ReadOnlyMemory<double>(_weights, i * n, n);
                }


                rowValues[i] = StressRowKernels.Row(i, columns, _target.AsSpan(i * n, n), w, buffers, gradient.AsSpan(i * cols, cols));
                return buffers;
            },
            _ => { });

        double total = 0;
        foreach (double v in rowValues)
        {
            total += v;
        }

        // Each unordered pair was counted from both ends: σ = ½ Σ_{i<j} = ¼ Σ_i Σ_j.
        return total / 4;
    }
}
