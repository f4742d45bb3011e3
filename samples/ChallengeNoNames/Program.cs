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
//   dotnet run -c Release --project samples/ChallengeNoNames [-- --data XLSA17_CUB_FOLDER] [--dims 2,5,10] [--seed S] [--out FOLDER]
// With --data (an xlsa17 CUB folder with att_splits.mat and res101.mat) it also trains a zero-shot head on the
// standard split with the taxonomy prototypes (d = 10) and reports ZSL top-1 per geometry.
var options = new SampleOptions(args);
int seed = options.Int("seed", 0);
var dims = (options.Text("dims") ?? "2,5,10").Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray();
var geometries = new (string Name, int Sign)[] { ("hyperbolic", -1), ("Euclidean", 0), ("spherical", 1) };
var clock = Stopwatch.StartNew();
var table = new MarkdownTable("Challenge I: taxonomy path distances → κ-MDS (strain, then stress refinement, 200 iterations)",
    "classes", "geometry", "d", "κ", "neighbour MAP", "mean distortion", "normalised stress", "s");
var mapCurves = new List<Curve>();
ClassPrototypes? disk = null;
Taxonomy? cub = null;
foreach (var taxonomy in new[] { Taxonomy.Cub(), Taxonomy.FishNet() })
{
    cub ??= taxonomy;
    var distances = taxonomy.Tree.PathDistances(taxonomy.Leaves);
    Console.Error.WriteLine($"{taxonomy.Name}: {distances.Count} classes, tree height {taxonomy.Tree.Height}, max path {distances.MaxDistance}");
    foreach (var (name, sign) in geometries)
    {
        var maps = new List<double>();
        foreach (int d in dims)
        {
            var step = Stopwatch.StartNew();
            var result = new KappaMds(new KappaMdsOptions
            {
                Dimension = d, Curvature = Curvature(sign, distances.MaxDistance), Refine = true, MaxIterations = 200, Seed = seed,
            }).Fit(distances);
            var q = result.MeasureQuality(distances);
            maps.Add(q.MeanAveragePrecision);
            table.Add(taxonomy.Name, name, $"{d}", result.Curvature.ToString("G3", CultureInfo.InvariantCulture), F(q.MeanAveragePrecision), F(q.MeanDistortion), F(q.NormalizedStress), step.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
            Console.Error.WriteLine($"  {name} d = {d}: κ = {result.Curvature:G3}, MAP {q.MeanAveragePrecision:F3}, distortion {q.MeanDistortion:F3} ({step.Elapsed.TotalSeconds:F1} s)");
            if (taxonomy == cub && sign < 0 && d == 2)
            {
                disk = result.Prototypes with { ClassNames = taxonomy.DisplayNames };
            }
        }

        mapCurves.Add(new Curve($"{taxonomy.Name.Split(' ')[0]}, {name}", dims.Select(d => (double)d).ToArray(), maps));
    }
}

table.Print();
string folder = options.OutputFolder();
AtomicFile.Write(Path.Combine(folder, "challenge-nonames-map.png"), stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png, "Challenge I: taxonomy kept by κ-MDS (neighbour MAP)", "dimension d", "neighbour MAP", mapCurves, width: 800, height: 500));
if (disk is not null)
{
    AtomicFile.Write(Path.Combine(folder, "challenge-nonames-cub-disk.png"), stream => PrototypePlot.Write(stream, ScottPlot.ImageFormat.Png, disk, cub!.Groups, "CUB-200 from its Wikispecies taxonomy only (d = 2), coloured by order", width: 800, height: 800));
}

if (options.Text("data") is { } xlsa17)
{
    CubZeroShot.Run(xlsa17, cub!, seed);
}

Console.WriteLine($"plots: {folder}/challenge-nonames-*.png; total {clock.Elapsed.TotalSeconds:F0} s");
return 0;

static double Curvature(int sign, double maxDistance) => sign switch { < 0 => -0.5, 0 => 0, _ => Math.Pow(2 / maxDistance, 2) };

static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
