using System.Globalization;
using System.Text.Json;
using SimZsl.Cli;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.Cli;

/// <summary>Synthetic res101.mat files (F = 16, the real instance counts) beside the real AWA2 and CUB
/// att_splits.mat, written once for all the tests of <see cref="GbuCommandTests"/>.</summary>
public sealed class SyntheticBenchmarks : IDisposable
{
    public const int Features = 16;

    private readonly string _root = CliRunner.TempFolder();
    private readonly Dictionary<string, string> _folders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The folder of a benchmark with a synthetic res101.mat (written on first use).</summary>
    public string Folder(string benchmark)
    {
        lock (_gate)
        {
            if (!_folders.TryGetValue(benchmark, out var folder))
            {
                folder = Path.Combine(_root, benchmark);
                SyntheticRes101.Write(RepositoryPaths.Data("xlsa17", benchmark), folder, Features, seed: 3);
                _folders[benchmark] = folder;
            }

            return folder;
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

/// <summary><c>simzsl gbu</c> on the real AWA2 and CUB splits with synthetic features: its ridge-peer figures equal a
/// ridge regression computed here from the files, and its errors say what to give.</summary>
[Collection(LibTorchGlobalState.Name)]
public sealed class GbuCommandTests(SyntheticBenchmarks benchmarks) : IClassFixture<SyntheticBenchmarks>
{
    private const int Dimension = 8;

    [Theory]
    [InlineData("AWA2")]
    [InlineData("CUB")]
    public void RidgePeerFiguresEqualARidgeRegressionComputedFromTheFiles(string benchmark)
    {
        string folder = benchmarks.Folder(benchmark);
        string report = Path.Combine(CliRunner.TempFolder(), "gbu.json");
        var (code, output, error) = CliRunner.Run("gbu", "--data", folder, "--head", "sae", "--curvature", "0", "--dim", Dimension.ToString(CultureInfo.InvariantCulture), "--report", report);
        Assert.True(code == ExitCodes.Success, error + output);
        Assert.Contains("sae (head)", output, StringComparison.Ordinal);
        Assert.Contains("eszsl", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        var ridge = root.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "ridge");
        double lambda = ridge.GetProperty("hyperparameters").GetProperty("lambda").GetDouble();
        double gamma = ridge.GetProperty("gzsl_calibrated").GetProperty("gamma").GetDouble();
        // `selected` names the settings the grid varied: ridge varies λ alone.
        Assert.Equal(["lambda"], ridge.GetProperty("selected").EnumerateObject().Select(p => p.Name));
        Assert.Equal(lambda, ridge.GetProperty("selected").GetProperty("lambda").GetDouble());

        // Everything below reads the files and computes the protocol by hand: trainval to fit, nearest unseen
        // prototype for ZSL, nearest of all prototypes for GZSL, per-class mean accuracies.
        var data = Xlsa17Dataset.Load(folder);
        var prototypes = new KappaMds(new KappaMdsOptions { Dimension = Dimension, Curvature = 0 })
            .Fit(SimilarityMatrix.FromVectors(data.ClassNames, data.ClassAttributes).ToDistances(SimilarityTransform.Arccos)).Prototypes;
        var labels = data.Labels!;
        var seen = data.TrainVal.Indices.Select(i => labels[i]).Distinct().Order().ToArray();
        var unseen = data.TestUnseen.Indices.Select(i => labels[i]).Distinct().Order().ToArray();
        var map = HandRidge.Fit(data.Features!, data.TrainVal.Indices, i => prototypes.Coordinates.RowArray(labels[i]), lambda);
        var predicted = data.TestSeen.Indices.Concat(data.TestUnseen.Indices).ToDictionary(i => i, i => map.Predict(data.Features!.Row(i)));
        int Nearest(int instance, IEnumerable<int> classes, double seenPenalty) =>
            classes.MaxBy(c => -Distance(predicted[instance], prototypes.Coordinates.RowArray(c)) - (seen.Contains(c) ? seenPenalty : 0));
        int[] all = [.. seen, .. unseen];
        double zsl = PerClassMean(data.TestUnseen.Indices, labels, i => Nearest(i, unseen, 0));
        double s = PerClassMean(data.TestSeen.Indices, labels, i => Nearest(i, all, 0));
        double u = PerClassMean(data.TestUnseen.Indices, labels, i => Nearest(i, all, 0));
        double calibratedS = PerClassMean(data.TestSeen.Indices, labels, i => Nearest(i, all, gamma));
        double calibratedU = PerClassMean(data.TestUnseen.Indices, labels, i => Nearest(i, all, gamma));

        Assert.Equal(zsl, ridge.GetProperty("zsl_top1").GetDouble(), 12);
        Assert.Equal(s, ridge.GetProperty("gzsl_seen").GetDouble(), 12);
        Assert.Equal(u, ridge.GetProperty("gzsl_unseen").GetDouble(), 12);
        Assert.Equal(2 * s * u / (s + u), ridge.GetProperty("gzsl_h").GetDouble(), 12);
        Assert.Equal(calibratedS, ridge.GetProperty("gzsl_calibrated").GetProperty("seen").GetDouble(), 12);
        Assert.Equal(calibratedU, ridge.GetProperty("gzsl_calibrated").GetProperty("unseen").GetDouble(), 12);
        Assert.True(zsl > 2.0 / unseen.Length, $"ZSL top-1 {zsl} is no better than chance on features that follow the attributes");

        // The protocol's bookkeeping: the benchmark's own validation classes, from val_loc where the file has it (AWA2),
        // from the release's valclasses1.txt where it has none (CUB); the head's figures at the top level, as in the
        // CLI contract.
        var selection = root.GetProperty("selection");
        string[] validation = [.. selection.GetProperty("validation_classes").EnumerateArray().Select(c => c.GetString()!)];
        if (benchmark == "AWA2")
        {
            Assert.Equal(13, validation.Length);
        }
        else
        {
            string[] listed = [.. File.ReadAllLines(RepositoryPaths.Data("xlsa17", "CUB", "valclasses1.txt")).Select(l => l.Trim()).Where(l => l.Length > 0)];
            Assert.Equal(listed.Order(StringComparer.Ordinal), validation.Order(StringComparer.Ordinal));
            Assert.Contains("valclasses1.txt", selection.GetProperty("validation").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal("sae", root.GetProperty("head").GetString());
        Assert.Equal(data.TrainVal.Count, root.GetProperty("train_instances").GetInt32());
        Assert.Equal(data.TestUnseen.Count, root.GetProperty("test_unseen_instances").GetInt32());
        foreach (var key in new[] { "zsl_top1", "gzsl_seen", "gzsl_unseen", "gzsl_h", "seconds" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"report lacks '{key}'");
        }
    }

    [Fact]
    public void ANpySimilarityInClassOrderGivesTheFiguresOfTheDefault()
    {
        // The cosine of att written as a nameless .npy: rows are taken in allclasses_names order.
        string folder = benchmarks.Folder("AWA2");
        string dir = CliRunner.TempFolder();
        var data = Xlsa17Dataset.Load(Path.Combine(folder, "att_splits.mat"));
        var cosine = SimilarityMatrix.FromVectors(data.ClassNames, data.ClassAttributes);
        string npy = Path.Combine(dir, "cosine.npy");
        NpyFile.Write(npy, [cosine.Count, cosine.Count], cosine.Values.ToArray());
        string[] common = ["gbu", "--data", folder, "--head", "ridge", "--curvature", "0", "--dim", "6", "--max-per-class", "30", "--quiet"];
        var (code, _, error) = CliRunner.Run([.. common, "--report", Path.Combine(dir, "default.json")]);
        Assert.True(code == ExitCodes.Success, error);
        (code, _, error) = CliRunner.Run([.. common, "--similarity", npy, "--report", Path.Combine(dir, "npy.json")]);
        Assert.True(code == ExitCodes.Success, error);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "default.json")));
        using var actual = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "npy.json")));
        foreach (var key in new[] { "zsl_top1", "gzsl_seen", "gzsl_unseen", "gzsl_h" })
        {
            Assert.Equal(expected.RootElement.GetProperty(key).GetDouble(), actual.RootElement.GetProperty(key).GetDouble(), 9);
        }

