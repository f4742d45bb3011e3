using SimZsl.Similarity;

namespace SimZsl.Samples.Shared;

/// <summary>Challenge IV, random missing knowledge: hide a fraction of the class pairs of a complete matrix,
/// chosen uniformly at random with a seed. The mask is symmetric (a pair is hidden from both sides) and the diagonal
/// is always observed.</summary>
public static class RandomMissingChallenge
{
    /// <summary>The same distances with ⌊p·n(n−1)/2⌉ pairs marked missing.</summary>
    /// <param name="distances">The matrix to hide pairs of (already missing pairs stay missing).</param>
    /// <param name="fraction">p in [0, 1): the fraction of the n(n−1)/2 pairs to hide.</param>
    /// <param name="seed">Same seed, same mask.</param>
    /// <param name="keepConnected">Keep a random spanning tree observed first, so that κ-MDS can still place every
    /// class relative to every other; the hidden pairs are then drawn among the rest, and at most
    /// n(n−1)/2 − (n − 1) pairs can be hidden (a larger request is capped there).</param>
    public static DistanceMatrix Apply(DistanceMatrix distances, double fraction, int seed, bool keepConnected = true)
    {
        ArgumentNullException.ThrowIfNull(distances);
        return distances.WithMask(Mask(distances.Count, fraction, seed, keepConnected));
    }

    /// <summary>The row-major n × n mask (true: observed) that <see cref="Apply"/> uses.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1 or p outside [0, 1).</exception>
    public static bool[] Mask(int classCount, double fraction, int seed, bool keepConnected = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (!(fraction >= 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The missing fraction must lie in [0, 1).");
        }

        int n = classCount;
        var random = new Random(seed);
        var pairs = new List<(int I, int J)>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                pairs.Add((i, j));
            }
        }

        int hide = (int)Math.Round(fraction * pairs.Count, MidpointRounding.AwayFromZero);
        var candidates = keepConnected ? WithoutSpanningTree(pairs, n, random) : pairs;
        hide = Math.Min(hide, candidates.Count);
        var shuffled = candidates.ToArray();
        random.Shuffle(shuffled);
        var mask = new bool[n * n];
        Array.Fill(mask, true);
        foreach (var (i, j) in shuffled.AsSpan(0, hide))
        {
            mask[(i * n) + j] = false;
            mask[(j * n) + i] = false;
        }

        return mask;
    }

    // A random spanning tree (random attachment order: each class joins a random earlier one); the pairs not in it
    // are the ones that may be hidden.
    private static List<(int I, int J)> WithoutSpanningTree(List<(int I, int J)> pairs, int n, Random random)
    {
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var tree = new HashSet<(int, int)>();
        for (int k = 1; k < n; k++)
        {
            int a = order[k], b = order[random.Next(k)];
            tree.Add((Math.Min(a, b), Math.Max(a, b)));
        }

        return pairs.Where(p => !tree.Contains(p)).ToList();
    }
}
