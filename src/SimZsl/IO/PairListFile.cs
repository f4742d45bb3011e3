using System.Globalization;
using SimZsl.Similarity;

namespace SimZsl.IO;

/// <summary>Lists of class pairs as CSV files: a header row, then one pair per line, <c>a,b,value</c> (two class names
/// and a similarity or a distance); fields may be quoted as in RFC 4180, blank lines are skipped. Classes are the names
/// that occur, in order of first appearance. Errors name the line and the column. The input of class sets too large
/// for a square matrix (see <see cref="PairDistances"/>).</summary>
public static class PairListFile
{
    private const int Columns = 3;

    /// <summary>Reads pairs whose values are distances (finite, ≥ 0).</summary>
    /// <param name="path">The CSV file.</param>
    /// <exception cref="DataFormatException">A line without exactly three cells, an empty name or a value that is not a number.</exception>
    /// <exception cref="InvalidMatrixException">A negative distance, a class paired with itself at a distance other than
    /// 0, or a pair given twice with different values (both lines are named).</exception>
    public static PairDistances ReadDistanceCsv(string path) => Read(path, SimilarityTransform.None, 0);

    /// <summary>Reads pairs whose values are similarities and turns each into a distance by
    /// <paramref name="transform"/> (as <see cref="PairDistances.FromSimilarities"/>).</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="transform">How a similarity becomes a distance (<see cref="SimilarityTransform.None"/>: the values are distances).</param>
    /// <param name="tolerance">How far outside the transform's domain a similarity may lie and still be clamped into it.</param>
    /// <exception cref="DataFormatException">As <see cref="ReadDistanceCsv"/>.</exception>
    /// <exception cref="InvalidMatrixException">As <see cref="ReadDistanceCsv"/>, or a similarity outside the transform's domain.</exception>
    public static PairDistances ReadSimilarityCsv(string path, SimilarityTransform transform = SimilarityTransform.Arccos, double tolerance = 1e-6) =>
        Read(path, transform, tolerance);

    private static PairDistances Read(string path, SimilarityTransform transform, double tolerance)
    {
        using var lines = TextLines.Read(path).GetEnumerator();
        int lineNumber = 0;
        List<string>? header = null;
        while (header is null && lines.MoveNext())
        {
            lineNumber++;
            header = lines.Current.Trim().Length == 0 ? null : CsvMatrixFile.SplitLine(lines.Current, path, lineNumber);
        }

        if (header is null)
        {
            throw new DataFormatException(path, "the file is empty; expected a header 'a,b,value' and one pair per line.", line: Math.Max(lineNumber, 1));
        }

        if (header.Count != Columns)
        {
            throw new DataFormatException(path, $"the header has {header.Count} cell(s); a list of pairs has three columns, 'a,b,value' (two class names and a similarity or distance).", line: lineNumber);
        }

        // A file without a header would otherwise lose its first pair without a word.
        if (double.TryParse(header[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new DataFormatException(path, $"column 3 of the first line ('{lines.Current.Trim()}') is a number: it looks like a pair, not a header. Add a header line 'a,b,value' above the pairs.", line: lineNumber);
        }

        // One string per class, not one per line: a file of millions of pairs names each class many times.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string name) => names.TryGetValue(name, out var kept) ? kept : names[name] = name;
        var first = new List<string>();
        var second = new List<string>();
        var values = new List<double>();
        var at = new List<int>();
        while (lines.MoveNext())
        {
            lineNumber++;
            string line = lines.Current;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var cells = CsvMatrixFile.SplitLine(line, path, lineNumber);
            if (cells.Count != Columns)
            {
                throw new DataFormatException(path, $"expected 3 cells (a, b, value, as in the header) but found {cells.Count}.", line: lineNumber);
            }

            for (int c = 0; c < 2; c++)
            {
                if (cells[c].Trim().Length == 0)
                {
                    throw new DataFormatException(path, $"column {c + 1} ('{header[c]}') is empty; every pair needs two class names.", line: lineNumber);
                }
            }

            string cell = cells[2].Trim();
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            {
                throw new DataFormatException(path, $"column 3 ('{header[2]}') holds '{(cell.Length <= 40 ? cell : cell[..37] + "...")}', which is not a number.", line: lineNumber);
            }

            if (!double.IsFinite(v))
            {
                throw new DataFormatException(path, $"column 3 ('{header[2]}') is {cell}; values must be finite (leave a pair out when it is unknown).", line: lineNumber);
            }

            first.Add(Intern(cells[0].Trim()));
            second.Add(Intern(cells[1].Trim()));
            values.Add(v);
            at.Add(lineNumber);
        }

        if (values.Count == 0)
        {
            throw new DataFormatException(path, "the file has a header but no pairs.", line: lineNumber + 1);
        }

        return PairDistances.Build(first, second, values, transform, tolerance, new PairLocations(path, [.. at], ValueColumn: Columns));
    }
}
