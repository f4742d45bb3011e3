using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

/// <summary>The tables a sample prints, read back and combined over seeds: numbers become mean ± sd at their printed
/// precision (by hand: 10.0, 12.0, 14.0 → 12.0 ± 2.0), cells identical in every run stay as printed, other text
/// must agree, shapes must match.</summary>
public class SeedTablesTests
{
    private static string Printed(string a, string b, string name = "x") => $"""
        progress lines are ignored
        ### Challenge V: demo, seed 0

        | name | accuracy | distortion |
        |---|---:|---:|
        | {name} | {a} | {b} |
        | y | NaN | 0.250 |

        plot: somewhere.png
        """;

    [Fact]
    public void NumbersBecomeMeanAndSampleSdAtTheirPrecision()
    {
        var runs = new[] { Printed("10.0", "0.100"), Printed("12.0", "0.200"), Printed("14.0", "0.300") }.Select(p => SeedTables.Parse(p).Single()).ToArray();
        Assert.Equal("Challenge V: demo, seed 0", runs[0].Title);
        Assert.Equal(["name", "accuracy", "distortion"], runs[0].Header);
        var combined = SeedTables.Combine(runs, "Challenge V: demo");
        Assert.Equal(["x", "12.0 ± 2.0", "0.200 ± 0.100"], combined.Rows[0]);
        Assert.Equal(["y", "NaN", "0.250"], combined.Rows[1]);   // the same text in every run stays as printed
        Assert.Equal(
            "### Challenge V: demo\n\n| name | accuracy | distortion |\n|---|---:|---:|\n| x | 12.0 ± 2.0 | 0.200 ± 0.100 |\n| y | NaN | 0.250 |\n",
            SeedTables.Format(combined));
    }

    [Fact]
    public void ACellMissingInSomeRunsSaysHowManyRunsHadIt()
    {
        var runs = new[] { Printed("NaN", "0.1"), Printed("20.0", "0.1"), Printed("30.0", "0.1") }.Select(p => SeedTables.Parse(p).Single()).ToArray();
        Assert.Equal("25.0 (2 of 3 runs)", SeedTables.Combine(runs, "t").Rows[0][1]);
    }

    [Fact]
    public void TextThatDiffersOrShapesThatDifferAreRefused()
    {
        var names = new[] { Printed("1.0", "0.1", "x"), Printed("1.0", "0.1", "z") }.Select(p => SeedTables.Parse(p).Single()).ToArray();
        var e = Assert.Throws<InvalidOperationException>(() => SeedTables.Combine(names, "t"));
        Assert.Contains("row 1, column 1", e.Message, StringComparison.Ordinal);

        var shorter = SeedTables.Parse(Printed("1.0", "0.1")).Single() with { Header = ["name", "accuracy"] };
        Assert.Throws<InvalidOperationException>(() => SeedTables.Combine([SeedTables.Parse(Printed("1.0", "0.1")).Single(), shorter], "t"));
    }
}
