namespace SimZsl.Samples.Shared;

/// <summary>Which classes are unseen: the splits every zero-shot comparison averages over, the same for every
/// method.</summary>
internal static class UnseenSplits
{
    /// <summary>All combinations of k classes when there are at most <paramref name="count"/> of them, else
    /// <paramref name="count"/> of them drawn without repetition with <paramref name="seed"/> (1000 + k by default,
    /// the sweep's choice).</summary>
    /// <param name="classNames">Every class.</param>
    /// <param name="k">Unseen classes per split.</param>
    /// <param name="count">How many splits at most.</param>
    /// <param name="seed">Seed of the draw; null: 1000 + k.</param>
    public static IReadOnlyList<string[]> Seeded(IReadOnlyList<string> classNames, int k, int count, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        var all = Combinations(Enumerable.Range(0, classNames.Count).ToArray(), k).ToList();
        if (all.Count > count)
        {
            new Random(seed ?? (1000 + k)).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all));
            all = all.Take(count).ToList();
        }

        return all.Select(c => c.Select(i => classNames[i]).ToArray()).ToArray();
    }

    private static IEnumerable<int[]> Combinations(int[] items, int k) =>
        k == 0 ? [[]] : items.SelectMany((item, i) => Combinations(items[(i + 1)..], k - 1).Select(rest => (int[])[item, .. rest]));
}
