using System.Diagnostics;
using System.Globalization;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Plotting;
using SimZsl.Samples.ChallengeNoNames;
using SimZsl.Samples.Shared;

// Challenge I, no common names: classes known only by their Latin names, placed from a taxonomy alone (tree path
// distances), in each geometry. Reports how well each embedding keeps the taxonomy (neighbour MAP, distortion), with
// a fixed curvature per geometry (hyperbolic κ = −0.5; spherical κ = (2 / max path)², so the longest path spans
// less than a third of a great circle), strain then stress refinement. (The automatic curvature search gives similar
// κ but took 45–90 s per fit here, too slow for a sample.)
//   dotnet run -c Release --project samples/ChallengeNoNames [-- --data XLSA17_CUB_FOLDER] [--dims 2,5,10] [--seed S] [--draws N] [--out FOLDER] [--quick]
// With --data (an xlsa17 CUB folder with att_splits.mat and res101.mat) it also trains a zero-shot head on the
// standard split with the taxonomy prototypes (d = 10) and reports ZSL top-1 per geometry.
var options = new SampleOptions(args);
bool quick = options.Flag("quick");
int seed = options.Int("seed", 0), draws = options.Int("draws", quick ? 3 : 10);
var dims = (options.Text("dims") ?? (quick ? "2,5" : "2,5,10")).Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray();
var geometries = new (string Name, int Sign)[] { ("hyperbolic", -1), ("Euclidean", 0), ("spherical", 1) };
var clock = Stopwatch.StartNew();
// The seed moves only the refinement's tie-breaking (coincident start points are nudged apart at random): on a tree
// full of equal distances that still moves neighbour MAP, hence the draws.
var table = new MarkdownTable($"Challenge I: taxonomy path distances → κ-MDS (strain, then stress refinement, 200 iterations); mean [95 % interval] over {draws} refinement seeds from {seed}",
    "classes", "geometry", "d", "κ", "neighbour MAP", "mean distortion", "normalised stress", "s per fit");
var verdicts = new List<string>();
var mapCurves = new List<Curve>();
ClassPrototypes? disk = null;
Taxonomy? cub = null;
foreach (var taxonomy in quick ? [Taxonomy.FishNet()] : new[] { Taxonomy.Cub(), Taxonomy.FishNet() })
{
    cub ??= taxonomy;
    var distances = taxonomy.Tree.PathDistances(taxonomy.Leaves);
    Console.Error.WriteLine($"{taxonomy.Name}: {distances.Count} classes, tree height {taxonomy.Tree.Height}, max path {distances.MaxDistance}");
    var distortion = new Dictionary<(int Sign, int D), MeanInterval>();
    foreach (var (name, sign) in geometries)
    {
        var maps = new List<MeanInterval>();
        foreach (int d in dims)
        {
            var step = Stopwatch.StartNew();
            var qualities = new List<EmbeddingQuality>();
            double curvature = Taxonomy.Curvature(sign, distances.MaxDistance);
            for (int r = 0; r < draws; r++)
            {
                var result = new KappaMds(new KappaMdsOptions { Dimension = d, Curvature = curvature, Refine = true, MaxIterations = 200, Seed = seed + r }).Fit(distances);
                qualities.Add(result.MeasureQuality(distances));
                if (r == 0 && taxonomy == cub && sign < 0 && d == 2 && !quick)
                {
                    disk = result.Prototypes with { ClassNames = taxonomy.DisplayNames };
                }
            }

            var map = MeanInterval.Of(qualities.Select(q => q.MeanAveragePrecision));
            distortion[(sign, d)] = MeanInterval.Of(qualities.Select(q => q.MeanDistortion));
            maps.Add(map);
            table.Add(taxonomy.Name, name, $"{d}", curvature.ToString("G3", CultureInfo.InvariantCulture), map.Format("F3"), distortion[(sign, d)].Format("F3"),
                MeanInterval.Of(qualities.Select(q => q.NormalizedStress)).Format("F3"), (step.Elapsed.TotalSeconds / draws).ToString("F2", CultureInfo.InvariantCulture));
            Console.Error.WriteLine($"  {name} d = {d}: κ = {curvature:G3}, MAP {map.Format("F3")}, distortion {distortion[(sign, d)].Format("F3")} ({step.Elapsed.TotalSeconds:F1} s)");
        }

        var x = dims.Select(d => (double)d).ToArray();
        mapCurves.Add(new Curve($"{taxonomy.Name.Split(' ')[0]}, {name}", x, [.. maps.Select(m => m.Mean)])
        {
            Lower = [.. maps.Select(m => m.Lower)],
            Upper = [.. maps.Select(m => m.Upper)],
        });
        // From the largest dimension down: how small can d get before the tree's neighbourhoods are lost?
        var descending = dims.Select((d, i) => (d, maps[i])).OrderByDescending(p => p.d).ToArray();
        verdicts.Add(ClaimVerdict.Along($"{taxonomy.Name.Split(' ')[0]}, {name}: neighbour MAP ≥ 0.9 (lower end of the interval), from the largest d down",
            [.. descending.Select(p => $"d = {p.d}")], [.. descending.Select(p => p.Item2.Lower >= 0.9)]));
    }

    // The paper's reason for hyperbolic space: it keeps trees with the least distortion at every dimension.
    var hyperbolicBest = dims.OrderByDescending(d => d).ToArray();
    verdicts.Add(ClaimVerdict.Along($"{taxonomy.Name.Split(' ')[0]}: hyperbolic distortion below Euclidean's and spherical's (intervals apart), from the largest d down",
        [.. hyperbolicBest.Select(d => $"d = {d}")],
        [.. hyperbolicBest.Select(d => distortion[(-1, d)].Upper < distortion[(0, d)].Lower && distortion[(-1, d)].Upper < distortion[(1, d)].Lower)]));
}

table.Print();
foreach (string verdict in verdicts)
{
    Console.WriteLine("Verdict: " + verdict);
}

Console.WriteLine();
string folder = options.OutputFolder();
AtomicFile.Write(Path.Combine(folder, "challenge-nonames-map.png"), stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png, $"Challenge I: taxonomy kept by κ-MDS (neighbour MAP, 95 % intervals over {draws} seeds)", "dimension d", "neighbour MAP", mapCurves, width: 800, height: 500));
if (disk is not null)
{
    AtomicFile.Write(Path.Combine(folder, "challenge-nonames-cub-disk.png"), stream => PrototypePlot.Write(stream, ScottPlot.ImageFormat.Png, disk, cub!.Groups, "CUB-200 from its Wikispecies taxonomy only (d = 2), coloured by order", width: 800, height: 800));
}

if (options.Text("data") is { } xlsa17)
{
    CubZeroShot.Run(xlsa17, cub!, seed);
}

Console.WriteLine($"plots: {folder}/challenge-nonames-*.png");
Console.WriteLine($"total {clock.Elapsed.TotalSeconds:F0} s");
return 0;

