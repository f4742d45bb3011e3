using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>Automatic landmark choice by farthest-point (max-min) sampling, as de Silva &amp; Tenenbaum recommend:
/// start from a seeded random class, then repeatedly add the class farthest from all landmarks chosen so far.
/// It spreads the landmarks over the data, which keeps the landmark block well conditioned. Only classes whose
/// distances to every other class are known can serve (a landmark needs its full row). O(count · n).</summary>
public static class LandmarkSelection
{
    /// <summary>Chooses <paramref name="count"/> landmark names.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    /// <exception cref="SimZslException">Fewer classes with a complete row than landmarks asked for.</exception>
    public static IReadOnlyList<string> FarthestPoint(DistanceMatrix distances, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int n = distances.Count;
        var candidate = new bool[n];
        for (int i = 0; i < n; i++)
        {
            candidate[i] = distances.IsComplete || Enumerable.Range(0, n).All(j => distances.IsObserved(i, j));
        }

        int candidates = candidate.Count(c => c);
        if (candidates < count)
        {
            throw new SimZslException($"Asked for {count} landmarks but only {candidates} of the {n} classes have every distance observed; a landmark needs its full row. Ask for fewer landmarks or name them.");
        }

        var pool = Enumerable.Range(0, n).Where(i => candidate[i]).ToArray();
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        var chosen = new List<int> { pool[new Random(seed).Next(pool.Length)] };
        while (chosen.Count < count)
        {
            int last = chosen[^1];
            int best = -1;
            foreach (int i in pool)
            {
                nearest[i] = Math.Min(nearest[i], distances[last, i]);
                if (nearest[i] > 0 && (best < 0 || nearest[i] > nearest[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                throw new SimZslException($"Only {chosen.Count} distinct landmarks exist among the classes with full rows (the others are at distance 0 from them); ask for fewer.");
            }

            chosen.Add(best);
        }

        return chosen.Select(i => distances.ClassNames[i]).ToArray();
    }
}
