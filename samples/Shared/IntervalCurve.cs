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

    /// <summary>An abscissa that numbers a table's rows 1 … n, for curves over methods whose names do not fit under
    /// an axis, and the axis label that says which number is which.</summary>
    /// <param name="rows">The rows' names, in the table's order.</param>
    public static (double[] X, string Label) RowAxis(IReadOnlyList<string> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return ([.. Enumerable.Range(1, rows.Count).Select(i => (double)i)], $"method: the table's rows in order, 1 = {rows[0]} … {rows.Count} = {rows[^1]}");
    }
}
