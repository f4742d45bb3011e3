using ScottPlot;

namespace SimZsl.Plotting;

/// <summary>Draws a confusion matrix (rows: true class, columns: predicted class) as a labelled heat map, each row
/// normalised to fractions so that classes of different sizes compare.</summary>
public static class ConfusionMatrixPlot
{
    /// <summary>Renders the matrix and writes the picture to <paramref name="output"/>.</summary>
    /// <param name="output">Where the encoded picture goes (the caller owns the file).</param>
    /// <param name="format">The picture's format (<see cref="ImageFile.FormatOf"/> of its file name).</param>
    /// <param name="trueClasses">Names of the rows (true classes).</param>
    /// <param name="predictedClasses">Names of the columns (predicted classes).</param>
    /// <param name="counts">counts[i, j]: instances of true class i predicted as class j.</param>
    /// <param name="title">Title above the plot.</param>
    public static void Write(Stream output, ImageFormat format, IReadOnlyList<string> trueClasses, IReadOnlyList<string> predictedClasses, int[,] counts, string title)
    {
        ArgumentNullException.ThrowIfNull(trueClasses);
        ArgumentNullException.ThrowIfNull(predictedClasses);
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        if (rows != trueClasses.Count || cols != predictedClasses.Count)
        {
            throw new ArgumentException($"A {rows} × {cols} matrix for {trueClasses.Count} true and {predictedClasses.Count} predicted class names.", nameof(counts));
        }

        var fractions = new double[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            double total = 0;
            for (int j = 0; j < cols; j++)
            {
                total += counts[i, j];
            }

            for (int j = 0; j < cols; j++)
            {
                fractions[i, j] = total > 0 ? counts[i, j] / total : 0;
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(fractions);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.FlipVertically = false;
        plot.Add.ColorBar(heatmap).Label = "fraction of the true class";
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                var text = plot.Add.Text(counts[i, j].ToString(System.Globalization.CultureInfo.InvariantCulture), j, rows - 1 - i);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 12;
                text.LabelFontColor = fractions[i, j] > 0.5 ? Colors.Black : Colors.White;
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, cols).Select(j => (double)j).ToArray(), predictedClasses.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows).Select(i => (double)(rows - 1 - i)).ToArray(), trueClasses.ToArray());
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        plot.Title(title);
        ImageFile.Write(output, format, plot, 120 + (70 * cols) + 200, 160 + (55 * rows) + 120);
    }
}
