using System.Diagnostics;
using System.Globalization;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Plotting;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

// "Similarity is enough": where the original semantic vectors and instances both exist, do prototypes placed by κ-MDS
// from the vectors' similarity alone do about as well as the vectors themselves? The vectors are xlsa17's aPY class
// attributes (`att` of APY/att_splits.mat, 64 per class) of the 20 aPascal classes; the instances are the aPascal
// objects (64 binary attributes each), 5 unseen classes per split. For every method (each head and peer of the
// zero-shot sweep, in each of its geometries), the ORIGINAL arm uses the vectors as prototypes (κ = 0, as they are),
// the κ-MDS arm the embedding of their cosine similarity (arccos distances, strain then stress refinement, d fixed,
// at the method's κ); both arms see the same split and seed, so their difference is paired by split.
//   dotnet run -c Release --project samples/ChallengeSimilarityEnough [-- --seed S] [--splits N] [--dim D] [--margin POINTS] [--data XLSA17_APY] [--out FOLDER] [--quick]
var options = new SampleOptions(args);
bool quick = options.Flag("quick");
int seed = options.Int("seed", 0), draws = options.Int("splits", quick ? 2 : 10), dimension = options.Int("dim", 10);
double margin = options.Int("margin", 2) / 100.0;
var clock = Stopwatch.StartNew();
void Progress(string message) => Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F0} s] {message}");

var data = ZeroShotData.APascal();
var apy = Xlsa17Dataset.Load(options.Text("data") ?? SampleOptions.Data("xlsa17", "APY"));
var vectors = RowSelection.Select(apy.ClassAttributes, [.. data.ClassNames.Select(c => apy.ClassNames.ToList().IndexOf(c))]);
var original = new ClassPrototypes(data.ClassNames, vectors, 0);
var distances = SimilarityMatrix.FromVectors(data.ClassNames, vectors).ToDistances();
var splits = UnseenSplits.Seeded(data.ClassNames, 5, draws);   // the same 10 splits for every --seed: part of the protocol
(string Name, double Curvature)[]? quickMethods = quick ? [("softmax", 0), ("prototype", 1), ("ridge", 0)] : null;
var methods = ZeroShotMethod.All(o => o with { Epochs = quick ? 3 : 10 }).Where(m => quickMethods?.Contains((m.Name, m.Curvature)) ?? true).ToArray();
Progress($"{data.ClassNames.Count} classes, {vectors.Columns} attributes per class; {splits.Count} splits × {methods.Length} methods, d = {dimension}");

var top1 = new Dictionary<(string Method, string Arm), List<double>>();
var h = new Dictionary<(string Method, string Arm), List<double>>();
for (int r = 0; r < splits.Count; r++)
{
    var embedded = methods.Select(m => m.Curvature).Distinct().ToDictionary(k => k,
        k => new KappaMds(new KappaMdsOptions { Dimension = dimension, Curvature = k, Refine = true, MaxIterations = 200, Seed = seed + r }).Fit(distances).Prototypes);
    // The original arm does not depend on the method's κ (the vectors are Euclidean): one run per method name.
    var originals = new Dictionary<string, ZeroShotOutcome>(StringComparer.Ordinal);
    foreach (var method in methods)
    {
        if (!originals.TryGetValue(method.Name, out var plain))
        {
            originals[method.Name] = plain = method.Evaluate(data, original, splits[r], seed + r);
        }

        var similarity = method.Evaluate(data, embedded[method.Curvature], splits[r], seed + r);
        Add((method.Label, "original"), plain);
        Add((method.Label, "κ-MDS"), similarity);
    }

    Progress($"split {r + 1}/{splits.Count} (unseen {string.Join(", ", splits[r])}): " +
        string.Join("; ", methods.Select(m => $"{m.Label} {100 * top1[(m.Label, "original")][^1]:F1} / {100 * top1[(m.Label, "κ-MDS")][^1]:F1}")));
}

