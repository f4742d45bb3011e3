using SimZsl.IO;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.IO;

/// <summary>Every refusal of the pair-list reader by its whole message and line (the pair lists' behaviour is in
/// Pairs/PairListFileTests).</summary>
public class PairListFileErrorTests
{
    private static DataFormatException Refusal(string text)
    {
        using var scratch = new ScratchFolder("simzsl-pairs-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "pairs.csv");
        File.WriteAllText(path, text);
        var error = Assert.Throws<DataFormatException>(() => PairListFile.ReadDistanceCsv(path));
        Assert.Equal(path, error.File);
        return error;
    }

    [Theory]
    [InlineData("", 1, "the file is empty; expected a header 'a,b,value' and one pair per line.")]
    [InlineData("\n\n\n", 3, "the file is empty; expected a header 'a,b,value' and one pair per line.")]
    [InlineData("\n\na,b\n", 3, "the header has 2 cell(s); a list of pairs has three columns, 'a,b,value' (two class names and a similarity or distance).")]
    [InlineData("a,b,d\n", 2, "the file has a header but no pairs.")]
    [InlineData("\na,b,d\n\n\n", 5, "the file has a header but no pairs.")]
    [InlineData("a,b,d\ncat,,1\n", 2, "column 2 ('b') is empty; every pair needs two class names.")]
    [InlineData("a,b,d\n ,dog,1\n", 2, "column 1 ('a') is empty; every pair needs two class names.")]
    [InlineData("a,b,d\ncat,dog,\n", 2, "column 3 ('d') holds '', which is not a number.")]
    [InlineData("a,b,d\ncat,dog,-Infinity\n", 2, "column 3 ('d') is -Infinity; values must be finite (leave a pair out when it is unknown).")]
    [InlineData("a,b,d\ncat,dog,1\n\ncat,eel\n", 4, "expected 3 cells (a, b, value, as in the header) but found 2.")]
    public void EveryRefusalSaysWhatAndOnWhichLine(string text, int line, string detail)
    {
        var error = Refusal(text);
        Assert.Equal(line, error.Line);
        Assert.Equal(detail, ErrorDetail.Of(error));
    }

    [Fact]
    public void ANonNumberIsQuotedWholeUpToFortyCharactersAndShortenedBeyond()
    {
        string forty = new('q', 40), fortyOne = new('q', 41);
        Assert.Equal($"column 3 ('d') holds '{forty}', which is not a number.", ErrorDetail.Of(Refusal($"a,b,d\ncat,dog,{forty}\n")));
        Assert.Equal($"column 3 ('d') holds '{new string('q', 37)}...', which is not a number.", ErrorDetail.Of(Refusal($"a,b,d\ncat,dog,{fortyOne}\n")));
    }

    [Fact]
    public void BlankLinesBeforeTheHeaderAreSkipped()
    {
        using var scratch = new ScratchFolder("simzsl-pairs-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "pairs.csv");
        File.WriteAllText(path, "\n \na,b,d\ncat,dog,0.5\n");
        var pairs = PairListFile.ReadDistanceCsv(path);
        Assert.Equal(["cat", "dog"], pairs.ClassNames);
        Assert.Equal(1L, pairs.PairCount);
    }
}
