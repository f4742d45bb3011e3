using SimZsl.IO;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.Shared;

/// <summary>What a zero-shot experiment runs on: the classes, their similarity, and for each unseen set the training rows (seen
/// classes only) and the test rows (seen and unseen).</summary>
/// <param name="ClassNames">Every class, in a fixed order.</param>
/// <param name="Similarity">The class similarity that κ-MDS embeds.</param>
/// <param name="Split">The train and test features and labels for an unseen set.</param>
internal sealed record ZeroShotData(
    IReadOnlyList<string> ClassNames, SimilarityMatrix Similarity,
    Func<string[], (RowMatrix TrainX, string[] TrainY, RowMatrix TestX, string[] TestY)> Split)
{
    /// <summary>Fashion-MNIST: the seen classes of a seeded training subset for training, all 10,000 test images for
    /// testing; PCA-64 features, or the pixels for an encoder trained end to end.</summary>
    public static ZeroShotData Fashion(int trainImages, bool pixels)
    {
        var data = FashionPca.Load(64, trainImages, seed: 0);
        var trainX = pixels ? data.TrainPixels : data.TrainFeatures;
        var testX = pixels ? data.TestPixels : data.TestFeatures;
        return new ZeroShotData([.. FashionMnist.ClassNames], ClassMatrixFile.ReadSimilarityCsv(SampleOptions.Data("WordNet", "FashionMNIST_wup.csv")),
            unseen =>
            {
                var unseenSet = unseen.ToHashSet(StringComparer.Ordinal);
                var rows = Enumerable.Range(0, data.TrainLabels.Length).Where(i => !unseenSet.Contains(data.TrainLabels[i])).ToArray();
                return (RowSelection.Select(trainX, rows), RowSelection.Select(data.TrainLabels, rows), testX, data.TestLabels);
            });
    }

    /// <summary>aPascal objects (64 binary attributes each, 20 classes): per unseen set the stratified split of
    /// <see cref="ZeroShotSplit"/> (20 % of each seen class and every unseen object for testing, seed 0); WordNet wup
    /// of the class names.</summary>
    public static ZeroShotData APascal()
    {
        var (features, labels) = APascalObjects.Read(SampleOptions.Data("aPascal", "apascal_train.txt"));
        var classes = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var wordnet = ClassMatrixFile.ReadSimilarityCsv(SampleOptions.Data("WordNet", "APY_wup.csv"));
        var rows = classes.Select(c => wordnet.ClassNames.ToList().IndexOf(c)).ToArray();
        if (rows.Any(r => r < 0))
        {
            throw new SimZslException("An aPascal class is missing from APY_wup.csv: " + string.Join(", ", classes.Where((_, i) => rows[i] < 0)));
        }

        return new ZeroShotData(classes, wordnet.Subset(rows),
            unseen =>
            {
                var split = ZeroShotSplit.Create(labels, unseen, 0.2, seed: 0);
                return (RowSelection.Select(features, split.Train), RowSelection.Select(labels, split.Train),
                    RowSelection.Select(features, split.Test), RowSelection.Select(labels, split.Test));
            });
    }
}
