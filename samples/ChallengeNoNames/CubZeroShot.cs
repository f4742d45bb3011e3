using System.Globalization;
using SimZsl.Embedding;
using SimZsl.Samples.Shared;

namespace SimZsl.Samples.ChallengeNoNames;

/// <summary>ZSL on CUB with res101 features and prototypes from the taxonomy alone: xlsa17 class "001.Black_footed_Albatross"
/// is taxonomy leaf 1 (the number before the dot), so no English name is used.</summary>
internal static class CubZeroShot
{
    public static void Run(string xlsa17Folder, Taxonomy cub, int seed)
    {
        var data = BenchmarkInstances.Load(xlsa17Folder, seed);
        string Leaf(string name) => int.Parse(name.Split('.')[0], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var distances = cub.Tree.PathDistances(data.Classes.Select(Leaf).ToArray());
        var rename = data.Classes;
        var run = new ZeroShotRun(data.TrainFeatures, data.TrainLabels, data.TestFeatures, data.TestLabels, data.Unseen) { Epochs = 20, HiddenDimension = 512, Seed = seed };
        var table = new MarkdownTable($"Challenge I, ZSL on {data.Name}: taxonomy-only prototypes (d = 10), standard split, {data.Unseen.Length} unseen classes",
            "geometry", "κ", "ZSL top-1", "GZSL s", "GZSL u", "GZSL H");
        foreach (var (name, curvature) in new[] { ("hyperbolic", -0.5), ("Euclidean", 0), ("spherical", Math.Pow(2 / distances.MaxDistance, 2)) })
        {
            var result = new KappaMds(new KappaMdsOptions { Dimension = 10, Curvature = curvature, Refine = true, MaxIterations = 200, Seed = seed }).Fit(distances);
            var metrics = run.Evaluate(result.Prototypes with { ClassNames = rename });
            table.Add(name, result.Curvature.ToString("G3", CultureInfo.InvariantCulture), P(metrics.ZslTop1), P(metrics.GzslSeen), P(metrics.GzslUnseen), P(metrics.GzslH));
        }

        table.Print();
    }

    private static string P(double v) => (100 * v).ToString("F1", CultureInfo.InvariantCulture);
}
