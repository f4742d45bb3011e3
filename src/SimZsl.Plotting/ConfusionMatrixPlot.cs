using System.Globalization;
using ScottPlot;

namespace SimZsl.Plotting;

/// <summary>Draws a confusion matrix (rows: true class, columns: predicted class) as a labelled heat map, each row
/// normalised to fractions so that classes of different sizes compare; the unseen classes, when given, come last,
/// marked " (unseen)" and set off by a line.</summary>
public static class ConfusionMatrixPlot
{
    private static readonly Color Separator = new(214, 39, 40);

    /// <summary>Renders the matrix, no class marked unseen, and writes the picture to <paramref name="output"/>.</summary>
    /// <param name="output">Where the encoded picture goes (the caller owns the file).</param>
    /// <param name="format">The picture's format (<see cref="ImageFile.FormatOf"/> of its file name).</param>
    /// <param name="trueClasses">Names of the rows (true classes).</param>
    /// <param name="predictedClasses">Names of the columns (predicted classes).</param>
    /// <param name="counts">counts[i, j]: instances of true class i predicted as class j.</param>
    /// <param name="title">Title above the plot.</param>
    public static void Write(Stream output, ImageFormat format, IReadOnlyList<string> trueClasses, IReadOnlyList<string> predictedClasses, int[,] counts, string title) =>
        Write(output, format, trueClasses, predictedClasses, counts, title, null);

    /// <summary>Renders the matrix and writes the picture to <paramref name="output"/>.</summary>
    /// <param name="output">Where the encoded picture goes (the caller owns the file).</param>
    /// <param name="format">The picture's format (<see cref="ImageFile.FormatOf"/> of its file name).</param>
    /// <param name="trueClasses">Names of the rows (true classes).</param>
    /// <param name="predictedClasses">Names of the columns (predicted classes).</param>
    /// <param name="counts">counts[i, j]: instances of true class i predicted as class j.</param>
    /// <param name="title">Title above the plot.</param>
    /// <param name="unseenClasses">The unseen classes (zero-shot), marked and drawn last; null or empty: none marked.</param>
    /// <exception cref="ArgumentException">The names do not match the matrix, or an unseen class is not among them.</exception>
    public static void Write(Stream output, ImageFormat format, IReadOnlyList<string> trueClasses, IReadOnlyList<string> predictedClasses, int[,] counts, string title, IReadOnlyCollection<string>? unseenClasses)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var plot = Render(trueClasses, predictedClasses, counts, title, unseenClasses);
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        int longest = trueClasses.Concat(predictedClasses).Max(c => c.Length) + (unseenClasses is { Count: > 0 } ? ConfusionLayout.UnseenSuffix.Length : 0);
        // Room for the rotated column names below and the row names on the left (about 7 pixels a character).
        int margin = 60 + (7 * longest);
        ImageFile.Write(output, format, plot, 120 + (70 * cols) + 140 + margin, 120 + (55 * rows) + margin);
    }

    /// <summary>Builds the figure (the drawn order and marks of <see cref="ConfusionLayout"/>).</summary>
    internal static Plot Render(IReadOnlyList<string> trueClasses, IReadOnlyList<string> predictedClasses, int[,] counts, string title, IReadOnlyCollection<string>? unseenClasses)
    {
        ArgumentNullException.ThrowIfNull(trueClasses);
        ArgumentNullException.ThrowIfNull(predictedClasses);
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        if (rows != trueClasses.Count || cols != predictedClasses.Count)
        {
            throw new ArgumentException($"A {rows} × {cols} matrix for {trueClasses.Count} true and {predictedClasses.Count} predicted class names.", nameof(counts));
        }

        if (rows == 0 || cols == 0)
        {
            throw new ArgumentException($"The confusion matrix is {rows} × {cols}; it needs at least one true and one predicted class.", nameof(counts));
        }

        var layout = ConfusionLayout.Arrange(trueClasses, predictedClasses, unseenClasses);
        var drawn = new int[rows, cols];
        var fractions = new double[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            double total = 0;
            for (int j = 0; j < cols; j++)
            {
                drawn[i, j] = counts[layout.Rows[i], layout.Columns[j]];
                total += drawn[i, j];
            }

            for (int j = 0; j < cols; j++)
            {
                fractions[i, j] = total > 0 ? drawn[i, j] / total : 0;
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(fractions);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.FlipVertically = false;
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "fraction of the true class";
        // ScottPlot sizes the bar's panel for its tick labels only and draws the label over them: make room.
        colorBar.MinimumSize = 95;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                var text = plot.Add.Text(drawn[i, j].ToString(CultureInfo.InvariantCulture), j, rows - 1 - i);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 12;
                text.LabelFontColor = fractions[i, j] > 0.5 ? Colors.Black : Colors.White;
            }
        }

        // The unseen block starts after the seen rows (from the top) and columns (from the left).
        if (layout.SeenRows > 0 && layout.SeenRows < rows)
        {
            double y = rows - layout.SeenRows - 0.5;
            AddSeparator(plot, new Coordinates(-0.5, y), new Coordinates(cols - 0.5, y));
        }

        if (layout.SeenColumns > 0 && layout.SeenColumns < cols)
        {
            double x = layout.SeenColumns - 0.5;
            AddSeparator(plot, new Coordinates(x, -0.5), new Coordinates(x, rows - 0.5));
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, cols).Select(j => (double)j).ToArray(), layout.ColumnLabels);
        // Rotated names start at their column and run down to the right; ScottPlot does not measure rotated labels, so
        // the axis is given their height, and no tick marks are drawn across them.
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 50 + (float)(0.72 * 7.5 * layout.ColumnLabels.Max(c => c.Length));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows).Select(i => (double)(rows - 1 - i)).ToArray(), layout.RowLabels);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }

        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, cols - 0.5, -0.5, rows - 0.5);
        // A line is drawn only between seen and unseen classes; a ZSL matrix (unseen classes only) has none.
        bool separated = (layout.SeenColumns > 0 && layout.SeenColumns < cols) || (layout.SeenRows > 0 && layout.SeenRows < rows);
        bool allUnseen = layout.SeenColumns == 0 && layout.SeenRows == 0 && unseenClasses is { Count: > 0 };
        plot.XLabel(separated ? "predicted class (unseen classes after the red line)" : allUnseen ? "predicted class (all unseen)" : "predicted class");
        plot.YLabel("true class");
        plot.Title(title);
        return plot;
    }

    private static void AddSeparator(Plot plot, Coordinates start, Coordinates end)
    {
        var line = plot.Add.Line(start, end);
        line.LineColor = Separator;
        line.LineWidth = 3;
    }
}
