using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>How far the class similarity itself lets zero-shot learning go on each split of the sweep. Three numbers per
/// split, all with ridge regression to the κ = 0 prototypes (the sweep's peer, λ = 1): the zero-shot run (fitted on
/// the seen classes), the same map fitted with the unseen classes' training images too (which no zero-shot method
/// has: a ceiling for a linear map onto these prototypes), and chance. A split where the ceiling is high but the
/// zero-shot run is at chance is lost in transfer (the seen classes do not teach where the unseen ones lie). Twin
/// classes, whose similarity to every third class is the same, cannot be told apart by any method given only the
/// matrix: renaming one as the other changes none of its inputs, only the test labels (docs/results.md, "What the
/// similarity allows").</summary>
/// <remarks>
///   ceiling [--data fashion|apascal] [--k 2,3,4,5] [--splits 30] [--dim 8] [--train-images 20000] [--out sweep-output] [--quick]
/// </remarks>
internal static class Ceiling
{
    private const double Lambda = 1;

    public static int Run(Arguments arguments)
    {
        bool apascal = (arguments.Text("data") ?? "fashion") switch
        {
            "fashion" => false,
            "apascal" => true,
            var other => throw new ArgumentException($"--data must be fashion or apascal (got '{other}')."),
        };
        bool quick = arguments.Switch("quick");
        var data = apascal ? ZeroShotData.APascal() : ZeroShotData.Fashion(arguments.Int("train-images", quick ? 2000 : 20000), pixels: false);
        var ks = (arguments.Text("k") ?? (apascal ? "5" : quick ? "2" : "2,3,4,5")).Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        int splits = arguments.Int("splits", 30);
        var prototypes = new KappaMds(new KappaMdsOptions { Dimension = arguments.Int("dim", apascal ? 10 : 8) }).Fit(data.Similarity.ToDistances()).Prototypes;
        var twins = Twins(data.Similarity);

        // The ceiling map sees every class's training images once (unseen = none).
        var (allX, allY, testX, testY) = data.Split([]);
        var ceiling = RidgeRegressionBaseline.Fit(allX, allY, prototypes, data.ClassNames, Lambda);

        var text = new StringBuilder();
        // The twins go into the title, which samples/Results keeps with the table.
        text.AppendLine(CultureInfo.InvariantCulture, $"### {(apascal ? "aPascal" : "Fashion-MNIST")}: ZSL top-1 (%) of ridge regression (λ = {Lambda}, κ = 0 prototypes) fitted on the seen classes, and fitted on every class (the ceiling of a linear map onto these prototypes); classes with identical similarity rows (apart from their own pair): {(twins.Count == 0 ? "none" : string.Join("; ", twins.Select(t => $"{t.A} and {t.B}")))}");
        text.AppendLine();
        var perSplit = new StringBuilder();
        perSplit.AppendLine("| k | unseen classes | zero-shot | ceiling | chance | twins among them |");
        perSplit.AppendLine("|---:|---|---:|---:|---:|---|");
        text.AppendLine("| k | splits | zero-shot, mean | ceiling, mean | lowest ceiling | zero-shot below chance | … of them with twins | zero-shot within 0.05 points of chance |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int k in ks)
        {
            var results = new List<(double ZeroShot, double Ceiling, bool Twins)>();
            foreach (var unseen in UnseenSplits.Seeded(data.ClassNames, k, !apascal && k == 2 && splits >= 30 ? int.MaxValue : splits))
            {
                var (x, y, _, _) = data.Split(unseen);
                var zeroShot = RidgeRegressionBaseline.Fit(x, y, prototypes, null, Lambda);
                var unseenSet = unseen.ToHashSet(StringComparer.Ordinal);
                var rows = Enumerable.Range(0, testY.Length).Where(i => unseenSet.Contains(testY[i])).ToArray();
                var x0 = RowSelection.Select(testX, rows);
                var y0 = RowSelection.Select(testY, rows);
                string pair = string.Join(", ", twins.Where(t => unseenSet.Contains(t.A) && unseenSet.Contains(t.B)).Select(t => $"{t.A} = {t.B}"));
                results.Add((UnseenTop1(zeroShot, x0, y0, unseen, prototypes), UnseenTop1(ceiling, x0, y0, unseen, prototypes), pair.Length > 0));
                perSplit.AppendLine(CultureInfo.InvariantCulture,
                    $"| {k} | {string.Join(", ", unseen)} | {100 * results[^1].ZeroShot:F1} | {100 * results[^1].Ceiling:F1} | {100.0 / k:F1} | {(pair.Length == 0 ? "–" : pair)} |");
            }

            double chance = 1.0 / k;
            var below = results.Where(r => r.ZeroShot < chance - 1e-12).ToArray();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {k} | {results.Count} | {100 * results.Average(r => r.ZeroShot):F1} | {100 * results.Average(r => r.Ceiling):F1} | {100 * results.Min(r => r.Ceiling):F1} | {below.Length} | {below.Count(r => r.Twins)} | {results.Count(r => Math.Abs(r.ZeroShot - chance) <= 5e-4)} |");
        }

        // The summary is printed (samples/Results puts it into docs/results.md); the file has every split too.
        Console.WriteLine(text);
        text.AppendLine().AppendLine("Per split:").AppendLine().Append(perSplit);
        string output = arguments.Text("out") ?? "sweep-output";
        Directory.CreateDirectory(output);
        AtomicFile.WriteAllText(Path.Combine(output, $"ceiling-{(apascal ? "apascal64" : "pca64")}.md"), text.ToString());
        return 0;
    }

    // Per-class mean top-1 among the unseen prototypes, the sweep's ZSL metric, for a map fitted on any classes.
    private static double UnseenTop1(RidgeRegressionBaseline scorer, RowMatrix x, string[] y, string[] unseen, ClassPrototypes prototypes)
    {
        var scores = scorer.Scores(x, [.. unseen.Select(prototypes.IndexOf)]);
        var predicted = new int[y.Length];
        var actual = new int[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            predicted[i] = TensorPrimitives.IndexOfMax(scores.AsSpan(i * unseen.Length, unseen.Length));   // the first on ties, as the evaluator
            actual[i] = Array.IndexOf(unseen, y[i]);
        }

        return ZeroShotEvaluator.PerClassMeanAccuracy(actual, predicted, Enumerable.Range(0, unseen.Length));
    }

    // Pairs (a, b) whose similarity to every third class is the same: no similarity-based method can tell them apart.
    private static List<(string A, string B)> Twins(ClassMatrix similarity)
    {
        var names = similarity.ClassNames;
        var twins = new List<(string, string)>();
        for (int a = 0; a < names.Count; a++)
        {
            for (int b = a + 1; b < names.Count; b++)
            {
                if (Enumerable.Range(0, names.Count).All(c => c == a || c == b || similarity[a, c] == similarity[b, c]))
                {
                    twins.Add((names[a], names[b]));
                }
            }
        }

        return twins;
    }
}
