using System.Globalization;
using Spectre.Console;

namespace SimZsl.Samples.QuickStart;

/// <summary>Prints the results as a table, and says plainly when a head did no better than chance.</summary>
public static class ResultsTable
{
    /// <summary>Writes the table and its notes to the console.</summary>
    public static void Print(IAnsiConsole console, IReadOnlyList<GeometryResult> results, FashionData data)
    {
        var table = new Table().Title(Markup.Escape($"Zero-shot Fashion-MNIST, unseen {string.Join(", ", FashionData.Unseen)}: {data.SeenLabels.Length} training images (seen classes), {data.Test.Labels.Length} test images"))
            .AddColumns("geometry", "head", "ZSL\ntop-1", "GZSL\nseen", "GZSL\nunseen", "GZSL\nH", "H\ncalib.", "time\n(s)");
        foreach (var r in results)
        {
            string zsl = Percent(r.Metrics.ZslTop1);
            table.AddRow(Markup.Escape($"{r.Setting.Name}\nκ={r.Setting.Curvature:+0;-0;0}, d={r.Setting.Dimension}"), Markup.Escape(r.Setting.TableHead),
                r.NearChance ? $"[red]{zsl}[/]" : zsl, Percent(r.Metrics.GzslSeen), Percent(r.Metrics.GzslUnseen), Percent(r.Metrics.GzslH), Percent(r.CalibratedMetrics.GzslH),
                r.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape("Heads: " + string.Join("; ", results.Select(r => $"{r.Setting.Name}: {r.Setting.HeadName}")) + "."));
        console.MarkupLine(Markup.Escape($"Accuracies are per-class means. ZSL: unseen test images, choosing among the {FashionData.Unseen.Count} unseen classes (chance {results[0].Chance:P0}). GZSL: all test images, choosing among all 10 classes; H = 2·seen·unseen/(seen + unseen). H calibrated: calibrated stacking, γ chosen on every other test image, H on the rest."));
        foreach (var r in results.Where(r => r.NearChance))
        {
            console.MarkupLine($"[red]Note:[/] {Markup.Escape($"the {r.Setting.Name} head ({r.Setting.HeadName}) is not clearly above chance in ZSL ({Percent(r.Metrics.ZslTop1)}).")}");
        }

        if (results.Any(r => r.Metrics.GzslUnseen < 0.2))
        {
            console.MarkupLine(Markup.Escape("Low GZSL unseen accuracy is the usual bias towards the seen classes (a Sandal looks like the seen Sneaker, a Shirt like a T-shirt/top); calibrated stacking (ZeroShotModel.ChooseCalibration) trades seen for unseen accuracy."));
        }
    }

    private static string Percent(double value) =>
        double.IsNaN(value) ? "–" : (100 * value).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
