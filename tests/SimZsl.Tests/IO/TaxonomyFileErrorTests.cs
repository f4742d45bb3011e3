using SimZsl.IO;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.IO;

/// <summary>Every refusal of the taxonomy reader, by its whole message and line: parent–child lists and level tables.</summary>
public class TaxonomyFileErrorTests
{
    private static DataFormatException Refusal(Func<string, object> read, string text)
    {
        using var scratch = new ScratchFolder("simzsl-taxonomy-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "tree.txt");
        File.WriteAllText(path, text);
        var error = Assert.Throws<DataFormatException>(() => read(path));
        Assert.Equal(path, error.File);
        Assert.StartsWith(path + ":", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Theory]
    [InlineData(false, "parent child")]
    [InlineData(true, "child parent")]
    public void ALineWithoutExactlyTwoNamesIsRefusedInTheOrderAsked(bool childFirst, string order)
    {
        var three = Refusal(p => TaxonomyFile.ReadPairs(p, childFirst), "# a comment\n\nfish salmon\nfish trout char\n");
        Assert.Equal(4, three.Line);
        Assert.Equal($"expected two names, \"{order}\" (separated by whitespace or one comma), but found 3: 'fish trout char'.", ErrorDetail.Of(three));

        var empty = Refusal(p => TaxonomyFile.ReadPairs(p, childFirst), "fish, \n");
        Assert.Equal(1, empty.Line);
        Assert.EndsWith("but found 1: 'fish,'.", empty.Message, StringComparison.Ordinal);

        string longLine = "animal " + new string('x', 70) + " extra";
        var shortened = Refusal(p => TaxonomyFile.ReadPairs(p, childFirst), longLine + "\n");
        Assert.EndsWith($"'{longLine[..57]}...'.", shortened.Message, StringComparison.Ordinal);
        var exact = Refusal(p => TaxonomyFile.ReadPairs(p, childFirst), new string('y', 56) + " a b\n");   // 60 characters: kept whole
        Assert.EndsWith($"'{new string('y', 56)} a b'.", exact.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithoutPairsIsRefused()
    {
        var error = Refusal(p => TaxonomyFile.ReadPairs(p), "# only a comment\n\n");
        Assert.Equal(1, error.Line);
        Assert.Equal("the file holds no parent–child pairs.", ErrorDetail.Of(error));
    }

    [Fact]
    public void LevelTablesNeedTwoColumnsAHeaderWithThemAndANameInEveryCell()
    {
        var one = Assert.Throws<ArgumentException>(() => TaxonomyFile.ReadColumns("unused.csv", ["Order"]));
        Assert.StartsWith("Name at least two level columns (root-most first); got 1.", one.Message, StringComparison.Ordinal);
        Assert.Equal("levelColumns", Assert.Throws<ArgumentNullException>(() => TaxonomyFile.ReadColumns("unused.csv", null!)).ParamName);

        var missing = Refusal(p => TaxonomyFile.ReadColumns(p, ["Order", "Genus"]), "Order,Family,,Species\nA,B,,C\n");
        Assert.Equal(1, missing.Line);
        Assert.Equal("the header has no column 'Genus'; its columns are 'Order', 'Family', 'Species'.", ErrorDetail.Of(missing));

        var blank = Refusal(p => TaxonomyFile.ReadColumns(p, ["Order", "Family"]), "Order,Family\n\nA,B\nC, \n");
        Assert.Equal(4, blank.Line);
        Assert.Equal("column 'Family' is empty; every row needs a name at every level (fill it in, or drop the row).", ErrorDetail.Of(blank));

        var shortRow = Refusal(p => TaxonomyFile.ReadColumns(p, ["Order", "Family"]), "Order,Family\nA\n");
        Assert.Equal(2, shortRow.Line);
        Assert.StartsWith("column 'Family' is empty;", ErrorDetail.Of(shortRow), StringComparison.Ordinal);

        var noRows = Refusal(p => TaxonomyFile.ReadColumns(p, ["Order", "Family"]), "Order,Family\n\n");
        Assert.Equal(2, noRows.Line);
        Assert.Equal("the table has no data rows.", ErrorDetail.Of(noRows));
    }

    [Fact]
    public void AMissingFileIsRefused()
    {
        string path = Path.Combine(Path.GetTempPath(), $"simzsl-no-such-taxonomy-{Guid.NewGuid():N}.txt");
        Assert.Equal($"The file '{path}' does not exist.", Assert.Throws<FileNotFoundException>(() => TaxonomyFile.ReadPairs(path)).Message);
        Assert.Equal($"The file '{path}' does not exist.", Assert.Throws<FileNotFoundException>(() => TaxonomyFile.ReadColumns(path, ["Order", "Family"])).Message);
        Assert.Throws<FileNotFoundException>(() => TaxonomyFile.ReadTree(path));
        Assert.StartsWith($"{Path.GetTempPath().TrimEnd('/')}: this is a directory, not a file;",
            Assert.Throws<DataFormatException>(() => TaxonomyFile.ReadPairs(Path.GetTempPath().TrimEnd('/'))).Message, StringComparison.Ordinal);
    }
}
