using System.CommandLine;
using System.Globalization;
using System.Text;
using SimZsl.IO;
using SimZsl.ZeroShot;

namespace SimZsl.Cli.Commands;

/// <summary><c>simzsl predict</c>: the classes a saved model gives new feature rows, among the unseen classes (ZSL)
/// or all classes (GZSL), with the score and the k best.</summary>
internal static class PredictCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var model = ModelInputs.Model();
        var features = ModelInputs.Features();
        var gzsl = new Option<bool>("--gzsl") { Description = "Choose among every class, seen and unseen (GZSL), instead of the unseen classes only." };
        var topK = CliOptions.Positive("--top-k", "How many best classes to list per row.", defaultValue: 1);
        var gamma = ModelInputs.Gamma();
        var device = CliOptions.Device();
        var output = CliOptions.RequiredPath("--output", "Predictions CSV to write: row, predicted, score (after γ for a seen class), top_k (the k best, separated by ';').");
        output.HelpName = "PREDICTIONS.csv";
        var command = new Command("predict", """
            Predict the class of every feature row with a model saved by 'simzsl zsl --save' (the example uses the
            model and features of the 'simzsl zsl --help' example).

            Example:
              simzsl predict --model model.szm --features f.npy --gzsl --top-k 3 --output predictions.csv
            """)
        {
            model, features, gzsl, topK, gamma, device, output,
        };

        command.SetAction(parse => CommandRunner.Run(context(parse), ct =>
        {
            var cli = context(parse);
            string outputPath = parse.GetValue(output)!;
            CliOptions.CheckOutputFolder(outputPath, "--output");
            CliOptions.CheckOutputIsNoInput(outputPath, "--output", (parse.GetValue(model)!, "--model"), (parse.GetValue(features)!, "--features"));
            if (parse.GetValue(gamma) != 0 && !parse.GetValue(gzsl))
            {
                throw new UsageException("--gamma lowers the seen classes' scores, which only GZSL compares with the unseen ones; add --gzsl or drop --gamma.");
            }

            var (zsl, x) = ModelInputs.Load(parse.GetValue(model)!, parse.GetValue(features)!, parse.GetValue(device));
            using (zsl)
            {
                bool all = parse.GetValue(gzsl);
                var unseen = ModelInputs.UnseenClasses(zsl);
                if (!all && unseen.Length == 0)
                {
                    throw new UsageException($"the model '{parse.GetValue(model)}' has no unseen classes (every class had training images); add --gzsl to choose among all classes.");
                }

                string[] candidates = all ? [.. zsl.SeenClasses, .. unseen] : unseen;
                var scores = zsl.Scores(x, candidates);
                double g = parse.GetValue(gamma);
                int c = candidates.Length, seen = all ? zsl.SeenClasses.Count : 0, k = Math.Min(parse.GetValue(topK), c);
                var text = new StringBuilder("row,predicted,score,top_k\n");
                var order = Enumerable.Range(0, c).ToArray();
                for (int i = 0; i < x.Rows; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    var row = scores.AsSpan(i * c, c);
                    for (int j = 0; j < seen; j++)
                    {
                        row[j] -= g;   // calibrated stacking: seen scores lowered by γ
                    }

                    // Best first; equal scores keep the candidate order (seen before unseen), as the evaluation does.
                    var best = order.OrderByDescending(j => scores[(i * c) + j]).Take(k).ToArray();
                    text.Append(CultureInfo.InvariantCulture, $"{i + 1},{CsvMatrixFile.Quote(candidates[best[0]])},{row[best[0]].ToString("R", CultureInfo.InvariantCulture)},")
                        .Append(CsvMatrixFile.Quote(string.Join(';', best.Select(j => candidates[j])))).Append('\n');
                }

                CliOptions.Write(outputPath, "--output", p => AtomicFile.WriteAllText(p, text.ToString()));
                cli.Say(string.Create(CultureInfo.InvariantCulture, $"Predicted {x.Rows} rows among {c} {(all ? "classes (GZSL)" : "unseen classes")}. Wrote {outputPath}."));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
