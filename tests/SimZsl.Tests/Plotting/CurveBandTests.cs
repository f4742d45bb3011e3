using ScottPlot;
using SimZsl.Plotting;
using SkiaSharp;

namespace SimZsl.Tests.Plotting;

public class CurveBandTests
{
    private static int TintedPixels(Curve curve)
    {
        using var stream = new MemoryStream();
        CurvePlot.Write(stream, ImageFormat.Png, "t", "x", "y", [curve], width: 400, height: 300);
        using var bitmap = SKBitmap.Decode(stream.ToArray());
        int tinted = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                tinted += p.Red < 250 || p.Green < 250 || p.Blue < 250 ? 1 : 0;
            }
        }

        return tinted;
    }

    [Fact]
    public void ABandShadesTheAreaBetweenItsEdges()
    {
        double[] x = [0, 1, 2, 3], y = [0.5, 0.6, 0.4, 0.5];
        var line = new Curve("mean", x, y);
        // The same axes for both pictures: the line alone spans the band's range through two invisible extremes.
        var withBand = line with { Lower = [0.1, 0.2, 0.0, 0.1], Upper = [0.9, 1.0, 0.8, 0.9] };
        var lineOnly = new Curve("mean", [0, 1, 2, 3, 0, 3], [0.5, 0.6, 0.4, 0.5, 0.0, 1.0]);
        int shaded = TintedPixels(withBand), plain = TintedPixels(line);
        Assert.True(shaded > plain + 10_000, $"{shaded} tinted pixels with the band, {plain} without");
        Assert.True(TintedPixels(lineOnly) < shaded);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WholeNumberAbscissaeGetWholeNumberTicksOnly(bool whole)
    {
        // Four points 1..4 on a wide picture: ScottPlot's default ticks fall every 0.5 there.
        double[] x = whole ? [1, 2, 3, 4] : [1, 2, 3, 4.5];
        using var plot = CurvePlot.Create("t", "method", "y", [new Curve("c", x, [0.1, 0.4, 0.2, 0.3])]);
        plot.GetImage(900, 600);
        var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Position).ToArray();
        Assert.True(ticks.Length >= 3, string.Join(", ", ticks));
        Assert.Equal(whole, ticks.All(t => t == Math.Round(t)));
    }

    [Fact]
    public void ABandWithOneEdgeOrTheWrongLengthIsRefused()
    {
        double[] x = [0, 1, 2];
        using var stream = new MemoryStream();
        var oneEdge = new Curve("c", x, [1, 2, 3]) { Lower = [0, 1, 2] };
        var shortEdge = new Curve("c", x, [1, 2, 3]) { Lower = [0, 1], Upper = [2, 3] };
        Assert.Contains("both band edges", Assert.Throws<ArgumentException>(() => CurvePlot.Write(stream, ImageFormat.Png, "t", "x", "y", [oneEdge])).Message);
        Assert.Throws<ArgumentException>(() => CurvePlot.Write(stream, ImageFormat.Png, "t", "x", "y", [shortEdge]));
    }
}
