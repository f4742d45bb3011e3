using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.Shared;

/// <summary>Challenge II, multi-source: two datasets, each with its own complete within-source similarity, joined
/// only by a cross-source block of which a seeded random fraction of the pairs is known.</summary>
public static class MultiSourceChallenge
{
    /// <summary>The prefix of the aPY classes' names, so that aPY's "horse" and AWA2's "horse" stay two classes of
    /// two sources (as in samples/data/WordNet/AWA2+APY_wup.csv).</summary>
    public const string ApyPrefix = "apy:";

    /// <summary>The knowledge of Challenge II: AWA2's 50 classes and aPY's 32 (names prefixed
    /// <see cref="ApyPrefix"/>), each with the cosine similarity of its own xlsa17 class attributes (85 and 64
    /// attributes, incompatible spaces), and WordNet Wu–Palmer similarity over all 82.</summary>
    /// <param name="xlsa17Root">A folder holding AWA2/att_splits.mat and APY/att_splits.mat.</param>
    public static (SimilarityMatrix Awa2, SimilarityMatrix Apy, SimilarityMatrix WordNet) Load(string xlsa17Root)
    {
        var awa2 = Xlsa17Dataset.Load(Path.Combine(xlsa17Root, "AWA2"));
        var apy = Xlsa17Dataset.Load(Path.Combine(xlsa17Root, "APY"));
        var awa2Similarity = SimilarityMatrix.FromVectors(awa2.ClassNames, awa2.ClassAttributes);
        var apySimilarity = SimilarityMatrix.FromVectors(apy.ClassNames.Select(c => ApyPrefix + c).ToArray(), apy.ClassAttributes);
        var wordnet = ClassMatrixFile.ReadSimilarityCsv(SampleOptions.Data("WordNet", "AWA2+APY_wup.csv"));
        var all = awa2Similarity.ClassNames.Concat(apySimilarity.ClassNames).Select(wordnet.IndexOf).ToArray();
        return (awa2Similarity, apySimilarity, wordnet.Subset(all));
    }

    /// <summary>The prototypes of <paramref name="classNames"/>, in that order, out of a larger embedding.</summary>
    /// <exception cref="SimZslException">A class the embedding lacks.</exception>
    public static ClassPrototypes Select(ClassPrototypes all, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(classNames);
        return new ClassPrototypes(classNames, RowSelection.Select(all.Coordinates, classNames.Select(all.IndexOf).ToArray()), all.Curvature);
    }

    /// <summary>How well a larger embedding keeps a source's own embedding on that source's classes: the neighbour
    /// MAP of <paramref name="joined"/>'s prototypes of those classes against the distances of <paramref name="own"/>
    /// (1: every class has the same nearest neighbours in both).</summary>
    /// <param name="joined">The embedding of several sources together.</param>
    /// <param name="own">The embedding of one source alone, at the same curvature.</param>
    public static double Agreement(ClassPrototypes joined, KappaMdsResult own)
    {
        ArgumentNullException.ThrowIfNull(own);
        return (own with { Prototypes = Select(joined, own.ClassNames) }).MeasureQuality(own.Distances()).MeanAveragePrecision;
    }

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