string splitsText = $"mean [95 % interval] over {splits.Count} unseen splits of 5 aPascal classes (seeds {seed}…{seed + splits.Count - 1})";
string[] arms = ["original", "κ-MDS"];
var accuracy = new MarkdownTable($"Similarity is enough: ZSL top-1 and calibrated H (%) on aPascal objects, original aPY class attributes (xlsa17 `att`, 64-d, κ = 0) against κ-MDS of their cosine similarity (d = {dimension}, at the method's κ); {splitsText}",
    "method", "top-1: original", "top-1: κ-MDS", "H: original", "H: κ-MDS");
var paired = new MarkdownTable($"Similarity is enough: κ-MDS minus original, paired by split (percentage points); {splitsText}",
    "method", "top-1: κ-MDS − original", "H: κ-MDS − original");
var verdicts = new List<string>();
var differences = new List<MeanInterval>();
var summary = new Dictionary<string, List<string>>(StringComparer.Ordinal);
foreach (var method in methods)
{
    string label = method.Label;
    accuracy.Add([label, .. arms.Select(a => MeanInterval.Of(top1[(label, a)]).Format("F1", 100)), .. arms.Select(a => MeanInterval.Of(h[(label, a)]).Format("F1", 100))]);
    var dTop1 = PairedDifference.Of(top1[(label, "κ-MDS")], top1[(label, "original")]);
    var dH = PairedDifference.Of(h[(label, "κ-MDS")], h[(label, "original")]);
    differences.Add(dTop1);
    paired.Add(label, dTop1.Format("F1", 100), dH.Format("F1", 100));
    string onTop1 = PairedDifference.NonInferiority(dTop1, margin);
    (summary.TryGetValue(onTop1, out var names) ? names : summary[onTop1] = []).Add(label);
    verdicts.Add($"{label}: similarity is enough (κ-MDS loses at most {100 * margin:F0} points, lower end of the paired interval): {onTop1} on ZSL top-1, {PairedDifference.NonInferiority(dH, margin)} on calibrated H");
}

accuracy.Print();
Console.WriteLine($"Verdict: similarity is enough on ZSL top-1 (κ-MDS − original ≥ −{100 * margin:F0} points at the lower end of the paired interval): "
    + string.Join("; ", new[] { "holds", "undecided", "does not hold" }.Where(summary.ContainsKey).Select(s => $"{s} for {summary[s].Count} of {methods.Length} methods ({string.Join(", ", summary[s])})")));
Console.WriteLine();
paired.Print();
verdicts.ForEach(v => Console.WriteLine("Verdict: " + v));
Console.WriteLine();

string folder = options.OutputFolder();
var (x, methodAxis) = IntervalCurve.RowAxis([.. methods.Select(m => m.Label)]);
Curve Band(string name, IReadOnlyList<MeanInterval> cells) => IntervalCurve.Of(name, x, cells, scale: 100);
AtomicFile.Write(Path.Combine(folder, "challenge-similarity-enough-accuracy.png"), stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png,
    $"Similarity is enough: ZSL top-1 on aPascal (95 % intervals over {splits.Count} splits)", methodAxis, "ZSL top-1 (%)",
    [.. arms.Select(a => Band(a == "original" ? "original aPY attributes (κ = 0)" : "κ-MDS of their similarity (method's κ)", [.. methods.Select(m => MeanInterval.Of(top1[(m.Label, a)]))]))], width: 1400, height: 600));
AtomicFile.Write(Path.Combine(folder, "challenge-similarity-enough-difference.png"), stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png,
    $"Similarity is enough: κ-MDS − original, ZSL top-1 (paired, 95 % intervals over {splits.Count} splits)", methodAxis, "difference (points)",
    [Band("κ-MDS − original", differences), new Curve($"margin −{100 * margin:F0} points", x, [.. x.Select(_ => -100 * margin)])], width: 1400, height: 600));
Console.WriteLine($"plots: {folder}/challenge-similarity-enough-*.png");
Console.WriteLine($"total {clock.Elapsed.TotalSeconds:F0} s");
return 0;

void Add((string Method, string Arm) key, ZeroShotOutcome outcome)
{
    (top1.TryGetValue(key, out var t) ? t : top1[key] = []).Add(outcome.Plain.ZslTop1);
    (h.TryGetValue(key, out var c) ? c : h[key] = []).Add(outcome.Calibrated.GzslH);
}
