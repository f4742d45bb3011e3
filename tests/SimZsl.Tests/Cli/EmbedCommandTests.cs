using System.Globalization;
using System.Text.Json;
using SimZsl.Cli;
using SimZsl.Geometry;
using SimZsl.IO;
using SimZsl.Tests.Embedding;

namespace SimZsl.Tests.Cli;

public class EmbedCommandTests
{
    [Theory]
    [InlineData(-2.0, 40, 3)]
    [InlineData(-0.5, 300, 10)]
    [InlineData(-1e-8, 30, 2)]
    [InlineData(0.0, 40, 5)]
    [InlineData(1e-8, 30, 2)]
    [InlineData(0.5, 40, 4)]
    [InlineData(2.0, 60, 7)]
    public void ExactDistancesComeBackThroughTheTool(double curvature, int n, int d)
    {
        string dir = CliRunner.TempFolder();
        string input = Path.Combine(dir, "d.csv"), coords = Path.Combine(dir, "coords.csv"), report = Path.Combine(dir, "report.json");
        var exact = ExactConfigurations.Create(n, d, curvature, seed: 7);
        ClassMatrixFile.WriteCsv(input, exact);

        var (code, _, error) = CliRunner.Run("embed", "--input", input, "--input-kind", "distance", "--curvature", curvature.ToString("R", CultureInfo.InvariantCulture),
            "--dim", d.ToString(CultureInfo.InvariantCulture), "--output", coords, "--report", report, "--quiet");
        Assert.True(code == ExitCodes.Success, error);

        var table = CsvMatrixFile.ReadTable(coords);
        Assert.Equal(exact.ClassNames, table.RowNames);
        Assert.Equal(curvature > 0 ? d + 1 : d, table.Values.Columns);
        Assert.Equal("x0", table.ColumnNames[0]);
        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double got = PairwiseDistances.Distance(table.Values.Row(i), table.Values.Row(j), curvature);
                worst = Math.Max(worst, Math.Abs(got - exact[i, j]) / exact[i, j]);
            }
        }

        Assert.True(worst <= 1e-7, $"worst relative error {worst:E3}");
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        foreach (var key in new[] { "curvature", "dimension", "stress", "normalized_stress", "mean_distortion", "map", "seconds", "converged" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"report lacks '{key}'");
        }

        Assert.Equal(d, root.GetProperty("dimension").GetInt32());
        Assert.Equal(curvature, root.GetProperty("curvature").GetDouble());
        Assert.True(root.GetProperty("normalized_stress").GetDouble() < 1e-7);
    }

    [Fact]
    public void EmbedsTheShippedWordNetExample()
    {
        string dir = CliRunner.TempFolder();
        string coords = Path.Combine(dir, "coords.csv");
        var (code, output, error) = CliRunner.Run("embed", "--input", RepositoryPaths.Data("WordNet", "FashionMNIST_wup.csv"), "--transform", "one-minus",
            "--curvature", "-1", "--dim", "2", "--output", coords);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("Embedded 10 classes", output, StringComparison.Ordinal);
        var table = CsvMatrixFile.ReadTable(coords);
        Assert.Equal(10, table.RowNames.Length);
        for (int i = 0; i < 10; i++)
        {
            double norm = Math.Sqrt((table.Values[i, 0] * table.Values[i, 0]) + (table.Values[i, 1] * table.Values[i, 1]));
            Assert.True(norm < 1, $"{table.RowNames[i]} lies outside the Poincaré disk");
        }
    }

    [Fact]
    public void ALooserToleranceStopsTheRefinementEarlierAtAHigherStress()
    {
        // The shipped WordNet similarities are not exactly embeddable in d = 2: the default tolerance polishes longer.
        string dir = CliRunner.TempFolder();
        string coords = Path.Combine(dir, "coords.csv"), report = Path.Combine(dir, "report.json");
        (int Iterations, double Stress) Run(params string[] extra)
        {
            var (code, _, error) = CliRunner.Run(["embed", "--input", RepositoryPaths.Data("WordNet", "FashionMNIST_wup.csv"), "--transform", "one-minus",
                "--curvature", "0", "--dim", "2", "--refine", "--output", coords, "--report", report, .. extra]);
            Assert.True(code == ExitCodes.Success, error);
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
            return (json.RootElement.GetProperty("iterations").GetInt32(), json.RootElement.GetProperty("stress").GetDouble());
        }

        var strict = Run();
        var loose = Run("--tolerance", "1e-2");
        Assert.True(loose.Iterations < strict.Iterations, $"{loose.Iterations} iterations at 1e-2, {strict.Iterations} at the default");
        Assert.True(loose.Stress >= strict.Stress, $"{loose.Stress} at 1e-2, {strict.Stress} at the default");
    }

    [Theory]
    [InlineData("class,a,b,c\na,1,0.5,0.1\nb,0.5,1,0.2\nc,0.9,0.2,1\n", new[] { "--dim", "1" }, ExitCodes.InvalidData, "not symmetric")]
    [InlineData("class,a,b,c\na,1,0.5,0.1\nb,0.5,1,0.2\nc,0.1,0.2,1\n", new[] { "--dim", "3" }, ExitCodes.UsageError, "Dimension")]
    [InlineData("", new[] { "--dim", "1" }, ExitCodes.InputFileError, "empty")]
    [InlineData("class,a,b\na,1,0.5\nb,0.5,oops\n", new[] { "--dim", "1" }, ExitCodes.InputFileError, ":3")]
    [InlineData("class,a,b\na,1,1.7\nb,1.7,1\n", new[] { "--dim", "1" }, ExitCodes.InvalidData, "domain")]
    [InlineData("class,a,b\na,1,0.5\nb,0.5,1\n", new[] { "--dim", "1", "--transform", "cosine" }, ExitCodes.UsageError, "--transform")]
    [InlineData("class,a,b\na,1,0.5\nb,0.5,1\n", new[] { "--dim", "1", "--tolerance", "-1e-3" }, ExitCodes.UsageError, "--tolerance must be a number ≥ 0")]
    [InlineData("class,a,b,c\na,0,900,900\nb,900,0,900\nc,900,900,0\n", new[] { "--dim", "1", "--input-kind", "distance", "--curvature", "-1" }, ExitCodes.InvalidData, "|κ|")]
    public void BadInputIsOneLineANonZeroCodeAndNoOutput(string csv, string[] extra, int expectedCode, string expectedText)
    {
        string dir = CliRunner.TempFolder();
        string input = Path.Combine(dir, "s.csv"), coords = Path.Combine(dir, "coords.csv");
        File.WriteAllText(input, csv);
        var (code, _, error) = CliRunner.Run(["embed", "--input", input, "--output", coords, .. extra]);
        Assert.Equal(expectedCode, code);
        Assert.Contains(expectedText, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(coords), "a failed run must not write the output");
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void MatInputsSayTheyNeedAVariableName()
    {
        var (code, _, error) = CliRunner.Run("embed", "--input", "att_splits.mat", "--dim", "2", "--output", "x.csv");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("att_splits.mat:", error, StringComparison.Ordinal);
    }
}

