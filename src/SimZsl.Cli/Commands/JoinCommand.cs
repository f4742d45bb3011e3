using System.CommandLine;
using System.Globalization;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Cli.Commands;

/// <summary><c>simzsl join</c>: the multi-source form. Several similarity sources over their own classes, plus
/// cross-source tables (possibly partial), become one calibrated, masked distance matrix that
/// <c>simzsl embed --input-kind distance</c> embeds.</summary>
internal static class JoinCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var sources = new Option<string[]>("--source") { Description = "A source as NAME=FILE: a square similarity CSV over that source's classes. Repeat for each source.", Required = true, AllowMultipleArgumentsPerToken = false, HelpName = "NAME=FILE" };
        var cross = CliOptions.NonEmpty(new Option<string[]>("--cross") { Description = "A cross-source similarity table (CSV: header of column classes, row class in the first column, empty cell = missing). Pairs within one source are ignored, so a full table over all classes works too. Repeatable.", HelpName = "FILE" });
        var prefix = new Option<string[]>("--prefix") { Description = "Call the classes of source NAME 'NAME:class' (as the cross table names them), so that sources that share class names can be joined. Repeatable.", HelpName = "NAME" };
        var transform = CliOptions.Transform();
        var calibration = new Option<string>("--calibration") { Description = "Per-source scale calibration: cross-consistency (default; each source scaled to agree with the cross-source distances), median (each block to a common median), none.", DefaultValueFactory = _ => "cross-consistency", HelpName = "NAME" };
        calibration.AcceptOnlyFromAmong("cross-consistency", "median", "none");
        var output = CliOptions.RequiredPath("--output", "Distance CSV to write (empty cell = missing): the input of 'simzsl embed --input-kind distance'.");
        output.HelpName = "DISTANCES.csv";
        var report = CliOptions.NonEmpty(new Option<string?>("--report") { Description = "JSON report: classes, sources, scales, missing pairs.", HelpName = "REPORT.json" });
        var command = new Command("join", """
            Join several similarity sources (each over its own classes) and cross-source tables into one calibrated distance matrix with missing entries.

            Example:
              simzsl join --source awa=samples/data/WordNet/AWA2_wup.csv --source apy=samples/data/WordNet/APY_path.csv --prefix apy --cross samples/data/WordNet/AWA2+APY_wup.csv --output joined.csv
              simzsl embed --input joined.csv --input-kind distance --curvature -1 --dim 8 --output joined-coords.csv
            """)
        {
            sources, prefix, cross, transform, calibration, output, report,
        };
        command.SetAction(parse => CommandRunner.Run(context(parse), _ =>
        {
            var cli = context(parse);
            string outputPath = parse.GetValue(output)!;
            string? reportPath = parse.GetValue(report);
            CliOptions.CheckDistinctOutputs((outputPath, "--output"), (reportPath, "--report"));
            CliOptions.CheckOutputFolder(outputPath, "--output");
            CliOptions.CheckOutputFolder(reportPath, "--report");
            var prefixed = (parse.GetValue(prefix) ?? []).ToHashSet(StringComparer.Ordinal);
            var join = new MultiSourceSimilarity();
            var sourceOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string spec in parse.GetValue(sources)!)
            {
                int eq = spec.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == spec.Length - 1)
                {
                    throw new UsageException($"--source '{spec}': write NAME=FILE, e.g. --source awa=awa.csv.");
                }

                string name = spec[..eq];
                var s = ClassMatrixFile.ReadSimilarityCsv(spec[(eq + 1)..]);
                if (prefixed.Remove(name))
                {
                    s = s.WithClassNames(s.ClassNames.Select(c => $"{name}:{c}").ToArray());
                }

                join.AddSource(name, s);
                foreach (string c in s.ClassNames)
                {
                    sourceOf[c] = name;
                }
            }

            if (prefixed.Count > 0)
            {
                throw new UsageException($"--prefix {string.Join(", ", prefixed)}: no --source has that name; give the NAME of a NAME=FILE source.");
            }

            foreach (string file in parse.GetValue(cross) ?? [])
            {
                AddCross(join, file, sourceOf);
            }

            var joined = join.ToDistances(CliOptions.TransformOrDefault(parse.GetValue(transform)), ParseCalibration(parse.GetValue(calibration)!));
            using (var outputs = new OutputFiles())
            {
                outputs.Add(outputPath, "--output", s => CsvMatrixFile.WriteSquare(s, joined.Distances));
                outputs.Add(reportPath, "--report", s => JsonReport.Write(s, new Dictionary<string, object?>
                {
                    ["classes"] = joined.Distances.Count,
                    ["sources"] = join.Sources,
                    ["source_scales"] = joined.SourceScales,
                    ["cross_scale"] = joined.CrossScale,
                    ["missing_pairs"] = joined.Distances.MissingPairCount,
                }));
                outputs.Commit();
            }

            cli.Say(string.Create(CultureInfo.InvariantCulture,
                $"Joined {join.Sources.Count} sources, {joined.Distances.Count} classes, {joined.Distances.MissingPairCount} missing pairs; scales {string.Join(", ", joined.SourceScales.Select(kv => $"{kv.Key} ×{kv.Value:G4}"))}, cross ×{joined.CrossScale:G4}. Wrote {outputPath}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    // Reads a cross table; entries whose two classes come from the same source (or from no source) are ignored.
    private static void AddCross(MultiSourceSimilarity join, string file, Dictionary<string, string> sourceOf)
    {
        var table = CsvMatrixFile.ReadTable(file, allowMissing: true);
        var rows = table.RowNames.Where(sourceOf.ContainsKey).ToArray();
        var columns = table.ColumnNames.Where(sourceOf.ContainsKey).ToArray();
        if (rows.Length == 0 || columns.Length == 0)
        {
            throw new DataFormatException(file, "no row or no column of this cross table names a class of the given sources; check the class names.");
        }

        var rowIndex = table.RowNames.Select((name, i) => (name, i)).Where(t => sourceOf.ContainsKey(t.name)).Select(t => t.i).ToArray();
        var columnIndex = table.ColumnNames.Select((name, j) => (name, j)).Where(t => sourceOf.ContainsKey(t.name)).Select(t => t.j).ToArray();
        var values = new double[rows.Length, columns.Length];
        var observed = new bool[rows.Length, columns.Length];
        for (int a = 0; a < rows.Length; a++)
        {
            for (int b = 0; b < columns.Length; b++)
            {
                int k = (rowIndex[a] * table.ColumnNames.Length) + columnIndex[b];
                values[a, b] = table.Values[rowIndex[a], columnIndex[b]];
                observed[a, b] = (table.Observed is null || table.Observed[k]) && sourceOf[rows[a]] != sourceOf[columns[b]];
            }
        }

        join.AddCrossBlock(rows, columns, values, observed);
    }

    private static SourceCalibration ParseCalibration(string name) => name switch
    {
        "median" => SourceCalibration.MedianNormalize,
        "none" => SourceCalibration.None,
        _ => SourceCalibration.CrossConsistency,
    };
}
