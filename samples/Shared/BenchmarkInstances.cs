using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Samples.Shared;

/// <summary>Real instances for a zero-shot run: the shipped aPascal objects (unseen: <see cref="APascalObjects.Unseen"/>,
/// 20 % of the seen objects held out for test-seen), or, with `--data FOLDER`, an xlsa17 benchmark folder holding
/// att_splits.mat and res101.mat (ResNet-101 features; the standard proposed split: trainval for training,
/// test_seen and test_unseen for testing).</summary>
internal sealed record BenchmarkInstances(string Name, RowMatrix TrainFeatures, string[] TrainLabels, RowMatrix TestFeatures, string[] TestLabels, string[] Unseen, string[] Classes)
{
    /// <summary>The class attribute vectors of an xlsa17 benchmark (null for aPascal).</summary>
    public RowMatrix? ClassAttributes { get; init; }

    public static BenchmarkInstances Load(string? xlsa17Folder, int seed)
    {
        if (xlsa17Folder is null)
        {
            var (features, labels) = APascalObjects.Read();
            var split = ZeroShot.ZeroShotSplit.Create(labels, APascalObjects.Unseen, 0.2, seed);
            return new BenchmarkInstances("aPascal (shipped, 64 binary attributes per object)",
                ZeroShot.RowSelection.Select(features, split.Train), ZeroShot.RowSelection.Select(labels, split.Train),
                ZeroShot.RowSelection.Select(features, split.Test), ZeroShot.RowSelection.Select(labels, split.Test),
                APascalObjects.Unseen, [.. labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        }

        var data = Xlsa17Dataset.Load(xlsa17Folder);
        if (data.Features is null || data.Labels is null)
        {
            throw new SimZslException($"{xlsa17Folder} has no res101.mat: --data needs an xlsa17 folder with att_splits.mat and res101.mat.");
        }

        var names = data.ClassNames.ToArray();
        string[] Labels(Xlsa17Split s) => s.Indices.Select(i => names[data.Labels[i]]).ToArray();
        int[] test = [.. data.TestSeen.Indices, .. data.TestUnseen.Indices];
        return new BenchmarkInstances($"{Path.GetFileName(Path.GetFullPath(xlsa17Folder).TrimEnd('/'))} (xlsa17 res101 features)",
            ZeroShot.RowSelection.Select(data.Features, data.TrainVal.Indices.ToArray()), Labels(data.TrainVal),
            ZeroShot.RowSelection.Select(data.Features, test), [.. Labels(data.TestSeen), .. Labels(data.TestUnseen)],
            data.UnseenClasses!.Select(c => names[c]).ToArray(), names)
        {
            ClassAttributes = data.ClassAttributes,
        };
    }

    /// <summary>The class similarity the samples use: WordNet Wu–Palmer for aPascal (APY_wup.csv), the cosine of the
    /// class attribute vectors for an xlsa17 benchmark.</summary>
    public SimilarityMatrix ClassSimilarity()
    {
        if (ClassAttributes is not null)
        {
            return SimilarityMatrix.FromVectors(Classes, ClassAttributes);
        }

        var wordnet = ClassMatrixFile.ReadSimilarityCsv(SampleOptions.Data("WordNet", "APY_wup.csv"));
        return wordnet.Subset(Classes.Select(wordnet.IndexOf).ToArray());
    }
}
