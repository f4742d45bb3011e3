using ScottPlot;

namespace SimZsl.Plotting;

/// <summary>One named curve of a <see cref="CurvePlot"/>.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates, one per abscissa.</param>
public sealed record Curve(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>Line plots of several curves in one picture (accuracy against missing fraction, against landmarks, …).</summary>
public static class CurvePlot
{
    /// <summary>Renders the curves and writes the picture to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public static void Write(Stream output, ImageFormat format, string title, string xLabel, string yLabel, IReadOnlyList<Curve> curves, int width = 900, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(curves);
        using var plot = new Plot();
        var shapes = new[] { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle };
        for (int c = 0; c < curves.Count; c++)
        {
            var curve = curves[c];
            if (curve.X.Count != curve.Y.Count)
            {
                throw new ArgumentException($"Curve '{curve.Name}' has {curve.X.Count} abscissae and {curve.Y.Count} ordinates.", nameof(curves));
            }

            var line = plot.Add.Scatter(curve.X.ToArray(), curve.Y.ToArray());
            line.LegendText = curve.Name;
            line.LineWidth = 2;
            line.MarkerSize = 8;
            line.MarkerShape = shapes[c % shapes.Length];
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        // Outside the data area: inside, it hid the last points of the curves (Challenge I's d = 10).
        plot.ShowLegend(Edge.Right);
        ImageFile.Write(output, format, plot, width, height);
    }
}
