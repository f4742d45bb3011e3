using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Tests.Pairs;

/// <summary>The pairs CSV reader with good and bad files: every error names the file, the line and, for a value, the
/// column.</summary>
public sealed class PairListFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("simzsl-pairs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(_folder, $"pairs{Directory.GetFiles(_folder).Length}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReadsQuotedNamesBlankLinesAndCrlf()
    {
        string path = Write("a,b,distance\r\n\"Felis catus, domestic\",lynx,0.5\r\n\r\nlynx, puma ,1.25\r\n");
        var pairs = PairListFile.ReadDistanceCsv(path);
        Assert.Equal(["Felis catus, domestic", "lynx", "puma"], pairs.ClassNames);
        Assert.Equal(0.5, pairs[0, 1]);
        Assert.Equal(1.25, pairs[2, 1]);
    }

    [Fact]
    public void SimilaritiesAreTransformed()
    {
        string path = Write("a,b,similarity\nx,y,0.5\ny,z,1\n");
        var pairs = PairListFile.ReadSimilarityCsv(path, SimilarityTransform.OneMinus);
        Assert.Equal(0.5, pairs[0, 1]);
        Assert.Equal(0.0, pairs[1, 2]);
    }

    [Fact]
    public void ARepeatedPairWithAnotherValueNamesBothLines()
    {
        string path = Write("a,b,value\nx,y,1\ny,z,2\ny,x,3\n");
        var e = Assert.Throws<InvalidMatrixException>(() => PairListFile.ReadDistanceCsv(path));
        Assert.Contains($"line 2 of {path}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"line 4 of {path}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingColumnNamesItsLine()
    {
        string path = Write("a,b,value\nx,y,1\ny,z\n");
        var e = Assert.Throws<DataFormatException>(() => PairListFile.ReadDistanceCsv(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("expected 3 cells", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderWithoutThreeColumnsIsRefused()
    {
        var e = Assert.Throws<DataFormatException>(() => PairListFile.ReadDistanceCsv(Write("a,b\nx,y\n")));
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void AFileWithoutAHeaderIsRefusedRatherThanLosingItsFirstPair()
    {
        var e = Assert.Throws<DataFormatException>(() => PairListFile.ReadDistanceCsv(Write("x,y,0.5\ny,z,1\n")));
        Assert.Equal(1, e.Line);
        Assert.Contains("column 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonNumberNamesLineAndColumn()
    {
        string path = Write("a,b,value\nx,y,1\ny,z,far\n");
        var e = Assert.Throws<DataFormatException>(() => PairListFile.ReadDistanceCsv(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("column 3 ('value') holds 'far'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASelfPairAtANonZeroDistanceNamesLineAndColumn()
    {
        string path = Write("a,b,value\nx,y,1\nz,z,0.5\n");
        var e = Assert.Throws<InvalidMatrixException>(() => PairListFile.ReadDistanceCsv(path));
        Assert.Contains($"line 3, column 3 of {path}", e.Message, StringComparison.Ordinal);
        Assert.Contains("'z' is paired with itself", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeDistanceAndAnEmptyNameAreNamed()
    {
        string negative = Write("a,b,value\nx,y,-1\n");
        Assert.Contains($"line 2, column 3 of {negative}", Assert.Throws<InvalidMatrixException>(() => PairListFile.ReadDistanceCsv(negative)).Message, StringComparison.Ordinal);
        var e = Assert.Throws<DataFormatException>(() => PairListFile.ReadDistanceCsv(Write("a,b,value\n,y,1\n")));
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void AnEmptyFileOrOneWithoutPairsIsRefused()
    {
        Assert.Throws<DataFormatException>(() => PairListFile.ReadDistanceCsv(Write("")));
        Assert.Throws<DataFormatException>(() => PairListFile.ReadDistanceCsv(Write("a,b,value\n")));
    }
}
