namespace SimZsl.ZeroShot;

/// <summary>Small helpers on rows of scores.</summary>
internal static class ScoreMath
{
    /// <summary>Index of the largest value (the first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>Whether <paramref name="target"/> is among the <paramref name="k"/> largest values (ties count
    /// against the target: a value equal to the target's that comes earlier ranks above it).</summary>
    public static bool InTopK(ReadOnlySpan<double> values, int target, int k)
    {
        int above = 0;
        for (int j = 0; j < values.Length; j++)
        {
            if (values[j] > values[target] || (values[j] == values[target] && j < target))
            {
                above++;
            }
        }

        return above < k;
    }
}
