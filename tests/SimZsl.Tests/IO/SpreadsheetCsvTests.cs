using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Tests.IO;

/// <summary>The CSV reader against files written the way spreadsheets write them (data/csv, made by its
/// make_fixtures.py with Python's csv module in the Excel dialect): byte-order mark, CRLF, quoted names holding
/// commas and doubled quotes, non-ASCII names, an empty cell for a missing entry.</summary>
public class SpreadsheetCsvTests
{
    private static readonly string[] Names = ["Ailuropoda melanoleuca", "Felis catus, domestic", "The \"big\" cat", "Cañón wren"];

    private static readonly double[,] Expected =
    {
        { 1.0, 0.25, 0.5, 0.125 },
        { 0.25, 1.0, 0.75, 0.0625 },
        { 0.5, 0.75, 1.0, 0.375 },
        { 0.125, 0.0625, 0.375, 1.0 },
    };

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "data", "csv", name);

    [Theory]
    [InlineData("excel_utf8_bom.csv")]
    [InlineData("quote_all_crlf.csv")]
    public void ReadsNamesAndValuesAsTheSpreadsheetMeantThem(string file)
    {
        var matrix = ClassMatrixFile.ReadSimilarityCsv(Fixture(file));
        Assert.Equal(Names, matrix.ClassNames);   // no BOM glued to a name, no quotes left, no \r at a line's end
        Assert.True(matrix.IsComplete);
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(Expected[i, j], matrix[i, j]);
            }
        }
    }

    [Fact]
    public void AnEmptyCellIsAMissingPairAndItsMirrorKeepsTheValue()
    {
        // Cells (0, 3) and (3, 0) are both empty: the pair is missing; every other pair is read.
        var matrix = ClassMatrixFile.ReadSimilarityCsv(Fixture("excel_missing_cell.csv"));
        Assert.Equal(Names, matrix.ClassNames);
        Assert.Equal(1, matrix.MissingPairCount);
        Assert.False(matrix.IsObserved(0, 3));
        Assert.False(matrix.IsObserved(3, 0));
        Assert.Equal(0.0625, matrix["Felis catus, domestic", "Cañón wren"]);
    }

    [Fact]
    public void TheFixturesAreWhatTheyClaim()
    {
        var bom = File.ReadAllBytes(Fixture("excel_utf8_bom.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bom[..3]);
        Assert.Contains("\r\n", File.ReadAllText(Fixture("quote_all_crlf.csv")), StringComparison.Ordinal);
        Assert.StartsWith("\"class\",\"Ailuropoda melanoleuca\"", File.ReadAllText(Fixture("quote_all_crlf.csv")), StringComparison.Ordinal);
    }
}
