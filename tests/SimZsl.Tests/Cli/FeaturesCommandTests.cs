using SimZsl.Cli;
using SimZsl.IO;
using SimZsl.Tests.Infrastructure;
using SimZsl.Tests.Onnx;

namespace SimZsl.Tests.Cli;

/// <summary><c>simzsl features</c> in-process: the features are the exporting script's own, the labels one per row,
/// and every mistake is one line with the documented exit code.</summary>
[Collection(LibTorchGlobalState.Name)]
public class FeaturesCommandTests
{
    [Fact]
    public void FolderFeaturesAndLabelsAreTheScriptsOwn()
    {
        string dir = CliRunner.TempFolder();
        string features = Path.Combine(dir, "f.npy"), labels = Path.Combine(dir, "labels.csv");
        var (code, output, error) = CliRunner.Run("features", "--model", OnnxTestData.Model, "--images", OnnxTestData.Images, "--batch-size", "4", "--output", features, "--labels-output", labels);

        Assert.True(code == ExitCodes.Success, error + output);
        var x = NpyFile.Read(features);
        Assert.Equal("<f4", x.DType);
        Assert.InRange(OnnxTestData.MaxDifference(OnnxTestData.ExpectedImages, x), 0, 1e-5);
        Assert.Equal(OnnxTestData.FolderLabels, File.ReadAllLines(labels));
        Assert.Contains("Extracted features of 10 images (3 classes)", output, StringComparison.Ordinal);
        Assert.Contains("images/s) on cpu: 10 × 16 float32 from output 'features'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void IdxFeaturesAreTheScriptsOwnAndZslReadsThem()
    {
        string dir = CliRunner.TempFolder();
        string features = Path.Combine(dir, "f.npy"), labels = Path.Combine(dir, "labels.csv"), report = Path.Combine(dir, "r.json");
        var (code, output, error) = CliRunner.Run("features", "--model", OnnxTestData.Model, "--idx", OnnxTestData.IdxImages, "--idx-labels", OnnxTestData.IdxLabels,
            "--idx-class-names", OnnxTestData.ClassNames, "--limit", "600", "--device", "cpu", "--output", features, "--labels-output", labels);

        Assert.True(code == ExitCodes.Success, error + output);
        var x = NpyFile.Read(features);
        Assert.Equal([600, 16], x.ShapeList);
        Assert.InRange(OnnxTestData.MaxDifference(OnnxTestData.ExpectedIdx, x), 0, 1e-5);
        Assert.Equal(600, File.ReadAllLines(labels).Length);

        // The contract's next step: the float32 features and the labels go into zsl as they are.
        (code, output, error) = CliRunner.Run("zsl", "--features", features, "--labels", labels, "--similarity", RepositoryPaths.Data("WordNet", "FashionMNIST_wup.csv"),
            "--unseen", "Sandal,Shirt", "--curvature", "0", "--dim", "4", "--head", "ridge", "--report", report);
        Assert.True(code == ExitCodes.Success, error + output);
        Assert.True(File.Exists(report));
    }

    [Theory]
    [InlineData(ExitCodes.UsageError, "either as a folder (--images DIR) or as IDX files (--idx IMAGES), not neither", "--output", "{dir}/f.npy")]
    [InlineData(ExitCodes.UsageError, "not both", "--images", "{images}", "--idx", "{idx}", "--output", "{dir}/f.npy")]
    [InlineData(ExitCodes.UsageError, "--labels-output needs labels: give --idx-labels with --idx", "--idx", "{idx}", "--output", "{dir}/f.npy", "--labels-output", "{dir}/l.csv")]
    [InlineData(ExitCodes.UsageError, "--idx-labels goes with --idx", "--images", "{images}", "--idx-labels", "{idx}", "--output", "{dir}/f.npy")]
    [InlineData(ExitCodes.UsageError, "--mean must be one number per channel", "--images", "{images}", "--mean", "0.5,x,0.5", "--output", "{dir}/f.npy")]
    [InlineData(ExitCodes.UsageError, "Mean must hold 3 finite value(s)", "--images", "{images}", "--mean", "0.5", "--output", "{dir}/f.npy")]
    [InlineData(ExitCodes.UsageError, "the model takes images 28 high, but the crop is 32", "--images", "{images}", "--crop", "32", "--output", "{dir}/f.npy")]
    [InlineData(ExitCodes.UsageError, "--limit must be ≥ 1 (got 0)", "--images", "{images}", "--limit", "0", "--output", "{dir}/f.npy")]
    [InlineData(ExitCodes.UsageError, "has no output 'logits'; its outputs are 'features', 'pooled'", "--images", "{images}", "--output-node", "logits", "--output", "{dir}/f.npy")]
    [InlineData(ExitCodes.InputFileError, "has no sub-folders", "--images", "{dir}", "--output", "{dir}/f.npy")]
    [InlineData(ExitCodes.InputFileError, "The image folder '{dir}/none' does not exist", "--images", "{dir}/none", "--output", "{dir}/f.npy")]
    [InlineData(ExitCodes.OutputError, "the folder '{dir}/none' does not exist", "--images", "{images}", "--output", "{dir}/none/f.npy")]
    [InlineData(ExitCodes.InvalidData, "CUDA was asked for, but ONNX Runtime sees no CUDA device", "--images", "{images}", "--device", "cuda", "--output", "{dir}/f.npy")]
    public void MistakesAreOneLineWithTheirExitCode(int expectedCode, string message, params string[] args)
    {
        string dir = CliRunner.TempFolder();
        string Fill(string s) => s.Replace("{dir}", dir, StringComparison.Ordinal).Replace("{images}", OnnxTestData.Images, StringComparison.Ordinal).Replace("{idx}", OnnxTestData.IdxImages, StringComparison.Ordinal);
        var (code, output, error) = CliRunner.Run(["features", "--model", OnnxTestData.Model, .. args.Select(Fill)]);
        Assert.True(code == expectedCode, $"exit {code}: {error}{output}");
        Assert.Contains(Fill(message), error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(Path.Combine(dir, "f.npy")), "nothing is written on an error");
    }

    [Fact]
    public void AMissingModelAndACorruptImageAreNamed()
    {
        string dir = CliRunner.TempFolder();
        string model = Path.Combine(dir, "missing.onnx");
        var (code, _, error) = CliRunner.Run("features", "--model", model, "--images", OnnxTestData.Images, "--output", Path.Combine(dir, "f.npy"));
        Assert.Equal(ExitCodes.InputFileError, code);
        Assert.Contains($"The ONNX model '{model}' does not exist", error, StringComparison.Ordinal);

        string broken = Path.Combine(dir, "images", "cat", "broken.png");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllText(broken, "not an image");
        (code, _, error) = CliRunner.Run("features", "--model", OnnxTestData.Model, "--images", Path.Combine(dir, "images"), "--output", Path.Combine(dir, "f.npy"));
        Assert.Equal(ExitCodes.InputFileError, code);
        Assert.Contains(broken + ": cannot decode the image", error, StringComparison.Ordinal);
    }
}
