using System.Text;
using SimZsl.Similarity;

namespace SimZsl.IO;

/// <summary>Reads the edges of a class hierarchy from text: a parent–child pair file, or the level columns of a
/// CSV table (one row per leaf, e.g. Order and Family). Every edge keeps its line number for error messages.</summary>
public static class TaxonomyFile
{
    /// <summary>Reads a parent–child pair file (see <see cref="ReadPairs"/>) and builds the tree; errors name the
    /// file and the line of every edge involved.</summary>
    /// <param name="path">One pair per line, "parent child", whitespace or comma separated.</param>
    /// <param name="childFirst">The pairs are written "child parent".</param>
    /// <param name="commonRoot">A new node to create above the roots when the edges form several trees.</param>
    public static TaxonomyTree ReadTree(string path, bool childFirst = false, string? commonRoot = null) =>
        TaxonomyTree.Build(EnumeratePairs(path, childFirst), commonRoot, path);

    /// <summary>Reads the level columns of a CSV table, root-most first (see <see cref="ReadColumns"/>), e.g.
    /// ("Order", "Family") for FishNet, and builds the tree.</summary>
    /// <param name="path">A CSV file with a header row.</param>
    /// <param name="levelColumns">Two or more column names, root-most first.</param>
    /// <param name="commonRoot">A new node to create above the roots when the top level has several values.</param>
    public static TaxonomyTree ReadTreeFromColumns(string path, IReadOnlyList<string> levelColumns, string? commonRoot = null) =>
        TaxonomyTree.Build(EnumerateColumns(path, levelColumns), commonRoot, path);

    /// <summary>Reads one pair per line, "parent child". A line with a comma is split at the comma (so names may
    /// hold spaces: "Passeriformes, Corvidae"); any other line is split at whitespace. Blank lines and lines
    /// starting with '#' are skipped.</summary>
    /// <param name="path">The file.</param>
    /// <param name="childFirst">The pairs are written "child parent" instead (as NABirds' hierarchy.txt).</param>
    public static IReadOnlyList<TaxonomyEdge> ReadPairs(string path, bool childFirst = false) => EnumeratePairs(path, childFirst).ToList();

    /// <summary>The edges of <see cref="ReadPairs"/> one at a time, so that a consumer that checks them reports
    /// the first problem of the file, whether it is a parse error or a structural one.</summary>
    private static IEnumerable<TaxonomyEdge> EnumeratePairs(string path, bool childFirst)
    {
        CheckExists(path);
        return Pairs(path, childFirst);
    }

    private static IEnumerable<TaxonomyEdge> Pairs(string path, bool childFirst)
    {
        bool any = false;
        int lineNumber = 0;
        foreach (string raw in ReadLines(path))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Contains(',', StringComparison.Ordinal)
                ? CsvMatrixFile.SplitLine(line, path, lineNumber).Select(c => c.Trim()).ToList()
                : line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
            if (cells.Count != 2 || cells.Any(c => c.Length == 0))
            {
                throw new DataFormatException(path, $"expected two names, \"{(childFirst ? "child parent" : "parent child")}\" (separated by whitespace or one comma), but found {cells.Count(c => c.Length > 0)}: '{Shorten(line)}'.", line: lineNumber);
            }

            any = true;
            yield return childFirst ? new TaxonomyEdge(cells[1], cells[0], lineNumber) : new TaxonomyEdge(cells[0], cells[1], lineNumber);
        }

        if (!any)
        {
            throw new DataFormatException(path, "the file holds no parent–child pairs.", line: 1);
        }
    }

    /// <summary>Reads a CSV table with a header row and one row per leaf, and takes the named columns as levels
    /// from the root down: columns ("Order", "Family") give the edges Order → Family of every row. Repeated edges
    /// are expected (every family of an order repeats it) and are kept once by <see cref="TaxonomyTree"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="levelColumns">Two or more column names, root-most first.</param>
    public static IReadOnlyList<TaxonomyEdge> ReadColumns(string path, IReadOnlyList<string> levelColumns) => EnumerateColumns(path, levelColumns).ToList();

    /// <summary>The edges of <see cref="ReadColumns"/> one at a time (see <see cref="EnumeratePairs"/>).</summary>
    private static IEnumerable<TaxonomyEdge> EnumerateColumns(string path, IReadOnlyList<string> levelColumns)
    {
        ArgumentNullException.ThrowIfNull(levelColumns);
        if (levelColumns.Count < 2)
        {
            throw new ArgumentException($"Name at least two level columns (root-most first); got {levelColumns.Count}.", nameof(levelColumns));
        }

        CheckExists(path);
        return Columns(path, levelColumns);
    }

    private static IEnumerable<TaxonomyEdge> Columns(string path, IReadOnlyList<string> levelColumns)
    {
        bool any = false;
        int[]? positions = null;
        int lineNumber = 0;
        foreach (string line in ReadLines(path))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var cells = CsvMatrixFile.SplitLine(line, path, lineNumber);
            if (positions is null)
            {
                positions = FindColumns(cells, levelColumns, path, lineNumber);
                continue;
            }

            for (int level = 0; level + 1 < positions.Length; level++)
            {
                string parent = Cell(cells, positions[level], levelColumns[level], path, lineNumber);
                string child = Cell(cells, positions[level + 1], levelColumns[level + 1], path, lineNumber);
                any = true;
                yield return new TaxonomyEdge(parent, child, lineNumber);
            }
        }

        if (!any)
        {
            throw new DataFormatException(path, "the table has no data rows.", line: lineNumber);
        }
    }

    private static int[] FindColumns(List<string> header, IReadOnlyList<string> wanted, string path, int lineNumber)
    {
        var names = header.Select(h => h.Trim()).ToList();
        var positions = new int[wanted.Count];
        for (int k = 0; k < wanted.Count; k++)
        {
            positions[k] = names.IndexOf(wanted[k]);
            if (positions[k] < 0)
            {
                throw new DataFormatException(path, $"the header has no column '{wanted[k]}'; its columns are {string.Join(", ", names.Where(n => n.Length > 0).Select(n => $"'{n}'"))}.", line: lineNumber);
            }
        }

        return positions;
    }

    private static string Cell(List<string> cells, int position, string column, string path, int lineNumber)
    {
        string value = position < cells.Count ? cells[position].Trim() : string.Empty;
        if (value.Length == 0)
        {
            throw new DataFormatException(path, $"column '{column}' is empty; every row needs a name at every level (fill it in, or drop the row).", line: lineNumber);
        }

        return value;
    }

    // Called outside the iterators, so a missing file is reported at the call, not at the first enumeration.
    private static void CheckExists(string path)
    {
        InputFile.Require(path);
    }

    private static IEnumerable<string> ReadLines(string path) => TextLines.Read(path);

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
