using System.Diagnostics;
using System.Globalization;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Plotting;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;

// Challenge II, multi-source: AWA2 (50 animals, 85 attributes) and aPY (32 objects, 64 other attributes), each with
// its own attribute space (cosine of the xlsa17 `att` vectors), joined only by WordNet Wu–Palmer similarity across
// the two (AWA2+APY_wup.csv, cross block; aPY names prefixed `apy:`), all of it or a seeded fraction q of the cross
// pairs. Compared with one embedding of WordNet for everything, and with aPY's attributes alone, by zero-shot
// accuracy on the shipped aPascal objects (the 20 aPascal classes are aPY classes; 5 unseen).
//   dotnet run -c Release --project samples/ChallengeMultiSource [-- --data XLSA17_ROOT] [--epochs E] [--dim D] [--seed S] [--out FOLDER]
// --data: a folder holding AWA2/att_splits.mat and APY/att_splits.mat (default: samples/data/xlsa17).
var options = new SampleOptions(args);
int seed = options.Int("seed", 0), dimension = options.Int("dim", 10), epochs = options.Int("epochs", 10);
var clock = Stopwatch.StartNew();
string root = options.Text("data") ?? SampleOptions.Data("xlsa17");
var awa2 = Xlsa17Dataset.Load(Path.Combine(root, "AWA2"));
var apy = Xlsa17Dataset.Load(Path.Combine(root, "APY"));
var awa2Similarity = SimilarityMatrix.FromVectors(awa2.ClassNames, awa2.ClassAttributes);
var apySimilarity = SimilarityMatrix.FromVectors(apy.ClassNames.Select(c => "apy:" + c).ToArray(), apy.ClassAttributes);
var wordnet = ClassMatrixFile.ReadSimilarityCsv(SampleOptions.Data("WordNet", "AWA2+APY_wup.csv"));
var data = BenchmarkInstances.Load(null, seed);   // the aPascal objects
var run = new ZeroShotRun(data.TrainFeatures, data.TrainLabels, data.TestFeatures, data.TestLabels, data.Unseen) { Epochs = epochs, Seed = seed };

var spaces = new List<(string Name, DistanceMatrix Distances)>
{
    ("WordNet for all 82 classes", wordnet.Subset(awa2Similarity.ClassNames.Concat(apySimilarity.ClassNames).Select(wordnet.IndexOf).ToArray()).ToDistances()),
    ("aPY attributes only (32 classes)", apySimilarity.ToDistances()),
};
foreach (double q in new[] { 1.0, 0.25, 0.05 })
{
    var joined = MultiSourceChallenge.Join("AWA2", awa2Similarity, "aPY", apySimilarity, wordnet, q, seed).ToDistances();
    spaces.Add(($"multi-source: attributes within, WordNet across ({q:P0} of cross pairs)", joined.Distances));
}

double[] curvatures = [0, 1, -1];
var table = new MarkdownTable($"Challenge II: AWA2 + aPY, ZSL top-1 (%) on aPascal objects, unseen {{{string.Join(", ", data.Unseen)}}}, d = {dimension}, {epochs} epochs, seed {seed}",
    ["class similarity", .. curvatures.Select(k => $"κ = {k:+0;-0;0} ({ZeroShotRun.HeadName(k)})")]);
var bars = new List<Curve>();
var results = new double[spaces.Count, curvatures.Length];
for (int s = 0; s < spaces.Count; s++)
{
    for (int c = 0; c < curvatures.Length; c++)
    {
        var prototypes = new KappaMds(new KappaMdsOptions { Dimension = dimension, Curvature = curvatures[c], Seed = seed }).Fit(spaces[s].Distances).Prototypes;
        results[s, c] = run.TryEvaluate(APascalPrototypes(prototypes))?.ZslTop1 ?? double.NaN;
    }

    table.Add([spaces[s].Name, .. curvatures.Select((_, c) => (100 * results[s, c]).ToString("F1", CultureInfo.InvariantCulture))]);
    Console.Error.WriteLine($"{spaces[s].Name}: " + string.Join(", ", curvatures.Select((k, c) => $"κ = {k:+0;-0;0} {results[s, c]:P1}")) + $" ({clock.Elapsed.TotalSeconds:F0} s)");
}

table.Print();
string png = Path.Combine(options.OutputFolder(), "challenge-multi-source.png");
AtomicFile.Write(png, stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png, "Challenge II: ZSL on aPascal by class similarity source", "similarity source: the rows of the table, 1–5", "ZSL top-1 (%)",
    curvatures.Select((k, c) => new Curve($"κ = {k:+0;-0;0} ({ZeroShotRun.HeadName(k)})", Enumerable.Range(1, spaces.Count).Select(x => (double)x).ToArray(), Enumerable.Range(0, spaces.Count).Select(s => 100 * results[s, c]).ToArray())).ToArray(),
    width: 800, height: 500));
Console.WriteLine($"plot: {png}; total {clock.Elapsed.TotalSeconds:F0} s");
return 0;

// The 20 aPascal classes' prototypes out of an embedding whose aPY classes are named `apy:<class>`.
ClassPrototypes APascalPrototypes(ClassPrototypes all)
{
    var rows = data.Classes.Select(c => all.IndexOf("apy:" + c)).ToArray();
    return new ClassPrototypes(data.Classes, SimZsl.ZeroShot.RowSelection.Select(all.Coordinates, rows), all.Curvature);
}
