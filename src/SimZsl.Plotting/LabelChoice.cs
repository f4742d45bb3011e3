namespace SimZsl.Plotting;

/// <summary>Which classes of a large set get their name written: 200 names in a 900-pixel picture are a black smear
/// (a 200-leaf tree's numeric ids stacked in columns off the plot), so at most <see cref="Cap"/> are labelled,
/// chosen deterministically in the picture's own coordinates: each group's medoid first (largest groups first), then
/// the most spread-out classes by farthest-point sampling, so that the names that are shown sit apart and cover the
/// picture.</summary>
internal static class LabelChoice
{
    /// <summary>The most names a picture carries.</summary>
    public const int Cap = 20;

    // A medoid is searched among at most this many evenly spaced members of a group (O(m²) per group otherwise).
    private const int MedoidCandidates = 400;

    /// <summary>The classes to label, in order of priority (the label layout places them in this order): all of them
    /// when there are at most <paramref name="cap"/>.</summary>
    /// <param name="points">The drawn position of every class.</param>
    /// <param name="groups">Group index of every class, or null when the classes are not grouped.</param>
    /// <param name="cap">The most classes to label.</param>
    public static int[] Choose(IReadOnlyList<(double X, double Y)> points, IReadOnlyList<int>? groups, int cap = Cap)
    {
        ArgumentNullException.ThrowIfNull(points);
        int n = points.Count;
        if (n <= cap)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        var chosen = new List<int>(cap);
        if (groups is not null)
        {
            var members = Enumerable.Range(0, n).GroupBy(i => groups[i])
                .OrderByDescending(g => g.Count()).ThenBy(g => g.First())
                .Select(g => g.ToArray());
            foreach (var group in members.Take(cap))
            {
                chosen.Add(Medoid(points, group));
            }
        }

        // Farthest-point sampling: each next class is the one farthest from every class chosen so far (ties: the
        // lowest index); with nothing chosen yet, it starts from the class farthest from the centroid.
        var nearest = new double[n];
        if (chosen.Count == 0)
        {
            double cx = points.Average(p => p.X), cy = points.Average(p => p.Y);
            chosen.Add(ArgMax(n, i => Squared(points[i], (cx, cy))));
        }

        Array.Fill(nearest, double.PositiveInfinity);
        foreach (int c in chosen)
        {
            Update(points, nearest, c);
        }

        while (chosen.Count < cap)
        {
            int next = ArgMax(n, i => nearest[i]);
            if (!(nearest[next] > 0))
            {
                break; // only duplicates of chosen points are left
            }

            chosen.Add(next);
            Update(points, nearest, next);
        }

        return chosen.ToArray();
    }

    // The member with the least summed distance to the group (over evenly spaced candidates for a large group).
    private static int Medoid(IReadOnlyList<(double X, double Y)> points, int[] group)
    {
        var candidates = group.Length <= MedoidCandidates ? group
            : Enumerable.Range(0, MedoidCandidates).Select(k => group[(int)((long)k * group.Length / MedoidCandidates)]).ToArray();
        int best = candidates[0];
        double bestSum = double.PositiveInfinity;
        foreach (int c in candidates)
        {
            double sum = candidates.Sum(o => Math.Sqrt(Squared(points[c], points[o])));
            if (sum < bestSum)
            {
                (best, bestSum) = (c, sum);
            }
        }

        return best;
    }

    private static void Update(IReadOnlyList<(double X, double Y)> points, double[] nearest, int chosen)
    {
        nearest[chosen] = 0;
        for (int i = 0; i < nearest.Length; i++)
        {
            nearest[i] = Math.Min(nearest[i], Squared(points[i], points[chosen]));
        }
    }

    private static int ArgMax(int n, Func<int, double> value)
    {
        int best = 0;
        for (int i = 1; i < n; i++)
        {
            if (value(i) > value(best))
            {
                best = i;
            }
        }

        return best;
    }

    private static double Squared((double X, double Y) a, (double X, double Y) b) => ((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y));
}
