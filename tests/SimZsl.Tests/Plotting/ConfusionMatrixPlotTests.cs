using ScottPlot.TickGenerators;
using SimZsl.Plotting;

namespace SimZsl.Tests.Plotting;

public class ConfusionMatrixPlotTests
{
    private static readonly string[] Classes = ["T-shirt", "Sandal", "Bag", "Shirt", "Coat"];

    [Fact]
    public void ExactlyTheUnseenClassesAreMarkedAndDrawnLast()
    {
        var layout = ConfusionLayout.Arrange(Classes, Classes, ["Shirt", "Sandal"]);
        Assert.Equal(["T-shirt", "Bag", "Coat", "Sandal (unseen)", "Shirt (unseen)"], layout.RowLabels);
        Assert.Equal(layout.RowLabels, layout.ColumnLabels);
        Assert.Equal([0, 2, 4, 1, 3], layout.Rows);
        Assert.Equal((3, 3), (layout.SeenRows, layout.SeenColumns));

        // "T-shirt" contains "Shirt" and is seen: a marking by substring would fail here.
        var plot = ConfusionMatrixPlot.Render(Classes, Classes, Counts(), "c", ["Shirt", "Sandal"]);
        plot.RenderInMemory(800, 600); // the tick generators list their ticks once rendered
        var columns = ((NumericManual)plot.Axes.Bottom.TickGenerator).Ticks.OrderBy(t => t.Position).Select(t => t.Label).ToArray();
        var rows = ((NumericManual)plot.Axes.Left.TickGenerator).Ticks.OrderByDescending(t => t.Position).Select(t => t.Label).ToArray();
        foreach (var labels in new[] { columns, rows })
        {
            Assert.Equal(2, labels.Count(l => l.EndsWith(ConfusionLayout.UnseenSuffix, StringComparison.Ordinal)));
            Assert.Equal(["Sandal (unseen)", "Shirt (unseen)"], labels[3..]);
        }

        // The counts move with their classes: the drawn cell (row "Shirt", column "Sandal") holds counts[3, 1] = 10·3 + 1 + 1.
        var cell = plot.GetPlottables<ScottPlot.Plottables.Text>().Single(t => t.Location.X == 3 && t.Location.Y == 0);
        Assert.Equal("32", cell.LabelText);

        // One line under the seen rows and one after the seen columns.
        var lines = plot.GetPlottables<ScottPlot.Plottables.LinePlot>().ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Start.Y == 1.5 && l.End.Y == 1.5);
        Assert.Contains(lines, l => l.Start.X == 2.5 && l.End.X == 2.5);
    }

    [Fact]
    public void WithoutUnseenClassesNothingIsMarkedOrMoved()
    {
        var plot = ConfusionMatrixPlot.Render(Classes, Classes, Counts(), "c", null);
        plot.RenderInMemory(800, 600);
        Assert.Equal(Classes, ((NumericManual)plot.Axes.Bottom.TickGenerator).Ticks.OrderBy(t => t.Position).Select(t => t.Label));
        Assert.Empty(plot.GetPlottables<ScottPlot.Plottables.LinePlot>());
    }

    [Fact]
    public void AZslMatrixOfUnseenClassesOnlyPromisesNoLine()
    {
        string[] unseen = ["Sandal", "Shirt"];
        using var plot = ConfusionMatrixPlot.Render(unseen, unseen, new[,] { { 9, 1 }, { 2, 8 } }, "ZSL", unseen);
        Assert.Empty(plot.GetPlottables<ScottPlot.Plottables.LinePlot>());
        Assert.Equal("predicted class (all unseen)", plot.Axes.Bottom.Label.Text);
        Assert.Throws<ArgumentException>(() => ConfusionMatrixPlot.Render([], [], new int[0, 0], "empty", null));
    }

    [Fact]
    public void AnUnseenClassThatIsNotInTheMatrixIsRefusedByName()
    {
        var e = Assert.Throws<ArgumentException>(() => ConfusionLayout.Arrange(Classes, Classes, ["shirt"]));
        Assert.Contains("'shirt'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesAPictureWithTheUnseenMarked()
    {
        using var stream = new MemoryStream();
        ConfusionMatrixPlot.Write(stream, ScottPlot.ImageFormat.Png, Classes, Classes, Counts(), "c", ["Shirt"]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], stream.ToArray()[..4]);
    }

    // counts[i, j] = 10·i + j + 1, each cell distinct.
    private static int[,] Counts()
    {
        var counts = new int[5, 5];
        for (int i = 0; i < 5; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                counts[i, j] = (10 * i) + j + 1;
            }
        }

        return counts;
    }
}