public class EmbedTreeInputTests
{
    [Fact]
    public void TreeFileEmbedsItsLeavesWithPathDistances()
    {
        string dir = CliRunner.TempFolder();
        string coords = Path.Combine(dir, "coords.csv"), report = Path.Combine(dir, "r.json");
        var (code, output, error) = CliRunner.Run("embed", "--input", RepositoryPaths.Data("Hierarchies", "CUB", "cub_balanced.parent-child.txt"),
            "--input-kind", "tree", "--curvature", "-1", "--dim", "10", "--output", coords, "--report", report);
        Assert.True(code == SimZsl.Cli.ExitCodes.Success, error);
        Assert.Contains("Embedded 200 classes", output, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("none", json.RootElement.GetProperty("transform").GetString());
        Assert.True(json.RootElement.GetProperty("map").GetDouble() > 0.5, "a tree embeds in hyperbolic space with a good neighbour ranking");
    }
}

public class EmbedVectorInputTests
{
    [Fact]
    public void Xlsa17AttributesEmbedFromTheMatFileWithClassNames()
    {
        string dir = CliRunner.TempFolder();
        string coords = Path.Combine(dir, "coords.csv");
        var (code, output, error) = CliRunner.Run("embed", "--input", RepositoryPaths.Data("xlsa17", "APY", "att_splits.mat") + ":att", "--input-kind", "vectors",
            "--columns-are-classes", "--curvature", "1", "--dim", "31", "--output", coords);
        Assert.True(code == SimZsl.Cli.ExitCodes.Success, error);
        Assert.Contains("Embedded 32 classes", output, StringComparison.Ordinal);
        var table = SimZsl.IO.CsvMatrixFile.ReadTable(coords);
        Assert.Contains("aeroplane", table.RowNames);

        // The same vectors as a CSV with one column per class give the same prototypes.
        var att = SimZsl.IO.MatFile.Read(RepositoryPaths.Data("xlsa17", "APY", "att_splits.mat")).GetMatrix("att");
        string csv = Path.Combine(dir, "att.csv"), coords2 = Path.Combine(dir, "coords2.csv");
        SimZsl.IO.AtomicFile.Write(csv, s => SimZsl.IO.CsvMatrixFile.WriteTable(s, "attribute", Enumerable.Range(0, att.Rows).Select(i => $"a{i}").ToArray(), table.RowNames, att));
        var second = CliRunner.Run("embed", "--input", csv, "--input-kind", "vectors", "--columns-are-classes", "--curvature", "1", "--dim", "31", "--output", coords2);
        Assert.True(second.Code == SimZsl.Cli.ExitCodes.Success, second.Error);
        var table2 = SimZsl.IO.CsvMatrixFile.ReadTable(coords2);
        Assert.Equal(table.RowNames, table2.RowNames);
        for (int k = 0; k < table.Values.AsSpan().Length; k++)
        {
            Assert.Equal(table.Values.AsSpan()[k], table2.Values.AsSpan()[k], 9);
        }
    }

    [Fact]
    public void TransposeSwapsRowsAndColumns()
    {
        var m = RowMatrix.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var t = m.Transpose();
        Assert.Equal((3, 2), (t.Rows, t.Columns));
        Assert.Equal(6, t[2, 1]);
        Assert.Equal(2, t[1, 0]);
    }
}
