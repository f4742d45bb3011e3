using ScottPlot;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Plotting;
using SkiaSharp;

namespace SimZsl.Tests.Plotting;

public class PlotTests
{
    private static void AssertPng(string path, int minimumBytes)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > minimumBytes, $"{path} has only {bytes.Length} bytes");
    }

    [Fact]
    public void ConfusionMatrixAndCurvesRenderToPng()
    {
        string dir = Path.Combine(Path.GetTempPath(), "simzsl-plots");
        Directory.CreateDirectory(dir);
        string confusion = Path.Combine(dir, "confusion.png"), curves = Path.Combine(dir, "curves.png");
        AtomicFile.Write(confusion, stream => ConfusionMatrixPlot.Write(stream, ImageFormat.Png, ["Sandal", "Shirt"], ["Sandal", "Shirt", "Bag"], new[,] { { 80, 15, 5 }, { 10, 60, 30 } }, "test confusion"));
        AtomicFile.Write(curves, stream => CurvePlot.Write(stream, ImageFormat.Png, "accuracy", "missing fraction", "ZSL top-1", [new Curve("κ = −1", [0, 0.5, 0.9], [0.6, 0.55, 0.3]), new Curve("κ = 0", [0, 0.5, 0.9], [0.5, 0.45, 0.2])]));
        AssertPng(confusion, 5000);
        AssertPng(curves, 5000);
    }

    [Fact]
    public void SphereViewRendersBothHemispheres()
    {
        string path = Path.Combine(Path.GetTempPath(), "simzsl-plots", "sphere.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var coords = RowMatrix.FromArray(new double[,] { { 1, 0, 0 }, { 0, 0.6, 0.8 }, { 0, 0.6, -0.8 } });
        AtomicFile.Write(path, stream => PrototypePlot.Write(stream, ImageFormat.Png, new ClassPrototypes(["a", "b", "c"], coords, 1), new Dictionary<string, string> { ["a"] = "seen", ["b"] = "unseen" }, "sphere"));
        AssertPng(path, 5000);
    }
    [Fact]
    public void PoincareDiskPictureHasTheBoundaryAndEachMarkerWhereTheyBelong()
    {
        // Sampling pixels, not only the PNG signature: the disk's boundary (κ = −1: radius 1) crosses the axes at ±1, the seen class's marker (first palette colour, blue) sits at its point, the unseen one
        // (second colour, red) at its own, and an empty part of the disk is background.
        var coords = RowMatrix.FromArray(new double[,] { { 0.5, 0 }, { -0.3, 0.4 } });
        var plot = PrototypePlot.Render(new ClassPrototypes(["a", "b"], coords, -1), new Dictionary<string, string> { ["a"] = "seen", ["b"] = "unseen" }, "disk", showLabels: false);
        using var bitmap = SKBitmap.Decode(plot.GetImageBytes(600, 600, ImageFormat.Png));
        SKColor At(double x, double y)
        {
            var pixel = plot.GetPixel(new Coordinates(x, y));
            return bitmap.GetPixel((int)Math.Round(pixel.X), (int)Math.Round(pixel.Y));
        }

        // The 2-pixel line falls between pixels at some scales: a dark pixel within one pixel of the point will do.
        bool DarkNear(double x, double y)
        {
            var pixel = plot.GetPixel(new Coordinates(x, y));
            int px = (int)Math.Round(pixel.X), py = (int)Math.Round(pixel.Y);
            for (int dx = -1; dx <= 1; dx++)
            {
                for (int dy = -1; dy <= 1; dy++)
                {
                    var c = bitmap.GetPixel(px + dx, py + dy);
                    if (c.Red < 80 && c.Green < 80 && c.Blue < 80)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        Assert.True(DarkNear(1, 0), $"boundary at (1, 0): {At(1, 0)}");
        Assert.True(DarkNear(-1, 0), $"boundary at (−1, 0): {At(-1, 0)}");
        Assert.True(DarkNear(0, -1), $"boundary at (0, −1): {At(0, -1)}");
        Assert.False(DarkNear(-0.9, 0) || DarkNear(-1.1, 0), "the boundary is drawn away from radius 1");
        var seen = At(0.5, 0);
        Assert.True(seen.Blue > 150 && seen.Red < 80, $"seen marker at (0.5, 0): {seen}");
        var unseen = At(-0.3, 0.4);
        Assert.True(unseen.Red > 180 && unseen.Blue < 80, $"unseen marker at (−0.3, 0.4): {unseen}");
        var empty = At(0.2, -0.6);
        Assert.True(empty.Red > 220 && empty.Green > 220 && empty.Blue > 220, $"empty disk at (0.2, −0.6): {empty}");
    }
    [Theory]
    [InlineData(-4.0, "Poincaré disk, κ = -4, radius 1/√|κ| = 0.5")]
    [InlineData(0.25, "sphere, κ = 0.25, radius 1/√κ = 2: left x₂ ≥ 0, right x₂ < 0, both seen along x₂")]
    [InlineData(0.0, "Euclidean plane")]
    public void CaptionStatesTheRealRadius(double curvature, string caption)
    {
        int columns = curvature > 0 ? 3 : 2;
        var coords = RowMatrix.FromArray(new double[1, columns]);
        var plot = PrototypePlot.Render(new ClassPrototypes(["a"], coords, curvature), null, "caption");
        Assert.Equal(caption, plot.Axes.Bottom.Label.Text);
    }
}
