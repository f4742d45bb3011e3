using System.Globalization;
using SimZsl.IO;
using SimZsl.Onnx;
using SimZsl.Tests.Cli;
using SimZsl.Tests.Infrastructure;
using SimZsl.ZeroShot;

namespace SimZsl.Tests.Onnx;

/// <summary>The extractor gives what the exporting script's torch network gave on the same images (to 1e-5), from an
/// image folder (grey, RGB and RGBA PNGs, one image resized and cropped) and from IDX (grey into three channels).</summary>
public class OnnxFeatureExtractorTests
{
    private const double Tolerance = 1e-5;

    private static NpyArray ExtractToFile(OnnxFeatureExtractor extractor, ImageSource source, out FeatureExtractionResult result, IProgress<FeatureExtractionProgress>? progress = null)
    {
        string path = Path.Combine(CliRunner.TempFolder(), "features.npy");
        FeatureExtractionResult? written = null;
        AtomicFile.Write(path, s => written = extractor.Extract(source, s, progress: progress));
        result = written!;
        return NpyFile.Read(path);
    }

    [Fact]
    public void FolderFeaturesAreTheExportingScriptsOwn()
    {
        using var extractor = new OnnxFeatureExtractor(OnnxTestData.Model, new OnnxFeatureExtractorOptions { Device = ComputeDevice.Cpu });
        var folder = new ImageFolder(OnnxTestData.Images);
        var features = ExtractToFile(extractor, folder, out var result);

        Assert.Equal("<f4", features.DType);
        Assert.Equal([10, 16], features.ShapeList);
        Assert.InRange(OnnxTestData.MaxDifference(OnnxTestData.ExpectedImages, features), 0, Tolerance);
        Assert.Equal(OnnxTestData.FolderLabels, Enumerable.Range(0, folder.Count).Select(folder.LabelOf));
        Assert.Equal(["Bag", "Sneaker", "Trouser"], folder.ClassNames);
        Assert.Equal((10, 16, "features", "cpu"), (result.Images, result.Features, result.OutputNode, result.Device));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(32)]
    public void IdxFeaturesAreTheExportingScriptsOwnForAnyBatchSize(int batchSize)
    {
        using var extractor = new OnnxFeatureExtractor(OnnxTestData.Model, new OnnxFeatureExtractorOptions { BatchSize = batchSize, Device = ComputeDevice.Cpu, Threads = 1 });
        var images = new IdxImages(OnnxTestData.IdxImages, OnnxTestData.IdxLabels, File.ReadAllLines(OnnxTestData.ClassNames)).Take(OnnxTestData.IdxRows + 5);
        var reports = new List<FeatureExtractionProgress>();
        var features = ExtractToFile(extractor, images, out _, new SynchronousProgress<FeatureExtractionProgress>(reports.Add));

        Assert.Equal([OnnxTestData.IdxRows + 5, 16], features.ShapeList);
        Assert.InRange(OnnxTestData.MaxDifference(OnnxTestData.ExpectedIdx, features), 0, Tolerance);
        Assert.Equal((int)Math.Ceiling((OnnxTestData.IdxRows + 5) / (double)batchSize), reports.Count);
        Assert.Equal(OnnxTestData.IdxRows + 5, reports[^1].Done);
    }

    [Fact]
    public void IdxLabelsAreNamedByTheClassNamesFileAndWrittenOnePerLine()
    {
        var images = new IdxImages(OnnxTestData.IdxImages, OnnxTestData.IdxLabels, File.ReadAllLines(OnnxTestData.ClassNames)).Take(4);
        var numbers = new IdxImages(OnnxTestData.IdxImages, OnnxTestData.IdxLabels).Take(4);
        using var text = new MemoryStream();
        images.WriteLabels(text);

        // The first four labels of the shipped subset, read independently from the IDX file.
        var raw = IdxFile.Read(OnnxTestData.IdxLabels).Values.Take(4).ToArray();
        var names = File.ReadAllLines(OnnxTestData.ClassNames);
        Assert.Equal(raw.Select(v => CsvMatrixFile.Quote(names[v]) + "\n"), System.Text.Encoding.UTF8.GetString(text.ToArray()).Split('\n')[..4].Select(l => l + "\n"));
        Assert.Equal(raw.Select(v => v.ToString(CultureInfo.InvariantCulture)), Enumerable.Range(0, 4).Select(numbers.LabelOf));
    }

