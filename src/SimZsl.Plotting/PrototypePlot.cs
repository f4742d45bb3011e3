using System.Globalization;
using ScottPlot;
using SimZsl.Embedding;

namespace SimZsl.Plotting;

/// <summary>Draws class prototypes: in the Poincaré disk (κ &lt; 0) at its real radius 1/√|κ|, on the sphere (κ &gt; 0)
/// as two separate hemisphere discs, or in the plane (κ = 0); coloured by group, with the legend outside the data
/// area and names that do not overlap (at most <see cref="LabelCap"/> of them). For d &gt; 2 the picture is a 2-D
/// κ-MDS of the prototypes' geodesic distances, and the caption gives its distortion (see the view's remarks).</summary>
public static class PrototypePlot
{
    /// <summary>The most class names a picture carries; a larger set names each group's medoid and the most
    /// spread-out classes, and the caption says how many of how many.</summary>
    public const int LabelCap = LabelChoice.Cap;

    private static readonly Color[] Palette =
    [
        new(31, 119, 180), new(214, 39, 40), new(44, 160, 44), new(255, 127, 14), new(148, 103, 189),
        new(140, 86, 75), new(227, 119, 194), new(127, 127, 127), new(188, 189, 34), new(23, 190, 207),
    ];

    // Groups 0–9 alternate circle and triangle as before; each further ten groups take the next pair of shapes, so
    // that the colours, which repeat after ten, still tell groups apart.
    private static readonly MarkerShape[] Shapes =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledTriangleUp, MarkerShape.FilledSquare, MarkerShape.FilledDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle,
    ];

    // A legend longer than this lists the largest groups and says how many more there are.
    private const int LegendCap = 24;

    private const float LabelFontSize = 13;

    /// <summary>Renders the prototypes and writes the picture to <paramref name="output"/>.</summary>
    /// <param name="output">Where the encoded picture goes (the caller owns the file).</param>
    /// <param name="format">The picture's format (<see cref="ImageFile.FormatOf"/> of its file name).</param>
    /// <param name="prototypes">Class prototypes in the CLI representation.</param>
    /// <param name="groups">Optional group of each class (e.g. "seen"/"unseen"); classes without one share a colour.</param>
    /// <param name="title">Title above the plot.</param>
    /// <param name="width">Width in pixels (the sphere's two discs get 1.7 times this).</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="showLabels">Write class names next to their points (at most <see cref="LabelCap"/>).</param>
    public static void Write(Stream output, ImageFormat format, ClassPrototypes prototypes, IReadOnlyDictionary<string, string>? groups, string title, int width = 900, int height = 900, bool showLabels = true)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        // Two hemispheres side by side need a wide picture.
        int pictureWidth = prototypes.Curvature > 0 ? width * 17 / 10 : width;
        using var plot = Render(prototypes, groups, title, showLabels, pictureWidth, height);
        ImageFile.Write(output, format, plot, pictureWidth, height);
    }

    /// <summary>Builds the ScottPlot figure (for callers that want to add to it), its names laid out for a picture of
    /// 900 × 900 pixels.</summary>
    public static Plot Render(ClassPrototypes prototypes, IReadOnlyDictionary<string, string>? groups, string title, bool showLabels = true) =>
        Render(prototypes, groups, title, showLabels, 900, 900);

    /// <summary>Builds the figure with its names laid out for a picture of <paramref name="width"/> ×
    /// <paramref name="height"/> pixels: render it at that size.</summary>
    internal static Plot Render(ClassPrototypes prototypes, IReadOnlyDictionary<string, string>? groups, string title, bool showLabels, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        var view = PrototypeView.Of(prototypes);
        var plot = new Plot();
        DrawDiscs(plot, view);

        var groupOf = prototypes.ClassNames.Select(c => groups is not null && groups.TryGetValue(c, out var g) ? g : "classes").ToArray();
        var groupNames = groupOf.Distinct(StringComparer.Ordinal).ToList();
        var groupIndex = groupOf.Select(g => groupNames.IndexOf(g)).ToArray();
        var legendOrder = Enumerable.Range(0, groupNames.Count).OrderByDescending(g => groupIndex.Count(x => x == g)).ThenBy(g => g).Take(LegendCap).ToHashSet();
        float markerSize = view.Points.Length switch { > 1000 => 5, > 100 => 8, _ => 11 };
        for (int g = 0; g < groupNames.Count; g++)
        {
            var idx = Enumerable.Range(0, groupIndex.Length).Where(i => groupIndex[i] == g).ToArray();
            var scatter = plot.Add.ScatterPoints(idx.Select(i => view.Points[i].X).ToArray(), idx.Select(i => view.Points[i].Y).ToArray(), Palette[g % Palette.Length]);
            scatter.MarkerSize = markerSize;
            scatter.MarkerShape = Shapes[((g % 2) + (2 * (g / Palette.Length))) % Shapes.Length];
            scatter.LegendText = legendOrder.Contains(g) ? groupNames[g] : string.Empty;
        }

        if (groupNames.Count > LegendCap)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"… and {groupNames.Count - LegendCap} more groups" });
        }

        int[] labelled = showLabels ? LabelChoice.Choose(view.Points, groups is null ? null : groupIndex) : [];
        string caption = view.Caption;
        if (labelled.Length < view.Points.Length && labelled.Length > 0)
        {
            caption += string.Create(CultureInfo.InvariantCulture, $"\nnamed: {labelled.Length} of {view.Points.Length} classes ({(groups is null ? "the most spread-out" : "group medoids, then the most spread-out")})");
        }

        plot.Title(title);
        plot.XLabel(caption, size: 14);
        plot.Axes.Bottom.Label.Bold = false;
        SetLimits(plot, view);
        if (groups is not null)
        {
            plot.ShowLegend(Edge.Bottom);
        }
        else
        {
            plot.HideLegend(); // one colour, nothing to explain
        }

        if (labelled.Length > 0)
        {
            int written = AddLabels(plot, view, labelled, groupIndex, markerSize, width, height);
            if (written < labelled.Length)
            {
                // A name that found no free spot is left out, and the caption says so: the count of names shown.
                plot.Axes.Bottom.Label.Text = labelled.Length < view.Points.Length
                    ? caption.Replace($"named: {labelled.Length} of", $"named: {written} of", StringComparison.Ordinal)
                    : caption + string.Create(CultureInfo.InvariantCulture, $"\nnamed: {written} of {view.Points.Length} classes (no free spot for the others)");
            }
        }

        return plot;
    }

    // The disk (or the two hemispheres) at the real radius, named underneath.
    private static void DrawDiscs(Plot plot, PrototypeView view)
    {
        var centres = view.DiscCentres;
        for (int k = 0; k < centres.Count; k++)
        {
            var (x, y) = centres[k];
            var circle = plot.Add.Circle(x, y, view.Radius);
            circle.LineColor = Colors.Black;
            circle.LineWidth = 2;
            circle.FillColor = Colors.Transparent;
            string name = view.Curvature < 0
                ? string.Create(CultureInfo.InvariantCulture, $"boundary of the Poincaré disk (radius {view.Radius:G3})")
                : k == 0 ? "hemisphere x₂ ≥ 0" : "hemisphere x₂ < 0";
            var text = plot.Add.Text(name, x, y - (1.04 * view.Radius));
            text.LabelFontSize = 12;
            text.LabelAlignment = Alignment.UpperCenter;
        }
    }

    // Square units around the discs (or the points). The sphere's discs share no axis that means anything (the right
    // disc's x would read 2.4 r where its centre is), so they get no ticks and no grid: the caption gives the radius.
    private static void SetLimits(Plot plot, PrototypeView view)
    {
        if (view.Curvature != 0)
        {
            double r = view.Radius, margin = 0.14 * r;
            double right = view.Curvature > 0 ? (PrototypeView.SphereSpacing * r) + r : r;
            plot.Axes.SetLimits(-r - margin, right + margin, -r - margin, r + margin);
        }
        else if (view.Points.Length > 0)
        {
            double left = view.Points.Min(p => p.X), right = view.Points.Max(p => p.X), bottom = view.Points.Min(p => p.Y), top = view.Points.Max(p => p.Y);
            double margin = 0.08 * Math.Max(Math.Max(right - left, top - bottom), 1e-9);
            plot.Axes.SetLimits(left - margin, right + margin, bottom - margin, top + margin);
        }

        if (view.Curvature > 0)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            plot.HideGrid();
        }

        plot.Axes.SquareUnits();
    }

    // Lays the names out in pixels on a first render at the final size (the axes, the legend and the caption fix the
    // data area), then adds each at its free spot, with a leader line when it had to move away from its point.
    // Returns how many names found a spot.
    private static int AddLabels(Plot plot, PrototypeView view, int[] labelled, int[] groupIndex, float markerSize, int width, int height)
    {
        using (plot.GetImage(width, height))
        {
            // Rendered only for the layout it leaves in LastRender; the image itself is not needed.
        }

        var dataRect = plot.LastRender.DataRect;
        var markers = view.Points.Select(p => Pixel(plot, p)).ToArray();
        var sizes = new (double Width, double Height)[labelled.Length];
        using (var paint = Paint.NewDisposablePaint())
        {
            for (int k = 0; k < labelled.Length; k++)
            {
                var style = new LabelStyle { Text = view.ClassNames[labelled[k]], FontSize = LabelFontSize };
                var measured = style.Measure(paint);
                sizes[k] = (measured.Width + 4, measured.Height + 2);
            }
        }

        var bounds = new LabelBox(dataRect.Left, dataRect.Top, dataRect.Width, dataRect.Height);
        double radius = (markerSize / 2) + 1;
        var circles = view.DiscCentres.Select(c => Pixel(plot, c)).Select(c => (c.X, c.Y, view.Radius * plot.LastRender.PxPerUnitX)).ToArray();
        var boxes = LabelPlacement.Place(labelled.Select(i => markers[i]).ToArray(), sizes, bounds, markers, radius, circles);
        for (int k = 0; k < labelled.Length; k++)
        {
            if (boxes[k] is not { } box)
            {
                continue;
            }

            int i = labelled[k];
            var colour = Palette[groupIndex[i] % Palette.Length].Darken(0.3);
            var anchor = markers[i];
            if (box.Distance(anchor.X, anchor.Y) > LabelPlacement.FirstRing(radius) + LabelPlacement.LeaderThreshold)
            {
                var end = box.Nearest(anchor.X, anchor.Y);
                var line = plot.Add.Line(plot.GetCoordinates((float)anchor.X, (float)anchor.Y), plot.GetCoordinates((float)end.X, (float)end.Y));
                line.LineColor = colour.WithAlpha(0.6);
                line.LineWidth = 1;
            }

            var text = plot.Add.Text(view.ClassNames[i], plot.GetCoordinates((float)box.Left + 2, (float)box.Top + 1));
            text.LabelFontSize = LabelFontSize;
            text.LabelFontColor = colour;
            text.LabelAlignment = Alignment.UpperLeft;
            // Where no free spot was left a name sits over markers: a light backing keeps it legible.
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.7);
        }

        return boxes.Count(b => b is not null);
    }

    private static (double X, double Y) Pixel(Plot plot, (double X, double Y) point)
    {
        var pixel = plot.GetPixel(new Coordinates(point.X, point.Y));
        return (pixel.X, pixel.Y);
    }
}
