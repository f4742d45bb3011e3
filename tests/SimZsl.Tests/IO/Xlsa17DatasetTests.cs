using System.Text.Json;
using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.IO;

/// <summary>The xlsa17 loader on the shipped att_splits files and on res101.mat-format files the tests write.</summary>
public sealed class Xlsa17DatasetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("simzsl-xlsa17-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("AWA1", 50, 85, true)]
    [InlineData("AWA2", 50, 85, true)]
    [InlineData("CUB", 200, 312, false)]
    [InlineData("SUN", 717, 102, true)]
    [InlineData("APY", 32, 64, true)]
    [InlineData("FLO", 102, 1024, true)]
    public void LoadsEveryShippedBenchmark(string name, int classes, int attributes, bool hasTrainVal)
    {
        var data = Xlsa17Dataset.Load(RepositoryPaths.Data("xlsa17", name));
        var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "mat", "xlsa17_reference.json")))
            .RootElement.GetProperty($"{name}/att_splits.mat");
        Assert.Equal(classes, data.ClassNames.Count);
        Assert.Equal((classes, attributes), (data.ClassAttributes.Rows, data.ClassAttributes.Columns));
        Assert.Equal(name != "FLO", data.HasClassNames);
        Assert.Null(data.Features);
        Assert.Null(data.SeenClasses);
        Assert.Equal(hasTrainVal, data.Train is not null && data.Val is not null);
        foreach (var split in data.Splits)
        {
            var expected = reference.GetProperty(split.Name + "_loc");
            Assert.Equal(expected.GetProperty("shape")[0].GetInt32(), split.Count);
            Assert.Equal(expected.GetProperty("first").GetDouble() - 1, split.Indices[0]);   // 1-based in the file
            Assert.Equal(expected.GetProperty("last").GetDouble() - 1, split.Indices[^1]);
            Assert.Null(split.Classes);
        }

        // Each class row is the unit-length class column of att.
        for (int c = 0; c < classes; c++)
        {
            double norm = Math.Sqrt(data.ClassAttributes.Row(c).ToArray().Sum(v => v * v));
            Assert.Equal(1.0, norm, 1e-12);
        }

        Assert.Contains("split        instances  classes", data.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void RealSplitsWithRes101FileFromTheTests()
    {
        // AWA1's real att_splits with a res101.mat written here: labels put each test_unseen instance in an unseen
        // class (testclasses.txt) and every other instance in a seen class, as the real features file does.
        var att = Xlsa17Dataset.Load(RepositoryPaths.Data("xlsa17", "AWA1"));
        var unseenNames = File.ReadAllLines(RepositoryPaths.Data("xlsa17", "AWA1", "testclasses.txt")).Select(l => l.Trim()).ToHashSet();
        int[] unseen = Enumerable.Range(0, 50).Where(c => unseenNames.Contains(att.ClassNames[c])).ToArray();
        int[] seen = Enumerable.Range(0, 50).Except(unseen).ToArray();
        int n = att.Splits.Max(s => s.Indices.Max()) + 1;
        var labels = new double[n];
        var inUnseen = att.TestUnseen.Indices.ToHashSet();
        for (int i = 0; i < n; i++)
        {
            labels[i] = 1 + (inUnseen.Contains(i) ? unseen[i % unseen.Length] : seen[i % seen.Length]);
        }

        var features = Enumerable.Range(0, 2 * n).Select(k => (double)k).ToArray();   // 2 × n: instance i = (2i, 2i + 1)
        File.Copy(RepositoryPaths.Data("xlsa17", "AWA1", "att_splits.mat"), Path.Combine(_folder, "att_splits.mat"));
        new MatFileWriter(compress: true)
            .AddNumeric("features", [2, n], features)
            .AddNumeric("labels", [n, 1], labels)
            .AddStrings("image_files", Enumerable.Range(0, n).Select(i => $"img{i}.jpg").ToArray())
            .Save(Path.Combine(_folder, "res101.mat"));

        var data = Xlsa17Dataset.Load(_folder);
        Assert.Equal(Path.Combine(_folder, "res101.mat"), data.Res101Path);
        Assert.Equal((n, 2), (data.Features!.Rows, data.Features.Columns));
        Assert.Equal([20.0, 21.0], data.Features.Row(10).ToArray());
        Assert.Equal(labels[10] - 1, data.Labels![10]);
        Assert.Equal("img7.jpg", data.ImageFiles![7]);
        Assert.Equal(seen, data.SeenClasses);
        Assert.Equal(unseen, data.UnseenClasses);
        Assert.Equal(unseenNames.Order(StringComparer.Ordinal), data.UnseenClasses!.Select(c => data.ClassNames[c]).Order(StringComparer.Ordinal));
        Assert.Equal(seen, data.TestSeen.Classes);
        Assert.Contains("seen classes: 40, unseen classes: 10", data.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void SmallSyntheticDatasetWithExplicitRes101Path()
    {
        string attPath = WriteAttSplits(trainval: [1, 2, 3], testSeen: [4], testUnseen: [5, 6]);
        string res101 = WriteRes101(labels: [1, 1, 2, 2, 3, 3]);
        var data = Xlsa17Dataset.Load(attPath, res101);
        Assert.Equal(["cat", "dog", "eel"], data.ClassNames);
        Assert.Equal([0, 1, 2], data.TrainVal.Indices);
        Assert.Equal([0, 1], data.TrainVal.Classes);
        Assert.Equal([1], data.TestSeen.Classes);
        Assert.Equal([2], data.UnseenClasses);
        Assert.Null(data.Train);
        Assert.Equal([0.5, 1.0], data.ClassAttributes.Row(2).ToArray());   // att is attributes × classes in the file
    }

    [Fact]
    public void IndexOutOfRangeNamesTheFileVariableAndOffset()
    {
        string attPath = WriteAttSplits(trainval: [1, 2, 7], testSeen: [4], testUnseen: [5, 6]);
        var error = Assert.Throws<DataFormatException>(() => Xlsa17Dataset.Load(attPath, WriteRes101([1, 1, 2, 2, 3, 3])));
        AssertLocated(error, attPath, "trainval_loc(3) is 7");
        Assert.Contains("1 to 6", error.Message, StringComparison.Ordinal);

        string zero = WriteAttSplits(trainval: [0, 1], testSeen: [4], testUnseen: [5, 6], file: "zero.mat");
        AssertLocated(Assert.Throws<DataFormatException>(() => Xlsa17Dataset.Load(zero)), zero, "trainval_loc(1) is 0; indices are 1-based");
    }

    [Fact]
    public void OverlappingSplitsAreRejected()
    {
        string attPath = WriteAttSplits(trainval: [1, 2, 3], testSeen: [3], testUnseen: [5, 6]);
        var error = Assert.Throws<DataFormatException>(() => Xlsa17Dataset.Load(attPath));
        AssertLocated(error, attPath, "instance 3 is in both trainval_loc and test_seen_loc");

        string twice = WriteAttSplits(trainval: [1, 2, 2], testSeen: [4], testUnseen: [5, 6], file: "twice.mat");
        AssertLocated(Assert.Throws<DataFormatException>(() => Xlsa17Dataset.Load(twice)), twice, "trainval_loc lists instance 2 twice");
    }

    [Fact]
    public void LabelsThatBreakTheSplitAreRejected()
    {
        string attPath = WriteAttSplits(trainval: [1, 2, 3], testSeen: [4], testUnseen: [5, 6]);
        string outOfRange = WriteRes101([1, 1, 2, 2, 3, 4], "range.mat");
        AssertLocated(Assert.Throws<DataFormatException>(() => Xlsa17Dataset.Load(attPath, outOfRange)), outOfRange, "labels(6) is 4");

        string unseenInTraining = WriteRes101([1, 3, 2, 2, 3, 3], "leak.mat");
        AssertLocated(Assert.Throws<DataFormatException>(() => Xlsa17Dataset.Load(attPath, unseenInTraining)), attPath, "class 3 has instances in both trainval_loc and test_unseen_loc");
    }

    [Fact]
    public void MissingOrMismatchedVariables()
    {
        string path = Path.Combine(_folder, "no_att.mat");
        new MatFileWriter().AddNumeric("trainval_loc", [1, 1], [1]).Save(path);
        var error = Assert.Throws<DataFormatException>(() => Xlsa17Dataset.Load(path));
        AssertLocated(error, path, "no variable 'att'");
        Assert.Contains("trainval_loc (double 1×1)", error.Message, StringComparison.Ordinal);

        string names = WriteAttSplits([1], [2], [3], file: "names.mat", classNames: ["cat", "dog"]);
        AssertLocated(Assert.Throws<DataFormatException>(() => Xlsa17Dataset.Load(names)), names, "allclasses_names has 2 names but att has 3 class columns");
    }

    private string WriteAttSplits(double[] trainval, double[] testSeen, double[] testUnseen, string file = "att_splits.mat", string[]? classNames = null)
    {
        string path = Path.Combine(_folder, file);
        new MatFileWriter()
            .AddNumeric("att", [2, 3], [1, 0, 0, 1, 0.5, 1])   // columns: cat (1,0), dog (0,1), eel (0.5,1)
            .AddStrings("allclasses_names", classNames ?? ["cat", "dog", "eel"])
            .AddNumeric("trainval_loc", [trainval.Length, 1], trainval, MatClass.UInt16)
            .AddNumeric("test_seen_loc", [testSeen.Length, 1], testSeen, MatClass.UInt16)
            .AddNumeric("test_unseen_loc", [testUnseen.Length, 1], testUnseen, MatClass.UInt16)
            .Save(path);
        return path;
    }

    private string WriteRes101(double[] labels, string file = "res101.mat")
    {
        string path = Path.Combine(_folder, file);
        new MatFileWriter()
            .AddNumeric("features", [1, labels.Length], labels.Select(l => l * 10).ToArray())
            .AddNumeric("labels", [labels.Length, 1], labels)
            .Save(path);
        return path;
    }

    private static void AssertLocated(DataFormatException error, string path, string expected)
    {
        Assert.Equal(path, error.File);
        Assert.NotNull(error.Offset);
        Assert.StartsWith($"{path} at byte offset {error.Offset}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
