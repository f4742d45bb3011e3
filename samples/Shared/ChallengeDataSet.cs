using SimZsl.ZeroShot;

namespace SimZsl.Samples.Shared;

/// <summary>A data set the accuracy challenges (III and IV) measure on: its instances and class similarity, how many
/// classes each unseen split holds, and the embedding dimension.</summary>
/// <param name="Name">"aPascal", "Fashion-MNIST".</param>
/// <param name="Data">The instances and the class similarity.</param>
/// <param name="UnseenPerSplit">k, the unseen classes of each split.</param>
/// <param name="Dimension">d of the κ-MDS embeddings.</param>
internal sealed record ChallengeDataSet(string Name, ZeroShotData Data, int UnseenPerSplit, int Dimension)
{
    /// <summary>Unseen-class accuracy of a uniform guess among the k unseen classes.</summary>
    public double ZslChance => 1.0 / UnseenPerSplit;

    /// <summary>Calibrated GZSL H of a uniform guess among all classes (seen and unseen accuracy both 1/n).</summary>
    public double GzslChance => 1.0 / Data.ClassNames.Count;

    /// <summary>aPascal: 20 classes, 5 unseen per split, d = 10.</summary>
    public static ChallengeDataSet APascal() => new("aPascal", ZeroShotData.APascal(), 5, 10);

    /// <summary>Fashion-MNIST: 10 classes, 3 unseen per split, PCA-64 features of <paramref name="trainImages"/> seeded
    /// training images, d = 5.</summary>
    public static ChallengeDataSet Fashion(int trainImages) => new("Fashion-MNIST", ZeroShotData.Fashion(trainImages, pixels: false), 3, 5);

    /// <summary>The unseen splits, one per run: the sweep's seeded draw (<see cref="UnseenSplits.Seeded"/>).</summary>
    public IReadOnlyList<string[]> Splits(int runs) => UnseenSplits.Seeded(Data.ClassNames, UnseenPerSplit, runs);

    /// <summary>The same data with at most <paramref name="perClass"/> training instances per seen class (a subsample
    /// seeded by <paramref name="seed"/>), so that every method of a run trains on the same rows and a challenge
    /// stays fast; each split is computed once.</summary>
    public ZeroShotData Capped(int perClass, int seed)
    {
        var cache = new Dictionary<string, (RowMatrix, string[], RowMatrix, string[])>(StringComparer.Ordinal);
        return Data with
        {
            Split = unseen =>
            {
                string key = string.Join('\n', unseen);
                lock (cache)
                {
                    return cache.TryGetValue(key, out var split) ? split : cache[key] = Subsample(unseen);
                }
            },
        };

        (RowMatrix, string[], RowMatrix, string[]) Subsample(string[] unseen)
        {
            var (x, y, testX, testY) = Data.Split(unseen);
            var random = new Random(seed);
            int[] rows = [.. y.Select((label, i) => (label, i)).GroupBy(p => p.label, StringComparer.Ordinal)
                .SelectMany(g => g.Select(p => p.i).OrderBy(_ => random.Next()).Take(perClass)).Order()];
            return (RowSelection.Select(x, rows), RowSelection.Select(y, rows), testX, testY);
        }
    }
}
