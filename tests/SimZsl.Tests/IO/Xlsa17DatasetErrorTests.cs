using SimZsl.IO;
using SimZsl.Samples.Shared;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.IO;

/// <summary>The xlsa17 loader's every refusal by its whole message, on small att_splits.mat and res101.mat files
/// written here (three classes, six instances), and the parts of a dataset that are optional: original_att,
/// train_loc and val_loc, a res101.mat beside the splits or named apart, and the summary table.</summary>
public sealed class Xlsa17DatasetErrorTests : IDisposable
{
    private readonly ScratchFolder _scratch = new("simzsl-xlsa17-");

    public Xlsa17DatasetErrorTests() => Directory.CreateDirectory(_scratch.Path);

    public void Dispose() => _scratch.Dispose();

    private string Folder => _scratch.Path;

    /// <summary>att (two attributes × three classes), class names and the three standard splits over six instances;
    /// <paramref name="change"/> adds or replaces variables.</summary>
    private string AttSplits(string file = "att_splits.mat", string[]? names = null, double[]? trainval = null,
        double[]? testSeen = null, double[]? testUnseen = null, Action<MatFileWriter>? change = null, string? omit = null)
    {
        var writer = new MatFileWriter().AddNumeric("att", [2, 3], [1, 0, 0, 1, 0.5, 1]).AddStrings("allclasses_names", names ?? ["cat", "dog", "eel"]);
        foreach (var (name, values) in new[] { ("trainval_loc", trainval ?? [1, 2, 3]), ("test_seen_loc", testSeen ?? [4]), ("test_unseen_loc", testUnseen ?? [5, 6]) })
        {
            if (name != omit)
            {
                writer.AddNumeric(name, [values.Length, 1], values, MatClass.UInt16);
            }
        }

        change?.Invoke(writer);
        string path = Path.Combine(Folder, file);
        writer.Save(path);
        return path;
    }

    private string Res101(double[] labels, string file = "res101.mat", int? featureCount = null, string[]? imageFiles = null)
    {
        int n = featureCount ?? labels.Length;
        var writer = new MatFileWriter()
            .AddNumeric("features", [1, n], Enumerable.Range(0, n).Select(i => 10.0 * i).ToArray())
            .AddNumeric("labels", [labels.Length, 1], labels);
        if (imageFiles is not null)
        {
            writer.AddStrings("image_files", imageFiles);
        }

        string path = Path.Combine(Folder, file);
        writer.Save(path);
        return path;
    }

    private static string Refusal(string attPath, string? res101 = null, string? file = null)
    {
        var error = Assert.Throws<DataFormatException>(() => Xlsa17Dataset.Load(attPath, res101));
        string source = file ?? attPath;
        Assert.Equal(source, error.File);
        Assert.NotNull(error.Offset);
        string prefix = $"{source} at byte offset {error.Offset}: ";
        Assert.StartsWith(prefix, error.Message, StringComparison.Ordinal);
        return error.Message[prefix.Length..];
    }

