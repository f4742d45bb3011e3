using System.Diagnostics;
using System.Globalization;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Plotting;
using SimZsl.Samples.ChallengeFidelity;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;

// Fidelity on the class sets where the seed's claims live: AWA2 (50 classes), CUB (200) and SUN (717) with the cosine
// similarity of their xlsa17 class attributes, and CUB's Wikispecies taxonomy (path distances). Knowledge is hidden
// (a fraction p of the pairs at random; or the rare 20 % of the classes known only through L landmark classes), the
// rest is embedded with κ-MDS (d = 10, strain on the shortest-path completion, then stress refinement over the known
// pairs), and compared with the complete matrix embedded through the same options: neighbour MAP against that
// reference embedding, and distortion on the hidden pairs against the true distances.
//   dotnet run -c Release --project samples/ChallengeFidelity [-- --seed S] [--draws N] [--sets AWA2,CUB,SUN,CUB-tree] [--iterations I] [--out FOLDER] [--quick]
var options = new SampleOptions(args);
bool quick = options.Flag("quick");
int seed = options.Int("seed", 0), draws = options.Int("draws", quick ? 3 : 10), iterations = options.Int("iterations", 100);
const int Dimension = 10;
const double RareShare = 0.2, Claim = 0.9;
string[] sets = quick ? ["AWA2"] : (options.Text("sets") ?? string.Join(',', ClassSet.Known)).Split(',');
double[] fractions = quick ? [0, 0.5] : [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
string folder = options.OutputFolder();
var clock = Stopwatch.StartNew();
string[] geometries = ["Euclidean", "spherical", "hyperbolic"];
string pipeline = $"κ-MDS d = {Dimension}, strain then stress refinement ({iterations} iterations), seed {seed}; the reference is the complete matrix through the same pipeline";
var halfway = new MarkdownTable($"Fidelity at p = 50 % missing pairs: neighbour MAP against the complete-matrix embedding and distortion on the hidden pairs; mean [95 % interval] over {draws} masks; {pipeline}",
    "class set", "geometry", "κ", "reference: mean distortion vs true D", "neighbour MAP", "hidden-pair distortion");
var halfwayVerdicts = new List<string>();
var pending = new List<(MarkdownTable Table, List<string> Verdicts)>();

foreach (string name in sets)
{
    var set = ClassSet.Load(name);
    var truth = set.Distances;
    int n = truth.Count;
    var probes = set.Curvatures.Select(k => new FidelityProbe(truth, new KappaMdsOptions { Dimension = Dimension, Curvature = k, Refine = true, MaxIterations = iterations, Seed = seed })).ToArray();
    Console.Error.WriteLine($"{name}: {n} classes, max distance {truth.MaxDistance:G3}, references embedded ({clock.Elapsed.TotalSeconds:F0} s)");
    string[] kappas = [.. set.Curvatures.Select(k => k.ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture))];

    // Random missing pairs: the same masks (seed + r) for every geometry.
    var missing = Sweep(fractions.Length, (f, r) => RandomMissingChallenge.Apply(truth, fractions[f], seed + r), f => $"p = {fractions[f]:P0}");
    var missingTable = new MarkdownTable($"{name} ({n} classes): a fraction p of the class pairs hidden at random (a spanning tree kept); mean [95 % interval] over {draws} masks; {pipeline}",
        ["missing pairs p", .. kappas.Select(k => $"MAP κ = {k}"), .. kappas.Select(k => $"hidden-pair distortion κ = {k}")]);
    for (int f = 0; f < fractions.Length; f++)
    {
        missingTable.Add([Percent(fractions[f]), .. missing.Map.Select(m => m[f].Format("F3")), .. missing.Distortion.Select(d => Cell(d[f]))]);
    }

    var missingVerdicts = kappas.Select((k, c) => ClaimVerdict.Along($"{name}, {geometries[c]} (κ = {k}): neighbour MAP ≥ {Claim} (lower end of the interval), from p = 0 up",
        [.. fractions.Select(p => $"p = {Percent(p)}")], [.. missing.Map[c].Select(m => m.Lower >= Claim)])).ToList();
    pending.Add((missingTable, missingVerdicts));
    Plot($"fidelity-missing-{name.ToLowerInvariant()}.png", $"{name}: pairs missing at random ({draws} masks, 95 % bands)",
        "missing pairs p (%)", [.. fractions.Select(p => 100 * p)], missing.Map, kappas);

    // Rare classes known only through L landmarks: a new draw of the rare classes and of the landmarks per r.
    int rareCount = (int)Math.Round(RareShare * n, MidpointRounding.AwayFromZero), common = n - rareCount;
    int[] counts = quick ? [common, 1] : [common, .. Enumerable.Range(0, 30).Select(e => 1 << e).Where(l => l < common).Reverse()];
    var landmarks = Sweep(counts.Length, (l, r) =>
    {
        var rare = RareClasses(truth, rareCount, seed + r);
        return RareClassChallenge.Apply(truth, rare, RareClassChallenge.ChooseLandmarks(truth, rare, counts[l], seed + r));
    }, l => $"L = {counts[l]}");
    var landmarkTable = new MarkdownTable($"{name} ({n} classes): the {rareCount} rare classes (20 %) known only through L landmark classes; mean [95 % interval] over {draws} draws of the rare classes and landmarks; {pipeline}",
        ["landmarks L", .. kappas.Select(k => $"MAP κ = {k}"), .. kappas.Select(k => $"hidden-pair distortion κ = {k}")]);
    for (int l = 0; l < counts.Length; l++)
    {
        landmarkTable.Add([counts[l] == common ? $"{counts[l]} (all)" : $"{counts[l]}", .. landmarks.Map.Select(m => m[l].Format("F3")), .. landmarks.Distortion.Select(d => Cell(d[l]))]);
    }

    var landmarkVerdicts = kappas.Select((k, c) => ClaimVerdict.Along($"{name}, {geometries[c]} (κ = {k}): neighbour MAP ≥ {Claim} (lower end of the interval), from all landmarks down",
        [.. counts.Select(l => $"L = {l}")], [.. landmarks.Map[c].Select(m => m.Lower >= Claim)])).ToList();
    pending.Add((landmarkTable, landmarkVerdicts));
    var ascending = counts.Select((l, i) => (L: l, I: i)).OrderBy(p => p.L).ToArray();
    Plot($"fidelity-landmarks-{name.ToLowerInvariant()}.png", $"{name}: rare classes known through L landmarks ({draws} draws, 95 % bands)",
        "landmark classes L (log₂ scale: 0 is L = 1)", [.. ascending.Select(p => Math.Log2(p.L))], [.. landmarks.Map.Select(m => ascending.Select(p => m[p.I]).ToArray())], kappas);

    // The seed's claim: ≥ 50 % missing still works.
    int half = Array.IndexOf(fractions, 0.5);
    var works = new List<string>();
    var fails = new List<string>();
    for (int c = 0; c < kappas.Length; c++)
    {
        var map = missing.Map[c][half];
        halfway.Add(name, geometries[c], kappas[c], probes[c].Reference.MeasureQuality(truth).MeanDistortion.ToString("F3", CultureInfo.InvariantCulture), map.Format("F3"), Cell(missing.Distortion[c][half]));
        (map.Lower >= Claim ? works : fails).Add($"κ = {kappas[c]}: MAP {map.Format("F3")}");
    }

    halfwayVerdicts.Add($"{name}: \"≥ 50 % missing still works\" (neighbour MAP ≥ {Claim}, lower end of the interval, at p = 50 %): "
        + (fails.Count == 0 ? $"holds in every geometry ({string.Join("; ", works)})"
            : works.Count == 0 ? $"does not hold in any geometry ({string.Join("; ", fails)})"
            : $"holds for {string.Join("; ", works)}; does not hold for {string.Join("; ", fails)}"));

    // The measures of every geometry at each point of an axis, over the draws; a masked matrix is built once per
    // point and draw and embedded in every geometry.
    (MeanInterval[][] Map, MeanInterval[][] Distortion) Sweep(int points, Func<int, int, DistanceMatrix> mask, Func<int, string> label)
    {
        var map = probes.Select(_ => new MeanInterval[points]).ToArray();
        var distortion = probes.Select(_ => new MeanInterval[points]).ToArray();
        for (int x = 0; x < points; x++)
        {
            var values = probes.Select(_ => new List<(double Map, double Distortion)>()).ToArray();
            for (int r = 0; r < draws; r++)
            {
                var partial = mask(x, r);
                for (int c = 0; c < probes.Length; c++)
                {
                    values[c].Add(probes[c].Measure(partial));
                }
            }

            for (int c = 0; c < probes.Length; c++)
            {
                map[c][x] = MeanInterval.Of(values[c].Select(v => v.Map));
                distortion[c][x] = MeanInterval.Of(values[c].Select(v => v.Distortion));
            }

            Console.Error.WriteLine($"  {name}, {label(x)}: MAP " + string.Join(", ", kappas.Select((k, c) => $"κ = {k} {map[c][x].Format("F3")}")) + $" ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        return (map, distortion);
    }
}

halfway.Print();
foreach (string verdict in halfwayVerdicts)
{
    Console.WriteLine("- Verdict: " + verdict);
}

Console.WriteLine();
foreach (var (table, verdicts) in pending)
{
    table.Print();
    foreach (string verdict in verdicts)
    {
        Console.WriteLine("- Verdict: " + verdict);
    }

    Console.WriteLine();
}

Console.WriteLine($"plots: {folder}/fidelity-*.png");
Console.WriteLine($"total {clock.Elapsed.TotalSeconds:F0} s");
return 0;

// The MAP curves of one axis, one per geometry, with their intervals as bands.
void Plot(string file, string title, string xLabel, double[] x, MeanInterval[][] map, string[] kappas) =>
    AtomicFile.Write(Path.Combine(folder, file), stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png, title, xLabel, "neighbour MAP vs complete matrix",
        [.. map.Select((m, c) => IntervalCurve.Of($"{geometries[c]}, κ = {kappas[c]}", x, m, floor: 0, ceiling: 1))], width: 800, height: 500));

static string Percent(double p) => (100 * p).ToString("0", CultureInfo.InvariantCulture) + " %";

// No hidden pair (p = 0): no distortion to measure there.
static string Cell(MeanInterval value) => value.Count == 0 ? "– (none hidden)" : value.Format("F3");

// A seeded draw of the rare classes.
static string[] RareClasses(DistanceMatrix distances, int count, int seed)
{
    var names = distances.ClassNames.ToArray();
    new Random(seed).Shuffle(names);
    return names[..count];
}
