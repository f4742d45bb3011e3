using System.CommandLine;
using SimZsl.Plotting;
using SimZsl.Embedding;
using SimZsl.IO;

namespace SimZsl.Cli.Commands;

/// <summary><c>simzsl plot</c>: draw a COORDS.csv in the Poincaré disk, on the sphere or in the plane.</summary>
internal static class PlotCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var coords = CliOptions.RequiredPath("--coords", "Coordinates CSV written by 'simzsl embed' (header class,x0,x1,…).");
        coords.HelpName = "COORDS.csv";
        var curvature = CliOptions.Curvature(allowAuto: false);
        var labels = new Option<string?>("--labels") { Description = "CSV of 'class,group' lines that colours the classes (e.g. seen/unseen); a header line is optional.", HelpName = "LABELS.csv" };
        var title = new Option<string>("--title") { Description = "Title of the picture.", DefaultValueFactory = _ => "SimZsl class prototypes" };
        var output = CliOptions.RequiredPath("--output", "PNG file to write.");
        output.HelpName = "PLOT.png";
        var size = CliOptions.Positive("--size", "Width and height in pixels. Default 900.", defaultValue: 900, minimum: 200);
        var command = new Command("plot", """
            Draw prototype coordinates as a PNG: the Poincaré disk (κ < 0, boundary drawn), the sphere (κ > 0) or the plane.

            Example:
              simzsl plot --coords coords.csv --curvature -1 --labels groups.csv --output coords.png
            """)
        {
            coords, curvature, labels, title, output, size,
        };
        command.SetAction(parse => CommandRunner.Run(context(parse), _ =>
        {
            var cli = context(parse);
            string outputPath = parse.GetValue(output)!;
            CliOptions.CheckOutputFolder(outputPath, "--output");
            double k = parse.GetValue(curvature) ?? throw new UsageException("--curvature is required.");
            var table = CsvMatrixFile.ReadTable(parse.GetValue(coords)!);
            var prototypes = new ClassPrototypes(table.RowNames, table.Values, k);
            string? labelPath = parse.GetValue(labels);
            var groups = labelPath is null ? null : ReadGroups(labelPath);
            int px = parse.GetValue(size);
            CliOptions.Write(outputPath, "--output", p => PrototypePlot.Save(p, prototypes, groups, parse.GetValue(title)!, px, px));
            cli.Say($"Drew {prototypes.ClassNames.Count} classes to {outputPath}.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Dictionary<string, string> ReadGroups(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The label file '{path}' does not exist.", path);
        }

        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        int line = 0;
        foreach (string raw in File.ReadLines(path))
        {
            line++;
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            var cells = CsvMatrixFile.SplitLine(raw, path, line);
            if (cells.Count != 2)
            {
                throw new DataFormatException(path, $"expected 'class,group' but found {cells.Count} cells.", line: line);
            }

            if (line == 1 && cells[0].Trim().Equals("class", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            groups[cells[0].Trim()] = cells[1].Trim();
        }

        return groups;
    }
}
