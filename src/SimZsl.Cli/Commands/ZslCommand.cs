using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SimZsl.Cli.Inputs;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Cli.Commands;

/// <summary><c>simzsl zsl</c>: embed the class similarity with κ-MDS, train a zero-shot head on the seen classes'
/// features and evaluate ZSL and GZSL (Xian et al.), per the stable CLI contract.</summary>
internal static class ZslCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var features = CliOptions.RequiredPath("--features", "Features .npy, float32 or float64, N × F.");
        features.HelpName = "F.npy";
        var labels = CliOptions.RequiredPath("--labels", "One class name per line (N lines), names as in the similarity CSV.");
        labels.HelpName = "LABELS.csv";
        var similarity = CliOptions.RequiredPath("--similarity", "Class similarity CSV over seen and unseen classes.");
        similarity.HelpName = "S.csv";
        var unseen = new Option<string>("--unseen") { Description = "Comma-separated unseen class names (held out from training).", Required = true, HelpName = "c1,c2,..." };
        var curvature = CliOptions.Curvature(allowAuto: false);
        var dim = CliOptions.Positive("--dim", "Dimension d of the prototypes.");
        var head = new Option<string>("--head") { Description = "Zero-shot head: devise (default), prototype (hyperspherical), hyperbolic, softmax.", DefaultValueFactory = _ => "devise", HelpName = "NAME" };
        head.Validators.Add(r =>
        {
            string? name = r.GetValueOrDefault<string>();
            if (name is null || ParseHead(name) is null)
            {
                r.AddError($"--head must be one of devise, prototype, hyperbolic, softmax (got '{name}').");
            }
        });
        var transform = new Option<string?>("--transform") { Description = "Similarity → distance for κ-MDS: arccos (default), chord, one-minus, neg-log, none.", HelpName = "NAME" };
        var testFraction = new Option<double>("--test-fraction") { Description = "Fraction of each seen class kept for test-seen (stratified, seeded). Default 0.2.", DefaultValueFactory = _ => 0.2 };
        testFraction.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v < 1))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--test-fraction must be in (0, 1) (got {v})."));
            }
        });
        var epochs = CliOptions.Positive("--epochs", "Largest number of training epochs. Default 30.", defaultValue: 30);
        var batchSize = CliOptions.Positive("--batch-size", "Mini-batch size. Default 256.", defaultValue: 256);
        var learningRate = new Option<double>("--learning-rate") { Description = "Peak learning rate of AdamW (cosine schedule). Default 0.001.", DefaultValueFactory = _ => 1e-3 };
        learningRate.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && double.IsFinite(v)))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--learning-rate must be a positive number (got {v})."));
            }
        });
        var seed = CliOptions.Seed();
        var report = CliOptions.RequiredPath("--report", "JSON report to write: zsl_top1, gzsl_seen, gzsl_unseen, gzsl_h, seconds, …");
        report.HelpName = "R.json";
        var command = new Command("zsl", """
            Train a zero-shot head on seen-class features and evaluate on unseen classes (ZSL and GZSL).

            Example:
              simzsl zsl --features f.npy --labels labels.csv --similarity samples/data/WordNet/FashionMNIST_wup.csv --unseen Sandal,Shirt --curvature -1 --dim 8 --head hyperbolic --report r.json
            """)
        {
            features, labels, similarity, unseen, curvature, dim, head, transform, testFraction, epochs, batchSize, learningRate, seed, report,
        };

        command.SetAction(parse => CommandRunner.Run(context(parse), ct =>
        {
            var cli = context(parse);
            string reportPath = parse.GetValue(report)!;
            CliOptions.CheckOutputFolder(reportPath, "--report");
            var clock = Stopwatch.StartNew();
            var x = NpyFile.Read(parse.GetValue(features)!).ToMatrix();
            var y = LabelFile.Read(parse.GetValue(labels)!);
            var s = SimilarityMatrix.FromCsv(parse.GetValue(similarity)!);
            var unseenClasses = parse.GetValue(unseen)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (string c in unseenClasses)
            {
                s.IndexOf(c);
            }

            ZslInputs.Check(parse.GetValue(features)!, x, parse.GetValue(labels)!, y, parse.GetValue(similarity)!, s);

            string? transformName = parse.GetValue(transform);
            var distances = s.ToDistances(transformName is null ? SimilarityTransform.Arccos : SimilarityTransforms.Parse(transformName));
            var embedding = new KappaMds(new KappaMdsOptions { Dimension = parse.GetValue(dim), Curvature = parse.GetValue(curvature), Seed = parse.GetValue(seed) }).Fit(distances, cancellationToken: ct);
            var headKind = ParseHead(parse.GetValue(head)!)!.Value;
            var options = new ZeroShotTrainerOptions
            {
                Head = new ZeroShotHeadOptions { Kind = headKind },
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batchSize),
                LearningRate = parse.GetValue(learningRate),
                Seed = parse.GetValue(seed),
            };

            var result = cli.WithProgress("training", progress =>
                ZeroShotExperiment.Run(x, y, embedding.Prototypes, unseenClasses, options, parse.GetValue(testFraction), 0,
                    new Progress<TrainingProgress>(p => progress.Report(("epoch " + p.Epoch.ToString(CultureInfo.InvariantCulture), (double)p.Epoch / p.Epochs, string.Create(CultureInfo.InvariantCulture, $"loss {p.Loss:G4}, validation {p.ValidationAccuracy:P1}")))),
                    ct));
            using var model = result.Model;
            var m = result.Metrics;
            double seconds = clock.Elapsed.TotalSeconds;
            JsonReport.Write(reportPath, new Dictionary<string, object?>
            {
                ["zsl_top1"] = m.ZslTop1,
                ["zsl_topk"] = m.ZslTopK,
                ["top_k"] = m.TopK,
                ["gzsl_seen"] = m.GzslSeen,
                ["gzsl_unseen"] = m.GzslUnseen,
                ["gzsl_h"] = m.GzslH,
                ["seconds"] = seconds,
                ["train_seconds"] = result.TrainSeconds,
                ["head"] = headKind.ToString().ToLowerInvariant(),
                ["curvature"] = embedding.Curvature,
                ["dimension"] = embedding.Dimension,
                ["embedding_normalized_stress"] = embedding.Quality.NormalizedStress,
                ["seen_classes"] = result.Split.SeenClasses,
                ["unseen_classes"] = result.Split.UnseenClasses,
                ["train_instances"] = result.Split.Train.Length,
                ["test_seen_instances"] = m.TestSeenCount,
                ["test_unseen_instances"] = m.TestUnseenCount,
                ["zsl_per_class"] = m.ZslPerClass,
                ["gzsl_per_class"] = m.GzslPerClass,
                ["seed"] = options.Seed,
                ["device"] = model.DeviceName,
            });
            cli.Say(string.Create(CultureInfo.InvariantCulture,
                $"ZSL top-1 {m.ZslTop1:P1}; GZSL seen {m.GzslSeen:P1}, unseen {m.GzslUnseen:P1}, H {m.GzslH:P1} ({headKind}, κ = {embedding.Curvature:G4}, d = {embedding.Dimension}, {seconds:F1} s). Wrote {reportPath}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static ZeroShotHeadKind? ParseHead(string name) => name.ToLowerInvariant() switch
    {
        "devise" => ZeroShotHeadKind.DeViSE,
        "prototype" => ZeroShotHeadKind.Prototype,
        "hyperbolic" => ZeroShotHeadKind.Hyperbolic,
        "softmax" => ZeroShotHeadKind.Softmax,
        _ => null,
    };
}
