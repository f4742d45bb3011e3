using System.Globalization;
using System.Text;
using SimZsl.Similarity;

namespace SimZsl.IO;

/// <summary>Reads and writes the CSV layouts SimZsl uses: a square class matrix (header row of class names, the
/// class name in the first column, an empty cell or NaN for a missing entry) and a table of named rows (class
/// vectors, coordinates). Fields may be quoted as in RFC 4180; a quoted field cannot span lines.</summary>
internal static class CsvMatrixFile
{
    /// <summary>A square matrix as read: names, row-major values and the mask (null when nothing is missing).</summary>
    public sealed record SquareTable(string[] Names, double[] Values, bool[]? Observed)
    {
        /// <summary>One-based file line of each class's row, in header order (rows may come in any order).</summary>
        public int[] Lines { get; init; } = [];
    }

    /// <summary>A table of named rows and named columns.</summary>
    public sealed record NamedTable(string[] RowNames, string[] ColumnNames, RowMatrix Values, bool[]? Observed)
    {
        /// <summary>One-based file line of each row.</summary>
        public int[] RowLines { get; init; } = [];
    }

    /// <summary>Reads a square class matrix. Rows may come in any order; they are put in header order.</summary>
    public static SquareTable ReadSquare(string path)
    {
        var table = ReadTable(path, allowMissing: true);
        int n = table.ColumnNames.Length;
        if (table.RowNames.Length != n)
        {
            throw new DataFormatException(path, $"the header names {n} classes but there are {table.RowNames.Length} data rows; a class matrix must be square.");
        }

        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < n; j++)
        {
            if (!position.TryAdd(table.ColumnNames[j], j))
            {
                throw new DataFormatException(path, $"class '{table.ColumnNames[j]}' appears twice in the header (columns {position[table.ColumnNames[j]] + 2} and {j + 2}).", line: 1);
            }
        }

        var values = new double[n * n];
        bool[]? observed = table.Observed is null ? null : new bool[n * n];
        var seen = new bool[n];
        var lines = new int[n];
        for (int r = 0; r < n; r++)
        {
            if (!position.TryGetValue(table.RowNames[r], out int i))
            {
                throw new DataFormatException(path, $"row class '{table.RowNames[r]}' is not in the header; the first column must name the same classes as the header row.", line: table.RowLines[r]);
            }

            if (seen[i])
            {
                throw new DataFormatException(path, $"class '{table.RowNames[r]}' has two rows (lines {lines[i]} and {table.RowLines[r]}).", line: table.RowLines[r]);
            }

            seen[i] = true;
            lines[i] = table.RowLines[r];
            table.Values.Row(r).CopyTo(values.AsSpan(i * n, n));
            table.Observed?.AsSpan(r * n, n).CopyTo(observed.AsSpan(i * n, n));
        }

