using ScottPlot;
using SimZsl.Embedding;

namespace SimZsl.Plotting;

/// <summary>Draws class prototypes as a PNG: in the Poincaré disk (κ &lt; 0, boundary drawn), on the sphere (κ &gt; 0,
/// two hemispheres seen from above and below) or in the plane (κ = 0), labelled and coloured by group.</summary>
public static class PrototypePlot
{
    private static readonly Color[] Palette =
    [
        new(31, 119, 180), new(214, 39, 40), new(44, 160, 44), new(255, 127, 14), new(148, 103, 189),
        new(140, 86, 75), new(227, 119, 194), new(127, 127, 127), new(188, 189, 34), new(23, 190, 207),
    ];

    /// <summary>Renders the prototypes and writes the picture to <paramref name="output"/>.</summary>
    /// <param name="output">Where the encoded picture goes (the caller owns the file).</param>
    /// <param name="format">The picture's format (<see cref="ImageFile.FormatOf"/> of its file name).</param>
    /// <param name="prototypes">Class prototypes in the CLI representation.</param>
    /// <param name="groups">Optional group of each class (e.g. "seen"/"unseen"); classes without one share a colour.</param>
    /// <param name="title">Title above the plot.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="showLabels">Write each class name next to its point.</param>
    public static void Write(Stream output, ImageFormat format, ClassPrototypes prototypes, IReadOnlyDictionary<string, string>? groups, string title, int width = 900, int height = 900, bool showLabels = true)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        var plot = Render(prototypes, groups, title, showLabels);
        // Two hemispheres side by side need a wide picture.
        ImageFile.Write(output, format, plot, prototypes.Curvature > 0 ? width * 17 / 10 : width, height);
    }

    /// <summary>Builds the ScottPlot figure (for callers that want to add to it).</summary>
    public static Plot Render(ClassPrototypes prototypes, IReadOnlyDictionary<string, string>? groups, string title, bool showLabels = true)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        var plot = new Plot();
        var points = Project(prototypes, out string note);
        if (prototypes.Curvature < 0)
        {
            DrawCircle(plot, 0, 0, "boundary of the Poincaré disk");
        }
        else if (prototypes.Curvature > 0)
        {
            DrawCircle(plot, 0, 0, "upper hemisphere (x₂ ≥ 0)");
            DrawCircle(plot, SphereOffset, 0, "lower hemisphere (x₂ < 0)");
        }

        var labelled = new List<(double X, double Y)>();
        var groupNames = prototypes.ClassNames.Select(c => groups is not null && groups.TryGetValue(c, out var g) ? g : "classes").Distinct(StringComparer.Ordinal).ToList();
        for (int g = 0; g < groupNames.Count; g++)
        {
            var idx = Enumerable.Range(0, prototypes.ClassNames.Count)
                .Where(i => string.Equals(groups is not null && groups.TryGetValue(prototypes.ClassNames[i], out var gg) ? gg : "classes", groupNames[g], StringComparison.Ordinal))
                .ToArray();
            var scatter = plot.Add.ScatterPoints(idx.Select(i => points[i].X).ToArray(), idx.Select(i => points[i].Y).ToArray(), Palette[g % Palette.Length]);
            scatter.MarkerSize = 11;
            scatter.MarkerShape = g % 2 == 0 ? MarkerShape.FilledCircle : MarkerShape.FilledTriangleUp;
            scatter.LegendText = groupNames[g];
            if (showLabels)
            {
                foreach (int i in idx)
                {
                    var text = plot.Add.Text(prototypes.ClassNames[i], points[i].X, points[i].Y);
                    text.LabelFontSize = 13;
                    text.LabelFontColor = Palette[g % Palette.Length].Darken(0.3);
                    text.OffsetX = 7;
                    // Classes that WordNet (or any similarity) barely tells apart land on one spot: stack their
                    // labels instead of printing them over each other.
                    int below = labelled.Count(q => Math.Abs(q.X - points[i].X) < LabelClearance && Math.Abs(q.Y - points[i].Y) < LabelClearance);
                    text.OffsetY = -7 + (15 * below);
                    labelled.Add(points[i]);
                }
            }
        }

        plot.Title(title);
        plot.XLabel(note);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private const double SphereOffset = 2.4;

    // Points closer than this (in disk units) share a label column.
    private const double LabelClearance = 0.05;

    // Maps every prototype to a point in the picture: the unit disk for κ < 0 (scaled by √|κ|), two unit disks for
    // the hemispheres for κ > 0 (orthographic views from +x₂ and −x₂), the first two coordinates for κ = 0.
    private static (double X, double Y)[] Project(ClassPrototypes p, out string note)
    {
        int n = p.ClassNames.Count, cols = p.Coordinates.Columns;
        double scale = 1 / SimZsl.Geometry.KappaSpace.LengthScale(p.Curvature);
        var result = new (double, double)[n];
        for (int i = 0; i < n; i++)
        {
            var row = p.Coordinates.Row(i);
            double x = row[0] * scale, y = cols > 1 ? row[1] * scale : 0;
            if (p.Curvature > 0 && cols > 2 && row[2] < 0)
            {
                x += SphereOffset;
            }

            result[i] = (x, y);
        }

        // The disks are drawn with radius 1 whatever κ: the caption gives the real radius, so that no one reads a
        // drawn norm of 0.5 as 0.5 when the ball's radius is 0.5.
        string scaleNote = p.Curvature == 0 ? string.Empty : FormattableString.Invariant($", radius {1 / scale:G3} drawn as 1");
        note = p.Curvature switch
        {
            < 0 => cols > 2 ? $"Poincaré disk (κ = {p.Curvature:G3}{scaleNote}); first 2 of {cols} coordinates" : $"Poincaré disk (κ = {p.Curvature:G3}{scaleNote})",
            > 0 => cols > 3 ? $"sphere (κ = {p.Curvature:G3}{scaleNote}), hemispheres by x₂; first 3 of {cols} coordinates" : $"sphere (κ = {p.Curvature:G3}{scaleNote}): left x₂ ≥ 0, right x₂ < 0",
            _ => cols > 2 ? $"Euclidean plane; first 2 of {cols} coordinates" : "Euclidean plane",
        };
        return result;
    }

    private static void DrawCircle(Plot plot, double x, double y, string label)
    {
        var circle = plot.Add.Circle(x, y, 1.0);
        circle.LineColor = Colors.Black;
        circle.LineWidth = 2;
        circle.FillColor = Colors.Transparent;
        var text = plot.Add.Text(label, x, y - 1.08);
        text.LabelFontSize = 12;
        text.LabelAlignment = Alignment.UpperCenter;
    }
}