    [Fact]
    public void TheSummaryTabulatesSplitsAndSaysWhetherFeaturesAndLabelsWereGiven()
    {
        string att = AttSplits();
        var withoutFeatures = Xlsa17Dataset.Load(att);
        Assert.Equal(
            $"{att}: 3 classes, 2 attributes, no features (res101.mat not given)\n" +
            "split        instances  classes\n" +
            "trainval             3        ?\n" +
            "test_seen            1        ?\n" +
            "test_unseen          2        ?\n",
            withoutFeatures.Summary().ReplaceLineEndings("\n"));

        var withFeatures = Xlsa17Dataset.Load(att, Res101([1, 1, 2, 2, 3, 3]));
        Assert.Equal(
            $"{att}: 3 classes, 2 attributes, 6 instances × 1 features\n" +
            "split        instances  classes\n" +
            "trainval             3        2\n" +
            "test_seen            1        1\n" +
            "test_unseen          2        1\n" +
            "seen classes: 2, unseen classes: 1\n",
            withFeatures.Summary().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ANamedRes101FileWinsOverTheOneBesideTheSplits()
    {
        AttSplits();
        Res101([1, 1, 2, 2, 3, 3]);
        string other = Res101([2, 2, 1, 1, 3, 3], file: "other.mat");
        var beside = Xlsa17Dataset.Load(Folder);
        Assert.Equal(Path.Combine(Folder, "res101.mat"), beside.Res101Path);
        var named = Xlsa17Dataset.Load(Folder, other);
        Assert.Equal(other, named.Res101Path);
        Assert.Equal(1, named.Labels![0]);

        Assert.Throws<ArgumentException>(() => Xlsa17Dataset.Load(""));
        Assert.Throws<ArgumentNullException>(() => Xlsa17Dataset.Load(null!));
    }

    [Fact]
    public void OriginalAttributesAreReadWhenPresentAndMustHaveAttsShape()
    {
        string att = AttSplits(change: w => w.AddNumeric("original_att", [2, 3], [10, 0, 0, 10, 5, 10]));
        var data = Xlsa17Dataset.Load(att);
        Assert.Equal([5.0, 10.0], data.OriginalClassAttributes!.Row(2).ToArray());

        string wrong = AttSplits(file: "wrong.mat", change: w => w.AddNumeric("original_att", [2, 2], [1, 0, 0, 1]));
        Assert.Equal("original_att is 2×2 but att is 2×3; they must have the same shape.", Refusal(wrong));
    }

    [Theory]
    [InlineData("trainval_loc")]
    [InlineData("test_seen_loc")]
    [InlineData("test_unseen_loc")]
    public void EachStandardSplitIsRequired(string omitted)
    {
        string att = AttSplits(omit: omitted);
        Assert.StartsWith($"there is no variable '{omitted}'", Refusal(att), StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAndValAreReadWhenPresentAndMustNotOverlap()
    {
        string att = AttSplits(change: w => w.AddNumeric("train_loc", [2, 1], [1, 2], MatClass.UInt16).AddNumeric("val_loc", [1, 1], [3], MatClass.UInt16));
        var data = Xlsa17Dataset.Load(att);
        Assert.Equal([0, 1], data.Train!.Indices);
        Assert.Equal([2], data.Val!.Indices);
        Assert.Equal(["trainval", "test_seen", "test_unseen", "train", "val"], data.Splits.Select(s => s.Name));

        string overlap = AttSplits(file: "overlap.mat", change: w => w.AddNumeric("train_loc", [2, 1], [1, 2], MatClass.UInt16).AddNumeric("val_loc", [1, 1], [2], MatClass.UInt16));
        Assert.StartsWith("instance 2 is in both train_loc and val_loc; these splits must not overlap.", Refusal(overlap), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3 }, new double[] { 4 }, new double[] { 5, 3 }, "instance 3 is in both trainval_loc and test_unseen_loc")]
    [InlineData(new double[] { 1, 2, 3 }, new double[] { 5 }, new double[] { 5, 6 }, "instance 5 is in both test_seen_loc and test_unseen_loc")]
    public void NoTwoStandardSplitsMayShareAnInstance(double[] trainval, double[] testSeen, double[] testUnseen, string start)
    {
        string att = AttSplits(trainval: trainval, testSeen: testSeen, testUnseen: testUnseen);
        Assert.Equal($"{start}; these splits must not overlap. Check that the file is an unmodified xlsa17 att_splits.mat.", Refusal(att));
    }

    [Theory]
    [InlineData(new[] { "cat", "cat", "eel" }, "class 'cat' appears twice in allclasses_names (entries 1 and 2).")]
    [InlineData(new[] { "cat", "eel", "eel" }, "class 'eel' appears twice in allclasses_names (entries 2 and 3).")]
    [InlineData(new[] { "cat", "", "eel" }, "allclasses_names{2} is empty.")]
    public void ClassNamesMustBeUniqueAndNonEmpty(string[] names, string detail) =>
        Assert.Equal(detail, Refusal(AttSplits(names: names)));

    [Fact]
    public void ASplitMustBeAVectorOfOneBasedIndicesInRange()
    {
        string square = AttSplits(change: w => w.AddNumeric("train_loc", [2, 2], [1, 2, 3, 4], MatClass.UInt16));
        Assert.Equal("train_loc (uint16 2×2) is not a vector of instance indices.", Refusal(square));

        string zero = AttSplits(file: "zero.mat", trainval: [0, 1]);
        Assert.Equal("trainval_loc(1) is 0; indices are 1-based, 1 or more.", Refusal(zero));

        string beyond = AttSplits(file: "beyond.mat", trainval: [1, 2, 7]);
        Assert.Equal("trainval_loc(3) is 7; indices are 1-based, 1 to 6 (the instances of res101.mat).", Refusal(beyond, Res101([1, 1, 2, 2, 3, 3])));
    }

    [Fact]
    public void Res101MustHaveOneLabelAndOneImageFilePerInstance()
    {
        string att = AttSplits();
        string fewLabels = Res101([1, 1, 2, 2, 3], file: "few.mat", featureCount: 6);
        Assert.Equal("labels has 5 entries but features has 6 instance columns.", Refusal(att, fewLabels, fewLabels));

        string images = Res101([1, 1, 2, 2, 3, 3], file: "images.mat", imageFiles: ["a.jpg", "b.jpg"]);
        Assert.Equal("image_files has 2 entries but there are 6 instances.", Refusal(att, images, images));
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 2, 2, 1, 3 }, "class 1 has instances in both trainval_loc and test_unseen_loc; unseen classes must not be seen in training.")]
    [InlineData(new double[] { 2, 2, 2, 1, 3, 3 }, "class 1 has instances in test_seen_loc but none in trainval_loc; test_seen must hold seen classes only.")]
    [InlineData(new double[] { 1, 1, 1, 2, 3, 3 }, "class 2 has instances in test_seen_loc but none in trainval_loc; test_seen must hold seen classes only.")]
    public void LabelsMustKeepUnseenClassesOutOfTrainingAndTestSeenInIt(double[] labels, string start)
    {
        string att = AttSplits();
        Assert.Equal($"{start} Do att_splits.mat and res101.mat belong to the same dataset?", Refusal(att, Res101(labels)));
    }
}
