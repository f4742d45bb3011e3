using System.Diagnostics;
using System.Globalization;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Plotting;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;

// Challenge III, rare missing knowledge: the unseen classes are rare, known only by their similarity to L landmark
// classes (drawn among the seen classes, seeded); every other pair of theirs is hidden. κ-MDS embeds what is known
// (shortest-path imputation, then stress over the observed pairs), a zero-shot head is trained on the seen classes'
// instances, and the unseen-class accuracy is reported against L, for Fashion-MNIST (shipped subset, pixels, WordNet
// Wu–Palmer) and aPascal (shipped objects, 64 binary attributes, WordNet Wu–Palmer), in each geometry.
//   dotnet run -c Release --project samples/ChallengeRareClasses [-- --data XLSA17_FOLDER] [--repeats R] [--epochs E] [--dim D] [--seed S] [--out FOLDER]
// With --data (an xlsa17 folder with att_splits.mat and res101.mat) that benchmark, with attribute cosine
// similarity, replaces aPascal.
var options = new SampleOptions(args);
int seed = options.Int("seed", 0), repeats = options.Int("repeats", 1), dimension = options.Int("dim", 5), epochs = options.Int("epochs", 8);
var clock = Stopwatch.StartNew();
double[] curvatures = [0, 1, -1];
var curves = new List<Curve>();
var table = new MarkdownTable(
    $"Challenge III: unseen (rare) classes known only through L landmark classes; ZSL top-1 (%), d = {dimension}, {epochs} epochs, {repeats} landmark draw(s) averaged, seed {seed}",
    ["data", "landmarks L", .. curvatures.Select(k => $"κ = {k:+0;-0;0} ({ZeroShotRun.HeadName(k)})")]);

foreach (var (name, run, similarity, counts) in Datasets())
{
    var distances = similarity.ToDistances();
    int seen = distances.Count - run.Unseen.Count;
    var accuracy = new double[curvatures.Length, counts.Length];
    for (int l = 0; l < counts.Length; l++)
    {
        for (int r = 0; r < repeats; r++)
        {
            var landmarks = RareClassChallenge.ChooseLandmarks(distances, run.Unseen, counts[l], seed + (1000 * r));
            var masked = RareClassChallenge.Apply(distances, run.Unseen, landmarks);
            for (int c = 0; c < curvatures.Length; c++)
            {
                accuracy[c, l] += Zsl(masked, curvatures[c]) / repeats;
            }
        }

        table.Add([name, counts[l] == seen ? $"{counts[l]} (all seen)" : $"{counts[l]}", .. curvatures.Select((_, c) => Percent(accuracy[c, l]))]);
        Console.Error.WriteLine($"{name}, L = {counts[l]}: " + string.Join(", ", curvatures.Select((k, c) => $"κ = {k:+0;-0;0} {accuracy[c, l]:P1}")) + $" ({clock.Elapsed.TotalSeconds:F0} s)");
    }

    table.Add([name, "complete matrix (reference)", .. curvatures.Select(k => Percent(Zsl(distances, k)))]);
    for (int c = 0; c < curvatures.Length; c++)
    {
        curves.Add(new Curve($"{name}, κ = {curvatures[c]:+0;-0;0}", counts.Select(x => (double)x).ToArray(), Enumerable.Range(0, counts.Length).Select(l => 100 * accuracy[c, l]).ToArray()));
    }

    double Zsl(DistanceMatrix d, double curvature) =>
        run.TryEvaluate(new KappaMds(new KappaMdsOptions { Dimension = dimension, Curvature = curvature, Seed = seed }).Fit(d).Prototypes)?.ZslTop1 ?? double.NaN;
}

table.Print();
string png = Path.Combine(options.OutputFolder(), "challenge-rare-classes.png");
AtomicFile.Write(png, stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png, "Challenge III: unseen classes known only through L landmarks", "landmark classes L", "ZSL top-1, unseen classes (%)", curves, width: 800, height: 500));
Console.WriteLine($"plot: {png}; total {clock.Elapsed.TotalSeconds:F0} s");
return 0;

IEnumerable<(string Name, ZeroShotRun Run, SimilarityMatrix Similarity, int[] Counts)> Datasets()
{
    var (train, test) = FashionMnist.Load(SampleOptions.Data("FashionMNIST"), 600);
    string[] fashionUnseen = ["Sandal", "Shirt"];
    var seenRows = Enumerable.Range(0, train.Labels.Length).Where(i => !fashionUnseen.Contains(train.Labels[i])).ToArray();
    yield return ("Fashion-MNIST",
        new ZeroShotRun(SimZsl.ZeroShot.RowSelection.Select(train.Pixels, seenRows), SimZsl.ZeroShot.RowSelection.Select(train.Labels, seenRows), test.Pixels, test.Labels, fashionUnseen) { Epochs = epochs, Seed = seed },
        ClassMatrixFile.ReadSimilarityCsv(SampleOptions.Data("WordNet", "FashionMNIST_wup.csv")), [1, 2, 3, 4, 6, 8]);
    var data = BenchmarkInstances.Load(options.Text("data"), seed);
    int seenCount = data.Classes.Length - data.Unseen.Length;
    yield return (data.Name.Split(' ')[0],
        new ZeroShotRun(data.TrainFeatures, data.TrainLabels, data.TestFeatures, data.TestLabels, data.Unseen) { Epochs = epochs, Seed = seed },
        data.ClassSimilarity(), new[] { 1, 2, 4, 8, 15, seenCount }.Where(c => c <= seenCount).Distinct().ToArray());
}

static string Percent(double v) => (100 * v).ToString("F1", CultureInfo.InvariantCulture);
