using SimZsl.Samples.Shared;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.Samples;

/// <summary>samples/Results run as a user runs it (a process, after the solution's build), on the quickest challenge:
/// it writes the sample's tables, verdicts and picture links into its output, keeps the sample's pictures there, and
/// a comparison of a run with itself finds every interval cell overlapping.</summary>
public class ResultsCommandTests
{
    [Fact]
    public void AQuickRunWritesTheSamplesBlockAndAgreesWithItself()
    {
        using var scratch = new ScratchFolder("simzsl-results-");
        string output = scratch.Path;
        string printed = SampleProcess.Run("Results", "--quick", "--samples", "ChallengeNoNames", "--out", output, "--compare", output);

        string results = File.ReadAllText(Path.Combine(output, "results.md"));
        Assert.Contains("## ChallengeNoNames", results, StringComparison.Ordinal);
        Assert.Contains("`dotnet run --no-build -c Release --project samples/ChallengeNoNames -- --seed 0 --quick`", results, StringComparison.Ordinal);
        Assert.Contains("![challenge-nonames-map](img/challenge-nonames-map.png)", results, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(output, "ChallengeNoNames", "challenge-nonames-map.png")).Length > 1000);

        var table = Assert.Single(ResultTables.Parse(results));
        Assert.StartsWith("Challenge I:", table.Title, StringComparison.Ordinal);
        Assert.Equal(6, table.Rows.Count);   // --quick: FishNet, three geometries, d = 2 and 5
        Assert.All(table.Rows, row => Assert.InRange(ResultTables.Interval(row[4])!.Value.Lower, 0.5, 1.0));   // neighbour MAP
        Assert.Equal(4, table.Verdicts.Count);   // MAP per geometry, and hyperbolic against the others
        Assert.All(table.Verdicts, v => Assert.Contains("FishNet", v, StringComparison.Ordinal));

        int cells = table.Rows.Count * 3;   // MAP, distortion and stress carry intervals
        Assert.Contains($"all: {cells} of {cells} interval cells overlap", printed, StringComparison.Ordinal);

        // --reuse runs nothing: it compares what the run left, and leaves the run's results.md as it was.
        string reused = SampleProcess.Run("Results", "--reuse", "--samples", "ChallengeNoNames", "--out", output, "--compare", output);
        Assert.Contains($"all: {cells} of {cells} interval cells overlap", reused, StringComparison.Ordinal);
        Assert.Equal(results, File.ReadAllText(Path.Combine(output, "results.md")));
    }

    [Fact]
    public void TheZeroShotSweepIsOneOfTheBlocksAndAgreesWithItself()
    {
        using var scratch = new ScratchFolder("simzsl-results-");
        string output = scratch.Path;
        string printed = SampleProcess.Run("Results", "--quick", "--samples", "ZeroShotSweep", "--seed", "2", "--out", output, "--compare", output);

        string results = File.ReadAllText(Path.Combine(output, "results.md"));
        Assert.Contains("`dotnet run --no-build -c Release --project samples/ZeroShotExperiments -- sweep --seeds 1 --first-seed 2 --quick` and `dotnet run --no-build -c Release --project samples/ZeroShotExperiments -- sweep --data apascal --seeds 1 --first-seed 2 --quick`", results, StringComparison.Ordinal);
        var tables = ResultTables.Parse(results);
        Assert.Equal(2, tables.Count);
        Assert.StartsWith("Fashion-MNIST, PCA-64, k = 4 unseen classes, training seed 2:", tables[0].Title, StringComparison.Ordinal);
        Assert.StartsWith("aPascal, 64 binary attributes, k = 5 unseen classes, training seed 2:", tables[1].Title, StringComparison.Ordinal);
        // --quick: DeViSE and ridge at three curvatures; every row's ZSL top-1 and cal. H carry an interval over two splits.
        Assert.All(tables, t => Assert.Equal(4, t.Rows.Count));
        Assert.All(tables.SelectMany(t => t.Rows), row => Assert.InRange(ResultTables.Interval(row[3])!.Value.Upper, 0, 200));
        Assert.Contains("all: 16 of 16 interval cells overlap", printed, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "ZeroShotSweep", "sweep-pca64.jsonl")));
    }

    [Fact]
    public void TheAblationAndTheCeilingAreBlocksToo()
    {
        using var scratch = new ScratchFolder("simzsl-results-");
        string output = scratch.Path;
        string printed = SampleProcess.Run("Results", "--quick", "--samples", "ZeroShotAblation,ZeroShotCeiling", "--out", output, "--compare", output);

        var tables = ResultTables.Parse(File.ReadAllText(Path.Combine(output, "results.md")));
        Assert.Equal(3, tables.Count);
        // The ablation: DeViSE and softmax in 6 steps, hyperbolic in 5, ridge twice; each cell over the two quick splits.
        Assert.StartsWith("Why the heads used to lose, one cause at a time: Fashion-MNIST PCA-64, k = 4, 2 seeded splits, training seed 0", tables[0].Title, StringComparison.Ordinal);
        Assert.Equal(19, tables[0].Rows.Count);
        Assert.All(tables[0].Rows, row => Assert.NotNull(ResultTables.Interval(row[2])));
        // The ceiling: one summary row per k (--quick: k = 2 on Fashion-MNIST; aPascal k = 5), deterministic.
        Assert.Equal(["2"], tables[1].Rows.Select(r => r[0]));
        Assert.Equal(["5"], tables[2].Rows.Select(r => r[0]));
        Assert.Equal("45", tables[1].Rows[0][1]);
        Assert.EndsWith("classes with identical similarity rows (apart from their own pair): Pullover and Coat; Sandal and Sneaker", tables[1].Title, StringComparison.Ordinal);
        Assert.EndsWith("classes with identical similarity rows (apart from their own pair): bus and train; car and motorbike; chair and sofa", tables[2].Title, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "ZeroShotCeiling", "ceiling-pca64.md")));
        Assert.Contains("all: 19 of 19 interval cells overlap", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void QuickStartRunsOnTheShippedSubsetAndLeavesOnlyPictures()
    {
        using var scratch = new ScratchFolder("simzsl-results-");
        string output = scratch.Path;
        SampleProcess.Run("Results", "--quick", "--samples", "QuickStart", "--out", output);

        // The two pictures the README shows are among those drawn (PNG signature, more than a blank canvas).
        foreach (string name in (string[])["prototypes-hyperbolic.png", "confusion-hyperbolic.png"])
        {
            byte[] png = File.ReadAllBytes(Path.Combine(output, "QuickStart", name));
            Assert.True(png.Length > 10_000, $"{name}: {png.Length} bytes");
            Assert.Equal((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }

        Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(output, "results.md")));   // no table, no block
    }
}
