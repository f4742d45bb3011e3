using System.Globalization;
using System.Runtime.Intrinsics;

namespace SimZsl.Similarity;

/// <summary>A class-by-class distance matrix D (symmetric, non-negative, zero diagonal) with class names and a
/// mask of observed entries: the input of κ-MDS.</summary>
public sealed class DistanceMatrix : ClassMatrix
{
    private DistanceMatrix(IReadOnlyList<string> names, double[] values, bool[]? observed, double symmetryTolerance, bool validate, CellLocations? cells = null)
        : base(names, values, observed, symmetryTolerance, "distance", cells)
    {
        if (validate)
        {
            CheckDistances();
        }
    }

    // The trusted path (see ClassMatrix): no check at all.
    private DistanceMatrix(IReadOnlyList<string> names, double[] values, bool[]? observed, CellLocations? cells)
        : base(names, values, observed, "distance", cells)
    {
    }

    /// <summary>Creates a distance matrix from a square array.</summary>
    /// <param name="classNames">One unique name per row.</param>
    /// <param name="values">The n × n distances; entries where <paramref name="observed"/> is false are ignored.</param>
    /// <param name="observed">Which entries are known (null: all).</param>
    /// <param name="symmetryTolerance">Largest accepted |D_ij − D_ji| relative to max(1, |D_ij|).</param>
    public static DistanceMatrix Create(IReadOnlyList<string> classNames, double[,] values, bool[,]? observed = null, double symmetryTolerance = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (flat, mask) = SimilarityMatrix.Flatten(classNames, values, observed, "distance");
        return new DistanceMatrix(classNames, flat, mask, symmetryTolerance, validate: true);
    }

    /// <summary>Creates a distance matrix from row-major values (copied).</summary>
    public static DistanceMatrix Create(IReadOnlyList<string> classNames, ReadOnlySpan<double> values, ReadOnlySpan<bool> observed = default, double symmetryTolerance = 1e-8) =>
        new(classNames, values.ToArray(), observed.IsEmpty ? null : observed.ToArray(), symmetryTolerance, validate: true);

    /// <summary>The largest observed distance.</summary>
    public double MaxDistance => ObservedRange.Largest;

    /// <summary>The largest observed distance (0 when none is positive) and the smallest positive one (infinity when
    /// none is), from one pass over the values, kept: the strain step asks for both, and each pass over a 5000-class
    /// matrix reads 200 MB.</summary>
    internal (double Largest, double SmallestPositive) ObservedRange => (_observedRange ??= new Range(Scan(RawValues))).Value;

    // A reference, so that threads asking at once see either nothing or the whole pair (a nullable tuple could tear).
    private Range? _observedRange;

    private sealed record Range((double Largest, double SmallestPositive) Value);

    // Max and min are exact and independent of order: chunks in parallel, vectors within a chunk. NaN (missing) fails
    // every comparison and is skipped.
    private static (double Largest, double SmallestPositive) Scan(double[] values)
    {
        const int chunk = 1 << 16;
        int chunks = (values.Length + chunk - 1) / chunk;
        var largest = new double[chunks];
        var smallest = new double[chunks];
        Parallel.For(0, chunks, c =>
        {
            var span = values.AsSpan(c * chunk, Math.Min(chunk, values.Length - (c * chunk)));
            var max = Vector256<double>.Zero;
            var min = Vector256.Create(double.PositiveInfinity);
            int k = 0;
            for (; k + 4 <= span.Length; k += 4)
            {
                var v = Vector256.Create<double>(span.Slice(k, 4));
                max = Vector256.ConditionalSelect(Vector256.GreaterThan(v, max), v, max);
                var smaller = Vector256.GreaterThan(v, Vector256<double>.Zero) & Vector256.LessThan(v, min);
                min = Vector256.ConditionalSelect(smaller, v, min);
            }

            double high = 0, low = double.PositiveInfinity;
            for (int lane = 0; lane < 4; lane++)
            {
                high = Math.Max(high, max[lane]);
                low = Math.Min(low, min[lane]);
            }

            for (; k < span.Length; k++)
            {
                double v = span[k];
                if (v > high)
                {
                    high = v;
                }

                if (v > 0 && v < low)
                {
                    low = v;
                }
            }

            largest[c] = high;
            smallest[c] = low;
        });
        return (largest.Length == 0 ? 0 : largest.Max(), smallest.Length == 0 ? double.PositiveInfinity : smallest.Min());
    }

