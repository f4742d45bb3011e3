using System.Globalization;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

/// <summary>Challenges III and IV run as a user runs them (a process, after the solution's build) with --quick:
/// aPascal, the reference row and one harder point, two runs. Their stdout is what samples/Results parses.</summary>
public class ChallengeAccuracyCommandTests
{
    private static readonly string[] Methods = ["softmax (κ = 0)", "prototype (κ = +1)", "hyperbolic (κ = -1)", "ridge (κ = 0)", "eszsl (κ = 0)", "sae (κ = 0)"];

    [Fact]
    public void TheQuickMissingRunPrintsBothTablesWithIntervalsAndAVerdictPerMethod() =>
        CheckQuickRun("ChallengeMissing", "Challenge IV on aPascal", "missing pairs", ["p = 0 % (complete)", "p = 60 %"], "challenge-missing-apascal.png");

    [Fact]
    public void TheQuickRareClassesRunPrintsBothTablesWithIntervalsAndAVerdictPerMethod() =>
        CheckQuickRun("ChallengeRareClasses", "Challenge III on aPascal", "rare (unseen) classes known through", ["complete matrix", "L = 2"], "challenge-rare-classes-apascal.png");

    private static void CheckQuickRun(string sample, string title, string axis, string[] points, string picture)
    {
        string output = Path.Combine(Path.GetTempPath(), "simzsl-accuracy-" + Guid.NewGuid().ToString("N"));
        try
        {
            string printed = SampleProcess.Quick(sample, "--out", output);

            var tables = ResultTables.Parse(printed);
            Assert.Equal(2, tables.Count);
            Assert.Equal(["ZSL top-1", "calibrated GZSL H"], tables.Select(t => t.Title.Contains("ZSL top-1", StringComparison.Ordinal) ? "ZSL top-1" : t.Title.Contains("calibrated GZSL H", StringComparison.Ordinal) ? "calibrated GZSL H" : t.Title));
            foreach (var table in tables)
            {
                Assert.StartsWith(title, table.Title, StringComparison.Ordinal);
                Assert.Contains("over 2 runs", table.Title, StringComparison.Ordinal);
                Assert.Contains("runs the same impute → strain → stress-refine pipeline", table.Title, StringComparison.Ordinal);
                Assert.Equal([axis, .. Methods], table.Header);
                Assert.Equal(points, table.Rows.Select(r => r[0]));
                foreach (string cell in table.Rows.SelectMany(r => r.Skip(1)))
                {
                    var interval = ResultTables.Interval(cell);
                    Assert.True(interval is not null, $"'{cell}' is no interval");
                    double mean = double.Parse(cell.Split(' ')[0], CultureInfo.InvariantCulture);
                    Assert.InRange(mean, 0, 100);
                    Assert.InRange(mean, interval.Value.Lower, interval.Value.Upper);
                }

                // Above chance and within the reference, per method, then the head against the best peer.
                Assert.Equal((2 * Methods.Length) + 1, table.Verdicts.Count);
                Assert.All(Methods, m => Assert.Equal(2, table.Verdicts.Count(v => v.StartsWith(m + ":", StringComparison.Ordinal))));
                Assert.All(table.Verdicts, v => Assert.Matches("holds|does not hold", v));
                Assert.Contains(table.Verdicts, v => v.StartsWith("best head above the best peer", StringComparison.Ordinal));
            }

            Assert.Matches(@"^total \d+ s$", printed.TrimEnd().Split('\n')[^1]);
            Assert.True(new FileInfo(Path.Combine(output, picture)).Length > 1000);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
