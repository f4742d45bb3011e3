using System.Globalization;
using System.Text.Json;
using SimZsl.Cli;
using SimZsl.IO;
using SimZsl.Tests.Infrastructure;
using SimZsl.ZeroShot;

namespace SimZsl.Tests.Cli;

/// <summary><c>zsl --save</c>, then <c>predict</c> and <c>evaluate</c> on the saved model: the tool gives what the
/// model gives in-process, and refuses what it cannot do with one line.</summary>
[Collection(LibTorchGlobalState.Name)]
public class SavedModelCommandTests
{
    private static readonly Lazy<(string Dir, string Features, string Labels, string Model, string Report)> Trained = new(() =>
    {
        string dir = CliRunner.TempFolder();
        var (features, labels) = ZslCommandTests.WriteLinearFeatures(dir, perClass: 30);
        string model = Path.Combine(dir, "model.szm"), report = Path.Combine(dir, "r.json");
        var (code, output, error) = CliRunner.Run("zsl", "--features", features, "--labels", labels, "--similarity", ZslCommandTests.Similarity, "--transform", "one-minus",
            "--unseen", "Sandal,Shirt", "--curvature", "1", "--dim", "3", "--head", "prototype", "--no-selection", "--epochs", "60", "--batch-size", "32", "--seed", "1",
            "--device", "cpu", "--report", report, "--save", model);
        Assert.True(code == ExitCodes.Success, error + output);
        return (dir, features, labels, model, report);
    });

    // The label file quotes names with a '/' ("T-shirt/top"), as CSV does.
    private static string[] ReadLabels(string path) =>
        File.ReadAllLines(path).Select((l, i) => CsvMatrixFile.SplitLine(l, path, i + 1)[0]).ToArray();

    private static List<string[]> ReadPredictions(string path) =>
        File.ReadAllLines(path).Skip(1).Select(l => CsvMatrixFile.SplitLine(l, path, 0).ToArray()).ToList();

