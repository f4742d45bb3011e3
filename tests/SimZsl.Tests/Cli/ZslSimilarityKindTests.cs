using System.Globalization;
using System.Text.Json;
using SimZsl.Cli;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.Cli;

/// <summary><c>simzsl zsl --similarity</c> reads what <c>embed --input</c> reads (.npy, vectors, a tree), chosen by
/// <c>--similarity-kind</c>; a CSV similarity, the default, behaves as it always did.</summary>
[Collection(LibTorchGlobalState.Name)]
public class ZslSimilarityKindTests
{
    private static readonly string[] Common = ["--curvature", "1", "--dim", "3", "--head", "ridge", "--seed", "1", "--quiet"];

    [Fact]
    public void ANpySimilarityGivesTheFiguresOfTheSameCsv()
    {
        // .npy has no names: its classes are "0", "1", …, so the labels and --unseen use the indices.
        string dir = CliRunner.TempFolder();
        var (features, labels) = ZslCommandTests.WriteLinearFeatures(dir, perClass: 30);
        var s = ClassMatrixFile.ReadSimilarityCsv(ZslCommandTests.Similarity);
        string npy = Path.Combine(dir, "s.npy"), indexLabels = Path.Combine(dir, "labels-by-index.csv");
        NpyFile.Write(npy, [s.Count, s.Count], s.Values.ToArray());
        File.WriteAllLines(indexLabels, Enumerable.Range(0, s.Count).SelectMany(c => Enumerable.Repeat(c.ToString(CultureInfo.InvariantCulture), 30)));
        string unseen = $"{s.IndexOf("Sandal")},{s.IndexOf("Shirt")}";

        var csvRun = Run(["--features", features, "--labels", labels, "--similarity", ZslCommandTests.Similarity, "--transform", "one-minus", "--unseen", "Sandal,Shirt", .. Common], dir, "csv.json");
        var npyRun = Run(["--features", features, "--labels", indexLabels, "--similarity", npy, "--transform", "one-minus", "--unseen", unseen, .. Common], dir, "npy.json");
        foreach (var key in new[] { "zsl_top1", "gzsl_seen", "gzsl_unseen", "gzsl_h" })
        {
            Assert.Equal(csvRun.GetProperty(key).GetDouble(), npyRun.GetProperty(key).GetDouble(), 12);
        }

        Assert.True(npyRun.GetProperty("zsl_top1").GetDouble() >= 0.75, npyRun.GetProperty("zsl_top1").ToString());
    }

    [Fact]
    public void EveryPairOfASimilarityGivesTheFiguresOfTheSameCsv()
    {
        // --similarity-kind pairs: the same similarities as a,b,value lines (every pair once) are the same matrix.
        string dir = CliRunner.TempFolder();
        var (features, labels) = ZslCommandTests.WriteLinearFeatures(dir, perClass: 30);
        var s = ClassMatrixFile.ReadSimilarityCsv(ZslCommandTests.Similarity);
        string pairs = Path.Combine(dir, "pairs.csv");
        var lines = new List<string> { "a,b,similarity" };
        for (int i = 0; i < s.Count; i++)
        {
            for (int j = i + 1; j < s.Count; j++)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{CsvMatrixFile.Quote(s.ClassNames[i])},{CsvMatrixFile.Quote(s.ClassNames[j])},{s[i, j]:R}"));
            }
        }

