namespace SimZsl.Embedding;

/// <summary>Makes points of a refinement start that lie within rounding distance of each other exactly equal, so
/// that <see cref="StressRefinement.SeparateCoincident"/> then breaks their tie by its seeded nudge. Why: on a tree
/// the strain step stacks sibling leaves on one point, but only up to rounding; a last-bit change of the input (or
/// another machine's SIMD width) moves them apart by ~1e-13 in some direction, and the refinement separates them
/// along whatever direction that was. FishNet's families at κ = 0, d = 2 ended at neighbour MAP 0.965 or 0.953
/// depending on input changes of 1e-12. Two points are near when every coordinate differs by at most 1e-9 of
/// their scale (the larger of the targets' root mean square and the pair's largest coordinate, since rounding
/// grows with the coordinates: hyperbolic points far out have large ones), far above rounding and far below the
/// 1e-6 of the nudge; a group is joined by chains of near pairs and takes the coordinates of its lowest index.
/// Cost O(n log n) plus the pairs within the loosest tolerance along the first coordinate.</summary>
internal static class NearCoincidence
{
    private const double RelativeTolerance = 1e-9;

    /// <summary>Gathers every group of near-coincident points of <paramref name="x"/> (row-major, <paramref name="cols"/>
    /// coordinates) onto its lowest-index member.</summary>
    /// <returns>The number of points moved.</returns>
    public static int Gather(double[] x, int cols, double targetNorm)
    {
        int n = x.Length / cols;
        double pairs = Math.Max(1, n * (n - 1) / 2.0);
        double typical = targetNorm / Math.Sqrt(pairs);
        double loosest = RelativeTolerance * Math.Max(Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude<double>(x)), typical);
        if (!(loosest > 0) || !double.IsFinite(loosest))
        {
            return 0;
        }

        var order = Enumerable.Range(0, n).ToArray();
        var first = new double[n];
        for (int i = 0; i < n; i++)
        {
            first[i] = x[i * cols];
        }

        Array.Sort(first, order);
        var root = Enumerable.Range(0, n).ToArray();
        for (int a = 0; a < n; a++)
        {
            int i = order[a];
            for (int b = a + 1; b < n && first[b] - first[a] <= loosest; b++)
            {
                int j = order[b];
                double tolerance = RelativeTolerance * Math.Max(typical, Math.Max(LargestMagnitude(x, i, cols), LargestMagnitude(x, j, cols)));
                if (Near(x, i, j, cols, tolerance))
                {
                    Union(root, i, j);
                }
            }
        }

        int moved = 0;
        for (int i = 0; i < n; i++)
        {
            int r = Find(root, i);
            if (r != i && !x.AsSpan(r * cols, cols).SequenceEqual(x.AsSpan(i * cols, cols)))
            {
                x.AsSpan(r * cols, cols).CopyTo(x.AsSpan(i * cols, cols));
                moved++;
            }
        }

        return moved;
    }

    private static double LargestMagnitude(double[] x, int i, int cols) =>
        Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude<double>(x.AsSpan(i * cols, cols)));

    private static bool Near(double[] x, int i, int j, int cols, double tolerance)
    {
        for (int k = 0; k < cols; k++)
        {
            if (Math.Abs(x[(i * cols) + k] - x[(j * cols) + k]) > tolerance)
            {
                return false;
            }
        }

        return true;
    }

    // Union-find whose root is always the lowest index of its group.
    private static int Find(int[] root, int i)
    {
        while (root[i] != i)
        {
            root[i] = root[root[i]];
            i = root[i];
        }

        return i;
    }

    private static void Union(int[] root, int i, int j)
    {
        int a = Find(root, i), b = Find(root, j);
        if (a != b)
        {
            root[Math.Max(a, b)] = Math.Min(a, b);
        }
    }
}
