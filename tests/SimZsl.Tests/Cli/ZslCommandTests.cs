using System.Text.Json;
using SimZsl.Cli;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.Cli;

[Collection(LibTorchGlobalState.Name)]
public class ZslCommandTests
{
    internal static readonly string Similarity = RepositoryPaths.Data("WordNet", "FashionMNIST_wup.csv");

    /// <summary>Features that are a fixed linear image of the classes' spherical κ-MDS prototypes (κ = 1, d = 3, so
    /// 4 ambient coordinates that 8 seen classes span) plus noise: a linear head trained on the seen classes must
    /// then recognise the unseen ones.</summary>
    internal static (string Features, string Labels) WriteLinearFeatures(string dir, int perClass, bool poisonWithNaN = false, int dropLabels = 0)
    {
        var s = ClassMatrixFile.ReadSimilarityCsv(Similarity);
        var prototypes = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = 1 }).Fit(s.ToDistances(SimilarityTransform.OneMinus)).Prototypes;
        var random = new Random(3);
        const int f = 24;
        var map = new double[4, f];
        for (int a = 0; a < 4; a++)
        {
            for (int b = 0; b < f; b++)
            {
                map[a, b] = (random.NextDouble() * 2) - 1;
            }
        }

        int n = s.Count * perClass;
        var x = new double[n * f];
        var labels = new List<string>();
        for (int c = 0, row = 0; c < s.Count; c++)
        {
            for (int k = 0; k < perClass; k++, row++)
            {
                labels.Add(s.ClassNames[c]);
                for (int b = 0; b < f; b++)
                {
                    double v = 0;
                    for (int a = 0; a < 4; a++)
                    {
                        v += prototypes.Coordinates[c, a] * map[a, b];
                    }

                    x[(row * f) + b] = v + (0.02 * ((random.NextDouble() * 2) - 1));
                }
            }
        }

        if (poisonWithNaN)
        {
            x[(5 * f) + 3] = double.NaN;
        }

        string features = Path.Combine(dir, "f.npy"), labelFile = Path.Combine(dir, "labels.csv");
        NpyFile.Write(features, [n, f], x, asFloat32: true);
        File.WriteAllLines(labelFile, labels.Take(labels.Count - dropLabels).Select(l => l.Contains('/', StringComparison.Ordinal) ? "\"" + l + "\"" : l));
        return (features, labelFile);
    }

    [Fact]
    public void RecognisesUnseenClassesAndWritesTheContractReport()
    {
        string dir = CliRunner.TempFolder();
        var (features, labels) = WriteLinearFeatures(dir, perClass: 40);
        string report = Path.Combine(dir, "r.json");
        var (code, output, error) = CliRunner.Run("zsl", "--features", features, "--labels", labels, "--similarity", Similarity, "--transform", "one-minus",
            "--unseen", "Sandal,Shirt", "--curvature", "1", "--dim", "3", "--head", "prototype", "--epochs", "100", "--batch-size", "32", "--learning-rate", "0.01", "--seed", "1", "--report", report);
        Assert.True(code == ExitCodes.Success, error + output);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        foreach (var key in new[] { "zsl_top1", "gzsl_seen", "gzsl_unseen", "gzsl_h", "seconds" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"report lacks '{key}'");
        }

        double zsl = root.GetProperty("zsl_top1").GetDouble();
        Assert.True(zsl >= 0.75, $"ZSL top-1 {zsl} on linearly generated features (chance: 0.5)");
        Assert.Equal(80, root.GetProperty("test_unseen_instances").GetInt32());
        // Two unseen classes and the default k = 5 (capped to 2): every instance is trivially in the top k, so the
        // report says null rather than a meaningless 1.
        Assert.Equal(2, root.GetProperty("top_k").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("zsl_topk").ValueKind);
    }

    [Fact]
    public void SelectsOnHeldOutClassesByDefaultAndNamesTheChoice()
    {
        string dir = CliRunner.TempFolder();
        var (features, labels) = WriteLinearFeatures(dir, perClass: 30);
        string report = Path.Combine(dir, "r.json");
        var (code, output, error) = CliRunner.Run("zsl", "--features", features, "--labels", labels, "--similarity", Similarity, "--transform", "one-minus",
            "--unseen", "Sandal,Shirt", "--curvature", "1", "--dim", "3", "--epochs", "100", "--batch-size", "32", "--seed", "1", "--report", report);
        Assert.True(code == ExitCodes.Success, error + output);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal("prototype", root.GetProperty("head").GetString());   // κ > 0: the sphere's own head
        var selection = root.GetProperty("selection");
        var candidates = selection.GetProperty("candidates").EnumerateArray().ToArray();
        Assert.Equal(6, candidates.Length);   // anchor weight {0.1, 0.3, 1} × epochs {10, 100}
        Assert.Equal(3, selection.GetProperty("folds").GetArrayLength());
        // The chosen hyperparameters are those of the candidate with the best held-out ZSL accuracy.
        var best = candidates.MaxBy(c => c.GetProperty("validation_zsl_top1").GetDouble());
        var chosen = root.GetProperty("hyperparameters");
        Assert.Equal(best.GetProperty("hyperparameters").GetProperty("anchor_weight").GetDouble(), chosen.GetProperty("anchor_weight").GetDouble());
        Assert.Equal(best.GetProperty("hyperparameters").GetProperty("epochs").GetDouble(), chosen.GetProperty("epochs").GetDouble());
        var calibrated = root.GetProperty("gzsl_calibrated");
        Assert.InRange(calibrated.GetProperty("h").GetDouble(), 0, 1);
        Assert.InRange(calibrated.GetProperty("gamma").GetDouble(), -1e6, 1e6);
    }

    [Theory]
    [InlineData("ridge", "lambda")]
    [InlineData("eszsl", "gamma")]
    [InlineData("sae", "lambda")]
    public void ClosedFormPeersAreHeadsWithTheirOwnGrid(string head, string setting)
    {
        string dir = CliRunner.TempFolder();
        var (features, labels) = WriteLinearFeatures(dir, perClass: 30);
        string report = Path.Combine(dir, "r.json");
        var (code, output, error) = CliRunner.Run("zsl", "--features", features, "--labels", labels, "--similarity", Similarity, "--transform", "one-minus",
            "--unseen", "Sandal,Shirt", "--curvature", "1", "--dim", "3", "--head", head, "--seed", "1", "--report", report);
        Assert.True(code == ExitCodes.Success, error + output);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal(head, root.GetProperty("head").GetString());
        Assert.True(root.GetProperty("hyperparameters").TryGetProperty(setting, out _));
        Assert.True(root.GetProperty("selection").GetProperty("candidates").GetArrayLength() > 1);
        Assert.True(root.GetProperty("zsl_top1").GetDouble() >= 0.75, root.GetProperty("zsl_top1").ToString());
    }

    [Fact]
    public void NoSelectionFitsTheGivenSettingsOnce()
    {
        string dir = CliRunner.TempFolder();
        var (features, labels) = WriteLinearFeatures(dir, perClass: 20);
        string report = Path.Combine(dir, "r.json");
        var (code, output, error) = CliRunner.Run("zsl", "--features", features, "--labels", labels, "--similarity", Similarity, "--transform", "one-minus",
            "--unseen", "Sandal,Shirt", "--curvature", "0", "--dim", "4", "--epochs", "7", "--no-selection", "--seed", "1", "--report", report);
        Assert.True(code == ExitCodes.Success, error + output);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal("devise", root.GetProperty("head").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("selection").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("gzsl_calibrated").ValueKind);
        Assert.Equal(7, root.GetProperty("hyperparameters").GetProperty("epochs").GetDouble());
    }

    [Fact]
    public void NaNFeaturesAreAClearError()
    {
        string dir = CliRunner.TempFolder();
        var (features, labels) = WriteLinearFeatures(dir, perClass: 5, poisonWithNaN: true);
        string report = Path.Combine(dir, "r.json");
        var (code, _, error) = CliRunner.Run("zsl", "--features", features, "--labels", labels, "--similarity", Similarity,
            "--unseen", "Sandal,Shirt", "--curvature", "0", "--dim", "4", "--report", report);
        Assert.NotEqual(ExitCodes.Success, code);
        Assert.NotEqual(ExitCodes.InternalError, code);
        Assert.Contains("NaN", error, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void LabelCountMismatchAndUnknownUnseenClassAreClearErrors()
    {
        string dir = CliRunner.TempFolder();
        var (features, labels) = WriteLinearFeatures(dir, perClass: 5, dropLabels: 3);
        string report = Path.Combine(dir, "r.json");
        var mismatch = CliRunner.Run("zsl", "--features", features, "--labels", labels, "--similarity", Similarity,
            "--unseen", "Sandal,Shirt", "--curvature", "0", "--dim", "4", "--report", report);
        Assert.Equal(ExitCodes.InvalidData, mismatch.Code);
        Assert.Contains("47", mismatch.Error, StringComparison.Ordinal);

        var unknown = CliRunner.Run("zsl", "--features", features, "--labels", labels, "--similarity", Similarity,
            "--unseen", "Sandals", "--curvature", "0", "--dim", "4", "--report", report);
        Assert.Equal(ExitCodes.InvalidData, unknown.Code);
        Assert.Contains("'Sandal'", unknown.Error, StringComparison.Ordinal);

        var badHead = CliRunner.Run("zsl", "--features", features, "--labels", labels, "--similarity", Similarity,
            "--unseen", "Sandal", "--curvature", "0", "--dim", "4", "--head", "svm", "--report", report);
        Assert.Equal(ExitCodes.UsageError, badHead.Code);
        Assert.False(File.Exists(report));
    }
}
