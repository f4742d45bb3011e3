using System.Text;
using SimZsl.IO;
using SimZsl.Similarity;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.IO;

/// <summary>The CSV reader's every refusal by its whole message and line, the layouts it accepts (blank lines,
/// quoted names, rows in any order, NaN as missing), and the writers' exact bytes.</summary>
public class CsvMatrixFileTests
{
    private static T WithFile<T>(string text, Func<string, T> read)
    {
        using var scratch = new ScratchFolder("simzsl-csv-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "m.csv");
        File.WriteAllText(path, text);
        return read(path);
    }

    private static DataFormatException Refusal(string text, bool square = false, bool allowMissing = false) =>
        WithFile(text, path =>
        {
            var error = Assert.Throws<DataFormatException>(() => square ? CsvMatrixFile.ReadSquare(path) : (object)CsvMatrixFile.ReadTable(path, allowMissing));
            Assert.Equal(path, error.File);
            return error;
        });

    [Theory]
    [InlineData("", 1)]
    [InlineData("\n \n\t\n", 3)]   // only blank lines: the last one read is named
    public void AnEmptyFileIsRefusedAtItsLastLine(string text, int line)
    {
        var error = Refusal(text);
        Assert.Equal(line, error.Line);
        Assert.Equal("the file is empty; expected a header row of names.", ErrorDetail.Of(error));
    }

    [Theory]
    [InlineData("label\na\n", 1, "the header has no names after the first cell; expected 'label,name1,name2,…'.")]
    [InlineData("label,x\n", 2, "the file has a header but no data rows.")]
    [InlineData("label,x,y\na,1\n", 2, "expected 3 cells (a name and 2 values, as in the header) but found 2.")]
    [InlineData("label,x\n ,1\n", 2, "column 1 (the row's name) is empty; every row needs a name.")]
    [InlineData("label,x,y\na,1,\n", 2, "column 3 ('y') is empty or NaN; this table cannot have missing values.")]
    [InlineData("label,x,y\na,NaN,2\n", 2, "column 2 ('x') is empty or NaN; this table cannot have missing values.")]
    [InlineData("label,x,y\na,1,two\n", 2, "column 3 ('y') holds 'two', which is not a number.")]
    [InlineData("label,x,y\na,1,Infinity\n", 2, "column 3 ('y') is Infinity; values must be finite.")]
    [InlineData("label,x\na,\"1\n", 2, "a quoted field is not closed on this line (quoted fields cannot span lines).")]
    [InlineData("label,x,\na,1,2\n", 1, "column 3 of the header is empty; every column needs a name.")]
    public void EveryRefusalOfATableSaysWhatAndWhere(string text, int line, string detail)
    {
        var error = Refusal(text);
        Assert.Equal(line, error.Line);
        Assert.Equal(detail, ErrorDetail.Of(error));
    }

    [Fact]
    public void ANonNumberIsQuotedWholeUpToFortyCharactersAndShortenedBeyond()
    {
        string forty = new('z', 40), fortyOne = new('z', 41);
        Assert.EndsWith($"holds '{forty}', which is not a number.", Refusal($"l,x\na,{forty}\n").Message, StringComparison.Ordinal);
        Assert.EndsWith($"holds '{new string('z', 37)}...', which is not a number.", Refusal($"l,x\na,{fortyOne}\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankLinesBeforeTheHeaderAndBetweenRowsAreSkippedAndLinesStillCounted()
    {
        var table = WithFile("\n\nlabel,x,y\na,1,2\n\n  \nb,3,4\n", path => CsvMatrixFile.ReadTable(path));
        Assert.Equal(["a", "b"], table.RowNames);
        Assert.Equal(["x", "y"], table.ColumnNames);
        Assert.Equal([4, 7], table.RowLines);
        Assert.Equal([1.0, 2, 3, 4], table.Values.AsSpan().ToArray());
        Assert.Null(table.Observed);

        var late = Refusal("\n\nlabel,x\na,b\n");
        Assert.Equal(4, late.Line);
    }

    [Fact]
    public void MissingEntriesAreEmptyCellsOrNaNInAnyCaseWhenAllowed()
    {
        var table = WithFile("label,x,y,z\na,1,,nan\nb,NaN,2, 3 \n", path => CsvMatrixFile.ReadTable(path, allowMissing: true));
        Assert.Equal([true, false, false, false, true, true], table.Observed!);
        Assert.Equal(3.0, table.Values[1, 2]);
        Assert.True(double.IsNaN(table.Values[0, 1]));
    }

    [Fact]
    public void AQuotedFieldMayFollowBlanksAndHoldCommasAndDoubledQuotes()
    {
        Assert.Equal(["a", "b, \"c\"", " d "], CsvMatrixFile.SplitLine("a,  \"b, \"\"c\"\"\", d \r", "f.csv", 1));
        Assert.Equal(["", ""], CsvMatrixFile.SplitLine(",", "f.csv", 1));
    }

    [Fact]
    public void ASquareTableIsPutInHeaderOrderWithEachRowsLine()
    {
        var table = WithFile("class,a,b\nb,0.5,1\n\na,1,0.5\n", CsvMatrixFile.ReadSquare);
        Assert.Equal(["a", "b"], table.Names);
        Assert.Equal([1.0, 0.5, 0.5, 1], table.Values);
        Assert.Equal([4, 2], table.Lines);
    }

    [Theory]
    [InlineData("class,a,b\na,1,0\n", null, "the header names 2 classes but there are 1 data rows; a class matrix must be square.")]
    [InlineData("class,a,b,a\na,1,0,0\nb,0,1,0\nc,0,0,1\n", 1, "class 'a' appears twice in the header (columns 2 and 4).")]
    [InlineData("class,a,b\na,1,0\nc,0,1\n", 3, "row class 'c' is not in the header; the first column must name the same classes as the header row.")]
    [InlineData("class,a,b\na,1,0\n\na,0,1\n", 4, "class 'a' has two rows (lines 2 and 4).")]
    public void EveryRefusalOfASquareTableSaysWhatAndWhere(string text, int? line, string detail)
    {
        var error = Refusal(text, square: true);
        Assert.Equal(line, error.Line);
        Assert.Equal(detail, ErrorDetail.Of(error));
    }

    [Fact]
    public void TheSquareWriterWritesPlainUtf8WithQuotedNamesAndEmptyMissingCells()
    {
        var matrix = SimilarityMatrix.Create(["a", ",b", "say \"c\""],
            new double[,] { { 1, 0.1, 0.25 }, { 0.1, 1, 0 }, { 0.25, 0, 1 } },
            new bool[,] { { true, true, false }, { true, true, true }, { false, true, true } });
        using var stream = new MemoryStream();
        CsvMatrixFile.WriteSquare(stream, matrix);
        Assert.Equal(
            "class,a,\",b\",\"say \"\"c\"\"\"\n" +
            "a,1,0.1,\n" +
            "\",b\",0.1,1,0\n" +
            "\"say \"\"c\"\"\",,0,1\n",
            Encoding.UTF8.GetString(stream.ToArray()));   // no byte-order mark: the first byte is 'c'
        Assert.Equal((byte)'c', stream.ToArray()[0]);

        Assert.Equal("matrix", Assert.Throws<ArgumentNullException>(() => CsvMatrixFile.WriteSquare(stream, null!)).ParamName);
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => CsvMatrixFile.WriteSquare((Stream)null!, matrix)).ParamName);
        Assert.Equal("matrix", Assert.Throws<ArgumentNullException>(() => CsvMatrixFile.WriteSquare("unused.csv", null!)).ParamName);
    }

    [Fact]
    public void TheTableWriterWritesRowsAndRefusesNamesThatDoNotFitTheValues()
    {
        var values = RowMatrix.FromArray(new double[,] { { 0.1, -2 }, { 1e-300, 3 } });
        using var stream = new MemoryStream();
        CsvMatrixFile.WriteTable(stream, "class", ["p", "q,r"], ["x0", "x1"], values);
        Assert.Equal("class,x0,x1\np,0.1,-2\n\"q,r\",1E-300,3\n", Encoding.UTF8.GetString(stream.ToArray()));

        var rows = Assert.Throws<ArgumentException>(() => CsvMatrixFile.WriteTable(stream, "class", ["p"], ["x0", "x1"], values));
        Assert.Equal("1 row names and 2 column names for a 2 × 2 table.", rows.Message);
        Assert.Throws<ArgumentException>(() => CsvMatrixFile.WriteTable(stream, "class", ["p", "q"], ["x0"], values));
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => CsvMatrixFile.WriteTable(null!, "c", ["p", "q"], ["x0", "x1"], values)).ParamName);
        Assert.Equal("rowNames", Assert.Throws<ArgumentNullException>(() => CsvMatrixFile.WriteTable(stream, "c", null!, ["x0", "x1"], values)).ParamName);
        Assert.Equal("columnNames", Assert.Throws<ArgumentNullException>(() => CsvMatrixFile.WriteTable(stream, "c", ["p", "q"], null!, values)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => CsvMatrixFile.WriteTable(stream, "c", ["p", "q"], ["x0", "x1"], null!)).ParamName);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData(",lead", "\",lead\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r", "\"cr\r\"")]
    public void AFieldIsQuotedExactlyWhenItHoldsACommaAQuoteOrALineBreak(string field, string written) =>
        Assert.Equal(written, CsvMatrixFile.Quote(field));
}
