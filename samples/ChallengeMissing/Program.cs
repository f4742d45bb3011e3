using System.Diagnostics;
using System.Globalization;
using SimZsl.IO;
using SimZsl.Plotting;
using SimZsl.Samples.Shared;

// Challenge IV, random missing knowledge: hide a fraction p of the class pairs of the similarity matrix (seeded,
// symmetric, a spanning tree kept so that every class stays connected), embed what is left with κ-MDS, and train
// and test zero-shot methods on it, for aPascal (20 classes, 5 unseen per split) and Fashion-MNIST (10 classes, 3
// unseen; PCA-64 features). Like for like: every row, p = 0 included, runs the same pipeline (shortest-path
// imputation → strain → stress refinement, same iterations, seed + r), so that rows differ only in what is hidden.
// Run r uses unseen split r and mask draw r, so each interval covers both.
//   dotnet run -c Release --project samples/ChallengeMissing [-- --runs 10] [--epochs 10] [--data apascal,fashion] [--per-class 150] [--train-images 5000] [--iterations 200] [--seed S] [--out FOLDER] [--quick]
// --quick: aPascal only, p = 0 and 60 %, 2 runs, epochs 3, ≤ 50 instances per class (about 20 s).
// The default run took 360 and 366 s on the 2-core CPU box (shared with other work); --epochs 30 adds the
// 30-epoch candidates to the heads' grid (about 3 × the time).
var options = new SampleOptions(args);
bool quick = options.Flag("quick");
int seed = options.Int("seed", 0), runs = options.Int("runs", quick ? 2 : 10), epochs = options.Int("epochs", quick ? 3 : 10);
int perClass = options.Int("per-class", quick ? 50 : 150), iterations = options.Int("iterations", 200);
var clock = Stopwatch.StartNew();
var methods = ChallengeAccuracy.ComparedMethods(epochs);
string folder = options.OutputFolder();
var sets = quick
    ? new (Func<ChallengeDataSet> Load, double[] Fractions)[] { (ChallengeDataSet.APascal, [0, 0.6]) }
    // 10 classes keep 9 spanning-tree pairs of 45: at most 80 % can be hidden.
    : new (Func<ChallengeDataSet> Load, double[] Fractions)[] { (ChallengeDataSet.APascal, [0, 0.2, 0.4, 0.6, 0.8, 0.9]), (() => ChallengeDataSet.Fashion(options.Int("train-images", 5000)), [0, 0.2, 0.4, 0.6, 0.8]) }
        .Where((_, i) => options.Text("data") is not { } only || only.Contains(i == 0 ? "apascal" : "fashion", StringComparison.Ordinal)).ToArray();
foreach (var (load, fractions) in sets)
{
    var set = load();
    var distances = set.Data.Similarity.ToDistances();
    string[] points = [.. fractions.Select(p => p == 0 ? "p = 0 % (complete)" : string.Create(CultureInfo.InvariantCulture, $"p = {100 * p:F0} %"))];
    var result = ChallengeAccuracy.Measure(set, methods, points, runs, seed, perClass, iterations,
        (p, _, drawSeed) => RandomMissingChallenge.Apply(distances, fractions[p], drawSeed), clock);
    result.Print("Challenge IV", "missing pairs",
        $"run r: unseen split r, mask draw and refinement seed {seed} + r, ≤ {perClass} training instances per seen class, {ChallengeAccuracy.SelectionText(epochs)}; every row, p = 0 included, runs the same impute → strain → stress-refine pipeline ({iterations} iterations)");
    string png = Path.Combine(folder, $"challenge-missing-{set.Name.Split('-')[0].ToLowerInvariant()}.png");
    var x = fractions.Select(p => 100 * p).ToArray();
    AtomicFile.Write(png, stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png,
        $"Challenge IV, {set.Name}: ZSL top-1, 95 % intervals over {runs} runs", "missing class pairs p (%)", "ZSL top-1, unseen classes (%)",
        [.. methods.Select((_, i) => Band(result, i, [.. points.Select((_, p) => p)], x)), Chance(set, x)], width: 800, height: 500));
    Console.WriteLine($"plot: {png}");
    Console.WriteLine();
}

Console.WriteLine($"total {clock.Elapsed.TotalSeconds:F0} s");
return 0;

static Curve Band(ChallengeAccuracy result, int method, int[] points, double[] x) =>
    IntervalCurve.Of(result.Methods[method].Label, x, [.. points.Select(p => result.Zsl(method, p))], scale: 100, floor: 0, ceiling: 100);

static Curve Chance(ChallengeDataSet set, double[] x) => new($"chance (1/{set.UnseenPerSplit})", x, [.. x.Select(_ => 100 * set.ZslChance)]);
