using System.Globalization;
using SimZsl.Cli.Inputs;
using SimZsl.Embedding;
using SimZsl.IO;
using Spectre.Console;

namespace SimZsl.Cli.Commands;

/// <summary>The table <c>simzsl gbu</c> prints: one row per method, in the column order of Xian et al.'s tables
/// (ZSL T1; GZSL u, s, H), then the calibrated GZSL figures.</summary>
internal static class GbuTable
{
    public static Table Create(GbuSplit split, Xlsa17Dataset data, KappaMdsResult embedding, double normalizedStress, string? similarity, IReadOnlyList<GbuResult> results)
    {
        var culture = CultureInfo.InvariantCulture;
        string validation = split.ValidationClasses is null ? "held-out folds" : string.Create(culture, $"{split.ValidationClasses.Length} of them validation");
        var table = new Table()
            .Title(Markup.Escape(string.Create(culture,
                $"{split.Name}: {data.Features!.Rows} × {data.Features.Columns} features; {split.SeenClasses.Length} seen classes ({validation}), {split.UnseenClasses.Length} unseen; "
                + $"train {split.TrainLabels.Length}, test seen {split.TestSeenInstances}, test unseen {split.TestUnseenInstances}")))
            .Caption(Markup.Escape(string.Create(culture,
                $"prototypes: κ-MDS of {similarity ?? "cosine(att)"}, κ = {embedding.Curvature:G4}, d = {embedding.Dimension}, normalised stress {normalizedStress:G3}. Accuracies are per-class means, in %.")))
            .AddColumn("method")
            .AddColumn("chosen")
            .AddColumn(new TableColumn("ZSL T1").RightAligned())
            .AddColumn(new TableColumn("u").RightAligned())
            .AddColumn(new TableColumn("s").RightAligned())
            .AddColumn(new TableColumn("H").RightAligned())
            .AddColumn(new TableColumn("cal. u").RightAligned())
            .AddColumn(new TableColumn("cal. s").RightAligned())
            .AddColumn(new TableColumn("cal. H").RightAligned());
        foreach (var r in results)
        {
            var c = r.Calibrated;
            table.AddRow(Markup.Escape(r.IsHead ? $"{r.Method} (head)" : r.Method), Markup.Escape(r.Settings),
                Percent(r.Metrics.ZslTop1), Percent(r.Metrics.GzslUnseen), Percent(r.Metrics.GzslSeen), Percent(r.Metrics.GzslH),
                Percent(c?.GzslUnseen), Percent(c?.GzslSeen), Percent(c?.GzslH));
        }

        return table;
    }

    private static string Percent(double? value) =>
        value is { } v && double.IsFinite(v) ? (100 * v).ToString("F1", CultureInfo.InvariantCulture) : "–";
}
