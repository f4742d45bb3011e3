using SimZsl.IO;
using SimZsl.Plotting;
using SimZsl.Samples.Shared;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.QuickStart;

/// <summary>Writes the pictures of one geometry: its prototypes (seen and unseen told apart) and its GZSL confusion
/// matrix, as PNGs named after the geometry.</summary>
public static class Pictures
{
    /// <summary>Writes both PNGs into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, GeometryResult result)
    {
        Directory.CreateDirectory(folder);
        string name = result.Setting.Name.ToLowerInvariant();
        string prototypes = Path.Combine(folder, $"prototypes-{name}.png");
        var groups = result.Prototypes.ClassNames.ToDictionary(c => c, c => FashionData.Unseen.Contains(c) ? "unseen (no training images)" : "seen");
        AtomicFile.Write(prototypes, stream => PrototypePlot.Write(stream, ScottPlot.ImageFormat.Png, result.Prototypes, groups,
            $"Fashion-MNIST classes, WordNet similarity → κ-MDS, {result.Setting.Name} (κ = {result.Setting.Curvature:+0;-0;0}, d = {result.Setting.Dimension})"));

        string confusion = Path.Combine(folder, $"confusion-{name}.png");
        // Rows and columns in label order; the plot draws the unseen classes last, marked and behind a line.
        var matrix = result.Metrics.GzslConfusion;
        var classes = FashionMnist.ClassNames.ToArray();
        var counts = new int[classes.Length, classes.Length];
        for (int i = 0; i < classes.Length; i++)
        {
            for (int j = 0; j < classes.Length; j++)
            {
                counts[i, j] = matrix[classes[i], classes[j]];
            }
        }

        AtomicFile.Write(confusion, stream => ConfusionMatrixPlot.Write(stream, ScottPlot.ImageFormat.Png, classes, classes, counts,
            $"GZSL confusion, {result.Setting.Name}, {result.Setting.HeadName}", FashionData.Unseen));
        return [prototypes, confusion];
    }
}
