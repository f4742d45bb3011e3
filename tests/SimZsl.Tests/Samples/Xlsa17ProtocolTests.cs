using System.Globalization;
using System.Text.Json;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

/// <summary>The xlsa17 protocol sample: its quick run as a process, its tables checked against the tool's own JSON
/// reports that it aggregates.</summary>
public class Xlsa17ProtocolTests
{
    [Fact]
    public void AQuickRunTabulatesEveryMethodOverTheRunsOfTheToolWithAVerdictForTheHead()
    {
        string output = Path.Combine(Path.GetTempPath(), "simzsl-xlsa17-" + Guid.NewGuid().ToString("N"));
        try
        {
            string printed = SampleProcess.Quick("Xlsa17Protocol", "--out", output);
            var tables = ResultTables.Parse(printed);
            Assert.Equal(2, tables.Count);
            foreach (var (table, name) in tables.Zip(["AWA2", "CUB"]))
            {
                Assert.StartsWith($"xlsa17 protocol, {name} (synthetic res101.mat", table.Title, StringComparison.Ordinal);
                Assert.Equal(["hyperbolic (head)", "ridge", "eszsl", "sae"], table.Rows.Select(r => r[0]));
                Assert.All(table.Rows, row => Assert.All(row[2..9], cell => Assert.InRange(SampleProcess.Mean(cell), 0, 100)));

                // --quick: two runs (seeds 0 and 1); each cell is the mean of the two reports' figures, in %.
                var reports = Enumerable.Range(0, 2)
                    .Select(seed => JsonDocument.Parse(File.ReadAllText(Path.Combine(output, $"gbu-{name.ToLowerInvariant()}-seed{seed}.json"))))
                    .ToArray();
                foreach (var row in table.Rows)
                {
                    string method = row[0].Replace(" (head)", string.Empty, StringComparison.Ordinal);
                    double mean = reports.Average(r => r.RootElement.GetProperty("methods").EnumerateArray()
                        .Single(m => m.GetProperty("method").GetString() == method).GetProperty("zsl_top1").GetDouble()) * 100;
                    Assert.Equal(Math.Round(mean, 1), SampleProcess.Mean(row[2]), 3);
                }

                foreach (var report in reports)
                {
                    report.Dispose();
                }

                Assert.Equal(2, table.Verdicts.Count);
                Assert.Matches($"^{name}: ZSL top-1 of the hyperbolic head minus the best closed-form peer \\((ridge|eszsl|sae)\\): .* points, (better|worse|indistinguishable)$", table.Verdicts[0]);
                Assert.Matches($"^{name}: calibrated H of the hyperbolic head minus the best closed-form peer \\((ridge|eszsl|sae)\\): .* points, (better|worse|indistinguishable)$", table.Verdicts[1]);
            }

            Assert.Matches(@"total \d+ s$", printed.TrimEnd());
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
