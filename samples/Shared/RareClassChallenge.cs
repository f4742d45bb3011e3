using SimZsl.Similarity;

namespace SimZsl.Samples.Shared;

/// <summary>Challenge III, rare missing knowledge: a chosen set of rare classes is known only through its
/// similarity to a few landmark classes; every other pair of a rare class (to other rare classes, to non-landmark
/// classes) is hidden. All pairs between non-rare classes stay as they are.</summary>
public static class RareClassChallenge
{
    /// <summary>The distances with each rare class's row restricted to the landmark columns (symmetric mask).</summary>
    /// <exception cref="ArgumentException">An unknown class, a class both rare and landmark, or no landmark.</exception>
    public static DistanceMatrix Apply(DistanceMatrix distances, IReadOnlyList<string> rareClasses, IReadOnlyList<string> landmarks)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var rare = Indices(distances, rareClasses, nameof(rareClasses));
        var marks = Indices(distances, landmarks, nameof(landmarks));
        if (marks.Count == 0)
        {
            throw new ArgumentException("Give at least one landmark: a rare class with no landmark cannot be placed.", nameof(landmarks));
        }

        var both = rare.Intersect(marks).Select(i => distances.ClassNames[i]).ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException($"Class(es) {string.Join(", ", both)} are both rare and landmarks; a landmark must be fully known.", nameof(landmarks));
        }

        int n = distances.Count;
        var mask = new bool[n * n];
        Array.Fill(mask, true);
        var landmarkSet = marks.ToHashSet();
        foreach (int r in rare)
        {
            for (int j = 0; j < n; j++)
            {
                bool keep = j == r || landmarkSet.Contains(j);
                mask[(r * n) + j] = keep;
                mask[(j * n) + r] = keep;
            }
        }

        return distances.WithMask(mask);
    }

    /// <summary>Draws <paramref name="count"/> landmarks uniformly among the classes that are not rare.</summary>
    /// <exception cref="ArgumentException">An unknown class, or <paramref name="count"/> outside 1 … (number of non-rare classes).</exception>
    public static IReadOnlyList<string> ChooseLandmarks(DistanceMatrix distances, IReadOnlyList<string> rareClasses, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var rare = Indices(distances, rareClasses, nameof(rareClasses)).ToHashSet();
        var candidates = Enumerable.Range(0, distances.Count).Where(i => !rare.Contains(i)).ToArray();
        if (count < 1 || count > candidates.Length)
        {
            throw new ArgumentException($"Asked for {count} landmarks; there are {candidates.Length} non-rare classes to choose from (give 1 … {candidates.Length}).", nameof(count));
        }

        new Random(seed).Shuffle(candidates);
        return candidates.Take(count).Order().Select(i => distances.ClassNames[i]).ToArray();
    }

    private static List<int> Indices(DistanceMatrix distances, IReadOnlyList<string> names, string parameter)
    {
        ArgumentNullException.ThrowIfNull(names, parameter);
        var unknown = names.Where(c => !distances.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown class(es) {string.Join(", ", unknown.Take(10))}: not in the distance matrix.", parameter);
        }

        return names.Select(distances.IndexOf).Distinct().ToList();
    }
}
