using System.Globalization;
using System.Text.RegularExpressions;

namespace SimZsl.Samples.Shared;

/// <summary>The Markdown tables a challenge sample prints (a "### title" line, a header row, a separator and rows,
/// then its "Verdict: …" lines), read back so that docs/results.md can be written from them and two runs compared.</summary>
internal static partial class ResultTables
{
    /// <summary>One table: its title, header cells, rows of cells and the verdicts printed after it.</summary>
    internal sealed record Table(string Title, string[] Header, List<string[]> Rows, List<string> Verdicts);

    /// <summary>A cell of one run whose 95 % interval does not overlap the same cell's in another run.</summary>
    internal sealed record Disagreement(string Title, int Row, int Column, string First, string Second);

    /// <summary>The tables in a sample's standard output (or in a document <see cref="Format"/> wrote), in order, each
    /// with the verdict lines that follow it.</summary>
    public static List<Table> Parse(string output)
    {
        var tables = new List<Table>();
        Table? current = null;
        foreach (string raw in output.ReplaceLineEndings("\n").Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("- Verdict: ", StringComparison.Ordinal))
            {
                line = line[2..];   // as Format writes it, so that a written document reads back the same
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                current = new Table(line[4..], [], [], []);
                tables.Add(current);
            }
            else if (current is not null && line.StartsWith("Verdict: ", StringComparison.Ordinal))
            {
                current.Verdicts.Add(line["Verdict: ".Length..]);
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

    /// <summary>The table as Markdown: title, blank line, header, separator (first column left, others right), rows,
    /// then its verdicts as a list.</summary>
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
        if (table.Verdicts.Count > 0)
        {
            lines.Add(string.Empty);
            lines.AddRange(table.Verdicts.Select(v => $"- Verdict: {v}"));
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The "mean [lower, upper]" interval of a cell, or null for a cell without one.</summary>
    public static (double Lower, double Upper)? Interval(string cell)
    {
        var match = IntervalCell().Match(cell);
        return match.Success
            ? (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Compares two runs of the same tables (the same sample with other seeds): every cell that carries an
    /// interval in both is counted, and those whose intervals do not overlap are returned.</summary>
    /// <returns>How many interval cells were compared, and the disagreements.</returns>
    /// <exception cref="InvalidOperationException">The runs printed tables of different shapes.</exception>
    public static (int Compared, List<Disagreement> Disagreements) Compare(IReadOnlyList<Table> first, IReadOnlyList<Table> second)
    {
        if (first.Count != second.Count)
        {
            throw new InvalidOperationException($"One run printed {first.Count} tables, the other {second.Count}.");
        }

        int compared = 0;
        var disagreements = new List<Disagreement>();
        for (int t = 0; t < first.Count; t++)
        {
            var (a, b) = (first[t], second[t]);
            if (a.Rows.Count != b.Rows.Count || !a.Header.SequenceEqual(b.Header, StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"'{a.Title}': the runs printed tables of different shapes.");
            }

            for (int i = 0; i < a.Rows.Count; i++)
            {
                for (int j = 0; j < a.Rows[i].Length && j < b.Rows[i].Length; j++)
                {
                    if (Interval(a.Rows[i][j]) is { } x && Interval(b.Rows[i][j]) is { } y)
                    {
                        compared++;
                        if (x.Upper < y.Lower || y.Upper < x.Lower)
                        {
                            disagreements.Add(new Disagreement(a.Title, i + 1, j + 1, a.Rows[i][j], b.Rows[i][j]));
                        }
                    }
                }
            }
        }

        return (compared, disagreements);
    }

    [GeneratedRegex(@"^\s*-?[0-9.]+(?:e-?[0-9]+)?\s*\[\s*(-?[0-9.]+(?:e-?[0-9]+)?)\s*,\s*(-?[0-9.]+(?:e-?[0-9]+)?)\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex IntervalCell();
}
