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
        var input = CliOptions.RequiredPath("--input", "Class similarity CSV (header of class names, name in the first column; empty cell or NaN = missing), .npy, file.mat:variable, or with --input-kind pairs a CSV of 'a,b,value' lines.");
        var curvature = CliOptions.Curvature(allowAuto: true);
        var dim = CliOptions.Positive("--dim", "Target dimension d (the sphere's coordinates have d + 1 columns).");
        var kind = CliOptions.ClassMatrixKind("--input-kind", "the input");
        var transform = CliOptions.Transform();
        var columnsAreClasses = CliOptions.ColumnsAreClasses();
        var landmarks = CliOptions.NonEmpty(new Option<string?>("--landmarks") { Description = "Text file of landmark class names, one per line; other classes are placed from their landmark distances only.", HelpName = "FILE" });
        var refine = new Option<bool>("--refine") { Description = "Refine the strain solution by minimising stress (always done when entries are missing)." };
        var maxIter = CliOptions.Positive("--max-iter", "Largest number of refinement iterations.", defaultValue: 500, minimum: 0);
        var tolerance = CliOptions.RefinementTolerance();
        var seed = CliOptions.Seed();
        var route = CliOptions.Route();
        var output = CliOptions.RequiredPath("--output", "Coordinates CSV to write: header class,x0,x1,…; one row per class in input order (pairs: order of first appearance).");
        output.HelpName = "COORDS.csv";
        var report = CliOptions.NonEmpty(new Option<string?>("--report") { Description = "JSON report to write: curvature, dimension, stress, normalized_stress, mean_distortion, map, seconds, converged, route, …", HelpName = "REPORT.json" });

        var command = new Command("embed", """
            Embed classes with κ-MDS from their similarity matrix.

            Examples:
              simzsl embed --input samples/data/WordNet/FashionMNIST_wup.csv --transform one-minus --curvature -1 --dim 2 --output coords.csv --report report.json
              simzsl embed --input samples/data/FishNet/family_tree_pairs.csv --input-kind pairs --transform none --curvature -0.05 --dim 2 --output fish_coords.csv --report fish_report.json
            """)
        {
            input, curvature, dim, kind, transform, columnsAreClasses, landmarks, refine, maxIter, tolerance, seed, route, output, report,
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
            var problem = inputKind == InputKind.Pairs
                ? new Problem(null, ClassMatrixInput.LoadPairs(parse.GetValue(input)!, chosenTransform))
                : new Problem(ClassMatrixInput.LoadDistances(parse.GetValue(input)!, inputKind, chosenTransform, parse.GetValue(columnsAreClasses)), null);

            string? landmarkFile = parse.GetValue(landmarks);
            IReadOnlyList<string>? landmarkNames = landmarkFile is null ? null : problem.Pairs is { } p ? LandmarkFile.Read(landmarkFile, p) : LandmarkFile.Read(landmarkFile, problem.Matrix!);
            var options = new KappaMdsOptions
            {
                Dimension = parse.GetValue(dim),
                Curvature = CliOptions.CurvatureOrAuto(parse.GetValue(curvature)),
                Refine = parse.GetValue(refine),
                MaxIterations = parse.GetValue(maxIter),
                Tolerance = parse.GetValue(tolerance),
                Seed = parse.GetValue(seed),
                Route = CliOptions.RouteOrAuto(parse.GetValue(route)),
            };
            options = LandmarkFile.Apply(options, landmarkNames);

            var result = cli.WithProgress("κ-MDS", progress =>
                Fit(new KappaMds(options), problem, reportPath is not null, new Progress<EmbeddingProgress>(p => progress.Report((p.Stage, p.Fraction, double.IsFinite(p.Stress) ? $"stress {p.Stress:G4}" : string.Empty))), ct));
            foreach (string warning in result.Warnings)
            {
                // Even with --quiet: it says the coordinates are worse than they look.
                cli.Error.WriteLine($"simzsl: warning: {warning}");
            }

            // Stress, distortion and MAP cost O(n² log n), more than the fit on large inputs: measured only for the report
            // (over the observed pairs alone, without MAP, for a pairs input on the sparse route).
            var quality = reportPath is null ? null : Measure(result, problem, ct);
            double seconds = clock.Elapsed.TotalSeconds;
            var prototypes = result.Prototypes;
            var columns = Enumerable.Range(0, prototypes.Coordinates.Columns).Select(c => "x" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
            using (var outputs = new OutputFiles())
            {
                outputs.Add(outputPath, "--output", s => CsvMatrixFile.WriteTable(s, "class", prototypes.ClassNames, columns, prototypes.Coordinates));
                outputs.Add(reportPath, "--report", s => JsonReport.Write(s, Report(result, quality!, seconds, chosenTransform, inputKind, options)));
                outputs.Commit();
            }

            string measured = quality is null
                ? (double.IsNaN(result.Strain) ? $"{result.LandmarkNames?.Count} landmarks" : string.Create(CultureInfo.InvariantCulture, $"strain {result.Strain:G4}"))
                : string.Create(CultureInfo.InvariantCulture, $"normalised stress {quality.NormalizedStress:G4}, mean distortion {quality.MeanDistortion:G4}, ") +
                  (double.IsNaN(quality.MeanAveragePrecision) ? "over the observed pairs" : string.Create(CultureInfo.InvariantCulture, $"MAP {quality.MeanAveragePrecision:G4}"));
            string routeNote = result.Route == KappaMdsRoute.Sparse ? " (sparse route)" : string.Empty;
            cli.Say(string.Create(CultureInfo.InvariantCulture,
                $"Embedded {result.ClassNames.Count} classes{routeNote} in d = {result.Dimension}, κ = {result.Curvature:G6}: {measured}, {seconds:F2} s. Wrote {outputPath}{(reportPath is null ? string.Empty : " and " + reportPath)}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The input: a class matrix, or (with <c>--input-kind pairs</c>) a list of pairs.</summary>
    private sealed record Problem(DistanceMatrix? Matrix, PairDistances? Pairs);

    // Without a report nothing reads the distances after the fit: let the strain step build over them (one n × n array
    // fewer, measured 0.3–0.5 s at 5000 classes).
    private static KappaMdsResult Fit(KappaMds mds, Problem problem, bool measureLater, IProgress<EmbeddingProgress> progress, CancellationToken ct) =>
        problem.Pairs is { } pairs ? mds.Fit(pairs, progress, ct)
        : measureLater ? mds.Fit(problem.Matrix!, progress, ct) : mds.FitDiscarding(problem.Matrix!, progress, ct);

    // A pairs input that took the dense route is small: its quality is measured on the masked matrix, MAP included.
    private static EmbeddingQuality Measure(KappaMdsResult result, Problem problem, CancellationToken ct) =>
        problem.Pairs is not { } pairs ? result.MeasureQuality(problem.Matrix!, ct)
        : result.Route == KappaMdsRoute.Sparse ? result.MeasureQuality(pairs, ct)
        : result.MeasureQuality(pairs.ToMatrix(), ct);

    private static Dictionary<string, object?> Report(KappaMdsResult r, EmbeddingQuality q, double seconds, SimilarityTransform? transform, InputKind kind, KappaMdsOptions options) => new()
    {
        ["curvature"] = r.Curvature,
        ["dimension"] = r.Dimension,
        ["classes"] = r.ClassNames.Count,
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
        ["route"] = r.Route.ToString().ToLowerInvariant(),
        ["observed_pairs"] = r.ClassNames.Count * (r.ClassNames.Count - 1L) / 2 - r.MissingPairs,
        ["input_kind"] = kind.ToString().ToLowerInvariant(),
        ["transform"] = kind is InputKind.Distance or InputKind.Tree ? "none" : CliOptions.TransformOrDefault(transform).Name(),
        ["refine"] = options.Refine,
        ["seed"] = options.Seed,
        ["warnings"] = r.Warnings,
    };
}
