using SimZsl.Plotting;

namespace SimZsl.Samples.Shared;

/// <summary>A curve of means with its 95 % intervals drawn as a band: how every challenge plots a table's column.</summary>
internal static class IntervalCurve
{
    /// <summary>The curve through the means of <paramref name="cells"/> at <paramref name="x"/>, its band from each
    /// interval's ends, all multiplied by <paramref name="scale"/> (100 for percentages).</summary>
    /// <param name="name">The legend entry.</param>
    /// <param name="x">One abscissa per cell.</param>
    /// <param name="cells">The means and intervals.</param>
    /// <param name="scale">Multiplies every value.</param>
    /// <param name="floor">The band is drawn no lower than this (after scaling): a t interval over few runs can reach
    /// past what the quantity can be (an accuracy below 0); the tables keep the plain interval.</param>
    /// <param name="ceiling">The band is drawn no higher than this.</param>
    public static Curve Of(string name, IReadOnlyList<double> x, IReadOnlyList<MeanInterval> cells, double scale = 1,
        double floor = double.NegativeInfinity, double ceiling = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(cells);
        return new Curve(name, [.. x], [.. cells.Select(c => scale * c.Mean)])
        {
            Lower = [.. cells.Select(c => Math.Clamp(scale * c.Lower, floor, ceiling))],
            Upper = [.. cells.Select(c => Math.Clamp(scale * c.Upper, floor, ceiling))],
        };
    }
}
