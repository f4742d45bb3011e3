using System.Globalization;

namespace SimZsl.Similarity;

/// <summary>Distances between named classes given as a list of observed pairs: the input of class sets too large for
/// an n × n matrix (a taxonomy or expert list names a few pairs per class). Memory is linear in the classes and the
/// pairs: the pairs are stored as a compressed sparse row adjacency with both directions of every pair, each row's
/// neighbours ascending. Classes are the names that occur, in order of first appearance. Immutable.
/// Every value is finite and ≥ 0; a pair given twice must carry the same value; a class paired with itself must be
/// at distance 0 (such pairs are dropped).</summary>
public sealed class PairDistances
{
    // A repeated pair's two values may differ by this much relative to max(1, |value|) (the dense matrices'
    // symmetry tolerance): the same number written twice with different rounding is the same pair.
    private const double DefaultDuplicateTolerance = 1e-8;

    private readonly Dictionary<string, int> _index;

    private PairDistances(string[] names, Dictionary<string, int> index, int[] offsets, int[] neighbours, double[] values)
    {
        ClassNames = names;
        _index = index;
        Offsets = offsets;
        Neighbours = neighbours;
        Values = values;
    }

    /// <summary>Class names, in order of first appearance in the pairs.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of classes n.</summary>
    public int Count => ClassNames.Count;

    /// <summary>Number of distinct observed unordered pairs (self pairs not counted).</summary>
    public long PairCount => Neighbours.Length / 2;

    /// <summary>Observed pairs as a fraction of all n(n − 1)/2 unordered pairs (1 for a single class).</summary>
    public double ObservedFraction => Count < 2 ? 1 : PairCount / (Count * (Count - 1.0) / 2);

    /// <summary>CSR row starts (n + 1 entries): the neighbours of class i are at [Offsets[i], Offsets[i + 1]).</summary>
    internal int[] Offsets { get; }

    /// <summary>CSR column indices: every observed pair in both directions, each row ascending.</summary>
    internal int[] Neighbours { get; }

    /// <summary>CSR values, aligned with <see cref="Neighbours"/>.</summary>
    internal double[] Values { get; }

    /// <summary>The classes whose distance to class <paramref name="i"/> was observed, ascending.</summary>
    public ReadOnlySpan<int> NeighboursOf(int i) => Neighbours.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    /// <summary>The observed distances of class <paramref name="i"/>, aligned with <see cref="NeighboursOf"/>.</summary>
    public ReadOnlySpan<double> DistancesOf(int i) => Values.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    /// <summary>The observed distance of classes i and j (0 when i = j), or NaN when the pair was not given.</summary>
    public double this[int i, int j]
    {
        get
        {
            if (i == j)
            {
                return 0;
            }

            int at = NeighboursOf(i).BinarySearch(j);
            return at >= 0 ? Values[Offsets[i] + at] : double.NaN;
        }
    }

    /// <summary>Index of a class; throws when the name does not occur in any pair.</summary>
    public int IndexOf(string className)
    {
        ArgumentNullException.ThrowIfNull(className);
        return _index.TryGetValue(className, out int i)
            ? i
            : throw new SimZslException($"Unknown class name '{className}': it occurs in none of the {PairCount} pairs, e.g. {string.Join(", ", ClassNames.Take(3).Select(c => $"'{c}'"))}.");
    }

    /// <summary>True when the class occurs in a pair.</summary>
    public bool Contains(string className) => _index.ContainsKey(className);

    /// <summary>Builds the distances from pairs (a, b, distance): <paramref name="first"/>[k] and
    /// <paramref name="second"/>[k] at distance <paramref name="distances"/>[k].</summary>
    /// <exception cref="InvalidMatrixException">The lists differ in length, a name is empty, a distance is negative or
    /// not finite, a class is paired with itself at a distance other than 0, or a pair is given twice with different
    /// distances (the message names both).</exception>
    public static PairDistances Create(IReadOnlyList<string> first, IReadOnlyList<string> second, IReadOnlyList<double> distances) =>
        Build(first, second, distances, SimilarityTransform.None, 0, null);

