using SimZsl.Embedding;
using SimZsl.Plotting;

namespace SimZsl.Tests.Plotting;

public class LabelLayoutTests
{
    private static readonly LabelBox Bounds = new(0, 0, 600, 600);

    [Fact]
    public void ACrowdOfLabelsEndsWithNoTwoBoxesOverlapping()
    {
        // 25 names on points within 6 pixels of each other (WordNet's garments in a 2-D view of d = 9), 12 more in a
        // pile against the right edge, and a few points alone.
        var random = new Random(3);
        var anchors = new List<(double X, double Y)>();
        anchors.AddRange(Enumerable.Range(0, 25).Select(_ => (300 + (6 * random.NextDouble()), 300 + (6 * random.NextDouble()))));
        anchors.AddRange(Enumerable.Range(0, 12).Select(_ => (590 + (5 * random.NextDouble()), 80 + (5 * random.NextDouble()))));
        anchors.AddRange([(60.0, 60.0), (100.0, 500.0), (450.0, 520.0)]);
        var sizes = anchors.Select((_, i) => (40.0 + (7 * (i % 9)), 16.0)).ToArray();

        var boxes = LabelPlacement.Place(anchors, sizes, Bounds, anchors, 5.5, []);

        Assert.All(boxes, b => Assert.NotNull(b)); // every name found a spot
        var placed = boxes.Select(b => b!.Value).ToArray();
        for (int i = 0; i < placed.Length; i++)
        {
            Assert.Equal((sizes[i].Item1, sizes[i].Item2), (placed[i].Width, placed[i].Height));
            Assert.True(placed[i].Left >= 0 && placed[i].Top >= 0 && placed[i].Left + placed[i].Width <= 600 && placed[i].Top + placed[i].Height <= 600, $"label {i} at {placed[i]} leaves the data area");
            for (int j = i + 1; j < placed.Length; j++)
            {
                // Independent overlap test: the intervals intersect on both axes.
                bool overlap = Math.Min(placed[i].Left + placed[i].Width, placed[j].Left + placed[j].Width) > Math.Max(placed[i].Left, placed[j].Left)
                    && Math.Min(placed[i].Top + placed[i].Height, placed[j].Top + placed[j].Height) > Math.Max(placed[i].Top, placed[j].Top);
                Assert.False(overlap, $"labels {i} {placed[i]} and {j} {placed[j]} overlap");
            }
        }

        // A point alone keeps its name right beside it (no leader line needed).
        foreach (int i in new[] { 37, 38, 39 })
        {
            Assert.True(placed[i].Distance(anchors[i].X, anchors[i].Y) <= LabelPlacement.FirstRing(5.5) + 1, $"label {i} moved away from its lone point");
        }

        // Deterministic: the same input, the same boxes.
        Assert.Equal(boxes, LabelPlacement.Place(anchors, sizes, Bounds, anchors, 5.5, []));
    }

    [Fact]
    public void ALabelAvoidsCrossingADrawnCircleWhenItCan()
    {
        // A point just inside a circle's right edge: the first spot (to its right) would cross the boundary.
        var boxes = LabelPlacement.Place([(495.0, 300.0)], [(60.0, 16.0)], Bounds, [], 5.5, [(300.0, 300.0, 200.0)]);
        var box = boxes[0]!.Value;
        Assert.False(box.Crosses(300, 300, 200), $"{box} crosses the circle");
    }

    [Fact]
    public void ALargeSetNamesAtMostTheCapWithEveryGroupsMedoid()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, 200).Select(_ => (random.NextDouble(), random.NextDouble())).ToArray();
        var groups = Enumerable.Range(0, 200).Select(i => i % 13).ToArray();

        var chosen = LabelChoice.Choose(points, groups);

        Assert.Equal(LabelChoice.Cap, chosen.Length);
        Assert.Equal(chosen.Length, chosen.Distinct().Count());
        for (int g = 0; g < 13; g++)
        {
            // Brute-force medoid: the member with the least summed distance to its group.
            var members = Enumerable.Range(0, 200).Where(i => groups[i] == g).ToArray();
            int medoid = members.OrderBy(c => members.Sum(o => Math.Sqrt(Math.Pow(points[c].Item1 - points[o].Item1, 2) + Math.Pow(points[c].Item2 - points[o].Item2, 2)))).First();
            Assert.Contains(medoid, chosen);
        }

        Assert.Equal(chosen, LabelChoice.Choose(points, groups));
        Assert.Equal(Enumerable.Range(0, 7), LabelChoice.Choose(points[..7], groups[..7]));
    }

    [Fact]
    public void WithoutGroupsTheNamedClassesAreSpreadOut()
    {
        // Farthest-point sampling on a 20 × 10 grid: the first names go to the corners, and no two named points are
        // closer than the grid's spacing.
        var points = Enumerable.Range(0, 200).Select(i => ((double)(i % 20), (double)(i / 20))).ToArray();
        var chosen = LabelChoice.Choose(points, null);
        Assert.Equal(LabelChoice.Cap, chosen.Length);
        Assert.Contains(chosen[0], new[] { 0, 19, 180, 199 });
        Assert.Contains(chosen[1], new[] { 0, 19, 180, 199 });
        foreach (int a in chosen)
        {
            foreach (int b in chosen.Where(b => b != a))
            {
                Assert.True(Math.Abs(points[a].Item1 - points[b].Item1) + Math.Abs(points[a].Item2 - points[b].Item2) >= 2, $"{a} and {b} are neighbours");
            }
        }
    }

    [Fact]
    public void APictureOf200ClassesNamesAtMostTheCap()
    {
        // A 200-leaf tree's classes, numeric ids as names, in the disk.
        var random = new Random(5);
        var data = new double[200, 2];
        for (int i = 0; i < 200; i++)
        {
            double rho = 0.95 * Math.Sqrt(random.NextDouble()), phi = 2 * Math.PI * random.NextDouble();
            (data[i, 0], data[i, 1]) = (rho * Math.Cos(phi), rho * Math.Sin(phi));
        }

        var names = Enumerable.Range(0, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var groups = names.ToDictionary(c => c, c => $"family {int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) % 8}");
        var plot = PrototypePlot.Render(new ClassPrototypes(names, RowMatrix.FromArray(data), -1), groups, "tree");

        var written = plot.GetPlottables<ScottPlot.Plottables.Text>().Select(t => t.LabelText).Where(names.Contains).ToArray();
        Assert.InRange(written.Length, 8, PrototypePlot.LabelCap);
        Assert.Contains($"named: {written.Length} of 200 classes", plot.Axes.Bottom.Label.Text, StringComparison.Ordinal);
    }
}
