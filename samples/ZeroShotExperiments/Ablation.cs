using System.Globalization;
using System.Text;
using SimZsl.Embedding;
using SimZsl.Samples.Shared;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>Why the trained heads used to lose to ridge regression, one cause at a time: on the same Fashion-MNIST
/// splits (PCA-64, WordNet → κ-MDS d = 8) each head goes from the previous defaults (dot-product compatibility, lr 1e-3,
/// early stopping on 10 % of the seen training images, no prototype anchor) to the present ones, one change per row,
/// and finally to the present default with model selection on held-out classes; ridge regression beside them.</summary>
/// <remarks>ablation [--k 4] [--splits 12] [--seed 0] [--out ablation-output] [--quick]</remarks>
internal static class Ablation
{
    private sealed record Variant(string Head, double Curvature, string Change, IReadOnlyList<ZeroShotCandidate> Candidates, bool Select);

    public static int Run(Arguments arguments)
    {
        bool quick = arguments.Switch("quick");
        int k = arguments.Int("k", 4), splits = arguments.Int("splits", quick ? 2 : 12), seed = arguments.Int("seed", 0);
        string output = arguments.Text("out") ?? "ablation-output";
        var data = ZeroShotData.Fashion(quick ? 2000 : 20000, pixels: false);
        var prototypes = new[] { 0.0, -1 }.ToDictionary(c => c, c =>
            new KappaMds(new KappaMdsOptions { Dimension = 8, Curvature = c }).Fit(data.Similarity.ToDistances()).Prototypes);
        var splitSets = UnseenSplits.Seeded(data.ClassNames, k, splits);
        var variants = Variants(seed).ToArray();
        var zsl = variants.ToDictionary(v => v, _ => new List<double>());
        foreach (var unseen in splitSets)
        {
            var (x, y, testX, testY) = data.Split(unseen);
            foreach (var v in variants)
            {
                using var result = ZeroShotExperiment.Run(x, y, testX, testY, prototypes[v.Curvature], unseen, v.Candidates,
                    v.Select ? new ModelSelectionOptions { Seed = seed } : null);
                zsl[v].Add(result.Metrics.ZslTop1);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{{string.Join(", ", unseen)}}} {v.Head}: {v.Change}: ZSL {result.Metrics.ZslTop1:P1}"));
            }
        }

        var ridge = zsl[variants.Single(v => v.Head == "ridge" && v.Select)];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Why the heads used to lose, one cause at a time: Fashion-MNIST PCA-64, k = {k}, {splits} seeded splits, training seed {seed}; ZSL top-1 (%), mean [95 % interval] and sd over the splits; peer: ridge regression with λ selected on held-out classes");
        text.AppendLine();
        text.AppendLine("| head | change (cumulative, top to bottom) | ZSL top-1 | sd | splits at or above the peer | below chance |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var v in variants)
        {
            var values = zsl[v];
            int won = values.Where((z, i) => z >= ridge[i]).Count();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {v.Head} (κ = {v.Curvature:+0;-0;0}) | {v.Change} | {MeanInterval.Of(values).Format("F1", 100)} | {Sd(values)} | {(v.Head == "ridge" ? "–" : $"{won}/{values.Count}")} | {values.Count(z => z < (1.0 / k) - 1e-12)} |");
        }

        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "ablation.md"), text.ToString());
        Console.WriteLine(text);
        return 0;
    }

    private static IEnumerable<Variant> Variants(int seed)
    {
        var previous = new ZeroShotTrainerOptions { LearningRate = 1e-3, ValidationFraction = 0.1, Seed = seed, Threads = 1 };
        foreach (var (kind, curvature) in new[] { (ZeroShotHeadKind.DeViSE, 0.0), (ZeroShotHeadKind.Softmax, 0.0), (ZeroShotHeadKind.Hyperbolic, -1.0) })
        {
            string head = kind.ToString().ToLowerInvariant();
            bool vectors = kind != ZeroShotHeadKind.Hyperbolic;
            var options = previous with { Head = new ZeroShotHeadOptions { Kind = kind, Compatibility = vectors ? Compatibility.Dot : Compatibility.Distance, AnchorWeight = 0 } };
            var steps = new List<(string Change, ZeroShotTrainerOptions Options)> { ("previous defaults" + (vectors ? " (dot product)" : ""), options) };
            if (vectors)
            {
                options = options with { Head = options.Head with { Compatibility = Compatibility.Distance } };
                steps.Add(("distance compatibility", options));
            }

            options = options with { LearningRate = 1e-2 };
            steps.Add(("learning rate 1e-2", options));
            options = options with { ValidationFraction = 0 };
            steps.Add(("no early stopping on seen classes", options));
            options = options with { Head = options.Head with { AnchorWeight = 0.3 } };
            steps.Add(("prototype anchor 0.3 (the present defaults)", options));
            foreach (var (change, o) in steps)
            {
                yield return new Variant(head, curvature, change, [ZeroShotCandidates.Head(o)], Select: false);
            }

            yield return new Variant(head, curvature, "model selection on held-out classes (the present default)", ZeroShotCandidates.HeadGrid(options), Select: true);
        }

        yield return new Variant("ridge", 0, "λ = 1", [ZeroShotCandidates.Ridge(1)], Select: false);
        yield return new Variant("ridge", 0, "λ selected on held-out classes", ZeroShotCandidates.Ridge(), Select: true);
    }

    private static string Sd(List<double> v)
    {
        double mean = v.Average(), sd = v.Count > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1)) : 0;
        return (100 * sd).ToString("F1", CultureInfo.InvariantCulture);
    }
}