    /// <summary>Builds the distances from similarities of pairs (a, b, s), each turned into a distance by
    /// <paramref name="transform"/> as <see cref="SimilarityMatrix.ToDistances"/> does.</summary>
    /// <param name="first">The first class of each pair.</param>
    /// <param name="second">The second class of each pair.</param>
    /// <param name="similarities">The similarity of each pair.</param>
    /// <param name="transform">How a similarity becomes a distance.</param>
    /// <param name="tolerance">How far outside the transform's domain a similarity may lie and still be clamped into it.</param>
    /// <exception cref="InvalidMatrixException">As <see cref="Create"/>, or a similarity outside the transform's domain.</exception>
    public static PairDistances FromSimilarities(IReadOnlyList<string> first, IReadOnlyList<string> second, IReadOnlyList<double> similarities, SimilarityTransform transform = SimilarityTransform.Arccos, double tolerance = 1e-6) =>
        Build(first, second, similarities, transform, tolerance, null);

    /// <summary>The observed pairs of a matrix (its classes in matrix order), for the sparse route: O(n²) to scan the
    /// mask once, then memory linear in the observed pairs.</summary>
    public static PairDistances FromMatrix(DistanceMatrix distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        int n = distances.Count;
        var offsets = new int[n + 1];
        var neighbours = new List<int>();
        var values = new List<double>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (j != i && distances.IsObserved(i, j))
                {
                    neighbours.Add(j);
                    values.Add(distances[i, j]);
                }
            }