        return new SquareTable(table.ColumnNames, values, observed) { Lines = lines };
    }

    /// <summary>Reads a table whose first row names the columns and whose first column names the rows.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="allowMissing">Accept empty cells and NaN as missing entries (else they are an error).</param>
    public static NamedTable ReadTable(string path, bool allowMissing = false)
    {
        using var lines = TextLines.Read(path).GetEnumerator();
        int lineNumber = 0;
        string? headerLine = null;
        while (headerLine is null && lines.MoveNext())
        {
            lineNumber++;
            headerLine = lines.Current.Trim().Length == 0 ? null : lines.Current;
        }

        if (headerLine is null)
        {
            throw new DataFormatException(path, "the file is empty; expected a header row of names.", line: Math.Max(lineNumber, 1));
        }

        int headerLineNumber = lineNumber;
        var header = SplitLine(headerLine, path, headerLineNumber);
        int columns = header.Count - 1;
        if (columns < 1)
        {
            throw new DataFormatException(path, "the header has no names after the first cell; expected 'label,name1,name2,…'.", line: headerLineNumber);
        }

        for (int c = 1; c < header.Count; c++)
        {
            if (header[c].Trim().Length == 0)
            {
                throw new DataFormatException(path, $"column {c + 1} of the header is empty; every column needs a name.", line: headerLineNumber);
            }
        }

        var rowNames = new List<string>();
        var rowLines = new List<int>();
        var values = new List<double>();
        List<bool>? observed = null;
        while (lines.MoveNext())
        {
            string line = lines.Current;
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var cells = SplitLine(line, path, lineNumber);
            if (cells.Count != columns + 1)
            {
                throw new DataFormatException(path, $"expected {columns + 1} cells (a name and {columns} values, as in the header) but found {cells.Count}.", line: lineNumber);
            }

            if (cells[0].Trim().Length == 0)
            {
                throw new DataFormatException(path, "column 1 (the row's name) is empty; every row needs a name.", line: lineNumber);
            }

            rowNames.Add(cells[0]);
            rowLines.Add(lineNumber);
            for (int c = 1; c < cells.Count; c++)
            {
                string cell = cells[c].Trim();
                if (cell.Length == 0 || cell.Equals("nan", StringComparison.OrdinalIgnoreCase))
                {
                    if (!allowMissing)
                    {
                        throw new DataFormatException(path, $"column {c + 1} ('{header[c]}') is empty or NaN; this table cannot have missing values.", line: lineNumber);
                    }

                    observed ??= Enumerable.Repeat(true, values.Count).ToList();
                    observed.Add(false);
                    values.Add(double.NaN);
                    continue;
                }

                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                {
                    throw new DataFormatException(path, $"column {c + 1} ('{header[c]}') holds '{Shorten(cell)}', which is not a number.", line: lineNumber);
                }

                if (!double.IsFinite(v))
                {
                    throw new DataFormatException(path, $"column {c + 1} ('{header[c]}') is {cell}; values must be finite.", line: lineNumber);
                }

                values.Add(v);
                observed?.Add(true);
            }
        }

        if (rowNames.Count == 0)
        {
            throw new DataFormatException(path, "the file has a header but no data rows.", line: 2);
        }

        return new NamedTable(rowNames.ToArray(), header.Skip(1).ToArray(), RowMatrix.Wrap(rowNames.Count, columns, values.ToArray()), observed?.ToArray())
        {
            RowLines = rowLines.ToArray(),
        };
    }

    /// <summary>Writes a class matrix: header of names, the name in the first column, empty when missing.</summary>
    public static void WriteSquare(string path, ClassMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        AtomicFile.Write(path, stream => WriteSquare(stream, matrix));
    }

    /// <summary>Writes a class matrix to a stream (as <see cref="WriteSquare(string, ClassMatrix)"/>), e.g. one
    /// file of an <see cref="AtomicFileSet"/>.</summary>
    public static void WriteSquare(Stream stream, ClassMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.Count;
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        w.Write("class");
        foreach (var name in matrix.ClassNames)
        {
            w.Write(',');
            w.Write(Quote(name));
        }

        w.Write('\n');
        for (int i = 0; i < n; i++)
        {
            w.Write(Quote(matrix.ClassNames[i]));
            for (int j = 0; j < n; j++)
            {
                w.Write(',');
                if (matrix.IsObserved(i, j))
                {
                    w.Write(matrix[i, j].ToString("R", CultureInfo.InvariantCulture));
                }
            }

            w.Write('\n');
        }
    }

    /// <summary>Writes named rows to a stream: header <c>firstHeader,col0,col1,…</c>, then one line per row (e.g. one
    /// file of an <see cref="AtomicFileSet"/>).</summary>
    public static void WriteTable(Stream stream, string firstHeader, IReadOnlyList<string> rowNames, IReadOnlyList<string> columnNames, RowMatrix values)
    {
        ArgumentNullException.ThrowIfNull(stream);
        CheckTable(rowNames, columnNames, values);
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        w.Write(Quote(firstHeader));
        foreach (var c in columnNames)
        {
            w.Write(',');
            w.Write(Quote(c));
        }

        w.Write('\n');
        for (int i = 0; i < values.Rows; i++)
        {
            w.Write(Quote(rowNames[i]));
            foreach (double v in values.Row(i))
            {
                w.Write(',');
                w.Write(v.ToString("R", CultureInfo.InvariantCulture));
            }

            w.Write('\n');
        }
    }

    private static void CheckTable(IReadOnlyList<string> rowNames, IReadOnlyList<string> columnNames, RowMatrix values)
    {
        ArgumentNullException.ThrowIfNull(rowNames);
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentNullException.ThrowIfNull(values);
        if (rowNames.Count != values.Rows || columnNames.Count != values.Columns)
        {
            throw new ArgumentException($"{rowNames.Count} row names and {columnNames.Count} column names for a {values.Rows} × {values.Columns} table.");
        }
    }

    /// <summary>Splits one CSV line; quoted fields may hold commas and doubled quotes.</summary>
    /// <param name="line">The line, without its line break.</param>
    /// <param name="path">The file, for error messages.</param>
    /// <param name="lineNumber">One-based line number, for error messages.</param>
    public static List<string> SplitLine(string line, string path, int lineNumber)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int k = 0; k < line.Length; k++)
        {
            char ch = line[k];
            if (quoted)
            {
                if (ch == '"' && k + 1 < line.Length && line[k + 1] == '"')
                {
                    cell.Append('"');
                    k++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch != '\r')
            {
                cell.Append(ch);
            }
        }

        if (quoted)
        {
            throw new DataFormatException(path, "a quoted field is not closed on this line (quoted fields cannot span lines).", line: lineNumber);
        }

        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>One CSV field as RFC 4180 writes it: quoted (with doubled quotes) when it holds a comma, a quote or
    /// a line break, as is otherwise.</summary>
    public static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
