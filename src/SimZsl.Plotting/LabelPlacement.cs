namespace SimZsl.Plotting;

/// <summary>A label's rectangle in pixels (y grows downwards).</summary>
internal readonly record struct LabelBox(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    public bool Overlaps(LabelBox other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public bool Inside(LabelBox bounds) =>
        Left >= bounds.Left && Top >= bounds.Top && Right <= bounds.Right && Bottom <= bounds.Bottom;

    /// <summary>Whether a disc of radius <paramref name="radius"/> about (x, y) touches the box.</summary>
    public bool Touches(double x, double y, double radius) => Distance(x, y) < radius;

    /// <summary>Distance from (x, y) to the nearest point of the box (0 inside).</summary>
    public double Distance(double x, double y)
    {
        double dx = Math.Max(Math.Max(Left - x, 0), x - Right), dy = Math.Max(Math.Max(Top - y, 0), y - Bottom);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>Whether the circle of radius <paramref name="radius"/> about (x, y) runs through the box.</summary>
    public bool Crosses(double x, double y, double radius)
    {
        double farX = Math.Max(Math.Abs(Left - x), Math.Abs(Right - x)), farY = Math.Max(Math.Abs(Top - y), Math.Abs(Bottom - y));
        return Distance(x, y) < radius && Math.Sqrt((farX * farX) + (farY * farY)) > radius;
    }

    /// <summary>The point of the box nearest to (x, y): where a leader line from (x, y) ends.</summary>
    public (double X, double Y) Nearest(double x, double y) => (Math.Clamp(x, Left, Right), Math.Clamp(y, Top, Bottom));
}

/// <summary>Places labels next to their points so that no two overlap: a deterministic greedy repel. Each label, in
/// priority order, takes the first free spot on rings of growing distance around its point (beside it, right then
/// left, moved up or down; above; below; the corners), preferring spots that cover no marker and cross no drawn
/// circle (a disc's boundary); a label pushed away from its point gets a leader line. Classes that a similarity
/// barely tells apart land on one spot, and their names used to be printed over each other.</summary>
internal static class LabelPlacement
{
    // Ring spacing in pixels, and how many rings are tried before a label is dropped.
    private const double RingStep = 8;
    private const int Rings = 60;

    /// <summary>A label pushed at least this many pixels beyond its first ring gets a leader line.</summary>
    public const double LeaderThreshold = 6;

    /// <summary>The boxes of the labels, in the order given; null for a label that found no free spot (it is not
    /// drawn: a dropped name is better than a name over another).</summary>
    /// <param name="anchors">The pixel of each label's point.</param>
    /// <param name="sizes">Width and height of each label in pixels.</param>
    /// <param name="bounds">The area the labels must stay inside (the data area).</param>
    /// <param name="markers">Pixels of every marker (labelled or not), which a label should not cover.</param>
    /// <param name="markerRadius">Radius of a marker in pixels; a label starts this far (plus a gap) from its point.</param>
    /// <param name="circles">Circles drawn in the picture (centre and radius in pixels), which a label should not cross.</param>
    public static LabelBox?[] Place(IReadOnlyList<(double X, double Y)> anchors, IReadOnlyList<(double Width, double Height)> sizes, LabelBox bounds, IReadOnlyList<(double X, double Y)> markers, double markerRadius, IReadOnlyList<(double X, double Y, double Radius)> circles)
    {
        ArgumentNullException.ThrowIfNull(circles);
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(markers);
        if (anchors.Count != sizes.Count)
        {
            throw new ArgumentException($"{anchors.Count} anchors and {sizes.Count} label sizes.", nameof(sizes));
        }

        var placed = new List<LabelBox>();
        var result = new LabelBox?[anchors.Count];
        for (int i = 0; i < anchors.Count; i++)
        {
            result[i] = PlaceOne(anchors[i], sizes[i], bounds, placed, box => markers.Count(m => box.Touches(m.X, m.Y, markerRadius)) + circles.Count(c => box.Crosses(c.X, c.Y, c.Radius)), markerRadius);
            if (result[i] is { } box)
            {
                placed.Add(box);
            }
        }

        return result;
    }

    /// <summary>The distance from a point to its label below which no leader line is drawn.</summary>
    public static double FirstRing(double markerRadius) => markerRadius + 3;

    // hits: how many markers and circles a candidate covers.
    private static LabelBox? PlaceOne((double X, double Y) anchor, (double Width, double Height) size, LabelBox bounds, List<LabelBox> placed, Func<LabelBox, int> hits, double markerRadius)
    {
        LabelBox? fallback = null;
        int fallbackHits = int.MaxValue;
        for (int ring = 0; ring < Rings; ring++)
        {
            foreach (var box in Candidates(anchor, size, FirstRing(markerRadius), ring * RingStep))
            {
                if (!box.Inside(bounds) || placed.Any(box.Overlaps))
                {
                    continue;
                }

                int covered = hits(box);
                if (covered == 0)
                {
                    return box;
                }

                if (covered < fallbackHits)
                {
                    (fallback, fallbackHits) = (box, covered);
                }
            }

            // A free spot that covers a marker or a line beats walking far away from the point.
            if (fallback is not null && ring >= 3)
            {
                return fallback;
            }
        }

        return fallback;
    }

    // The spots of one ring: beside the point (right, then left) with the label moved up and down by the ring's
    // offset, so that a pile of points gets a column of names next to it; above and below, and the four corners,
    // moved out by the ring's offset.
    private static IEnumerable<LabelBox> Candidates((double X, double Y) a, (double Width, double Height) s, double first, double offset)
    {
        double middle = a.Y - (s.Height / 2), gap = first + offset, diagonal = gap / Math.Sqrt(2);
        foreach (double shift in offset == 0 ? new[] { 0.0 } : [offset, -offset])
        {
            yield return new LabelBox(a.X + first, middle + shift, s.Width, s.Height);
        }

        foreach (double shift in offset == 0 ? new[] { 0.0 } : [offset, -offset])
        {
            yield return new LabelBox(a.X - first - s.Width, middle + shift, s.Width, s.Height);
        }

        yield return new LabelBox(a.X - (s.Width / 2), a.Y - gap - s.Height, s.Width, s.Height);
        yield return new LabelBox(a.X - (s.Width / 2), a.Y + gap, s.Width, s.Height);
        yield return new LabelBox(a.X + diagonal, a.Y - diagonal - s.Height, s.Width, s.Height);
        yield return new LabelBox(a.X + diagonal, a.Y + diagonal, s.Width, s.Height);
        yield return new LabelBox(a.X - diagonal - s.Width, a.Y - diagonal - s.Height, s.Width, s.Height);
        yield return new LabelBox(a.X - diagonal - s.Width, a.Y + diagonal, s.Width, s.Height);
    }
}
