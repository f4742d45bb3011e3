using ScottPlot;

namespace SimZsl.Plotting;

/// <summary>One named curve of a <see cref="CurvePlot"/>.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates, one per abscissa.</param>
public sealed record Curve(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Lower edge of an uncertainty band (for example a 95 % interval), one per abscissa; drawn as a shaded
    /// band in the curve's colour together with <see cref="Upper"/>. Null: no band.</summary>
    public IReadOnlyList<double>? Lower { get; init; }

    /// <summary>Upper edge of the band; given together with <see cref="Lower"/>.</summary>
    public IReadOnlyList<double>? Upper { get; init; }
}

/// <summary>Line plots of several curves in one picture (accuracy against missing fraction, against landmarks, …).</summary>
public static class CurvePlot
{
    /// <summary>Renders the curves and writes the picture to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public static void Write(Stream output, ImageFormat format, string title, string xLabel, string yLabel, IReadOnlyList<Curve> curves, int width = 900, int height = 600)
    {
        using var plot = Create(title, xLabel, yLabel, curves);
        ImageFile.Write(output, format, plot, width, height);
    }

    /// <summary>The plot <see cref="Write"/> renders (the caller disposes it).</summary>
    internal static Plot Create(string title, string xLabel, string yLabel, IReadOnlyList<Curve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var plot = new Plot();
        var shapes = new[] { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle };
        for (int c = 0; c < curves.Count; c++)
        {
            var curve = curves[c];
            if (curve.X.Count != curve.Y.Count)
            {
                throw new ArgumentException($"Curve '{curve.Name}' has {curve.X.Count} abscissae and {curve.Y.Count} ordinates.", nameof(curves));
            }

            if (curve.Lower is not null || curve.Upper is not null)
            {
                if (curve.Lower is null || curve.Upper is null || curve.Lower.Count != curve.X.Count || curve.Upper.Count != curve.X.Count)
                {
                    throw new ArgumentException($"Curve '{curve.Name}' needs both band edges, one value per abscissa.", nameof(curves));
                }

                // Every band before any line, translucent, so that all the lines stay visible over all the bands.
                var band = plot.Add.FillY(curve.X.ToArray(), curve.Lower.ToArray(), curve.Upper.ToArray());
                band.FillColor = plot.Add.Palette.GetColor(c).WithAlpha(0.18);
                band.LineWidth = 0;
            }
        }

        for (int c = 0; c < curves.Count; c++)
        {
            var curve = curves[c];
            var line = plot.Add.Scatter(curve.X.ToArray(), curve.Y.ToArray());
            line.Color = plot.Add.Palette.GetColor(c);
            line.LegendText = curve.Name;
            line.LineWidth = 2;
            line.MarkerSize = 8;
            line.MarkerShape = shapes[c % shapes.Length];
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        // Outside the data area (inside, it hid the last points of the curves) and below it, so that the title keeps the
        // whole width (beside it, a long title was cut off on the left).
        plot.ShowLegend(Edge.Bottom);
        if (curves.All(c => c.X.All(x => x == Math.Round(x))))
        {
            // Whole-number abscissae (d, k, method numbers, log₂ L) get whole-number ticks: a tick at 2.5 names nothing.
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }

        return plot;
    }
}
