using SimZsl.Samples.QuickStart;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.Samples;

/// <summary>The QuickStart sample's pipeline on a small slice of real Fashion-MNIST: every geometry beats chance on
/// the unseen classes, the same seed gives the same numbers, the recorded C# is the code that ran, and the
/// pictures are PNG files.</summary>
[Collection(LibTorchGlobalState.Name)]
public class QuickStartTests
{
    private static readonly QuickStartOptions Small = new() { PerClass = 100, Epochs = 3, Seed = 7 };
    // The shipped subset even where Debian's full set is installed: the same images on every machine.
    private static readonly Lazy<FashionData> Data = new(() => FashionData.Load(RepositoryFolders.SampleData(), Small.PerClass, shippedSubset: true));

    [Fact]
    public void EveryGeometryBeatsChanceOnTheUnseenClasses()
    {
        var pipeline = new QuickStartPipeline(Small);
        var similarity = pipeline.LoadSimilarity(RepositoryFolders.SampleData());
        foreach (var setting in GeometrySetting.Defaults)
        {
            var result = pipeline.Run(setting, similarity, Data.Value);
            Assert.Equal(setting.Curvature, result.Prototypes.Curvature);
            Assert.True(result.Metrics.ZslTop1 > 0.7, $"{setting.Name}: ZSL top-1 {result.Metrics.ZslTop1:P1} (chance 50 %)");
            Assert.True(result.Metrics.GzslSeen > 0.5, $"{setting.Name}: GZSL seen {result.Metrics.GzslSeen:P1} (chance 10 %)");
        }
    }

    [Fact]
    public void SameSeedGivesTheSameResult()
    {
        var setting = GeometrySetting.Defaults.Single(s => s.Curvature < 0);
        var first = Run(setting);
        var second = Run(setting);
        Assert.Equal(first.Metrics.ZslTop1, second.Metrics.ZslTop1);
        Assert.Equal(first.Metrics.GzslSeen, second.Metrics.GzslSeen);
        Assert.Equal(first.Metrics.GzslUnseen, second.Metrics.GzslUnseen);
    }

    [Fact]
    public void RecordsTheCodeThatRanAndWritesPngs()
    {
        var pipeline = new QuickStartPipeline(Small);
        var similarity = pipeline.LoadSimilarity(RepositoryFolders.SampleData());
        var result = pipeline.Run(GeometrySetting.Defaults.Single(s => s.Curvature == 0), similarity, Data.Value);

        Assert.Equal(4, pipeline.Code.Lines.Count);
        Assert.StartsWith("var similarity = ClassMatrixFile.ReadSimilarityCsv(", pipeline.Code.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("var prototypes = new KappaMds(new KappaMdsOptions {", pipeline.Code.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("var model = new ZeroShotTrainer(", pipeline.Code.Lines[2], StringComparison.Ordinal);
        Assert.StartsWith("var metrics = model.Evaluate(", pipeline.Code.Lines[3], StringComparison.Ordinal);

        string folder = Path.Combine(Path.GetTempPath(), "simzsl-quickstart-" + Guid.NewGuid().ToString("N"));
        try
        {
            var paths = Pictures.Write(folder, result);
            Assert.Equal(2, paths.Count);
            foreach (string path in paths)
            {
                byte[] head = File.ReadAllBytes(path)[..8];
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, head);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ShippedSubsetSwitchReadsTheRepositoryImages()
    {
        var options = QuickStartOptions.Parse(["--shipped-subset", "--epochs", "2"]);
        Assert.NotNull(options);
        Assert.True(options.ShippedSubset);
        Assert.Equal(2, options.Epochs);
        Assert.False(QuickStartOptions.Parse([])!.ShippedSubset);
        Assert.Equal(Path.Combine(RepositoryFolders.SampleData(), "FashionMNIST"), Data.Value.Source);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.5)]
    public void ProgressLineFitsEightyColumns(double validation)
    {
        // Description + a 20-wide bar + the clock (8) + Spectre's column gaps must fit 80 columns.
        string widest = GeometrySetting.Defaults.MaxBy(s => s.Name.Length)!.Name;
        string line = EpochProgress.Describe(widest, 10, 10, new SimZsl.ZeroShot.TrainingProgress(10, 10, -1.23456789e-10, validation, 1e-3, TimeSpan.Zero));
        Assert.True(line.Length + 20 + 8 + 2 <= 80, $"'{line}' is {line.Length} characters");
        Assert.Contains("epoch 10/10", line, StringComparison.Ordinal);
    }

    private static GeometryResult Run(GeometrySetting setting)
    {
        var pipeline = new QuickStartPipeline(Small);
        return pipeline.Run(setting, pipeline.LoadSimilarity(RepositoryFolders.SampleData()), Data.Value);
    }
}
