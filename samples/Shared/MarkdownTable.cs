namespace SimZsl.Samples.Shared;

/// <summary>Rows printed as a Markdown table (the form docs/results.md keeps).</summary>
internal sealed class MarkdownTable(string title, params string[] header)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Print()
    {
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| " + string.Join(" | ", header) + " |");
        Console.WriteLine("|" + string.Concat(header.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var row in _rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        Console.WriteLine();
    }
}