    [Fact]
    public void PredictGivesTheSavedModelsOwnPredictions()
    {
        var t = Trained.Value;
        string predictions = Path.Combine(t.Dir, "zsl.csv");
        var (code, output, error) = CliRunner.Run("predict", "--model", t.Model, "--features", t.Features, "--top-k", "2", "--device", "cpu", "--output", predictions);
        Assert.True(code == ExitCodes.Success, error + output);

        using var model = ZeroShotModel.Load(t.Model, ComputeDevice.Cpu);
        var x = NpyFile.Read(t.Features).ToMatrix();
        string[] unseen = ["Sandal", "Shirt"];
        var expected = model.Predict(x, unseen);
        var scores = model.Scores(x, unseen);
        var rows = ReadPredictions(predictions);
        Assert.Equal(x.Rows, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), rows[i][0]);
            Assert.Equal(expected[i], rows[i][1]);
            Assert.Equal(Math.Max(scores[2 * i], scores[(2 * i) + 1]), double.Parse(rows[i][2], CultureInfo.InvariantCulture));
            Assert.Equal(2, rows[i][3].Split(';').Length);
            Assert.Equal(expected[i], rows[i][3].Split(';')[0]);
        }

        // The linear problem: the unseen images are recognised.
        var labels = ReadLabels(t.Labels);
        var unseenRows = Enumerable.Range(0, labels.Length).Where(i => unseen.Contains(labels[i])).ToArray();
        Assert.True(unseenRows.Count(i => rows[i][1] == labels[i]) >= 0.9 * unseenRows.Length);
    }

    [Fact]
    public void GzslPredictionsUseEveryClassAndGammaLowersTheSeenScores()
    {
        var t = Trained.Value;
        string plain = Path.Combine(t.Dir, "gzsl.csv"), calibrated = Path.Combine(t.Dir, "gzsl-gamma.csv");
        string moderate = Path.Combine(t.Dir, "gzsl-moderate.csv");
        Assert.Equal(0, CliRunner.Run("predict", "--model", t.Model, "--features", t.Features, "--gzsl", "--device", "cpu", "--output", plain).Code);
        Assert.Equal(0, CliRunner.Run("predict", "--model", t.Model, "--features", t.Features, "--gzsl", "--gamma", "1000", "--device", "cpu", "--output", calibrated).Code);
        using var model = ZeroShotModel.Load(t.Model, ComputeDevice.Cpu);
        string[] all = [.. model.SeenClasses, "Sandal", "Shirt"];
        var x = NpyFile.Read(t.Features).ToMatrix();
        var expected = model.Predict(x, all);
        Assert.Equal(expected, ReadPredictions(plain).Select(r => r[1]));
        // γ far above any score gap: no row can go to a seen class.
        Assert.All(ReadPredictions(calibrated), r => Assert.Contains(r[1], new[] { "Sandal", "Shirt" }));

        // A moderate γ (the median gap between a row's best seen and best unseen score, so that it moves some rows
        // and not others) against the calibrated argmax computed here.
        var scores = model.Scores(x, all);
        int c = all.Length, s = model.SeenClasses.Count;
        var gaps = Enumerable.Range(0, x.Rows).Select(i => scores.Skip(i * c).Take(s).Max() - scores.Skip((i * c) + s).Take(c - s).Max()).Order().ToArray();
        double gamma = gaps[gaps.Length / 2];
        Assert.Equal(0, CliRunner.Run("predict", "--model", t.Model, "--features", t.Features, "--gzsl", "--gamma", gamma.ToString("R", CultureInfo.InvariantCulture), "--device", "cpu", "--output", moderate).Code);
        var byHand = Enumerable.Range(0, x.Rows).Select(i =>
        {
            var row = Enumerable.Range(0, c).Select(j => scores[(i * c) + j] - (j < s ? gamma : 0)).ToArray();
            return all[Array.IndexOf(row, row.Max())];
        }).ToArray();
        Assert.Equal(byHand, ReadPredictions(moderate).Select(r => r[1]));
        Assert.NotEqual(expected, byHand);   // the γ changed some rows
    }

    [Fact]
    public void EvaluateGivesTheModelsMetrics()
    {
        var t = Trained.Value;
        string report = Path.Combine(t.Dir, "evaluate.json");
        var (code, output, error) = CliRunner.Run("evaluate", "--model", t.Model, "--features", t.Features, "--labels", t.Labels, "--gamma", "0.3", "--device", "cpu", "--report", report);
        Assert.True(code == ExitCodes.Success, error + output);
        using var model = ZeroShotModel.Load(t.Model, ComputeDevice.Cpu);
        var m = model.Evaluate(NpyFile.Read(t.Features).ToMatrix(), ReadLabels(t.Labels), ["Sandal", "Shirt"], new ZeroShotEvaluationOptions { CalibrationGamma = 0.3 });
        var uncalibrated = model.Evaluate(NpyFile.Read(t.Features).ToMatrix(), ReadLabels(t.Labels), ["Sandal", "Shirt"]);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(m.ZslTop1, json.RootElement.GetProperty("zsl_top1").GetDouble());
        Assert.Equal(m.GzslH, json.RootElement.GetProperty("gzsl_h").GetDouble());
        Assert.Equal(m.GzslSeen, json.RootElement.GetProperty("gzsl_seen").GetDouble());
        Assert.Equal(0.3, json.RootElement.GetProperty("gamma").GetDouble());
        Assert.NotEqual(uncalibrated.GzslSeen, m.GzslSeen);   // γ = 0.3 moves some seen images
        Assert.Equal(60, json.RootElement.GetProperty("test_unseen_instances").GetInt32());
        Assert.Contains("ZSL top-1", output, StringComparison.Ordinal);
        using var zslReport = JsonDocument.Parse(File.ReadAllText(t.Report));
        Assert.Equal(t.Model, zslReport.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public void WhatCannotBeDoneIsRefusedInOneLine()
    {
        var t = Trained.Value;
        string dir = CliRunner.TempFolder();
        // A closed-form peer has no model file.
        var (code, _, error) = CliRunner.Run("zsl", "--features", t.Features, "--labels", t.Labels, "--similarity", ZslCommandTests.Similarity,
            "--unseen", "Sandal,Shirt", "--curvature", "0", "--dim", "3", "--head", "ridge", "--report", Path.Combine(dir, "r.json"), "--save", Path.Combine(dir, "m.szm"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("closed-form peer 'ridge'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "r.json")));

        // γ without --gzsl, and an output that would replace the model.
        (code, _, error) = CliRunner.Run("predict", "--model", t.Model, "--features", t.Features, "--gamma", "1", "--output", Path.Combine(dir, "p.csv"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("add --gzsl or drop --gamma", error, StringComparison.Ordinal);
        long before = new FileInfo(t.Model).Length;
        (code, _, error) = CliRunner.Run("predict", "--model", t.Model, "--features", t.Features, "--output", t.Model);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("is the --model file", error, StringComparison.Ordinal);
        Assert.Equal(before, new FileInfo(t.Model).Length);

        // Features of another width.
        string narrow = Path.Combine(dir, "narrow.npy");
        NpyFile.Write(narrow, RowMatrix.FromArray(new double[2, 5]));
        (code, _, error) = CliRunner.Run("predict", "--model", t.Model, "--features", narrow, "--output", Path.Combine(dir, "p.csv"));
        Assert.Equal(ExitCodes.InvalidData, code);
        Assert.Contains("has 5 feature columns but the model was trained on 24", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(Path.Combine(dir, "p.csv")));

        // A label the model does not know.
        string labels = Path.Combine(dir, "labels.csv");
        File.WriteAllLines(labels, ["Sandal", "Zebra"]);
        string two = Path.Combine(dir, "two.npy");
        NpyFile.Write(two, RowMatrix.FromArray(new double[2, 24]));
        (code, _, error) = CliRunner.Run("evaluate", "--model", t.Model, "--features", two, "--labels", labels);
        Assert.Equal(ExitCodes.InvalidData, code);
        Assert.Contains("labels.csv:2: label 'Zebra' is not a class of", error, StringComparison.Ordinal);
    }
    [Fact]
    public void DeviceIsAutoCpuOrCudaAndCudaWithoutAGpuSaysWhatToDo()
    {
        var t = Trained.Value;
        string dir = CliRunner.TempFolder(), output = Path.Combine(dir, "p.csv");
        var (code, _, error) = CliRunner.Run("predict", "--model", t.Model, "--features", t.Features, "--device", "gpu", "--output", output);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--device must be auto, cpu or cuda (got 'gpu')", error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("predict", "--model", t.Model, "--features", t.Features, "--device", "CPU", "--output", output).Code);
        if (TorchSharp.torch.cuda.is_available())
        {
            return;   // on a GPU machine cuda is a valid request; the error below is for machines without one
        }

        File.Delete(output);
        (code, _, error) = CliRunner.Run("predict", "--model", t.Model, "--features", t.Features, "--device", "cuda", "--output", output);
        Assert.Equal(ExitCodes.InvalidData, code);
        Assert.Contains("libtorch sees no CUDA device", error, StringComparison.Ordinal);
        Assert.Contains("--device cpu", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        // Before any work, and for a closed-form peer too (it would otherwise run on the CPU and say so).
        string report = Path.Combine(dir, "r.json");
        (code, _, error) = CliRunner.Run("zsl", "--features", t.Features, "--labels", t.Labels, "--similarity", ZslCommandTests.Similarity,
            "--unseen", "Sandal,Shirt", "--curvature", "0", "--dim", "3", "--head", "ridge", "--device", "cuda", "--report", report);
        Assert.Equal(ExitCodes.InvalidData, code);
        Assert.Contains("libtorch sees no CUDA device", error, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
        Assert.Equal(ExitCodes.UsageError, CliRunner.Run("predict", "--model", t.Model, "--features", t.Features, "--device", "auto,cuda", "--output", output).Code);
    }
}
