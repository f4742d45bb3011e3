using System.Globalization;

namespace SimZsl.Similarity;

/// <summary>A symmetric class-by-class matrix with class names and a mask of observed entries: the common shape
/// of <see cref="SimilarityMatrix"/> and <see cref="DistanceMatrix"/>. Immutable. A missing entry is a mask bit,
/// never a sentinel value; reading one gives <see cref="double.NaN"/>.</summary>
public abstract class ClassMatrix
{
    private readonly double[] _values;
    private readonly bool[]? _observed;
    private readonly Dictionary<string, int> _index;
    private readonly CellLocations? _cells;

    /// <summary>Validates and stores the matrix. <paramref name="values"/> is taken over (not copied).
    /// <paramref name="cells"/> says where each entry stands in the file it came from, for error messages.</summary>
    private protected ClassMatrix(IReadOnlyList<string> classNames, double[] values, bool[]? observed, double symmetryTolerance, string kind, CellLocations? cells = null)
        : this(classNames, values, kind, cells)
    {
        _observed = Symmetrize(values, observed, Count, symmetryTolerance, kind);
    }

    /// <summary>Stores a matrix the library built from a checked one (a transform, a slice, computed distances):
    /// <paramref name="values"/> is exactly symmetric, finite where observed and NaN where missing, and
    /// <paramref name="observed"/> (taken over) is symmetric, so the O(n²) checks and averaging are skipped; only
    /// the names are indexed (which also refuses a repeated name, e.g. a slice that lists an index twice).</summary>
    private protected ClassMatrix(IReadOnlyList<string> classNames, double[] values, bool[]? observed, string kind, CellLocations? cells)
        : this(classNames, values, kind, cells)
    {
        (_observed, MissingPairCount) = TrustedMask(observed, Count);
    }

    // The names and the shape, which both constructors check.
    private ClassMatrix(IReadOnlyList<string> classNames, double[] values, string kind, CellLocations? cells)
    {
        _cells = cells;
        ArgumentNullException.ThrowIfNull(classNames);
        int n = classNames.Count;
        if (n == 0)
        {
            throw new InvalidMatrixException($"The {kind} matrix is empty: it needs at least one class.");
        }

        if (values.Length != (long)n * n)
        {
            throw new InvalidMatrixException($"The {kind} matrix has {values.Length} values for {n} classes; a square matrix needs {(long)n * n}.");
        }

        _index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            if (string.IsNullOrWhiteSpace(classNames[i]))
            {
                throw new InvalidMatrixException($"Class {i} of the {kind} matrix has an empty name.", i, i);
            }

            if (!_index.TryAdd(classNames[i], i))
            {
                throw new InvalidMatrixException($"Class name '{classNames[i]}' appears twice in the {kind} matrix (rows {_index[classNames[i]]} and {i}); names must be unique.", _index[classNames[i]], i);
            }
        }

