using System.Globalization;
using System.Numerics.Tensors;
using SimZsl.Geometry;
using SimZsl.Numerics;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>The n × n matrix the strain step decomposes, built in one buffer from the distances.
/// κ = 0: the doubly centred B = −½ J D∘² J. κ ≠ 0: the Gram matrix A = cos(D/r) (sphere) or cosh(D/r)
/// (hyperbolic) is kept as A = 11ᵀ + σE with E = 2 sin²(D/2r) (σ = −1) or E = 2 sinh²(D/2r) (σ = +1).</summary>
/// <remarks>Why E and not A: for small |κ| the entries of A are 1 + O(κD²) and forming them would lose the
/// geometry to rounding (at κ = 1e-8 half of the digits). E carries it at full relative precision, and the
/// all-ones part is handled exactly by the eigensolver (<see cref="StructuredRitz"/>).</remarks>
internal sealed class StrainMatrix
{
    private StrainMatrix(int n, double curvature, double[] values, double frobeniusSquared, double[]? squaredRowMeans)
    {
        Count = n;
        Curvature = curvature;
        Values = values;
        SquaredRowMeans = squaredRowMeans;
        GramFrobeniusSquared = frobeniusSquared;
    }

    /// <summary>Number of classes n.</summary>
    public int Count { get; }

    /// <summary>κ.</summary>
    public double Curvature { get; }

    /// <summary>Radius r = 1/√|κ| (infinity for κ = 0).</summary>
    public double Radius => KappaSpace.RadiusOf(Curvature);

    /// <summary>σ: the sign with which E enters A = 11ᵀ + σE (+1 hyperbolic, −1 sphere); +1 for κ = 0 (M = B).</summary>
    public double Sign => Curvature > 0 ? -1 : 1;

    /// <summary>The weight ρ of the exact all-ones part: n for κ ≠ 0 (11ᵀ = n·uuᵀ), 0 for κ = 0.</summary>
    public double OnesWeight => Curvature == 0 ? 0 : Count;

    /// <summary>Row-major n × n: B (κ = 0) or E (κ ≠ 0).</summary>
    public double[] Values { get; }

    /// <summary>κ = 0: the row means μ_i = Σ_j D²_ij / n that B is centred with (the landmark placement measures a
    /// new class from them); null for κ ≠ 0.</summary>
    public double[]? SquaredRowMeans { get; }

    /// <summary>‖A‖²_F (κ ≠ 0) or ‖B‖²_F (κ = 0): the denominator of the relative strain.</summary>
    public double GramFrobeniusSquared { get; }

    /// <summary>Builds the matrix for curvature κ from complete distances, in a new array.</summary>
    public static StrainMatrix Build(DistanceMatrix distances, double curvature, CancellationToken cancellationToken) =>
        Build(distances, LargeArrays.Uninitialized(distances.Count * distances.Count), curvature, cancellationToken);

    /// <summary>Builds the matrix over the distances' own values, which it overwrites: for a caller that drops the
    /// distances after the strain step (the tool without a report). A 5000-class matrix is 200 MB, and on a fresh
    /// process the first touch of new memory cost 0.3–0.5 s (measured, docs/benchmarks.md).</summary>
    public static StrainMatrix BuildOverDistances(DistanceMatrix distances, double curvature, CancellationToken cancellationToken) =>
        Build(distances, distances.RawValues, curvature, cancellationToken);

    // Every step reads an entry before it writes the same entry, so the target may be the distances themselves.
    private static StrainMatrix Build(DistanceMatrix distances, double[] target, double curvature, CancellationToken cancellationToken)
    {
        int n = distances.Count;
        var d = distances.RawValues;
        if (curvature == 0)
        {
            var rowMeans = new double[n];
            double centred = BuildCentred(d, target, n, rowMeans, cancellationToken);
            return new StrainMatrix(n, curvature, target, centred, rowMeans);
        }

        return new StrainMatrix(n, curvature, target, BuildCurved(d, target, n, curvature, distances.MaxDistance, cancellationToken), null);
    }

