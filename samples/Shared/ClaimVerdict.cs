namespace SimZsl.Samples.Shared;

/// <summary>The one-line verdict a challenge table ends with, read from its intervals along one axis (missing
/// fraction, number of landmarks, …): "holds" where the whole interval satisfies the claim at every point, "holds up
/// to X" where it does from the easiest point to X and no further, "does not hold" where it fails at the easiest.</summary>
internal static class ClaimVerdict
{
    /// <summary>The verdict for a claim checked point by point, from the easiest point (index 0) to the hardest.</summary>
    /// <param name="claim">The claim in words, e.g. "neighbour MAP ≥ 0.9".</param>
    /// <param name="points">How each point is named in the verdict, e.g. "p = 40 %", easiest first.</param>
    /// <param name="holds">Per point: whether the claim holds there (for a lower bound: the interval's lower end
    /// meets it).</param>
    public static string Along(string claim, IReadOnlyList<string> points, IReadOnlyList<bool> holds)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(holds);
        if (points.Count == 0 || points.Count != holds.Count)
        {
            throw new ArgumentException("One verdict per point, at least one point.", nameof(holds));
        }

        int last = -1;
        while (last + 1 < holds.Count && holds[last + 1])
        {
            last++;
        }

        return last == holds.Count - 1 ? $"{claim}: holds (through {points[^1]})"
            : last < 0 ? $"{claim}: does not hold (already at {points[0]})"
            : $"{claim}: holds up to {points[last]}, not at {points[last + 1]}";
    }
}