    /// <summary>The classes at <paramref name="indices"/>, in that order.</summary>
    public DistanceMatrix Subset(IReadOnlyList<int> indices)
    {
        var (names, values, observed) = Slice(indices);
        return new DistanceMatrix(names, values, observed, cells: null);
    }

    /// <summary>The same distances with some entries additionally marked missing (for experiments).</summary>
    /// <param name="observed">Row-major mask; false marks an entry missing. Combined with the current mask.</param>
    public DistanceMatrix WithMask(ReadOnlySpan<bool> observed)
    {
        int n = Count;
        if (observed.Length != n * n)
        {
            throw new ArgumentException($"The mask has {observed.Length} entries; the matrix has {n * n}.", nameof(observed));
        }

        var values = RawValues.ToArray();
        var mask = new bool[n * n];
        for (int k = 0; k < mask.Length; k++)
        {
            mask[k] = observed[k] && (ObservedMask is null || ObservedMask[k]);
        }

        return new DistanceMatrix(ClassNames, values, mask, double.PositiveInfinity, validate: false);
    }

    /// <summary>The same distances (and missing pairs) over other class names, in the same order: the benchmark's names
    /// for a matrix file that had none, say.</summary>
    /// <param name="classNames">One unique, non-empty name per class.</param>
    /// <exception cref="InvalidMatrixException">Not one unique, non-empty name per class.</exception>
    public DistanceMatrix WithClassNames(IReadOnlyList<string> classNames) => CreateTrusted(classNames, RawValues, ObservedMask);

    /// <summary>Wraps values the library computed itself: exactly symmetric, zero diagonal, non-negative and finite
    /// where observed, NaN where missing; the mask (taken over) symmetric. Nothing is checked again.</summary>
    internal static DistanceMatrix CreateTrusted(IReadOnlyList<string> names, double[] values, bool[]? observed, CellLocations? cells = null) =>
        new(names, values, observed, cells);

    /// <summary>Reads a distance matrix out of a file: <paramref name="values"/> and <paramref name="observed"/> are
    /// taken over and checked as by <see cref="Create(IReadOnlyList{string}, ReadOnlySpan{double}, ReadOnlySpan{bool}, double)"/>;
    /// <paramref name="cells"/> puts the file's lines and columns into error messages.</summary>
    internal static DistanceMatrix FromFile(IReadOnlyList<string> names, double[] values, bool[]? observed, double symmetryTolerance, CellLocations? cells) =>
        new(names, values, observed, symmetryTolerance, validate: true, cells);

    private void CheckDistances()
    {
        int n = Count;
        var v = RawValues;
        for (int i = 0; i < n; i++)
        {
            double diagonal = v[(i * n) + i];
            if (!double.IsNaN(diagonal) && Math.Abs(diagonal) > 1e-8)
            {
                throw new InvalidMatrixException(string.Create(CultureInfo.InvariantCulture, $"The distance of '{ClassNames[i]}' to itself ({Where(i, i)}) is {diagonal:G6}; the diagonal of a distance matrix must be 0. If this is a similarity, read it as one."), i, i);
            }

            v[(i * n) + i] = 0;
            for (int j = i + 1; j < n; j++)
            {
                double d = v[(i * n) + j];
                if (d < 0)
                {
                    throw new InvalidMatrixException(string.Create(CultureInfo.InvariantCulture, $"The distance of ('{ClassNames[i]}', '{ClassNames[j]}') at {Where(i, j)} is negative ({d:G6}); distances must be ≥ 0. If this is a similarity, read it as one."), i, j);
                }
            }
        }
    }
}
