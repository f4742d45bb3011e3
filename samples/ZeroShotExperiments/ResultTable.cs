using System.Globalization;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>Collects result rows and prints them as a Markdown table.</summary>
internal sealed class ResultTable(string title)
{
    private readonly List<string[]> _rows = [];

    public void Add(string space, string method, ZeroShotMetrics metrics, ZeroShotMetrics? calibrated, double seconds)
    {
        _rows.Add([space, method, Percent(metrics.ZslTop1), Percent(metrics.GzslSeen), Percent(metrics.GzslUnseen), Percent(metrics.GzslH),
            calibrated is null ? "–" : Percent(calibrated.GzslH), seconds.ToString("F1", CultureInfo.InvariantCulture)]);
        Console.Error.WriteLine($"  {space} | {method}: ZSL {Percent(metrics.ZslTop1)}, H {Percent(metrics.GzslH)} ({seconds:F1} s)");
    }

    public void Print()
    {
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| semantic space | method | ZSL top-1 | GZSL s | GZSL u | GZSL H | H (cal. stacking) | train s |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in _rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        Console.WriteLine();
    }

    private static string Percent(double value) => double.IsNaN(value) ? "–" : (100 * value).ToString("F1", CultureInfo.InvariantCulture);
}
