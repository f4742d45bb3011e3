using System.Text.Json;
using SimZsl.Cli;
using SimZsl.IO;
using SimZsl.Tests.Cli;

namespace SimZsl.Tests.Missing;

public class EmbedMissingCliTests
{
    [Fact]
    public void LandmarkFileAndMissingCellsGoThroughTheTool()
    {
        string dir = CliRunner.TempFolder();
        string input = Path.Combine(dir, "d.csv"), landmarks = Path.Combine(dir, "landmarks.txt"), coords = Path.Combine(dir, "coords.csv"), report = Path.Combine(dir, "report.json");
        var truth = ExactData.Distances(ExactData.Points(60, 3, -1, seed: 71));
        File.WriteAllLines(landmarks, ["# five landmarks", "c0", "c10", "c20", "c30", "c40"]);
        ClassMatrixFile.WriteCsv(input, truth);
        var (code, _, error) = CliRunner.Run("embed", "--input", input, "--input-kind", "distance", "--curvature", "-1", "--dim", "3",
            "--landmarks", landmarks, "--output", coords, "--report", report, "--quiet");
        Assert.True(code == ExitCodes.Success, error);
        using (var json = JsonDocument.Parse(File.ReadAllText(report)))
        {
            Assert.True(json.RootElement.GetProperty("normalized_stress").GetDouble() < 1e-9);
        }

        // Half the cells empty: imputed, refined, reported.
        ClassMatrixFile.WriteCsv(input, ExactData.WithMissing(truth, 0.5, seed: 72));
        (code, _, error) = CliRunner.Run("embed", "--input", input, "--input-kind", "distance", "--curvature", "-1", "--dim", "3",
            "--output", coords, "--report", report, "--quiet");
        Assert.True(code == ExitCodes.Success, error);
        using var missing = JsonDocument.Parse(File.ReadAllText(report));
        var root = missing.RootElement;
        Assert.True(root.GetProperty("missing_pairs").GetInt64() > 800);
        Assert.Equal("shortest paths through observed pairs", root.GetProperty("imputation").GetString());
        Assert.True(root.GetProperty("iterations").GetInt32() > 0);
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.Equal(60, CsvMatrixFile.ReadTable(coords).RowNames.Length);
    }

    [Fact]
    public void DisconnectedMissingCellsFailWithoutWritingOutput()
    {
        string dir = CliRunner.TempFolder();
        string input = Path.Combine(dir, "d.csv"), coords = Path.Combine(dir, "coords.csv");
        var truth = ExactData.Distances(ExactData.Points(10, 2, 0, seed: 73));
        var mask = new bool[100];
        for (int i = 0; i < 10; i++)
        {
            for (int j = 0; j < 10; j++)
            {
                mask[(i * 10) + j] = (i < 6) == (j < 6);
            }
        }

        ClassMatrixFile.WriteCsv(input, truth.WithMask(mask));
        var (code, _, error) = CliRunner.Run("embed", "--input", input, "--input-kind", "distance", "--curvature", "0", "--dim", "2", "--output", coords, "--quiet");
        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Contains("sizes 6, 4", error);
        Assert.False(File.Exists(coords));
    }
}
