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

    /// <summary>Farthest-point sampling over shortest paths through observed pairs (the sparse route, where no class
    /// has a full row): a seeded random first landmark, then repeatedly the class farthest (by path length) from all
    /// landmarks so far. Each landmark costs one Dijkstra run, whose row is kept: L·(E + n) log n in all, and the rows
    /// (L × n, row-major) are the landmark distances the placement needs. <paramref name="named"/> (when given) are
    /// taken as they are instead.</summary>
    /// <exception cref="SimZslException">Fewer distinct classes than landmarks asked for.</exception>
    internal static (int[] Landmarks, double[] Paths) FarthestPoint(PairDistances pairs, int count, int seed, IReadOnlyList<string>? named, CancellationToken cancellationToken)
    {
        int n = pairs.Count;
        if (named is not null)
        {
            // A landmark named twice would put the same row twice into the landmark block (a singular strain).
            if (named.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ArgumentException($"The landmark '{twice.Key}' is named {twice.Count()} times; name each landmark once.", nameof(named));
            }

            var indices = named.Select(pairs.IndexOf).ToArray();
            var rows = new double[(long)indices.Length * n];
            Parallel.For(0, indices.Length, new ParallelOptions { CancellationToken = cancellationToken }, a => GraphShortestPaths.From(pairs, indices[a], rows.AsSpan(a * n, n)));
            return (indices, rows);
        }

        var paths = new double[(long)count * n];
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        var chosen = new int[count];
        chosen[0] = new Random(seed).Next(n);
        for (int c = 0; ; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = paths.AsSpan(c * n, n);
            GraphShortestPaths.From(pairs, chosen[c], row);
            if (c + 1 == count)
            {
                return (chosen, paths);
            }

            int best = -1;
            for (int i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], row[i]);
                if (nearest[i] > 0 && (best < 0 || nearest[i] > nearest[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                throw new SimZslException($"Only {c + 1} distinct landmarks exist (every other class is at distance 0 from them); ask for fewer.");
            }

            chosen[c + 1] = best;
        }
    }
}
