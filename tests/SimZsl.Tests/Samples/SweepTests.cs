using SimZsl.Tests.Infrastructure;
using System.Text.Json;
using SimZsl.Samples.Shared;
using SimZsl.Samples.ZeroShotExperiments;

namespace SimZsl.Tests.Samples;

/// <summary>The split sweep of samples/ZeroShotExperiments at its smallest (<c>--quick</c>: Fashion-MNIST, two splits,
/// DeViSE and ridge regression, one worker; here for k = 3 and 4): one record per run, a table whose win counts are
/// those of the records, and the picture of head minus best peer against k.</summary>
[Collection(LibTorchGlobalState.Name)]
public class SweepTests
{
    [Fact]
    public void QuickSweepWritesOneRecordPerRunAndATableThatAgreesWithThem()
    {
        using var scratch = new ScratchFolder("simzsl-sweep-");
        string output = scratch.Path;
        Assert.Equal(0, Sweep.Run(new Arguments(["sweep", "--quick", "--k", "3,4", "--train-images", "1000", "--out", output])));

        var records = File.ReadAllLines(Path.Combine(output, "sweep-pca64.jsonl")).Select(l => JsonSerializer.Deserialize<SweepRecord>(l)!).ToArray();
        // DeViSE at κ = 0 and ridge regression at κ = 0, +1, −1, on two splits of three and two of four unseen classes.
        Assert.Equal(16, records.Length);
        Assert.Equal(4, records.Select(r => string.Join(",", r.Unseen)).Distinct().Count());
        Assert.All(records, r =>
        {
            Assert.Equal(r.K, r.Unseen.Length);
            Assert.InRange(r.ZslTop1, 0, 1);
            Assert.InRange(r.CalibratedH, 0, 1);
        });
        Assert.All(records.Where(r => r.Method == "devise"), r => Assert.Contains("anchor_weight", r.Selected, StringComparison.Ordinal));

        var devise = records.Where(r => r.Method == "devise" && r.K == 4).ToArray();
        var ridge = records.Where(r => r.Method == "ridge" && r.Curvature == 0 && r.K == 4).ToDictionary(r => string.Join(",", r.Unseen));
        int won = devise.Count(r => r.ZslTop1 >= ridge[string.Join(",", r.Unseen)].ZslTop1);
        string table = File.ReadAllText(Path.Combine(output, "sweep-pca64.md"));
        Assert.StartsWith("### Fashion-MNIST, PCA-64, k = 3, 4 unseen classes, training seed 0:", table, StringComparison.Ordinal);
        var deviseRow = table.Split('\n').Single(l => l.StartsWith("| 4 | devise (κ = 0) |", StringComparison.Ordinal));
        Assert.Contains($"| {won}/2 (", deviseRow, StringComparison.Ordinal);
        Assert.Contains($"| 2 | {MeanInterval.Of(devise.Select(r => r.ZslTop1)).Format("F1", 100)} |", deviseRow, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(output, "sweep-pca64.png")).Length > 1000);
    }
}
