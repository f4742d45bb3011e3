using System.Diagnostics;
using SimZsl.IO;
using SimZsl.Plotting;
using SimZsl.Samples.Shared;

// Challenge III, rare classes known only through landmarks: the unseen classes of each split are the rare ones, known
// only by their similarity to L landmark classes (drawn among the seen classes, seeded); every other pair of theirs is
// hidden. κ-MDS embeds what is known and zero-shot methods are trained and tested on it, for aPascal (20 classes, 5
// unseen per split) and Fashion-MNIST (10 classes, 3 unseen; PCA-64 features). Like for like: every row, the complete
// matrix included, runs the same pipeline (shortest-path imputation → strain → stress refinement, same iterations,
// seed + r), so that rows differ only in what is known. Run r uses unseen split r and landmark draw r (the draws are
// nested: the L = 2 landmarks of a run include its L = 1 landmark), so each interval covers both.
//   dotnet run -c Release --project samples/ChallengeRareClasses [-- --runs 10] [--epochs 10] [--per-class 150] [--train-images 5000] [--iterations 200] [--data apascal,fashion] [--seed S] [--out FOLDER] [--quick]
// --quick: aPascal only, the complete matrix and L = 2, 2 runs, epochs 3, ≤ 50 instances per class (about 20 s).
// The default run took 394 and 249 s on the 2-core CPU box (shared with other work); --epochs 30 adds the
// 30-epoch candidates to the heads' grid (about 3 × the time).
var options = new SampleOptions(args);
bool quick = options.Flag("quick");
int seed = options.Int("seed", 0), runs = options.Int("runs", quick ? 2 : 10), epochs = options.Int("epochs", quick ? 3 : 10);
int perClass = options.Int("per-class", quick ? 50 : 150), iterations = options.Int("iterations", 200);
var clock = Stopwatch.StartNew();
var methods = ChallengeAccuracy.ComparedMethods(epochs);
string folder = options.OutputFolder();
var sets = quick
    ? new (Func<ChallengeDataSet> Load, int[] Landmarks)[] { (ChallengeDataSet.APascal, [2]) }
    : new (Func<ChallengeDataSet> Load, int[] Landmarks)[] { (ChallengeDataSet.APascal, [15, 8, 4, 2, 1]), (() => ChallengeDataSet.Fashion(options.Int("train-images", 5000)), [7, 4, 2, 1]) }
        .Where((_, i) => options.Text("data") is not { } only || only.Contains(i == 0 ? "apascal" : "fashion", StringComparison.Ordinal)).ToArray();
foreach (var (load, counts) in sets)
{
    var set = load();
    var distances = set.Data.Similarity.ToDistances();
    int seen = set.Data.ClassNames.Count - set.UnseenPerSplit;
    string[] points = ["complete matrix", .. counts.Select(l => l == seen ? $"L = {l} (all seen)" : $"L = {l}")];
    var result = ChallengeAccuracy.Measure(set, methods, points, runs, seed, perClass, iterations,
        (p, unseen, drawSeed) => p == 0 ? distances : RareClassChallenge.Apply(distances, unseen, RareClassChallenge.ChooseLandmarks(distances, unseen, counts[p - 1], drawSeed)), clock);
    result.Print("Challenge III", "rare (unseen) classes known through",
        $"run r: unseen split r (its classes are the rare ones), landmark draw and refinement seed {seed} + r, ≤ {perClass} training instances per seen class, {ChallengeAccuracy.SelectionText(epochs)}; every row, the complete matrix included, runs the same impute → strain → stress-refine pipeline ({iterations} iterations)");
    double[] x = [.. counts.Select(l => (double)l)];
    string png = Path.Combine(folder, $"challenge-rare-classes-{set.Name.Split('-')[0].ToLowerInvariant()}.png");
    AtomicFile.Write(png, stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png,
        $"Challenge III, {set.Name}: ZSL top-1, 95 % intervals over {runs} runs", "landmark classes L", "ZSL top-1, unseen classes (%)",
        [.. methods.Select((_, i) => Band(result, i, [.. counts.Select((_, p) => p + 1)], x)), Chance(set, x)], width: 800, height: 500));
    Console.WriteLine($"plot: {png}");
    Console.WriteLine();
}

Console.WriteLine($"total {clock.Elapsed.TotalSeconds:F0} s");
return 0;

static Curve Band(ChallengeAccuracy result, int method, int[] points, double[] x) =>
    IntervalCurve.Of(result.Methods[method].Label, x, [.. points.Select(p => result.Zsl(method, p))], scale: 100, floor: 0, ceiling: 100);

static Curve Chance(ChallengeDataSet set, double[] x) => new($"chance (1/{set.UnseenPerSplit})", x, [.. x.Select(_ => 100 * set.ZslChance)]);
