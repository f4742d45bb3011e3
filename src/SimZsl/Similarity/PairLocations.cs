using System.Globalization;

namespace SimZsl.Similarity;

/// <summary>Where each pair of a <see cref="PairDistances"/> stood in the file it was read from, so that an error
/// about a pair names the line a user can open (the counterpart of <see cref="CellLocations"/> for lists of pairs).</summary>
/// <param name="File">The file.</param>
/// <param name="Lines">One-based line of each pair, in input order.</param>
/// <param name="ValueColumn">One-based column of the value.</param>
internal sealed record PairLocations(string File, int[] Lines, int ValueColumn)
{
    /// <summary>"line L of FILE" for input pair k, or "pair k (from 0)" without a file.</summary>
    public static string Describe(PairLocations? locations, int k) => locations is null
        ? string.Create(CultureInfo.InvariantCulture, $"pair {k} (from 0)")
        : string.Create(CultureInfo.InvariantCulture, $"line {locations.Lines[k]} of {locations.File}");

    /// <summary>"line L, column C of FILE" for the value of input pair k, or "pair k (from 0)" without a file.</summary>
    public static string DescribeValue(PairLocations? locations, int k) => locations is null
        ? Describe(null, k)
        : string.Create(CultureInfo.InvariantCulture, $"line {locations.Lines[k]}, column {locations.ValueColumn} of {locations.File}");
}