        Assert.Equal(30 * 10, actual.RootElement.GetProperty("test_unseen_instances").GetInt32());   // --max-per-class 30 of 10 unseen classes

        // One row short: nameless rows cannot be matched to the classes, and the message says how many there are.
        var shortOne = cosine.Subset([.. Enumerable.Range(0, cosine.Count - 1)]);
        string shortNpy = Path.Combine(dir, "short.npy");
        NpyFile.Write(shortNpy, [shortOne.Count, shortOne.Count], shortOne.Values.ToArray());
        (code, _, error) = CliRunner.Run([.. common, "--similarity", shortNpy, "--report", Path.Combine(dir, "never.json")]);
        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Contains("has 49 unnamed rows", error, StringComparison.Ordinal);
        Assert.Contains("50 classes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoTestInstanceTakesPartInAnyChoice()
    {
        // The same benchmark twice, the second with every test_seen and test_unseen feature row replaced by noise:
        // every method must choose the same settings with the same validation accuracy and the same γ.
        string original = benchmarks.Folder("AWA2"), scrambled = CliRunner.TempFolder();
        foreach (string file in Directory.EnumerateFiles(original))
        {
            File.Copy(file, Path.Combine(scrambled, Path.GetFileName(file)));
        }

        var data = Xlsa17Dataset.Load(original);
        var x = data.Features!;
        var values = x.AsSpan().ToArray();   // N × F row by row = F × N column by column, MATLAB's order
        var random = new Random(11);
        foreach (int i in data.TestSeen.Indices.Concat(data.TestUnseen.Indices))
        {
            for (int j = 0; j < x.Columns; j++)
            {
                values[(i * x.Columns) + j] = 10 * (random.NextDouble() - 0.5);
            }
        }

        new MatFileWriter()
            .AddNumeric("features", [x.Columns, x.Rows], values)
            .AddNumeric("labels", [x.Rows, 1], data.Labels!.Select(c => c + 1.0).ToArray())
            .Save(Path.Combine(scrambled, "res101.mat"));

        JsonElement[] Methods(string folder)
        {
            string report = Path.Combine(CliRunner.TempFolder(), "gbu.json");
            var (code, output, error) = CliRunner.Run("gbu", "--data", folder, "--max-per-class", "30", "--curvature", "0", "--dim", "8", "--epochs", "6", "--report", report);
            Assert.True(code == ExitCodes.Success, error + output);
            using var json = JsonDocument.Parse(File.ReadAllText(report));
            return [.. json.RootElement.GetProperty("methods").EnumerateArray().Select(m => m.Clone())];
        }

        var before = Methods(original);
        var after = Methods(scrambled);
        Assert.Equal(4, before.Length);
        for (int m = 0; m < before.Length; m++)
        {
            string method = before[m].GetProperty("method").GetString()!;
            Assert.Equal(before[m].GetProperty("hyperparameters").ToString(), after[m].GetProperty("hyperparameters").ToString());
            Assert.Equal(before[m].GetProperty("validation_zsl_top1").GetDouble(), after[m].GetProperty("validation_zsl_top1").GetDouble());
            Assert.Equal(before[m].GetProperty("gzsl_calibrated").GetProperty("gamma").GetDouble(), after[m].GetProperty("gzsl_calibrated").GetProperty("gamma").GetDouble());
            Assert.NotEqual(before[m].GetProperty("zsl_top1").GetDouble(), after[m].GetProperty("zsl_top1").GetDouble());   // the test rows did change
            Assert.False(string.IsNullOrEmpty(method));
        }
    }

    [Fact]
    public void AValidationListThatNamesNoSeenClassSaysWhichLine()
    {
        // CUB's att_splits.mat has no val_loc: the release's valclasses1.txt names the validation classes.
        string dir = CliRunner.TempFolder();
        foreach (string file in Directory.EnumerateFiles(benchmarks.Folder("CUB")))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        string list = Path.Combine(dir, "valclasses1.txt");
        var lines = File.ReadAllLines(list);
        lines[2] = "201.Dodo";
        File.WriteAllLines(list, lines);
        string report = Path.Combine(dir, "r.json");
        var (code, _, error) = CliRunner.Run("gbu", "--data", dir, "--max-per-class", "5", "--head", "ridge", "--report", report);
        Assert.Equal(ExitCodes.InputFileError, code);
        Assert.Contains("valclasses1.txt:3:", error, StringComparison.Ordinal);
        Assert.Contains("'201.Dodo'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void AFolderWithoutRes101SaysWhatToGive()
    {
        string dir = CliRunner.TempFolder();
        File.Copy(RepositoryPaths.Data("xlsa17", "AWA2", "att_splits.mat"), Path.Combine(dir, "att_splits.mat"));
        string report = Path.Combine(dir, "r.json");
        var (code, _, error) = CliRunner.Run("gbu", "--data", dir, "--report", report);
        Assert.Equal(ExitCodes.InputFileError, code);
        Assert.Contains("no res101.mat", error, StringComparison.Ordinal);
        Assert.Contains("synthetic-res101", error, StringComparison.Ordinal);
        Assert.False(File.Exists(report));

        (code, _, error) = CliRunner.Run("gbu", "--data", Path.Combine(dir, "nowhere"), "--report", report);
        Assert.Equal(ExitCodes.InputFileError, code);
        Assert.Contains("is not a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ASimilarityThatLacksAClassNamesIt()
    {
        // WordNet's AWA2 table without 'dolphin' and 'seal'.
        string dir = CliRunner.TempFolder();
        var wordnet = ClassMatrixFile.ReadSimilarityCsv(RepositoryPaths.Data("WordNet", "AWA2_wup.csv"));
        var kept = Enumerable.Range(0, wordnet.Count).Where(i => wordnet.ClassNames[i] is not ("dolphin" or "seal")).ToArray();
        string csv = Path.Combine(dir, "partial.csv");
        ClassMatrixFile.WriteCsv(csv, wordnet.Subset(kept));
        string report = Path.Combine(dir, "r.json");
        var (code, _, error) = CliRunner.Run("gbu", "--data", benchmarks.Folder("AWA2"), "--similarity", csv, "--report", report);
        Assert.Equal(ExitCodes.InvalidData, code);
        Assert.Contains("lacks 2 of the 50 classes", error, StringComparison.Ordinal);
        Assert.Contains("'dolphin'", error, StringComparison.Ordinal);
        Assert.Contains("'seal'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void SimilarityOptionsWithoutASimilarityFileAreAUsageError()
    {
        var (code, _, error) = CliRunner.Run("gbu", "--data", benchmarks.Folder("AWA2"), "--similarity-kind", "tree", "--report", Path.Combine(CliRunner.TempFolder(), "r.json"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--similarity", error, StringComparison.Ordinal);
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    private static double PerClassMean(IReadOnlyList<int> instances, IReadOnlyList<int> labels, Func<int, int> predict) =>
        instances.GroupBy(i => labels[i]).Average(g => g.Count(i => predict(i) == g.Key) / (double)g.Count());

    /// <summary>Ridge regression by hand: features standardized per column (population deviation, rounded to float32
    /// as the library documents for every head), centred, then W = (ZᵀZ + λI)⁻¹ Zᵀ(T − t̄), b = t̄ − z̄W.</summary>
    private sealed class HandRidge(double[] mean, double[] deviation, double[,] weights, double[] bias)
    {
        public static HandRidge Fit(RowMatrix x, IReadOnlyList<int> rows, Func<int, double[]> target, double lambda)
        {
            int f = x.Columns, n = rows.Count, p = target(rows[0]).Length;
            var mean = new double[f];
            var deviation = new double[f];
            for (int j = 0; j < f; j++)
            {
                double sum = 0, squares = 0;
                foreach (int i in rows)
                {
                    sum += x[i, j];
                    squares += x[i, j] * x[i, j];
                }

                mean[j] = sum / n;
                double variance = (squares / n) - (mean[j] * mean[j]);
                deviation[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
            }

            var z = rows.Select(i => Standardize(x.Row(i), mean, deviation)).ToArray();
            var t = rows.Select(target).ToArray();
            var zMean = Enumerable.Range(0, f).Select(j => z.Average(r => r[j])).ToArray();
            var tMean = Enumerable.Range(0, p).Select(k => t.Average(r => r[k])).ToArray();
            var a = new double[f, f];
            var b = new double[f, p];
            for (int r = 0; r < n; r++)
            {
                for (int j = 0; j < f; j++)
                {
                    double zj = z[r][j] - zMean[j];
                    for (int k = 0; k < f; k++)
                    {
                        a[j, k] += zj * (z[r][k] - zMean[k]);
                    }

                    for (int k = 0; k < p; k++)
                    {
                        b[j, k] += zj * (t[r][k] - tMean[k]);
                    }
                }
            }

            for (int j = 0; j < f; j++)
            {
                a[j, j] += lambda;
            }

            var w = Solve(a, b);
            var bias = Enumerable.Range(0, p).Select(k => tMean[k] - Enumerable.Range(0, f).Sum(j => zMean[j] * w[j, k])).ToArray();
            return new HandRidge(mean, deviation, w, bias);
        }

        public double[] Predict(ReadOnlySpan<double> row)
        {
            var z = Standardize(row, mean, deviation);
            return Enumerable.Range(0, bias.Length).Select(k => bias[k] + Enumerable.Range(0, z.Length).Sum(j => z[j] * weights[j, k])).ToArray();
        }

        private static double[] Standardize(ReadOnlySpan<double> row, double[] mean, double[] deviation)
        {
            var z = new double[row.Length];
            for (int j = 0; j < row.Length; j++)
            {
                z[j] = (float)((row[j] - mean[j]) / deviation[j]);
            }

            return z;
        }

        // Gaussian elimination with partial pivoting on the symmetric positive definite system A W = B.
        private static double[,] Solve(double[,] a, double[,] b)
        {
            int n = a.GetLength(0), m = b.GetLength(1);
            for (int c = 0; c < n; c++)
            {
                int pivot = Enumerable.Range(c, n - c).MaxBy(r => Math.Abs(a[r, c]));
                for (int k = 0; k < n; k++)
                {
                    (a[c, k], a[pivot, k]) = (a[pivot, k], a[c, k]);
                }

                for (int k = 0; k < m; k++)
                {
                    (b[c, k], b[pivot, k]) = (b[pivot, k], b[c, k]);
                }

                for (int r = c + 1; r < n; r++)
                {
                    double factor = a[r, c] / a[c, c];
                    for (int k = c; k < n; k++)
                    {
                        a[r, k] -= factor * a[c, k];
                    }

                    for (int k = 0; k < m; k++)
                    {
                        b[r, k] -= factor * b[c, k];
                    }
                }
            }

            var x = new double[n, m];
            for (int r = n - 1; r >= 0; r--)
            {
                for (int k = 0; k < m; k++)
                {
                    double v = b[r, k];
                    for (int j = r + 1; j < n; j++)
                    {
                        v -= a[r, j] * x[j, k];
                    }

                    x[r, k] = v / a[r, r];
                }
            }

            return x;
        }
    }
}
