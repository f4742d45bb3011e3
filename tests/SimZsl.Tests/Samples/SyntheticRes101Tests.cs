using SimZsl.IO;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;

namespace SimZsl.Tests.Samples;

/// <summary>The synthetic res101.mat beside a real att_splits.mat: the real file's format and instance count, labels
/// that respect every split, class means that follow the attributes.</summary>
public sealed class SyntheticRes101Tests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("simzsl-synthetic-res101-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RealFormatRealCountsAndLabelsThatRespectTheSplits()
    {
        string data = RepositoryPaths.Data("xlsa17", "AWA2");
        var written = SyntheticRes101.Write(data, _folder, features: 8, seed: 5);
        var mat = MatFile.Read(written.Res101Path);
        Assert.Equal(new[] { 8, 37322 }, mat.GetNumeric("features").Dimensions);
        Assert.Equal(MatClass.Double, mat.GetNumeric("features").Class);
        Assert.Equal(new[] { 37322, 1 }, mat.GetNumeric("labels").Dimensions);
        Assert.Equal(37322, mat.GetStrings("image_files").Count);
        Assert.Equal(File.ReadAllBytes(Path.Combine(data, "att_splits.mat")), File.ReadAllBytes(written.AttSplitsPath));

        var benchmark = Xlsa17Dataset.Load(_folder);   // the library's reader checks disjoint splits and seen/unseen labels
        string Name(int instance) => benchmark.ClassNames[benchmark.Labels![instance]];
        var unseen = File.ReadAllLines(Path.Combine(data, "testclasses.txt")).Select(l => l.Trim()).ToHashSet();
        var validation = File.ReadAllLines(Path.Combine(data, "valclasses1.txt")).Select(l => l.Trim()).ToHashSet();
        Assert.Equal(unseen.Order(), benchmark.TestUnseen.Indices.Select(Name).Distinct().Order());
        Assert.Equal(validation.Order(), benchmark.Val!.Indices.Select(Name).Distinct().Order());
        Assert.DoesNotContain(benchmark.Train!.Indices, i => validation.Contains(Name(i)) || unseen.Contains(Name(i)));
        var trainValClasses = benchmark.TrainVal.Indices.Select(Name).ToHashSet();
        Assert.Equal(40, trainValClasses.Count);
        Assert.Equal(trainValClasses.Order(), benchmark.TestSeen.Indices.Select(Name).Distinct().Order());
        Assert.Equal((40, 10, 13), (written.SeenClasses, written.UnseenClasses, written.ValidationClasses));

        // Same seed, same file; another seed, other features.
        string again = Path.Combine(_folder, "again"), other = Path.Combine(_folder, "other");
        SyntheticRes101.Write(data, again, features: 8, seed: 5);
        SyntheticRes101.Write(data, other, features: 8, seed: 6);
        Assert.Equal(File.ReadAllBytes(written.Res101Path), File.ReadAllBytes(Path.Combine(again, "res101.mat")));
        Assert.NotEqual(File.ReadAllBytes(written.Res101Path), File.ReadAllBytes(Path.Combine(other, "res101.mat")));
    }

    [Fact]
    public void WithoutNoiseEveryInstanceIsItsClassAttributesUnderOneLinearMap()
    {
        // x = M a_c: every instance of a class is the same point, and for a wide random M the cosine between two
        // classes' points is close to the cosine of their attribute vectors (MᵀM/F → I).
        var written = SyntheticRes101.Write(RepositoryPaths.Data("xlsa17", "APY"), _folder, features: 512, seed: 1, noise: 0, classNoise: 0);
        var benchmark = Xlsa17Dataset.Load(_folder);
        var labels = benchmark.Labels!;
        var features = benchmark.Features!;
        var first = new Dictionary<int, int>();
        for (int i = 0; i < labels.Count; i++)
        {
            if (!first.TryAdd(labels[i], i))
            {
                Assert.True(features.Row(i).SequenceEqual(features.Row(first[labels[i]])), $"instance {i} differs from the first of its class");
            }
        }

        int classes = benchmark.ClassNames.Count;
        Assert.Equal(classes, first.Count);
        var attributes = SimilarityMatrix.FromVectors(benchmark.ClassNames, benchmark.ClassAttributes);
        var means = SimilarityMatrix.FromVectors(benchmark.ClassNames, RowMatrix.FromRows(Enumerable.Range(0, classes).Select(c => features.RowArray(first[c])).ToArray()));
        double worst = 0, total = 0;
        for (int a = 0; a < classes; a++)
        {
            for (int b = a + 1; b < classes; b++)
            {
                double gap = Math.Abs(attributes[a, b] - means[a, b]);
                worst = Math.Max(worst, gap);
                total += gap;
            }
        }

        double mean = total / (classes * (classes - 1) / 2);
        Assert.True(mean < 0.06 && worst < 0.25, $"cosine gaps: mean {mean:G3}, worst {worst:G3} (F = {written.Features})");
    }
}
