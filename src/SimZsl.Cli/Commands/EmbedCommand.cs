using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SimZsl.Cli.Inputs;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Cli.Commands;

/// <summary><c>simzsl embed</c>: κ-MDS of a class similarity (or distance, or vector) file into prototype
/// coordinates, per the stable CLI contract.</summary>
internal static class EmbedCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var input = CliOptions.RequiredPath("--input", "Class similarity CSV (header of class names, name in the first column; empty cell or NaN = missing), .npy, or file.mat:variable.");
        var curvature = CliOptions.Curvature(allowAuto: true);
        var dim = CliOptions.Positive("--dim", "Target dimension d (the sphere's coordinates have d + 1 columns).");
        var kind = CliOptions.ClassMatrixKind("--input-kind", "the input");
        var transform = CliOptions.Transform();
        var columnsAreClasses = CliOptions.ColumnsAreClasses();
        var landmarks = CliOptions.NonEmpty(new Option<string?>("--landmarks") { Description = "Text file of landmark class names, one per line; other classes are placed from their landmark distances only.", HelpName = "FILE" });
        var refine = new Option<bool>("--refine") { Description = "Refine the strain solution by minimising stress (always done when entries are missing)." };
        var maxIter = CliOptions.Positive("--max-iter", "Largest number of refinement iterations.", defaultValue: 500, minimum: 0);
        var seed = CliOptions.Seed();
        var output = CliOptions.RequiredPath("--output", "Coordinates CSV to write: header class,x0,x1,…; one row per class in input order.");
        output.HelpName = "COORDS.csv";
        var report = CliOptions.NonEmpty(new Option<string?>("--report") { Description = "JSON report to write: curvature, dimension, stress, normalized_stress, mean_distortion, map, seconds, converged, …", HelpName = "REPORT.json" });

        var command = new Command("embed", """
            Embed classes with κ-MDS from their similarity matrix.

            Example:
              simzsl embed --input samples/data/WordNet/FashionMNIST_wup.csv --transform one-minus --curvature -1 --dim 2 --output coords.csv --report report.json
            """)
        {
            input, curvature, dim, kind, transform, columnsAreClasses, landmarks, refine, maxIter, seed, output, report,
        };

        command.SetAction(parse => CommandRunner.Run(context(parse), ct =>
        {
            var cli = context(parse);
            string outputPath = parse.GetValue(output)!;
            string? reportPath = parse.GetValue(report);
            CliOptions.CheckDistinctOutputs((outputPath, "--output"), (reportPath, "--report"));
            CliOptions.CheckOutputFolder(outputPath, "--output");
            CliOptions.CheckOutputFolder(reportPath, "--report");
            var inputKind = parse.GetValue(kind);
            var chosenTransform = parse.GetValue(transform);
            var clock = Stopwatch.StartNew();
            var distances = ClassMatrixInput.LoadDistances(parse.GetValue(input)!, inputKind, chosenTransform, parse.GetValue(columnsAreClasses));

            string? landmarkFile = parse.GetValue(landmarks);
            IReadOnlyList<string>? landmarkNames = landmarkFile is null ? null : LandmarkFile.Read(landmarkFile, distances);
            var options = new KappaMdsOptions
            {
                Dimension = parse.GetValue(dim),
                Curvature = CliOptions.CurvatureOrAuto(parse.GetValue(curvature)),
                Refine = parse.GetValue(refine),
                MaxIterations = parse.GetValue(maxIter),
                Seed = parse.GetValue(seed),
            };
            options = LandmarkFile.Apply(options, landmarkNames);

            var result = cli.WithProgress("κ-MDS", progress =>
                Fit(new KappaMds(options), distances, reportPath is not null, new Progress<EmbeddingProgress>(p => progress.Report((p.Stage, p.Fraction, double.IsFinite(p.Stress) ? $"stress {p.Stress:G4}" : string.Empty))), ct));
            foreach (string warning in result.Warnings)
            {
                // Even with --quiet: it says the coordinates are worse than they look.
                cli.Error.WriteLine($"simzsl: warning: {warning}");
            }

            // Stress, distortion and MAP cost O(n² log n), more than the fit on large inputs: measured only for the report.
            var quality = reportPath is null ? null : result.MeasureQuality(distances, ct);
            double seconds = clock.Elapsed.TotalSeconds;
            var prototypes = result.Prototypes;
            var columns = Enumerable.Range(0, prototypes.Coordinates.Columns).Select(c => "x" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
            using (var outputs = new OutputFiles())
            {
                outputs.Add(outputPath, "--output", s => CsvMatrixFile.WriteTable(s, "class", prototypes.ClassNames, columns, prototypes.Coordinates));
                outputs.Add(reportPath, "--report", s => JsonReport.Write(s, Report(result, quality!, distances, seconds, chosenTransform, inputKind, options)));
                outputs.Commit();
            }

            string measured = quality is null
                ? (double.IsNaN(result.Strain) ? $"{result.LandmarkNames?.Count} landmarks" : string.Create(CultureInfo.InvariantCulture, $"strain {result.Strain:G4}"))
                : string.Create(CultureInfo.InvariantCulture, $"normalised stress {quality.NormalizedStress:G4}, mean distortion {quality.MeanDistortion:G4}, MAP {quality.MeanAveragePrecision:G4}");
            cli.Say(string.Create(CultureInfo.InvariantCulture,
                $"Embedded {distances.Count} classes in d = {result.Dimension}, κ = {result.Curvature:G6}: {measured}, {seconds:F2} s. Wrote {outputPath}{(reportPath is null ? string.Empty : " and " + reportPath)}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    // Without a report nothing reads the distances after the fit: let the strain step build over them (one n × n array
    // fewer, measured 0.3–0.5 s at 5000 classes).
    private static KappaMdsResult Fit(KappaMds mds, DistanceMatrix distances, bool measureLater, IProgress<EmbeddingProgress> progress, CancellationToken ct) =>
        measureLater ? mds.Fit(distances, progress, ct) : mds.FitDiscarding(distances, progress, ct);

    private static Dictionary<string, object?> Report(KappaMdsResult r, EmbeddingQuality q, DistanceMatrix d, double seconds, SimilarityTransform? transform, InputKind kind, KappaMdsOptions options) => new()
    {
        ["curvature"] = r.Curvature,
        ["dimension"] = r.Dimension,
        ["classes"] = d.Count,
        ["stress"] = q.Stress,
        ["normalized_stress"] = q.NormalizedStress,
        ["mean_distortion"] = q.MeanDistortion,
        ["max_distortion"] = q.MaxDistortion,
        ["map"] = q.MeanAveragePrecision,
        ["strain"] = q.Strain,
        ["clipped_eigenvalue_mass"] = r.ClippedEigenvalueMass,
        ["eigenvalues"] = r.Eigenvalues,
        ["seconds"] = seconds,
        ["fit_seconds"] = r.Elapsed.TotalSeconds,
        ["converged"] = r.Converged,
        ["iterations"] = r.Iterations,
        ["missing_pairs"] = r.MissingPairs,
        ["imputation"] = r.Imputation,
        ["input_kind"] = kind.ToString().ToLowerInvariant(),
        ["transform"] = kind is InputKind.Distance or InputKind.Tree ? "none" : CliOptions.TransformOrDefault(transform).Name(),
        ["refine"] = options.Refine,
        ["seed"] = options.Seed,
        ["warnings"] = r.Warnings,
    };
}
