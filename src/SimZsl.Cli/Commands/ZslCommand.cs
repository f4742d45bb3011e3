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
        var similarity = CliOptions.RequiredPath("--similarity", "Class similarity over seen and unseen classes: a CSV with a header of class names (the name in the first column), .npy (classes named 0, 1, …) or file.mat:variable; with --similarity-kind also distances, class vectors or a tree.");
        similarity.HelpName = "S.csv";
        var similarityKind = CliOptions.ClassMatrixKind("--similarity-kind", "--similarity");
        var columnsAreClasses = CliOptions.ColumnsAreClasses();
        var unseen = new Option<string>("--unseen") { Description = "Comma-separated unseen class names (held out from training).", Required = true, HelpName = "c1,c2,..." };
        var curvature = CliOptions.Curvature(allowAuto: false);
        var dim = CliOptions.Positive("--dim", "Dimension d of the prototypes.");
        var head = HeadOption();
        var noSelection = new Option<bool>("--no-selection")
        {
            Description = "Fit the given settings once instead of selecting the hyperparameters on held-out seen classes (then no calibrated GZSL figures).",
        };
        var transform = CliOptions.Transform("Similarity → distance for κ-MDS");
        var testFraction = new Option<double>("--test-fraction") { HelpName = "F", Description = "Fraction of each seen class kept for test-seen (stratified, seeded).", DefaultValueFactory = _ => 0.2 };
        testFraction.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v < 1))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--test-fraction must be in (0, 1) (got {v})."));
            }
        });
        var epochs = CliOptions.Positive("--epochs", "Largest number of training epochs (selection also tries 10).", defaultValue: 30);
        var batchSize = CliOptions.Positive("--batch-size", "Mini-batch size.", defaultValue: 256);
        var learningRate = CliOptions.LearningRate();
        var seed = CliOptions.Seed();
        var device = CliOptions.Device();
        var report = CliOptions.RequiredPath("--report", "JSON report to write: zsl_top1, gzsl_seen, gzsl_unseen, gzsl_h, seconds, …");
        report.HelpName = "R.json";
        var save = CliOptions.NonEmpty(new Option<string?>("--save")
        {
            Description = "Also write the trained model (prototypes of every class, projection, feature scaling) for 'simzsl predict' and 'simzsl evaluate'. Trained heads only.",
            HelpName = "MODEL.szm",
        });
        var command = new Command("zsl", """
            Train a zero-shot head on seen-class features and evaluate on unseen classes (ZSL and GZSL).
            Its hyperparameters are selected on held-out seen classes first (turn off with --no-selection); the report
            names what was chosen. The example's f.npy and labels.csv are what the last example of 'simzsl features
            --help' makes from the shipped Fashion-MNIST images.

            Example:
              simzsl zsl --features f.npy --labels labels.csv --similarity samples/data/WordNet/FashionMNIST_wup.csv --unseen Sandal,Shirt --curvature -1 --dim 8 --head hyperbolic --report r.json --save model.szm
            """)
        {
            features, labels, similarity, similarityKind, columnsAreClasses, unseen, curvature, dim, head, noSelection, transform, testFraction, epochs, batchSize, learningRate, seed, device, report, save,
        };

        command.SetAction(parse => CommandRunner.Run(context(parse), ct =>
        {
            var cli = context(parse);
            ComputeDevices.EnsureAvailable(parse.GetValue(device));
            string reportPath = parse.GetValue(report)!;
            string? savePath = parse.GetValue(save);
            CliOptions.CheckOutputFolder(reportPath, "--report");
            CliOptions.CheckOutputFolder(savePath, "--save");
            CliOptions.CheckDistinctOutputs((reportPath, "--report"), (savePath, "--save"));
            if (savePath is not null && parse.GetValue(head) is { } peerName && ClosedFormPeer.Find(peerName) is not null)
            {
                throw new UsageException($"--save writes trained heads ({string.Join(", ", ZeroShotHeadKind.All)}); the closed-form peer '{peerName}' has no model file. Drop --save or choose a trained head.");
            }

            var clock = Stopwatch.StartNew();
            var x = NpyFile.Read(parse.GetValue(features)!).ToMatrix();
            var y = LabelFile.Read(parse.GetValue(labels)!);
            // The reader of embed's --input: CSV, .npy, file.mat:variable, vectors, a tree (a CSV similarity as always).
            var distances = ClassMatrixInput.LoadDistances(parse.GetValue(similarity)!, parse.GetValue(similarityKind), parse.GetValue(transform), parse.GetValue(columnsAreClasses), "--similarity-kind");
            var unseenClasses = parse.GetValue(unseen)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            ZslInputs.Check(parse.GetValue(features)!, x, parse.GetValue(labels)!, y, parse.GetValue(similarity)!, distances, unseenClasses);

            var embedding = new KappaMds(new KappaMdsOptions { Dimension = parse.GetValue(dim), Curvature = parse.GetValue(curvature), Seed = parse.GetValue(seed) }).Fit(distances, cancellationToken: ct);
            string headName = parse.GetValue(head)?.ToLowerInvariant() ?? ZeroShotHeadKind.ForCurvature(embedding.Curvature).Name;
            var options = new ZeroShotTrainerOptions
            {
                Head = new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Find(headName) ?? ZeroShotHeadKind.DeViSE },
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batchSize),
                LearningRate = parse.GetValue(learningRate),
                Seed = parse.GetValue(seed),
                Device = parse.GetValue(device),
            };
            bool select = !parse.GetValue(noSelection);
            var candidates = Candidates(headName, options, select);
            var selection = select ? new ModelSelectionOptions { Seed = options.Seed } : null;
            using var result = cli.WithProgress(select ? "selecting on held-out classes" : "training", progress =>
                ZeroShotExperiment.Run(x, y, embedding.Prototypes, unseenClasses, candidates, parse.GetValue(testFraction), options.Seed, selection,
                    new Progress<ModelSelectionProgress>(p => progress.Report((p.Candidate.Method, (double)p.Done / p.Total, $"fit {p.Done}/{p.Total}"))),
                    ct));
            var m = result.Metrics;
            var calibrated = result.CalibratedMetrics;
            double seconds = clock.Elapsed.TotalSeconds;
            var fields = new Dictionary<string, object?>(JsonReport.Metrics(m))
            {
                ["gzsl_calibrated"] = calibrated is null ? null : new Dictionary<string, object?>
                {
                    ["gamma"] = calibrated.CalibrationGamma,
                    ["seen"] = calibrated.GzslSeen,
                    ["unseen"] = calibrated.GzslUnseen,
                    ["h"] = calibrated.GzslH,
                },
                ["seconds"] = seconds,
                ["train_seconds"] = result.TrainSeconds,
                ["head"] = headName,
                ["hyperparameters"] = result.Chosen.Settings,
                ["selection"] = result.Selection is not { } chosen ? null : new Dictionary<string, object?>
                {
                    ["criterion"] = "mean ZSL top-1 on held-out seen classes (ties: calibrated H)",
                    ["folds"] = chosen.Folds,
                    ["candidates"] = chosen.Candidates.Select(c => new Dictionary<string, object?>
                    {
                        ["hyperparameters"] = c.Candidate.Settings,
                        ["validation_zsl_top1"] = c.ZslTop1,
                        ["validation_calibrated_h"] = c.CalibratedH,
                        ["relative_gamma"] = c.RelativeGamma,
                    }).ToArray(),
                },
                ["curvature"] = embedding.Curvature,
                ["dimension"] = embedding.Dimension,
                ["embedding_normalized_stress"] = embedding.MeasureQuality(distances, ct).NormalizedStress,
                ["seen_classes"] = result.Split!.SeenClasses,
                ["unseen_classes"] = result.Split.UnseenClasses,
                ["train_instances"] = result.Split.Train.Length,
                ["seed"] = options.Seed,
                ["device"] = (result.Scorer as ZeroShotModel)?.DeviceName ?? "cpu",
                ["model"] = savePath,
            };
            using (var outputs = new OutputFiles())
            {
                outputs.Add(reportPath, "--report", stream => JsonReport.Write(stream, fields));
                outputs.Add(savePath, "--save", stream => ZeroShotModelFile.Save(stream, (ZeroShotModel)result.Scorer));
                outputs.Commit();
            }

            cli.Say(string.Create(CultureInfo.InvariantCulture,
                $"ZSL top-1 {m.ZslTop1:P1}; GZSL seen {m.GzslSeen:P1}, unseen {m.GzslUnseen:P1}, H {m.GzslH:P1}{(calibrated is null ? "" : $", calibrated H {calibrated.GzslH:P1}")} ({result.Chosen}, κ = {embedding.Curvature:G4}, d = {embedding.Dimension}, {seconds:F1} s). Wrote {reportPath}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary><c>--head</c>: its names, its check and its help all come from the registries of trained heads
    /// (<see cref="ZeroShotHeadKind"/>) and closed-form peers (<see cref="ClosedFormPeer"/>).</summary>
    internal static Option<string?> HeadOption()
    {
        var heads = ZeroShotHeadKind.All;
        var peers = ClosedFormPeer.All;
        string[] names = [.. heads.Select(k => k.Name), .. peers.Select(p => p.Name)];
        string Sign(int sign) => sign < 0 ? "κ < 0" : sign > 0 ? "κ > 0" : "κ = 0";
        var option = new Option<string?>("--head")
        {
            Description = $"Zero-shot head: {string.Join(", ", heads.Select(k => k.Summary is null ? k.Name : $"{k.Name} ({k.Summary})"))}; "
                + $"or a closed-form peer: {string.Join(", ", peers.Select(p => p.Name))}. "
                + $"Default: the geometry's own head ({string.Join(", ", heads.Where(k => k.NaturalCurvatureSign is not null).Select(k => $"{k.Name} for {Sign(k.NaturalCurvatureSign!.Value)}"))}).",
            HelpName = "NAME",
        };
        option.Validators.Add(r =>
        {
            string? name = r.GetValueOrDefault<string?>();
            if (name is not null && !names.Contains(name.ToLowerInvariant()))
            {
                r.AddError($"--head must be one of {string.Join(", ", names)} (got '{name}').");
            }
        });
        return option;
    }

    internal static IReadOnlyList<ZeroShotCandidate> Candidates(string head, ZeroShotTrainerOptions options, bool select) => ClosedFormPeer.Find(head) switch
    {
        { } peer => select ? peer.Grid() : [peer.FixedSettings()],
        null => select ? ZeroShotCandidates.HeadGrid(options) : [ZeroShotCandidates.Head(options)],
    };
}
