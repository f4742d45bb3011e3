using System.Globalization;

namespace SimZsl.Similarity;

/// <summary>Where each entry of a class matrix stands in the CSV file it was read from, so that an error about an
/// entry names the file, line and column (1-based) a user can open, not an index into the matrix (rows may come
/// in any order in the file, and the matrix puts them in header order).</summary>
/// <param name="File">The file.</param>
/// <param name="RowLines">One-based line of the row of each class, in matrix order.</param>
internal sealed record CellLocations(string File, int[] RowLines)
{
    /// <summary>"line L, column C of FILE" for entry (i, j): the row of class i, the header column of class j
    /// (column 1 holds the row names).</summary>
    public string Describe(int i, int j) =>
        string.Create(CultureInfo.InvariantCulture, $"line {RowLines[i]}, column {j + 2} of {File}");
}