        File.WriteAllLines(pairs, lines);
        var csvRun = Run(["--features", features, "--labels", labels, "--similarity", ZslCommandTests.Similarity, "--transform", "one-minus", "--unseen", "Sandal,Shirt", .. Common], dir, "csv.json");
        var pairsRun = Run(["--features", features, "--labels", labels, "--similarity", pairs, "--similarity-kind", "pairs", "--transform", "one-minus", "--unseen", "Sandal,Shirt", .. Common], dir, "pairs.json");
        foreach (var key in new[] { "zsl_top1", "gzsl_seen", "gzsl_unseen", "gzsl_h" })
        {
            Assert.Equal(csvRun.GetProperty(key).GetDouble(), pairsRun.GetProperty(key).GetDouble(), 12);
        }
    }

    [Fact]
    public void ClassVectorsBecomeTheirCosineSimilarity()
    {
        // The features are a linear image of the spherical prototypes (ZslCommandTests.WriteLinearFeatures); as
        // vectors, those prototypes give back their own arccos distances, so κ = 1, d = 3 recovers the geometry.
        string dir = CliRunner.TempFolder();
        var (features, labels) = ZslCommandTests.WriteLinearFeatures(dir, perClass: 30);
        var s = ClassMatrixFile.ReadSimilarityCsv(ZslCommandTests.Similarity);
        var prototypes = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = 1 }).Fit(s.ToDistances(SimilarityTransform.OneMinus)).Prototypes;
        string vectors = Path.Combine(dir, "vectors.csv");
        using (var stream = File.Create(vectors))
        {
            CsvMatrixFile.WriteTable(stream, "class", prototypes.ClassNames, ["x0", "x1", "x2", "x3"], prototypes.Coordinates);
        }

        var report = Run(["--features", features, "--labels", labels, "--similarity", vectors, "--similarity-kind", "vectors", "--unseen", "Sandal,Shirt", .. Common], dir, "vectors.json");
        Assert.True(report.GetProperty("zsl_top1").GetDouble() >= 0.75, report.GetProperty("zsl_top1").ToString());
    }

    [Fact]
    public void ATreeGivesPathDistancesAndRefusesASimilarityTransform()
    {
        string dir = CliRunner.TempFolder();
        var (features, labels) = ZslCommandTests.WriteLinearFeatures(dir, perClass: 20);
        string tree = Path.Combine(dir, "fashion.parent-child.txt");
        File.WriteAllLines(tree,
        [
            "clothing, tops", "clothing, bottoms", "clothing, shoes", "clothing, Bag",
            "tops, T-shirt/top", "tops, Pullover", "tops, Coat", "tops, Shirt", "bottoms, Trouser", "bottoms, Dress",
            "shoes, Sandal", "shoes, Sneaker", "shoes, Ankle boot",
        ]);
        string[] args = ["--features", features, "--labels", labels, "--similarity", tree, "--similarity-kind", "tree", "--unseen", "Sandal,Shirt", "--curvature", "-1", "--dim", "3", "--head", "ridge", "--seed", "1", "--quiet"];
        var report = Run(args, dir, "tree.json");
        Assert.Equal(-1, report.GetProperty("curvature").GetDouble());

        // The same tree's path distances written out as a distance CSV give the same figures: the tree was read as
        // path lengths between its leaves, nothing else.
        var taxonomy = SimZsl.IO.TaxonomyFile.ReadTree(tree);
        string csv = Path.Combine(dir, "paths.csv");
        SimZsl.IO.CsvMatrixFile.WriteSquare(csv, taxonomy.PathDistances(taxonomy.Leaves));
        string[] asDistances = [.. args.Select(a => a == tree ? csv : a == "tree" ? "distance" : a)];
        var same = Run(asDistances, dir, "paths.json");
        foreach (string key in new[] { "zsl_top1", "gzsl_seen", "gzsl_unseen", "gzsl_h" })
        {
            Assert.Equal(same.GetProperty(key).GetDouble(), report.GetProperty(key).GetDouble());
        }

        var (code, _, error) = CliRunner.Run(["zsl", .. args, "--transform", "arccos", "--report", Path.Combine(dir, "never.json")]);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--similarity-kind tree", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "never.json")));
    }

    private static JsonElement Run(string[] args, string dir, string reportName)
    {
        string report = Path.Combine(dir, reportName);
        var (code, output, error) = CliRunner.Run(["zsl", .. args, "--report", report]);
        Assert.True(code == ExitCodes.Success, error + output);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.Clone();
    }
}
