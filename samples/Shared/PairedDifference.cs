namespace SimZsl.Samples.Shared;

/// <summary>Two pipelines measured on the same draws (the same unseen split, the same seed): the interval of their
/// per-draw differences, which is narrower than comparing two separate intervals because the draw's own difficulty
/// cancels out. What the challenges' "A − B" tables print and their verdicts read.</summary>
internal static class PairedDifference
{
    /// <summary>Mean and 95 % interval of a[i] − b[i] over the draws where both are finite.</summary>
    /// <param name="a">The first pipeline's measurement per draw.</param>
    /// <param name="b">The second pipeline's, on the same draws in the same order.</param>
    /// <exception cref="ArgumentException">The lists have different lengths (the draws would not be paired).</exception>
    public static MeanInterval Of(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"Paired measurements need the same draws: {a.Count} against {b.Count}.", nameof(b));
        }

        return MeanInterval.Of(a.Select((v, i) => v - b[i]));
    }

    /// <summary>"better" when the interval of A − B lies above 0, "worse" when below, "indistinguishable" when it
    /// holds 0 (or there is no interval: one draw cannot carry a claim).</summary>
    public static string Direction(MeanInterval difference) =>
        difference.Lower > 0 ? "better" : difference.Upper < 0 ? "worse" : "indistinguishable";

    /// <summary>Non-inferiority with a margin: "holds" when the whole interval of A − B lies above −margin (A loses at
    /// most the margin), "does not hold" when the whole interval lies below it, "undecided" otherwise.</summary>
    /// <param name="difference">The interval of A − B.</param>
    /// <param name="margin">The loss still counted as "about as good", in the units of the difference (≥ 0).</param>
    public static string NonInferiority(MeanInterval difference, double margin) =>
        difference.Lower >= -margin ? "holds" : difference.Upper < -margin ? "does not hold" : "undecided";
}