            offsets[i + 1] = neighbours.Count;
        }

        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            index.Add(distances.ClassNames[i], i);
        }

        return new PairDistances([.. distances.ClassNames], index, offsets, [.. neighbours], [.. values]);
    }

    /// <summary>The same distances as a dense n × n matrix with a mask (O(n²) memory): the dense route's input.</summary>
    public DistanceMatrix ToMatrix()
    {
        int n = Count;
        var values = new double[(long)n * n];
        Array.Fill(values, double.NaN);
        bool complete = PairCount == (long)n * (n - 1) / 2;
        bool[]? observed = complete ? null : new bool[values.Length];
        for (int i = 0; i < n; i++)
        {
            values[((long)i * n) + i] = 0;
            if (observed is not null)
            {
                observed[((long)i * n) + i] = true;
            }

            for (int e = Offsets[i]; e < Offsets[i + 1]; e++)
            {
                values[((long)i * n) + Neighbours[e]] = Values[e];
                if (observed is not null)
                {
                    observed[((long)i * n) + Neighbours[e]] = true;
                }
            }
        }

        return DistanceMatrix.CreateTrusted(ClassNames, values, observed);
    }

    /// <summary>Builds the pairs with the places they came from in a file, for error messages.</summary>
    internal static PairDistances Build(IReadOnlyList<string> first, IReadOnlyList<string> second, IReadOnlyList<double> raw, SimilarityTransform transform, double tolerance, PairLocations? locations)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(raw);
        int m = first.Count;
        if (second.Count != m || raw.Count != m)
        {
            throw new InvalidMatrixException($"The pairs have {first.Count} first classes, {second.Count} second classes and {raw.Count} values; each pair needs one of each.");
        }

        if (m == 0)
        {
            throw new InvalidMatrixException("The list of pairs is empty: it needs at least one pair of classes.");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var keys = new long[m];
        var order = new int[m];
        var distance = new double[m];
        int kept = 0;
        for (int k = 0; k < m; k++)
        {
            int a = Intern(first[k], k, index, names, locations), b = Intern(second[k], k, index, names, locations);
            double d = ToDistance(raw[k], transform, tolerance, first[k], second[k], k, locations);
            if (a == b)
            {
                if (d > 1e-8)
                {
                    throw new InvalidMatrixException(string.Create(CultureInfo.InvariantCulture, $"'{first[k]}' is paired with itself at distance {d:G6} ({PairLocations.DescribeValue(locations, k)}); a class is at distance 0 from itself. Drop the line, or if these are similarities, choose the matching transform."));
                }

                continue;
            }

            // The distance stays at its input position k: the layout below reads it through order[], which holds k.
            (keys[kept], order[kept], distance[k]) = (((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b), k, d);
            kept++;
        }

        return FromSortedKeys(names.ToArray(), index, keys.AsSpan(0, kept).ToArray(), order.AsSpan(0, kept).ToArray(), distance, first, second, raw, locations);
    }

    // Deduplicates the pairs (sorted by key; within a key the first occurrence in the input is kept and every other
    // must agree with it) and lays them out as CSR, both directions. Sorting by (min, max) puts each row's smaller
    // neighbours before its larger ones, both ascending, so every row comes out sorted.
    private static PairDistances FromSortedKeys(string[] names, Dictionary<string, int> index, long[] keys, int[] order, double[] distance, IReadOnlyList<string> first, IReadOnlyList<string> second, IReadOnlyList<double> raw, PairLocations? locations)
    {
        Array.Sort(keys, order);
        int n = names.Length;
        var unique = new List<(long Key, int Occurrence)>(keys.Length);
        for (int start = 0; start < keys.Length;)
        {
            int end = start;
            int firstOccurrence = order[start];
            while (end < keys.Length && keys[end] == keys[start])
            {
                firstOccurrence = Math.Min(firstOccurrence, order[end]);
                end++;
            }

            int clash = -1;
            for (int e = start; e < end; e++)
            {
                int k = order[e];
                double gap = Math.Abs(raw[k] - raw[firstOccurrence]);
                if (gap > DefaultDuplicateTolerance * Math.Max(1, Math.Abs(raw[firstOccurrence])) && (clash < 0 || k < clash))
                {
                    clash = k;
                }
            }

            if (clash >= 0)
            {
                throw new InvalidMatrixException(string.Create(CultureInfo.InvariantCulture,
                    $"The pair ('{first[firstOccurrence]}', '{second[firstOccurrence]}') is given twice with different values: {raw[firstOccurrence]:G10} at {PairLocations.Describe(locations, firstOccurrence)} and {raw[clash]:G10} at {PairLocations.Describe(locations, clash)}. Keep one of them."));
            }

            unique.Add((keys[start], firstOccurrence));
            start = end;
        }

        if (unique.Count > int.MaxValue / 2)
        {
            throw new InvalidMatrixException($"{unique.Count} distinct pairs exceed the {int.MaxValue / 2} a list of pairs can hold.");
        }

        var offsets = new int[n + 1];
        foreach (var (key, _) in unique)
        {
            offsets[(int)(key >> 32) + 1]++;
            offsets[(int)(uint)key + 1]++;
        }

        for (int i = 0; i < n; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var fill = offsets[..n];
        var neighbours = new int[2 * unique.Count];
        var values = new double[2 * unique.Count];
        foreach (var (key, occurrence) in unique)
        {
            int a = (int)(key >> 32), b = (int)(uint)key;
            (neighbours[fill[a]], values[fill[a]++]) = (b, distance[occurrence]);
            (neighbours[fill[b]], values[fill[b]++]) = (a, distance[occurrence]);
        }

        return new PairDistances(names, index, offsets, neighbours, values);
    }

    private static int Intern(string? name, int k, Dictionary<string, int> index, List<string> names, PairLocations? locations)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidMatrixException($"A class name is empty at {PairLocations.Describe(locations, k)}; every pair needs two class names.");
        }

        if (!index.TryGetValue(name, out int i))
        {
            i = names.Count;
            index.Add(name, i);
            names.Add(name);
        }

        return i;
    }

    private static double ToDistance(double value, SimilarityTransform transform, double tolerance, string a, string b, int k, PairLocations? locations)
    {
        string what = transform == SimilarityTransform.None ? "distance" : "similarity";
        if (!double.IsFinite(value))
        {
            throw new InvalidMatrixException(string.Create(CultureInfo.InvariantCulture, $"The {what} of ('{a}', '{b}') at {PairLocations.DescribeValue(locations, k)} is {value}; values must be finite."));
        }

        double d = transform.Apply(value, tolerance);
        if (double.IsNaN(d))
        {
            throw new InvalidMatrixException(transform == SimilarityTransform.None
                ? string.Create(CultureInfo.InvariantCulture, $"The distance of ('{a}', '{b}') at {PairLocations.DescribeValue(locations, k)} is negative ({value:G6}); distances must be ≥ 0. If these are similarities, choose a transform.")
                : transform.OutsideDomain($"The similarity of ('{a}', '{b}') at {PairLocations.DescribeValue(locations, k)}", value));
        }

        return d;
    }
}