    // B = −½ J D∘² J in place: B_ij = −½ (D²_ij − m_i − m_j + m), m_i the row means of D∘², m their mean.
    // Only exactly rounded operations and fixed-order sums: the same bits on every run.
    private static double BuildCentred(double[] d, double[] b, int n, double[] rowMeans, CancellationToken cancellationToken)
    {
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var source = d.AsSpan(i * n, n);
            var row = b.AsSpan(i * n, n);
            TensorPrimitives.Multiply(source, source, row);
            rowMeans[i] = SumInOrder(row) / n;
        });
        double grand = SumInOrder(rowMeans) / n;
        var squares = new double[n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var row = b.AsSpan(i * n, n);
            TensorPrimitives.Subtract(row, rowMeans, row);
            TensorPrimitives.Add(row, grand - rowMeans[i], row);
            TensorPrimitives.Multiply(row, -0.5, row);
            squares[i] = SumOfSquares(row, 0, 1);
        });
        return SumInOrder(squares);
    }

    // E = 2 sin²(D/2r) or 2 sinh²(D/2r); also ‖A‖²_F = Σ (1 + σE)². One pass over the matrix in chunks of rows that
    // stay in cache, in parallel: scale, sine (Sine, HyperbolicSine: vectorised, the same bits on every run), square,
    // double and sum (exactly rounded products only).
    private static double BuildCurved(double[] d, double[] e, int n, double curvature, double maxDistance, CancellationToken cancellationToken)
    {
        double halfInverseRadius = 0.5 / KappaSpace.RadiusOf(curvature);
        bool hyperbolic = curvature < 0;
        if (hyperbolic)
        {
            CurvatureRange.CheckHyperbolic(n, curvature, maxDistance);
        }

        double sign = hyperbolic ? 1 : -1;
        var squares = new double[n];
        int rowsPerChunk = Math.Max(1, ChunkElements / n);
        int chunks = (n + rowsPerChunk - 1) / rowsPerChunk;
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken }, c =>
        {
            int first = c * rowsPerChunk, rows = Math.Min(rowsPerChunk, n - first);
            var chunk = e.AsSpan(first * n, rows * n);
            TensorPrimitives.Multiply(d.AsSpan(first * n, rows * n), halfInverseRadius, chunk);
            if (hyperbolic)
            {
                HyperbolicSine.Apply(chunk);
            }
            else
            {
                Sine.Apply(chunk);
            }

            for (int i = first; i < first + rows; i++)
            {
                var row = e.AsSpan(i * n, n);
                TensorPrimitives.Multiply(row, row, row);
                TensorPrimitives.Multiply(row, 2.0, row);
                row[i] = 0;
                squares[i] = SumOfSquares(row, 1, sign);
            }
        });
        return SumInOrder(squares);
    }

    // Elements per chunk of rows: 256 KB, within a core's L2 cache.
    private const int ChunkElements = 32768;

    // Σ v in index order (four interleaved partial sums, combined in a fixed order).
    private static double SumInOrder(ReadOnlySpan<double> values)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < values.Length; k += 4)
        {
            s0 += values[k];
            s1 += values[k + 1];
            s2 += values[k + 2];
            s3 += values[k + 3];
        }

        for (; k < values.Length; k++)
        {
            s0 += values[k];
        }

        return (s0 + s1) + (s2 + s3);
    }

    // Σ (offset + scale·v)², in index order.
    private static double SumOfSquares(ReadOnlySpan<double> values, double offset, double scale)
    {
        double s0 = 0, s1 = 0;
        int k = 0;
        for (; k + 1 < values.Length; k += 2)
        {
            double a = offset + (scale * values[k]), b = offset + (scale * values[k + 1]);
            s0 += a * a;
            s1 += b * b;
        }

        for (; k < values.Length; k++)
        {
            double a = offset + (scale * values[k]);
            s0 += a * a;
        }

        return s0 + s1;
    }
}
