using System.Diagnostics;
using System.Globalization;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Plotting;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;

// Challenge IV, random missing knowledge: hide a fraction p of the class pairs of the similarity matrix (seeded,
// symmetric, a spanning tree kept so every class stays connected), embed what is left with κ-MDS (shortest-path
// imputation for the strain step, then stress over the observed pairs only), train a zero-shot head on the seen
// classes' instances and report the unseen-class accuracy, for p = 0 … 90 % and each geometry.
//   dotnet run -c Release --project samples/ChallengeMissing [-- --data XLSA17_FOLDER] [--repeats R] [--epochs E] [--dim D] [--seed S] [--out FOLDER]
// Without --data: the shipped aPascal objects with WordNet Wu–Palmer similarity; with --data: an xlsa17 folder with
// att_splits.mat and res101.mat, the attribute cosine similarity.
var options = new SampleOptions(args);
int seed = options.Int("seed", 0), repeats = options.Int("repeats", 2), dimension = options.Int("dim", 10), epochs = options.Int("epochs", 10);
var clock = Stopwatch.StartNew();
var data = BenchmarkInstances.Load(options.Text("data"), seed);
var distances = data.ClassSimilarity().ToDistances();
var run = new ZeroShotRun(data.TrainFeatures, data.TrainLabels, data.TestFeatures, data.TestLabels, data.Unseen) { Epochs = epochs, Seed = seed };
double[] fractions = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
double[] curvatures = [0, 1, -1];
var accuracy = new double[curvatures.Length, fractions.Length];
var distortion = new double[curvatures.Length, fractions.Length];
var missing = new double[fractions.Length];

for (int f = 0; f < fractions.Length; f++)
{
    for (int r = 0; r < repeats; r++)
    {
        var masked = RandomMissingChallenge.Apply(distances, fractions[f], seed + (1000 * r));
        missing[f] += (double)masked.MissingPairCount / (distances.Count * (distances.Count - 1) / 2) / repeats;
        for (int c = 0; c < curvatures.Length; c++)
        {
            var embedding = new KappaMds(new KappaMdsOptions { Dimension = dimension, Curvature = curvatures[c], Seed = seed }).Fit(masked);
            accuracy[c, f] += (run.TryEvaluate(embedding.Prototypes)?.ZslTop1 ?? double.NaN) / repeats;
            distortion[c, f] += MeanDistortion(embedding.Distances(), distances) / repeats;
        }
    }

    Console.Error.WriteLine($"p = {fractions[f]:P0}: " + string.Join(", ", curvatures.Select((k, c) => $"κ = {k:+0;-0;0} {accuracy[c, f]:P1}")) + $" ({clock.Elapsed.TotalSeconds:F0} s)");
}

var table = new MarkdownTable(
    $"Challenge IV on {data.Name}: {data.Classes.Length} classes, unseen {{{string.Join(", ", data.Unseen)}}}, d = {dimension}, {repeats} mask seed(s) averaged, {epochs} epochs, seed {seed}",
    ["missing pairs", .. curvatures.Select(k => $"ZSL top-1 κ = {k:+0;-0;0} ({ZeroShotRun.HeadName(k)})"), .. curvatures.Select(k => $"distortion κ = {k:+0;-0;0}")]);
for (int f = 0; f < fractions.Length; f++)
{
    table.Add([Percent(missing[f]), .. curvatures.Select((_, c) => Percent(accuracy[c, f])), .. curvatures.Select((_, c) => distortion[c, f].ToString("F3", CultureInfo.InvariantCulture))]);
}

table.Print();
string png = Path.Combine(options.OutputFolder(), "challenge-missing.png");
AtomicFile.Write(png, stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png, $"Challenge IV: random missing similarities ({data.Name.Split(' ')[0]})", "missing class pairs (%)", "ZSL top-1, unseen classes (%)",
    curvatures.Select((k, c) => new Curve($"κ = {k:+0;-0;0} ({ZeroShotRun.HeadName(k)})", missing.Select(m => 100 * m).ToArray(), Enumerable.Range(0, fractions.Length).Select(f => 100 * accuracy[c, f]).ToArray())).ToArray(),
    width: 800, height: 500));
Console.WriteLine($"plot: {png}; total {clock.Elapsed.TotalSeconds:F0} s");
return 0;

static string Percent(double v) => (100 * v).ToString("F1", CultureInfo.InvariantCulture);

// Mean |d_emb / D − 1| over every pair, the hidden ones included: how well the embedding recovers what was hidden.
static double MeanDistortion(DistanceMatrix embedded, DistanceMatrix truth)
{
    double sum = 0;
    int count = 0;
    for (int i = 0; i < truth.Count; i++)
    {
        for (int j = i + 1; j < truth.Count; j++)
        {
            if (truth[i, j] > 0)
            {
                sum += Math.Abs((embedded[i, j] / truth[i, j]) - 1);
                count++;
            }
        }
    }

    return sum / count;
}
