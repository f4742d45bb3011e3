using System.CommandLine;
using System.Globalization;
using SimZsl.Cli.Inputs;
using SimZsl.ZeroShot;

namespace SimZsl.Cli.Commands;

/// <summary><c>simzsl evaluate</c>: ZSL and GZSL metrics (Xian et al.) of a saved model on labelled features.</summary>
internal static class EvaluateCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var model = ModelInputs.Model();
        var features = ModelInputs.Features();
        var labels = CliOptions.RequiredPath("--labels", "One class name per line (N lines), classes of the model.");
        labels.HelpName = "LABELS.csv";
        var gamma = ModelInputs.Gamma();
        var device = CliOptions.Device();
        var report = CliOptions.NonEmpty(new Option<string?>("--report") { Description = "JSON report to write: zsl_top1, gzsl_seen, gzsl_unseen, gzsl_h, per-class accuracies.", HelpName = "R.json" });
        var command = new Command("evaluate", """
            Evaluate a model saved by 'simzsl zsl --save' on labelled features: ZSL top-1 over the model's unseen
            classes that the labels hold, GZSL seen, unseen and H over all classes (the example uses the model and
            features of the 'simzsl zsl --help' example).

            Example:
              simzsl evaluate --model model.szm --features f.npy --labels labels.csv --report r.json
            """)
        {
            model, features, labels, gamma, device, report,
        };

        command.SetAction(parse => CommandRunner.Run(context(parse), _ =>
        {
            var cli = context(parse);
            string? reportPath = parse.GetValue(report);
            CliOptions.CheckOutputFolder(reportPath, "--report");
            string modelPath = parse.GetValue(model)!, featuresPath = parse.GetValue(features)!, labelsPath = parse.GetValue(labels)!;
            CliOptions.CheckOutputIsNoInput(reportPath, "--report", (modelPath, "--model"), (featuresPath, "--features"), (labelsPath, "--labels"));
            var (zsl, x) = ModelInputs.Load(modelPath, featuresPath, parse.GetValue(device));
            using (zsl)
            {
                var y = LabelFile.Read(labelsPath);
                ZslInputs.CheckLabels(featuresPath, x, labelsPath, y, modelPath, zsl.Prototypes.ClassNames);
                // The unseen classes that have test images: a test set need not hold every one of them.
                var present = y.ToHashSet(StringComparer.Ordinal);
                var unseen = ModelInputs.UnseenClasses(zsl).Where(present.Contains).ToArray();
                if (unseen.Length == 0)
                {
                    throw new SimZslException($"{labelsPath} labels no image of the model's unseen classes ({string.Join(", ", ModelInputs.UnseenClasses(zsl))}); ZSL needs some. Use 'simzsl predict --gzsl' for seen classes only.");
                }

                var m = zsl.Evaluate(x, y, unseen, new ZeroShotEvaluationOptions { CalibrationGamma = parse.GetValue(gamma) });
                if (reportPath is not null)
                {
                    JsonReport.Write(reportPath, new Dictionary<string, object?>(JsonReport.Metrics(m))
                    {
                        ["gamma"] = m.CalibrationGamma,
                        ["unseen_classes"] = unseen,
                        ["model"] = modelPath,
                        ["device"] = zsl.DeviceName,
                    });
                }

                cli.Say(string.Create(CultureInfo.InvariantCulture,
                    $"ZSL top-1 {m.ZslTop1:P1} over {unseen.Length} unseen classes; GZSL seen {m.GzslSeen:P1}, unseen {m.GzslUnseen:P1}, H {m.GzslH:P1} (γ = {m.CalibrationGamma:G4}).{(reportPath is null ? "" : $" Wrote {reportPath}.")}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
