using System.Globalization;

namespace SimZsl.Samples.Shared;

/// <summary>The Markdown tables a sample printed (a "### title" line, a header row, a separator and rows), read back
/// and combined over several seeds: every numeric cell becomes "mean ± sd" at the precision it was printed with,
/// every other cell must read the same in every run.</summary>
internal static class SeedTables
{
    /// <summary>One table: its title, header cells and rows of cells.</summary>
    internal sealed record Table(string Title, string[] Header, List<string[]> Rows);

    /// <summary>The tables in a sample's standard output, in order.</summary>
    public static List<Table> Parse(string output)
    {
        var tables = new List<Table>();
        Table? current = null;
        foreach (string raw in output.ReplaceLineEndings("\n").Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                current = new Table(line[4..], [], []);
                tables.Add(current);
            }
            else if (current is not null && line.StartsWith('|'))
            {
                string[] cells = [.. line.Trim('|').Split('|').Select(c => c.Trim())];
                if (current.Header.Length == 0)
                {
                    current = current with { Header = cells };
                    tables[^1] = current;
                }
                else if (!cells.All(c => c.Trim(':').Trim('-').Length == 0))
                {
                    current.Rows.Add(cells);
                }
            }
        }

        return tables;
    }

    /// <summary>Combines the same table from runs with different seeds; <paramref name="title"/> replaces theirs.</summary>
    /// <exception cref="InvalidOperationException">The runs' tables differ in shape or in a text cell.</exception>
    public static Table Combine(IReadOnlyList<Table> runs, string title)
    {
        var first = runs[0];
        if (runs.Any(r => !r.Header.SequenceEqual(first.Header, StringComparer.Ordinal) || r.Rows.Count != first.Rows.Count))
        {
            throw new InvalidOperationException($"The runs of '{first.Title}' printed tables of different shapes.");
        }

        var rows = new List<string[]>();
        for (int i = 0; i < first.Rows.Count; i++)
        {
            var row = new string[first.Rows[i].Length];
            for (int j = 0; j < row.Length; j++)
            {
                string[] cells = [.. runs.Select(r => r.Rows[i][j])];
                row[j] = Cell(cells, first.Title, i, j);
            }

            rows.Add(row);
        }

        return new Table(title, first.Header, rows);
    }

    /// <summary>The table as Markdown: title, blank line, header, separator (first column left, others right), rows.</summary>
    public static string Format(Table table)
    {
        var lines = new List<string>
        {
            $"### {table.Title}",
            string.Empty,
            "| " + string.Join(" | ", table.Header) + " |",
            "|" + string.Concat(table.Header.Select((_, i) => i == 0 ? "---|" : "---:|")),
        };
        lines.AddRange(table.Rows.Select(r => "| " + string.Join(" | ", r) + " |"));
        return string.Join('\n', lines) + "\n";
    }

    // Numbers: mean ± sample sd, at the decimals the sample printed; a cell that reads the same in every run keeps
    // its text, so a cell without "±" was identical in every run.
    private static string Cell(string[] cells, string title, int row, int column)
    {
        var numbers = cells.Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : (double?)null).ToArray();
        // The same text in every run (a key such as d or κ, or a result no seed moves) stays as printed.
        if (cells.Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return cells[0];
        }

        string? printed = cells.FirstOrDefault(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x));
        int decimals = printed is not null && printed.Contains('.', StringComparison.Ordinal) ? printed.Length - printed.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        if (numbers.All(v => v is { } x && double.IsFinite(x)))
        {
            double[] v = [.. numbers.Select(x => x!.Value)];
            double mean = v.Average();
            double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
            return v.Length == 1 ? cells[0] : $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {sd.ToString(format, CultureInfo.InvariantCulture)}";
        }

        // A value that is missing (NaN) in some runs: say how many runs had a number.
        if (numbers.Any(v => v is { } x && double.IsFinite(x)))
        {
            double[] v = [.. numbers.Where(x => x is { } y && double.IsFinite(y)).Select(x => x!.Value)];
            return $"{v.Average().ToString(format, CultureInfo.InvariantCulture)} ({v.Length.ToString(CultureInfo.InvariantCulture)} of {cells.Length.ToString(CultureInfo.InvariantCulture)} runs)";
        }

        throw new InvalidOperationException($"'{title}', row {row + 1}, column {column + 1}: the runs printed '{string.Join("', '", cells.Distinct(StringComparer.Ordinal))}'.");
    }
}
