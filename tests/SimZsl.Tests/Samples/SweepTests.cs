using SimZsl.Tests.Infrastructure;
using System.Text.Json;
using SimZsl.Samples.ZeroShotExperiments;

namespace SimZsl.Tests.Samples;

/// <summary>The split sweep of samples/ZeroShotExperiments at its smallest (<c>--quick</c>: Fashion-MNIST, k = 4, two
/// splits, DeViSE and ridge regression, one worker): one record per run, and a table whose win counts are those of
/// the records.</summary>
[Collection(LibTorchGlobalState.Name)]
public class SweepTests
{
    [Fact]
    public void QuickSweepWritesOneRecordPerRunAndATableThatAgreesWithThem()
    {
        string output = Path.Combine(Path.GetTempPath(), "simzsl-tests", Guid.NewGuid().ToString("N"));
        Assert.Equal(0, Sweep.Run(new Arguments(["sweep", "--quick", "--train-images", "1000", "--out", output])));

        var records = File.ReadAllLines(Path.Combine(output, "sweep-pca64.jsonl")).Select(l => JsonSerializer.Deserialize<SweepRecord>(l)!).ToArray();
        // DeViSE at κ = 0 and ridge regression at κ = 0, +1, −1, on two splits of four unseen classes.
        Assert.Equal(8, records.Length);
        Assert.Equal(2, records.Select(r => string.Join(",", r.Unseen)).Distinct().Count());
        Assert.All(records, r =>
        {
            Assert.Equal(4, r.Unseen.Length);
            Assert.InRange(r.ZslTop1, 0, 1);
            Assert.InRange(r.CalibratedH, 0, 1);
        });
        Assert.All(records.Where(r => r.Method == "devise"), r => Assert.Contains("anchor_weight", r.Selected, StringComparison.Ordinal));

        var devise = records.Where(r => r.Method == "devise").ToArray();
        var ridge = records.Where(r => r.Method == "ridge" && r.Curvature == 0).ToDictionary(r => string.Join(",", r.Unseen));
        int won = devise.Count(r => r.ZslTop1 >= ridge[string.Join(",", r.Unseen)].ZslTop1);
        string table = File.ReadAllText(Path.Combine(output, "sweep-pca64.md"));
        var deviseRow = table.Split('\n').Single(l => l.Contains("| devise (κ = 0) |", StringComparison.Ordinal));
        Assert.Contains($"| {won}/2 (", deviseRow, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(output, "sweep-pca64.png")).Length > 1000);
    }
}
