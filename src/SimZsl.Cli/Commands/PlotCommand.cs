using System.CommandLine;
using SimZsl.Cli.Inputs;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Plotting;

namespace SimZsl.Cli.Commands;

/// <summary><c>simzsl plot</c>: draw a COORDS.csv in the Poincaré disk, on the sphere or in the plane (see
/// <see cref="PrototypePlot"/> for what the picture shows).</summary>
internal static class PlotCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var coords = CliOptions.RequiredPath("--coords", "Coordinates CSV written by 'simzsl embed' (header class,x0,x1,…).");
        coords.HelpName = "COORDS.csv";
        var curvature = CliOptions.Curvature(allowAuto: false);
        var labels = CliOptions.NonEmpty(new Option<string?>("--labels") { Description = "CSV of 'class,group' lines that colours the classes (e.g. seen/unseen); a header line is optional.", HelpName = "LABELS.csv" });
        var title = new Option<string>("--title") { Description = "Title of the picture.", DefaultValueFactory = _ => "SimZsl class prototypes" };
        var output = CliOptions.RequiredPath("--output", $"Picture to write: the extension picks the format ({ImageFile.Supported}).");
        output.HelpName = "PLOT.png";
        // Above 5000 pixels the sphere's two-hemisphere picture (1.7 × wide) needs over 170 MB of pixels.
        var size = CliOptions.Positive("--size", "Width and height in pixels, 200 to 5000.", defaultValue: 900, minimum: 200, maximum: 5000);
        var command = new Command("plot", """
            Draw prototype coordinates: the Poincaré disk at its real radius 1/√|κ| (κ < 0), the sphere as two hemisphere
            discs (κ > 0), or the plane. For d > 2 the picture is a 2-D κ-MDS of the prototypes' geodesic distances, and its
            caption gives the view's normalised stress and neighbour MAP. At most 20 class names are written (group medoids
            and the most spread-out), placed so that none overlaps another.

            Example:
              simzsl plot --coords coords.csv --curvature -1 --output coords.png
            """)
        {
            coords, curvature, labels, title, output, size,
        };
        command.SetAction(parse => CommandRunner.Run(context(parse), _ =>
        {
            var cli = context(parse);
            string outputPath = parse.GetValue(output)!;
            if (ImageFile.FormatOf(outputPath) is null)
            {
                throw new UsageException($"--output '{outputPath}': a picture's name must end in {ImageFile.Supported} (or have no extension, for PNG).");
            }

            CliOptions.CheckOutputFolder(outputPath, "--output");
            double k = parse.GetValue(curvature) ?? throw new UsageException("--curvature is required.");
            string coordsPath = parse.GetValue(coords)!;
            var prototypes = CoordinatesFile.Read(coordsPath, k);
            string? labelPath = parse.GetValue(labels);
            var groups = labelPath is null ? null : ReadGroups(labelPath, prototypes, coordsPath);
            int px = parse.GetValue(size);
            CliOptions.Write(outputPath, "--output", p => AtomicFile.Write(p, stream => PrototypePlot.Write(stream, ImageFile.RequireFormat(p), prototypes, groups, parse.GetValue(title)!, px, px)));
            cli.Say($"Drew {prototypes.ClassNames.Count} classes to {outputPath}.");
            return ExitCodes.Success;
        }));
        return command;
    }

    // 'class,group' lines; a class that is not in the coordinates is a typo the picture would hide (exit 4).
    private static Dictionary<string, string> ReadGroups(string path, ClassPrototypes prototypes, string coordsPath)
    {
        var known = prototypes.ClassNames.ToHashSet(StringComparer.Ordinal);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        int line = 0;
        foreach (string raw in TextLines.Read(path))
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

            string name = cells[0].Trim();
            if (line == 1 && name.Equals("class", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!known.Contains(name))
            {
                throw new SimZslException($"{path}:{line}: class '{name}' is not in {coordsPath}; check the spelling (names are case-sensitive) or drop the line.");
            }

            groups[name] = cells[1].Trim();
        }

        return groups;
    }
}
