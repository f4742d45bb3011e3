using SimZsl.Embedding;
using SimZsl.Plotting;

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
        ConfusionMatrixPlot.Save(confusion, ["Sandal", "Shirt"], ["Sandal", "Shirt", "Bag"], new[,] { { 80, 15, 5 }, { 10, 60, 30 } }, "test confusion");
        CurvePlot.Save(curves, "accuracy", "missing fraction", "ZSL top-1", [new Curve("κ = −1", [0, 0.5, 0.9], [0.6, 0.55, 0.3]), new Curve("κ = 0", [0, 0.5, 0.9], [0.5, 0.45, 0.2])]);
        AssertPng(confusion, 5000);
        AssertPng(curves, 5000);
    }

    [Fact]
    public void SphereViewRendersBothHemispheres()
    {
        string path = Path.Combine(Path.GetTempPath(), "simzsl-plots", "sphere.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var coords = RowMatrix.FromArray(new double[,] { { 1, 0, 0 }, { 0, 0.6, 0.8 }, { 0, 0.6, -0.8 } });
        PrototypePlot.Save(path, new ClassPrototypes(["a", "b", "c"], coords, 1), new Dictionary<string, string> { ["a"] = "seen", ["b"] = "unseen" }, "sphere");
        AssertPng(path, 5000);
    }
}
