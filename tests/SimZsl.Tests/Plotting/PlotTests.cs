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
        // Sampling pixels, not only the PNG signature: the disk's boundary crosses the x-axis at ±1 (in the picture's
        // unit disk), the seen class's marker (first palette colour, blue) sits at its point, the unseen one
        // (second colour, red) at its own, and an empty part of the disk is background.
        var coords = RowMatrix.FromArray(new double[,] { { 0.5, 0 }, { -0.3, 0.4 } });
        var plot = PrototypePlot.Render(new ClassPrototypes(["a", "b"], coords, -1), new Dictionary<string, string> { ["a"] = "seen", ["b"] = "unseen" }, "disk", showLabels: false);
        using var bitmap = SKBitmap.Decode(plot.GetImageBytes(600, 600, ImageFormat.Png));
        SKColor At(double x, double y)
        {
            var pixel = plot.GetPixel(new Coordinates(x, y));
            return bitmap.GetPixel((int)Math.Round(pixel.X), (int)Math.Round(pixel.Y));
        }

        static bool Dark(SKColor c) => c.Red < 80 && c.Green < 80 && c.Blue < 80;
        Assert.True(Dark(At(1, 0)) || Dark(At(0.995, 0)), $"boundary at (1, 0): {At(1, 0)}");
        Assert.True(Dark(At(-1, 0)) || Dark(At(-0.995, 0)), $"boundary at (−1, 0): {At(-1, 0)}");
        Assert.True(Dark(At(0, -1)) || Dark(At(0, -0.995)), $"boundary at (0, −1): {At(0, -1)}");
        var seen = At(0.5, 0);
        Assert.True(seen.Blue > 150 && seen.Red < 80, $"seen marker at (0.5, 0): {seen}");
        var unseen = At(-0.3, 0.4);
        Assert.True(unseen.Red > 180 && unseen.Blue < 80, $"unseen marker at (−0.3, 0.4): {unseen}");
        var empty = At(0.2, -0.6);
        Assert.True(empty.Red > 240 && empty.Green > 240 && empty.Blue > 240, $"empty disk at (0.2, −0.6): {empty}");
    }
    [Theory]
    [InlineData(-4.0, "Poincaré disk (κ = -4, radius 0.5 drawn as 1)")]
    [InlineData(0.25, "sphere (κ = 0.25, radius 2 drawn as 1): left x₂ ≥ 0, right x₂ < 0")]
    [InlineData(0.0, "Euclidean plane")]
    public void CaptionStatesTheRadiusTheUnitDiskStandsFor(double curvature, string caption)
    {
        int columns = curvature > 0 ? 3 : 2;
        var coords = RowMatrix.FromArray(new double[1, columns]);
        var plot = PrototypePlot.Render(new ClassPrototypes(["a"], coords, curvature), null, "caption");
        Assert.Equal(caption, plot.Axes.Bottom.Label.Text);
    }
}
