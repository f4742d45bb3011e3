using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

/// <summary>The tables and verdicts a challenge sample prints, read back, written again, and two runs compared
/// cell by cell through their intervals.</summary>
public class ResultTablesTests
{
    private static string Printed(string a, string b) => $"""
        progress lines are ignored
        ### Challenge V: demo

        | name | accuracy | distortion |
        |---|---:|---:|
        | x | {a} | {b} |
        | y | n/a | 0.250 |

        Verdict: accuracy ≥ 50: holds up to p = 10 %, not at p = 20 %
        Verdict: second claim: holds (through p = 90 %)
        plot: somewhere.png
        ### Challenge V: other

        | k | v |
        |---|---:|
        | 1 | 2 |
        total 3 s
        """;

    [Fact]
    public void TablesAreReadWithTheVerdictsThatFollowThem()
    {
        var tables = ResultTables.Parse(Printed("61.3 [55.2, 67.4]", "0.110 [0.100, 0.120]"));
        Assert.Equal(2, tables.Count);
        Assert.Equal("Challenge V: demo", tables[0].Title);
        Assert.Equal(["name", "accuracy", "distortion"], tables[0].Header);
        Assert.Equal(["x", "61.3 [55.2, 67.4]", "0.110 [0.100, 0.120]"], tables[0].Rows[0]);
        Assert.Equal(["accuracy ≥ 50: holds up to p = 10 %, not at p = 20 %", "second claim: holds (through p = 90 %)"], tables[0].Verdicts);
        Assert.Empty(tables[1].Verdicts);
        Assert.Equal(
            "### Challenge V: demo\n\n| name | accuracy | distortion |\n|---|---:|---:|\n| x | 61.3 [55.2, 67.4] | 0.110 [0.100, 0.120] |\n| y | n/a | 0.250 |\n\n"
            + "- Verdict: accuracy ≥ 50: holds up to p = 10 %, not at p = 20 %\n- Verdict: second claim: holds (through p = 90 %)\n",
            ResultTables.Format(tables[0]));
        var again = Assert.Single(ResultTables.Parse(ResultTables.Format(tables[0])));
        Assert.Equal(tables[0].Verdicts, again.Verdicts);
        Assert.Equal(tables[0].Rows.Select(r => string.Join("|", r)), again.Rows.Select(r => string.Join("|", r)));
    }

    [Theory]
    [InlineData("61.3 [55.2, 67.4]", 55.2, 67.4)]
    [InlineData("-0.5 [-1.25, 0.25]", -1.25, 0.25)]
    [InlineData("1.0e-3 [5e-4, 1.5e-3]", 5e-4, 1.5e-3)]
    public void AnIntervalCellIsRead(string cell, double lower, double upper)
    {
        Assert.Equal((lower, upper), ResultTables.Interval(cell));
    }

    [Theory]
    [InlineData("61.3")]
    [InlineData("n/a")]
    [InlineData("CUB [200 classes]")]
    public void ACellWithoutAnIntervalHasNone(string cell) => Assert.Null(ResultTables.Interval(cell));

    [Fact]
    public void TwoRunsAgreeWhereTheirIntervalsOverlapAndTheOthersAreNamed()
    {
        var first = ResultTables.Parse(Printed("61.3 [55.2, 67.4]", "0.110 [0.100, 0.120]"));
        var overlapping = ResultTables.Parse(Printed("66.0 [60.0, 72.0]", "0.121 [0.120, 0.130]"));   // touching counts as overlap
        var apart = ResultTables.Parse(Printed("70.0 [67.5, 72.5]", "0.110 [0.100, 0.120]"));
        Assert.Equal((2, 0), (ResultTables.Compare(first, overlapping).Compared, ResultTables.Compare(first, overlapping).Disagreements.Count));
        var (compared, disagreements) = ResultTables.Compare(first, apart);
        Assert.Equal(2, compared);
        var d = Assert.Single(disagreements);
        Assert.Equal(("Challenge V: demo", 1, 2), (d.Title, d.Row, d.Column));
    }

    [Fact]
    public void RunsOfDifferentShapesAreRefused()
    {
        var first = ResultTables.Parse(Printed("1.0 [0.5, 1.5]", "0.1 [0.0, 0.2]"));
        Assert.Throws<InvalidOperationException>(() => ResultTables.Compare(first, first.Take(1).ToList()));
        var narrower = first.Select(t => t with { Header = t.Header[..^1] }).ToList();
        Assert.Throws<InvalidOperationException>(() => ResultTables.Compare(first, narrower));
    }

    [Fact]
    public void AGeneratedBlockIsReplacedAndTheTextAroundItKept()
    {
        string doc = "# R\n\nhand-written\n\n<!-- generated: A -->\nold table\n<!-- end generated: A -->\n\nmore prose\n";
        string replaced = GeneratedBlock.Replace(doc, "A", "new table\n\n");
        Assert.Equal("# R\n\nhand-written\n\n<!-- generated: A -->\nnew table\n<!-- end generated: A -->\n\nmore prose\n", replaced);
        Assert.Equal(replaced, GeneratedBlock.Replace(replaced, "A", "new table"));
        var missing = Assert.Throws<InvalidOperationException>(() => GeneratedBlock.Replace(doc, "B", "x"));
        Assert.Contains("<!-- generated: B -->", missing.Message, StringComparison.Ordinal);
    }
}
