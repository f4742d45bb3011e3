using System.Globalization;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>The distances from m classes to L landmark classes (the L × m block of the design, stored one row per
/// placed class): all that landmark MDS needs besides the L × L landmark block, so the full n × n matrix never has
/// to exist. Immutable; every entry must be known, finite and ≥ 0.</summary>
public sealed class LandmarkDistances
{
    private LandmarkDistances(string[] landmarkNames, string[] classNames, RowMatrix distances)
    {
        LandmarkNames = landmarkNames;
        ClassNames = classNames;
        Distances = distances;
    }

    /// <summary>The landmark classes, in column order.</summary>
    public IReadOnlyList<string> LandmarkNames { get; }

    /// <summary>The classes to place, in row order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Distances, one row per class to place, one column per landmark (m × L).</summary>
    public RowMatrix Distances { get; }

    /// <summary>Number of classes to place (m).</summary>
    public int Count => ClassNames.Count;

    /// <summary>Creates the block from an m × L matrix (copied).</summary>
    /// <exception cref="InvalidMatrixException">A shape mismatch, a duplicate or empty name, a class that is also a
    /// landmark, or an entry that is not a finite non-negative number.</exception>
    public static LandmarkDistances Create(IReadOnlyList<string> landmarkNames, IReadOnlyList<string> classNames, RowMatrix distances)
    {
        ArgumentNullException.ThrowIfNull(landmarkNames);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(distances);
        if (distances.Rows != classNames.Count || distances.Columns != landmarkNames.Count)
        {
            throw new InvalidMatrixException($"The landmark distances are {distances.Rows} × {distances.Columns}; expected one row per class to place ({classNames.Count}) and one column per landmark ({landmarkNames.Count}).");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, role) in landmarkNames.Select(l => (l, "landmark")).Concat(classNames.Select(c => (c, "class to place"))))
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new InvalidMatrixException($"A {role} has an empty name.");
            }

            if (!seen.Add(name))
            {
                throw new InvalidMatrixException($"The name '{name}' appears twice among the landmarks and the classes to place; every class must be either a landmark or placed, once.");
            }
        }

        var values = distances.AsSpan();
        int l = landmarkNames.Count;
        for (int k = 0; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k]) || values[k] < 0)
            {
                throw new InvalidMatrixException(
                    string.Create(CultureInfo.InvariantCulture, $"The distance from '{classNames[k / l]}' to landmark '{landmarkNames[k % l]}' is {values[k]}; landmark placement needs every landmark distance, finite and ≥ 0."),
                    k / l,
                    k % l);
            }
        }

        return new LandmarkDistances([.. landmarkNames], [.. classNames], new RowMatrix(distances.Rows, distances.Columns, values));
    }

    /// <summary>Creates the block from an m × L array.</summary>
    public static LandmarkDistances Create(IReadOnlyList<string> landmarkNames, IReadOnlyList<string> classNames, double[,] distances) =>
        Create(landmarkNames, classNames, RowMatrix.FromArray(distances ?? throw new ArgumentNullException(nameof(distances))));

    /// <summary>Takes the landmark columns of a full (possibly incomplete) matrix for every non-landmark class.</summary>
    /// <exception cref="SimZslException">A landmark name is not in the matrix, or a needed distance is missing.</exception>
    public static LandmarkDistances FromMatrix(DistanceMatrix distances, IReadOnlyList<string> landmarkNames)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var landmarks = LandmarkIndices(distances, landmarkNames);
        var isLandmark = new bool[distances.Count];
        foreach (int i in landmarks)
        {
            isLandmark[i] = true;
        }

        var others = Enumerable.Range(0, distances.Count).Where(i => !isLandmark[i]).ToArray();
        var data = new double[others.Length * landmarks.Length];
        for (int a = 0; a < others.Length; a++)
        {
            for (int b = 0; b < landmarks.Length; b++)
            {
                data[(a * landmarks.Length) + b] = distances[others[a], landmarks[b]];
            }
        }

        return Create(landmarks.Select(i => distances.ClassNames[i]).ToArray(), others.Select(i => distances.ClassNames[i]).ToArray(), RowMatrix.Wrap(others.Length, landmarks.Length, data));
    }

    /// <summary>Row indices of landmark names in a matrix; every unknown or repeated name is reported at once.</summary>
    internal static int[] LandmarkIndices(ClassMatrix distances, IReadOnlyList<string> landmarkNames)
    {
        ArgumentNullException.ThrowIfNull(landmarkNames);
        var unknown = landmarkNames.Where(name => name is null || !distances.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new SimZslException(
                $"{unknown.Count} landmark name(s) are not classes of the matrix: {string.Join(", ", unknown.Take(10).Select(u => $"'{u}'"))}{(unknown.Count > 10 ? ", …" : "")}. The matrix has {distances.Count} classes, e.g. {string.Join(", ", distances.ClassNames.Take(3).Select(c => $"'{c}'"))}; check the spelling (names are case-sensitive).");
        }

        var repeated = landmarkNames.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new SimZslException($"Landmark name(s) listed more than once: {string.Join(", ", repeated.Select(r => $"'{r}'"))}.");
        }

        return landmarkNames.Select(distances.IndexOf).ToArray();
    }
}