    [Fact]
    public void TheModelsOwnSizeIsTheDefaultPreprocessing()
    {
        using var extractor = new OnnxFeatureExtractor(OnnxTestData.Model, new OnnxFeatureExtractorOptions { Device = ComputeDevice.Cpu });
        Assert.Equal("image", extractor.InputName);
        Assert.Equal([-1, 3, 28, 28], extractor.InputShape);
        Assert.Equal(["features", "pooled"], extractor.OutputNames);
        var p = extractor.DefaultPreprocessing;
        Assert.Equal((28, 28, 28, 3), (p.ResizeShorterSide, p.CropHeight, p.CropWidth, p.Channels));
        Assert.Equal(ImagePreprocessing.ImageNetMean, p.Mean);
        Assert.Equal(ImagePreprocessing.ImageNetStd, p.Std);
    }

    [Fact]
    public void AnotherOutputNodeIsFlattenedPerImage()
    {
        // 'pooled' is N × 16 × 1 × 1 (the ReLU'd, average-pooled conv features): non-negative, one row per image.
        using var extractor = new OnnxFeatureExtractor(OnnxTestData.Model, new OnnxFeatureExtractorOptions { OutputNode = "pooled", Device = ComputeDevice.Cpu });
        var features = ExtractToFile(extractor, new ImageFolder(OnnxTestData.Images), out var result);
        Assert.Equal([10, 16], features.ShapeList);
        Assert.Equal("pooled", result.OutputNode);
        Assert.All(features.ToDoubles(), v => Assert.True(v >= 0));
        Assert.Contains(features.ToDoubles(), v => v > 0);
    }

    [Fact]
    public void AnUnknownOutputNodeListsTheOutputs()
    {
        var e = Assert.Throws<ArgumentException>(() => new OnnxFeatureExtractor(OnnxTestData.Model, new OnnxFeatureExtractorOptions { OutputNode = "logits", Device = ComputeDevice.Cpu }));
        Assert.Contains("no output 'logits'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'features', 'pooled'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APreprocessingThatDoesNotFitTheModelIsRefusedBeforeAnyImage()
    {
        using var extractor = new OnnxFeatureExtractor(OnnxTestData.Model, new OnnxFeatureExtractorOptions { Device = ComputeDevice.Cpu });
        var wrong = extractor.DefaultPreprocessing with { CropHeight = 32, CropWidth = 32, ResizeShorterSide = 32, Channels = 1, Mean = [0.5], Std = [0.5] };
        var e = Assert.Throws<ArgumentException>(() => extractor.Extract(new ImageFolder(OnnxTestData.Images), Stream.Null, wrong));
        Assert.Contains("takes 3 channel(s), not 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("28 high, but the crop is 32", e.Message, StringComparison.Ordinal);
        Assert.Contains("28 wide, but the crop is 32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CancellationStopsBetweenBatches()
    {
        using var extractor = new OnnxFeatureExtractor(OnnxTestData.Model, new OnnxFeatureExtractorOptions { BatchSize = 8, Device = ComputeDevice.Cpu });
        using var cancel = new CancellationTokenSource();
        var images = new IdxImages(OnnxTestData.IdxImages).Take(64);
        var progress = new SynchronousProgress<FeatureExtractionProgress>(p =>
        {
            if (p.Done >= 16)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => extractor.Extract(images, Stream.Null, progress: progress, cancellationToken: cancel.Token));
    }

    [Fact]
    public void OptionsNameEveryViolation()
    {
        var e = Assert.Throws<ArgumentException>(() => new OnnxFeatureExtractorOptions { OutputNode = string.Empty, BatchSize = 0, Threads = 0 }.Validate());
        Assert.Contains("OutputNode", e.Message, StringComparison.Ordinal);
        Assert.Contains("BatchSize must be ≥ 1 (got 0)", e.Message, StringComparison.Ordinal);
        Assert.Contains("Threads must be ≥ 1 or null (got 0)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CudaAskedForWhereOnnxRuntimeHasNoneSaysWhatToDo()
    {
        // The CPU package has no CUDA execution provider: the same rule and words as libtorch's (ComputeDevices).
        if (Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider"))
        {
            return;   // built with Microsoft.ML.OnnxRuntime.Gpu: nothing to refuse
        }

        var e = Assert.Throws<SimZslException>(() => new OnnxFeatureExtractor(OnnxTestData.Model, new OnnxFeatureExtractorOptions { Device = ComputeDevice.Cuda }));
        Assert.Contains("CUDA was asked for, but ONNX Runtime sees no CUDA device", e.Message, StringComparison.Ordinal);
        Assert.Contains("Microsoft.ML.OnnxRuntime.Gpu", e.Message, StringComparison.Ordinal);
        Assert.Contains("--device cpu", e.Message, StringComparison.Ordinal);

        using var auto = new OnnxFeatureExtractor(OnnxTestData.Model);
        Assert.Equal("cpu", auto.Device);
    }
}