        ClassNames = classNames.ToArray();
        _values = values;
    }

    /// <summary>Class names, in row order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of classes (rows = columns).</summary>
    public int Count => ClassNames.Count;

    /// <summary>The entry (i, j); <see cref="double.NaN"/> when it is missing.</summary>
    public double this[int i, int j] => _values[(i * Count) + j];

    /// <summary>The entry for two classes by name.</summary>
    public double this[string rowClass, string columnClass] => this[IndexOf(rowClass), IndexOf(columnClass)];

    /// <summary>True when no entry is missing.</summary>
    public bool IsComplete => _observed is null;

    /// <summary>Number of unordered pairs i &lt; j whose entry is missing.</summary>
    public long MissingPairCount { get; private set; }

    /// <summary>Whether entry (i, j) was observed. The diagonal counts as observed.</summary>
    public bool IsObserved(int i, int j) => _observed is null || i == j || _observed[(i * Count) + j];

    /// <summary>All entries, row-major; missing ones are NaN.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Row index of a class; throws with the closest names when it is unknown.</summary>
    public int IndexOf(string className)
    {
        ArgumentNullException.ThrowIfNull(className);
        if (_index.TryGetValue(className, out int i))
        {
            return i;
        }

        var near = ClassNames.Where(c => c.Contains(className, StringComparison.OrdinalIgnoreCase) || className.Contains(c, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
        string hint = near.Count > 0 ? $" Did you mean {string.Join(", ", near.Select(c => $"'{c}'"))}?" : $" The matrix has {Count} classes, e.g. {string.Join(", ", ClassNames.Take(3).Select(c => $"'{c}'"))}.";
        throw new SimZslException($"Unknown class name '{className}'.{hint}");
    }

    /// <summary>True when the class is in the matrix.</summary>
    public bool Contains(string className) => _index.ContainsKey(className);

    /// <summary>The mask, row-major, or null when complete: for the library's kernels only.</summary>
    internal bool[]? ObservedMask => _observed;

    /// <summary>The backing values: for the library's kernels only (never mutate).</summary>
    internal double[] RawValues => _values;

    /// <summary>Where the entries stand in the file the matrix was read from (null when not read from a CSV).</summary>
    internal CellLocations? Cells => _cells;

    /// <summary>Where entry (i, j) is, for an error message: its line and column in the file when the matrix was read
    /// from one, else its zero-based index.</summary>
    private protected string Where(int i, int j) =>
        _cells?.Describe(i, j) ?? string.Create(CultureInfo.InvariantCulture, $"entry ({i}, {j}) (row, column, from 0)");

    /// <summary>Copies the rows and columns of <paramref name="indices"/> (in that order).</summary>
    private protected (string[] Names, double[] Values, bool[]? Observed) Slice(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int m = indices.Count, n = Count;
        var names = new string[m];
        var values = new double[m * m];
        bool[]? observed = _observed is null ? null : new bool[m * m];
        for (int a = 0; a < m; a++)
        {
            int i = indices[a];
            if ((uint)i >= (uint)n)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Index {i} is outside 0..{n - 1}.");
            }

            names[a] = ClassNames[i];
            for (int b = 0; b < m; b++)
            {
                values[(a * m) + b] = _values[(i * n) + indices[b]];
                if (observed is not null)
                {
                    observed[(a * m) + b] = _observed![(i * n) + indices[b]];
                }
            }
        }

        return (names, values, observed);
    }

    // Makes the mask and the values symmetric: a pair seen from one side only is taken from that side; a pair
    // seen from both sides must agree within the tolerance (the worst disagreement is reported) and is averaged.
    private bool[]? Symmetrize(double[] values, bool[]? observed, int n, double tolerance, string kind)
    {
        if (observed is not null && observed.Length != values.Length)
        {
            throw new InvalidMatrixException($"The mask of the {kind} matrix has {observed.Length} entries; expected {values.Length}.");
        }

        if (observed is null)
        {
            SymmetrizeComplete(values, n, tolerance, kind);
            MissingPairCount = 0;
            return null;
        }

        bool[]? mask = null;
        long missing = 0;
        double worst = 0, worstIj = 0, worstJi = 0;
        int worstI = -1, worstJ = -1;
        // Pairs (i, j) and (j, i) in square tiles: walking j down a column of a row-major matrix misses the cache on
        // every step (about a second for 5000 classes); a tile's rows and columns stay in the L1 cache.
        for (int i0 = 0; i0 < n; i0 += Tile)
        {
            for (int j0 = i0; j0 < n; j0 += Tile)
            {
                for (int i = i0; i < Math.Min(i0 + Tile, n); i++)
                {
                    if (j0 == i0)
                    {
                        int ii = (i * n) + i;
                        if (!double.IsFinite(values[ii]) && (observed is null || observed[ii]) && !double.IsNaN(values[ii]))
                        {
                            throw NonFiniteDiagonal(i, values[ii], kind);
                        }
                    }

                    for (int j = Math.Max(j0, i + 1); j < Math.Min(j0 + Tile, n); j++)
                    {
                        int ij = (i * n) + j, ji = (j * n) + i;
                        bool seenIj = observed is null || observed[ij], seenJi = observed is null || observed[ji];
                        CheckValue(values[ij], seenIj, i, j, observed is null, kind);
                        CheckValue(values[ji], seenJi, j, i, observed is null, kind);
                        if (seenIj && seenJi)
                        {
                            double gap = Math.Abs(values[ij] - values[ji]);
                            double scale = Math.Max(1.0, Math.Max(Math.Abs(values[ij]), Math.Abs(values[ji])));
                            if (gap > tolerance * scale && gap > worst)
                            {
                                // The pair is averaged below: keep the two values as given, for the message.
                                (worst, worstI, worstJ, worstIj, worstJi) = (gap, i, j, values[ij], values[ji]);
                            }

                            double mean = 0.5 * (values[ij] + values[ji]);
                            values[ij] = mean;
                            values[ji] = mean;
                        }
                        else if (seenIj || seenJi)
                        {
                            double v = seenIj ? values[ij] : values[ji];
                            values[ij] = v;
                            values[ji] = v;
                        }
                        else
                        {
                            values[ij] = double.NaN;
                            values[ji] = double.NaN;
                            missing++;
                            mask ??= CreateFullMask(n);
                            mask[ij] = false;
                            mask[ji] = false;
                        }
                    }
                }
            }
        }

        if (worstI >= 0)
        {
            throw NotSymmetric(worstI, worstJ, worstIj, worstJi, tolerance, kind);
        }

        MissingPairCount = missing;
        return mask;
    }

    // A trusted mask as Symmetrize would have left it: null when no pair is missing, else the mask itself.
    private static (bool[]? Mask, long Missing) TrustedMask(bool[]? observed, int n)
    {
        if (observed is null)
        {
            return (null, 0);
        }

        if (observed.Length != (long)n * n)
        {
            throw new InvalidMatrixException($"The mask has {observed.Length} entries; expected {(long)n * n}.");
        }

        long missing = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (!observed[(i * n) + j])
                {
                    missing++;
                }
            }
        }

        return (missing == 0 ? null : observed, missing);
    }

    // Side of the square tiles the symmetry checks walk the matrix in.
    private const int Tile = 64;

    // The complete case (no mask), the common one for large inputs: the same checks, rules and averaging as Symmetrize,
    // with rows of tiles in parallel; each row of tiles is walked in a fixed order (tile by tile) and the results are
    // combined in row order, so the pair an error names is the same on every run: the first in that walk.
    private void SymmetrizeComplete(double[] values, int n, double tolerance, string kind)
    {
        int rows = (n + Tile - 1) / Tile;
        var worst = new (double Gap, int I, int J, double Ij, double Ji)[rows];
        var errors = new InvalidMatrixException?[rows];
        Parallel.For(0, rows, t => (worst[t], errors[t]) = SymmetrizeTileRow(values, n, t * Tile, tolerance, kind));

        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw error;
        }

        var (g, wi, wj, wij, wji) = (0.0, -1, -1, 0.0, 0.0);
        foreach (var w in worst)
        {
            if (w.I >= 0 && w.Gap > g)
            {
                (g, wi, wj, wij, wji) = w;
            }
        }

        if (wi >= 0)
        {
            throw NotSymmetric(wi, wj, wij, wji, tolerance, kind);
        }
    }

    // One row of tiles of SymmetrizeComplete: its largest asymmetry beyond the tolerance (I = −1 when none) or its first
    // invalid entry. AggressiveOptimization: it runs once per row of tiles, too few calls for tiered compilation to
    // reach optimised code within one pass.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private ((double Gap, int I, int J, double Ij, double Ji) Worst, InvalidMatrixException? Error) SymmetrizeTileRow(double[] values, int n, int i0, double tolerance, string kind)
    {
        var w = (Gap: 0.0, I: -1, J: -1, Ij: 0.0, Ji: 0.0);
        int iEnd = Math.Min(i0 + Tile, n);
        for (int j0 = i0; j0 < n; j0 += Tile)
        {
            int jEnd = Math.Min(j0 + Tile, n);
            for (int i = i0; i < iEnd; i++)
            {
                if (j0 == i0 && double.IsInfinity(values[(i * n) + i]))
                {
                    return (w, NonFiniteDiagonal(i, values[(i * n) + i], kind));
                }

                for (int j = Math.Max(j0, i + 1); j < jEnd; j++)
                {
                    int ij = (i * n) + j, ji = (j * n) + i;
                    double a = values[ij], b = values[ji];
                    if (!double.IsFinite(a) || !double.IsFinite(b))
                    {
                        return (w, InvalidEntry(double.IsFinite(a) ? b : a, double.IsFinite(a) ? j : i, double.IsFinite(a) ? i : j, noMask: true, kind));
                    }

                    if (a != b)
                    {
                        double gap = Math.Abs(a - b), scale = Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));
                        if (gap > tolerance * scale && gap > w.Gap)
                        {
                            w = (gap, i, j, a, b);
                        }

                        double mean = 0.5 * (a + b);
                        values[ij] = mean;
                        values[ji] = mean;
                    }
                }
            }
        }

        return (w, null);
    }

    private InvalidMatrixException NotSymmetric(int i, int j, double ij, double ji, double tolerance, string kind) => new(
        string.Create(CultureInfo.InvariantCulture, $"The {kind} matrix is not symmetric: the worst pair is ('{ClassNames[i]}', '{ClassNames[j]}'), {ij:G6} at {Where(i, j)} versus {ji:G6} at {Where(j, i)} (tolerance {tolerance:G3}). Fix the input or symmetrise it, e.g. (S + Sᵀ)/2."),
        i,
        j);

    private InvalidMatrixException NonFiniteDiagonal(int i, double value, string kind) => new(
        string.Create(CultureInfo.InvariantCulture, $"The diagonal entry of '{ClassNames[i]}' in the {kind} matrix ({Where(i, i)}) is {value}; it must be finite."),
        i,
        i);

    private void CheckValue(double v, bool seen, int i, int j, bool noMask, string kind)
    {
        if (seen && !double.IsFinite(v))
        {
            throw InvalidEntry(v, i, j, noMask, kind);
        }
    }

    private InvalidMatrixException InvalidEntry(double v, int i, int j, bool noMask, string kind)
    {
        string what = double.IsNaN(v)
            ? noMask ? "NaN but no mask says it is missing; pass a mask (or leave the CSV cell empty) to mark missing entries" : "NaN but the mask says it was observed"
            : string.Create(CultureInfo.InvariantCulture, $"{v}; entries must be finite");
        return new InvalidMatrixException($"The {kind} of ('{ClassNames[i]}', '{ClassNames[j]}') at {Where(i, j)} is {what}.", i, j);
    }

    private static bool[] CreateFullMask(int n)
    {
        var mask = new bool[n * n];
        Array.Fill(mask, true);
        return mask;
    }
}
