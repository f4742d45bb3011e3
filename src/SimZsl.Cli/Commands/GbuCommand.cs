using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SimZsl.Cli.Inputs;
using SimZsl.Embedding;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Cli.Commands;

/// <summary><c>simzsl gbu</c>: the protocol of Xian et al., "Zero-shot learning — the good, the bad and the ugly", on
/// an xlsa17 benchmark folder: κ-MDS prototypes of the class similarity, model selection on the benchmark's own
/// train/val classes, a refit on trainval, and ZSL top-1 and GZSL s, u, H on test_seen and test_unseen, for the chosen
/// head and, side by side, for every closed-form peer.</summary>
internal static class GbuCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var data = CliOptions.RequiredPath("--data", "xlsa17 benchmark folder holding res101.mat (features 2048 × N, labels) and att_splits.mat (att, allclasses_names, the proposed splits).");
        data.HelpName = "DIR";
        var similarity = CliOptions.NonEmpty(new Option<string?>("--similarity")
        {
            Description = "Class similarity to embed instead of the cosine of att's attribute vectors: a CSV with a header of class names, .npy (rows in allclasses_names order), file.mat:variable, or per --similarity-kind distances, class vectors or a tree. Its classes must include every class of allclasses_names.",
            HelpName = "FILE",
        });
        var similarityKind = CliOptions.ClassMatrixKind("--similarity-kind", "--similarity");
        var columnsAreClasses = CliOptions.ColumnsAreClasses();
        var transform = CliOptions.Transform("Similarity → distance for κ-MDS");
        var curvature = CliOptions.Curvature(allowAuto: true);
        var dim = CliOptions.Positive("--dim", "Dimension d of the prototypes.", defaultValue: 16);
        var head = ZslCommand.HeadOption();
        var noSelection = new Option<bool>("--no-selection")
        {
            Description = "Fit every method's default settings once instead of selecting its hyperparameters on the benchmark's train/val classes (then no calibrated GZSL figures).",
        };
        var maxPerClass = new Option<int?>("--max-per-class")
        {
            Description = "Use at most N instances of each class in each split (evenly spaced in file order), for a quick look; published figures use all (leave it out).",
            HelpName = "N",
        };
        maxPerClass.Validators.Add(r =>
        {
            // Selection holds 20 % of each fitted class out for γ (rounded): fewer than 3 instances leave none there.
            if (r.GetValueOrDefault<int?>() is < 3 and var v)
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--max-per-class must be ≥ 3 (got {v}): model selection holds 20 % of each class's instances out, at least one."));
            }
        });
        var epochs = CliOptions.Positive("--epochs", "Largest number of training epochs of a trained head (selection also tries 10).", defaultValue: 30);
        var batchSize = CliOptions.Positive("--batch-size", "Mini-batch size.", defaultValue: 256);
        var learningRate = CliOptions.LearningRate();
        var seed = CliOptions.Seed();
        var device = CliOptions.Device();
        var report = CliOptions.RequiredPath("--report", "JSON report to write: zsl_top1, gzsl_seen, gzsl_unseen, gzsl_h and gzsl_calibrated of the head, the same for every method under 'methods', the selection, the data, seconds, …");
        report.HelpName = "R.json";
        var command = new Command("gbu", """
            The xlsa17 protocol (Xian et al., "Zero-shot learning: the good, the bad and the ugly") on a benchmark folder:
            κ-MDS prototypes of the class similarity (default: cosine of the attributes att), hyperparameters selected on
            the benchmark's train/val classes (trainval instances only; valclasses1.txt when the file has no val_loc), a
            refit on all trainval instances, then ZSL top-1 (per-class mean over test_unseen, unseen prototypes only) and
            GZSL s, u, H over all classes, plain and with calibrated stacking, for the head and every closed-form peer.

            Examples (SimZsl ships the benchmarks' att_splits.mat but not their res101.mat; the first line writes a
            synthetic one beside a copy of AWA2's att_splits.mat, in the real format, so that the others run as written):
              dotnet run -c Release --project samples/ZeroShotExperiments -- synthetic-res101 --data samples/data/xlsa17/AWA2 --output awa2-synthetic --features 64
              simzsl gbu --data awa2-synthetic --max-per-class 40 --report gbu.json
              simzsl gbu --data awa2-synthetic --max-per-class 40 --similarity samples/data/WordNet/AWA2_wup.csv --curvature -1 --dim 8 --head ridge --report gbu-wordnet.json
              simzsl gbu --data awa2-synthetic --max-per-class 40 --similarity samples/data/AWA2/wordvec_1000d_sgzsl.csv --similarity-kind vectors --head ridge --report gbu-words.json
            With the real features (xlsa17 release): simzsl gbu --data path/to/xlsa17/data/AWA2 --report gbu.json
            """)
        {
            data, similarity, similarityKind, columnsAreClasses, transform, curvature, dim, head, noSelection, maxPerClass, epochs, batchSize, learningRate, seed, device, report,
        };

        command.SetAction(parse => CommandRunner.Run(context(parse), ct =>
        {
            var cli = context(parse);
            ComputeDevices.EnsureAvailable(parse.GetValue(device));
            string reportPath = parse.GetValue(report)!;
            CliOptions.CheckOutputFolder(reportPath, "--report");
            var clock = Stopwatch.StartNew();
            string folder = parse.GetValue(data)!;
            string? similarityPath = parse.GetValue(similarity);
            if (similarityPath is null && (parse.GetValue(similarityKind) != InputKind.Similarity || parse.GetValue(columnsAreClasses)))
            {
                throw new UsageException("--similarity-kind and --columns-are-classes describe a --similarity file; give one, or leave them out for the cosine of att.");
            }

            var benchmark = Xlsa17Inputs.Load(folder);
            var distances = Xlsa17Inputs.ClassDistances(benchmark, similarityPath, parse.GetValue(similarityKind), parse.GetValue(transform), parse.GetValue(columnsAreClasses));
            var split = GbuSplit.Create(benchmark, parse.GetValue(maxPerClass));
            bool select = !parse.GetValue(noSelection);
            var selection = select ? new ModelSelectionOptions { Seed = parse.GetValue(seed), ValidationClasses = split.ValidationClasses } : null;
            var trainer = new ZeroShotTrainerOptions
            {
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batchSize),
                LearningRate = parse.GetValue(learningRate),
                Seed = parse.GetValue(seed),
                Device = parse.GetValue(device),
            };

            var (embedding, results) = cli.WithProgress("gbu", progress =>
            {
                var mds = new KappaMds(new KappaMdsOptions { Dimension = parse.GetValue(dim), Curvature = CliOptions.CurvatureOrAuto(parse.GetValue(curvature)), Seed = parse.GetValue(seed) });
                var fitted = mds.Fit(distances, new Progress<EmbeddingProgress>(p => progress.Report(("κ-MDS", 0, p.Stage))), ct);
                string headName = parse.GetValue(head)?.ToLowerInvariant() ?? ZeroShotHeadKind.ForCurvature(fitted.Curvature).Name;
                var options = trainer with { Head = new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Find(headName) ?? ZeroShotHeadKind.DeViSE } };
                string[] methods = [headName, .. ClosedFormPeer.All.Select(p => p.Name).Where(p => p != headName)];
                var rows = new List<GbuResult>();
                for (int k = 0; k < methods.Length; k++)
                {
                    int index = k;
                    var candidates = ZslCommand.Candidates(methods[k], options, select);
                    var fitProgress = new Progress<ModelSelectionProgress>(p =>
                        progress.Report((methods[index], (index + ((double)p.Done / p.Total)) / methods.Length, $"fit {p.Done}/{p.Total}")));
                    progress.Report((methods[k], (double)k / methods.Length, select ? "selecting" : "training"));
                    using var result = ZeroShotExperiment.Run(split.TrainFeatures, split.TrainLabels, split.TestFeatures, split.TestLabels, fitted.Prototypes,
                        split.UnseenClasses, candidates, selection, fitProgress, ct);
                    rows.Add(GbuResult.From(methods[k], k == 0, candidates, result));
                }

                return (fitted, rows);
            });

            var quality = embedding.MeasureQuality(distances, ct);
            double seconds = clock.Elapsed.TotalSeconds;
            var headResult = results[0];
            var fields = new Dictionary<string, object?>(JsonReport.Metrics(headResult.Metrics))
            {
                ["gzsl_calibrated"] = headResult.CalibratedReport(),
                ["seconds"] = seconds,
                ["head"] = headResult.Method,
                ["hyperparameters"] = headResult.Chosen.Settings,
                ["methods"] = results.Select(r => r.Report()).ToArray(),
                ["selection"] = !select ? null : new Dictionary<string, object?>
                {
                    ["criterion"] = "mean ZSL top-1 on validation-unseen classes (ties: calibrated H)",
                    ["validation"] = split.ValidationSource,
                    ["validation_classes"] = split.ValidationClasses,
                },
                ["data"] = folder,
                ["dataset"] = split.Name,
                ["res101"] = benchmark.Res101Path,
                ["att_splits"] = benchmark.AttSplitsPath,
                ["instances"] = benchmark.Features!.Rows,
                ["features"] = benchmark.Features.Columns,
                ["classes"] = benchmark.ClassNames.Count,
                ["seen_classes"] = split.SeenClasses,
                ["unseen_classes"] = split.UnseenClasses,
                ["train_instances"] = split.TrainLabels.Length,
                ["max_per_class"] = parse.GetValue(maxPerClass),
                ["similarity"] = similarityPath ?? "cosine of att (att_splits.mat)",
                ["similarity_kind"] = similarityPath is null ? "vectors" : parse.GetValue(similarityKind).ToString().ToLowerInvariant(),
                ["transform"] = parse.GetValue(similarityKind) is InputKind.Distance or InputKind.Tree && similarityPath is not null ? "none" : CliOptions.TransformOrDefault(parse.GetValue(transform)).Name(),
                ["curvature"] = embedding.Curvature,
                ["dimension"] = embedding.Dimension,
                ["embedding_normalized_stress"] = quality.NormalizedStress,
                ["seed"] = parse.GetValue(seed),
            };
            using (var outputs = new OutputFiles())
            {
                outputs.Add(reportPath, "--report", stream => JsonReport.Write(stream, fields));
                outputs.Commit();
            }

            if (!cli.Quiet)
            {
                // Spectre assumes 80 columns when the output is not a terminal; a log file or a pipe can take the
                // table on one line per method.
                if (!cli.Console.Profile.Capabilities.Interactive)
                {
                    cli.Console.Profile.Width = Math.Max(cli.Console.Profile.Width, 160);
                }

                cli.Console.Write(GbuTable.Create(split, benchmark, embedding, quality.NormalizedStress, similarityPath, results));
                cli.Say(string.Create(CultureInfo.InvariantCulture, $"{seconds:F1} s. Wrote {reportPath}."));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
