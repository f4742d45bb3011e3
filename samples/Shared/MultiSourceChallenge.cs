using SimZsl.Similarity;

namespace SimZsl.Samples.Shared;

/// <summary>Challenge II, multi-source: two datasets, each with its own complete within-source similarity, joined
/// only by a cross-source block of which a seeded random fraction of the pairs is known.</summary>
public static class MultiSourceChallenge
{
    /// <summary>Joins <paramref name="first"/> and <paramref name="second"/> through the cross entries of
    /// <paramref name="cross"/> (a matrix over at least all classes of both; only its first × second block is used),
    /// keeping ⌊q·n₁·n₂⌉ of those pairs, drawn uniformly with <paramref name="seed"/>.</summary>
    /// <param name="firstName">Name of the first source.</param>
    /// <param name="first">Within-source similarity of the first source.</param>
    /// <param name="secondName">Name of the second source.</param>
    /// <param name="second">Within-source similarity of the second source (no class name in common with the first).</param>
    /// <param name="cross">Similarity across the sources, e.g. WordNet over the union of the class names.</param>
    /// <param name="crossFraction">q in (0, 1]: the fraction of the cross pairs that stays observed.</param>
    /// <param name="seed">Same seed, same kept pairs.</param>
    /// <exception cref="ArgumentException">q outside (0, 1], or a class of either source that <paramref name="cross"/> lacks.</exception>
    public static MultiSourceSimilarity Join(string firstName, SimilarityMatrix first, string secondName, SimilarityMatrix second, SimilarityMatrix cross, double crossFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(cross);
        if (!(crossFraction > 0 && crossFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(crossFraction), crossFraction, "The observed cross fraction must lie in (0, 1].");
        }

        var lacking = first.ClassNames.Concat(second.ClassNames).Where(c => !cross.Contains(c)).ToList();
        if (lacking.Count > 0)
        {
            throw new ArgumentException($"The cross similarity lacks {lacking.Count} class(es): {string.Join(", ", lacking.Take(10))}.", nameof(cross));
        }

        int rows = first.Count, columns = second.Count;
        var values = new double[rows, columns];
        var observed = new bool[rows, columns];
        var cells = Enumerable.Range(0, rows * columns).ToArray();
        new Random(seed).Shuffle(cells);
        int keep = Math.Max(1, (int)Math.Round(crossFraction * cells.Length, MidpointRounding.AwayFromZero));
        foreach (int cell in cells.AsSpan(0, keep))
        {
            int a = cell / columns, b = cell % columns;
            int i = cross.IndexOf(first.ClassNames[a]), j = cross.IndexOf(second.ClassNames[b]);
            observed[a, b] = cross.IsObserved(i, j);
            values[a, b] = cross[i, j];
        }

        return new MultiSourceSimilarity()
            .AddSource(firstName, first)
            .AddSource(secondName, second)
            .AddCrossBlock(first.ClassNames, second.ClassNames, values, observed);
    }
}
