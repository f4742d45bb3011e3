using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>Shortest-path lengths from one class through the observed pairs of a <see cref="PairDistances"/>: Dijkstra
/// with a binary heap (.NET's PriorityQueue), O((E + n) log n) per source for E observed pairs (lazy deletion instead
/// of decrease-key: a class may sit in the heap once per improvement, and its stale entries are skipped). The sparse
/// route needs them from L landmarks only (L·(E + n) log n, and L rows of n), where the dense route's
/// imputation (<see cref="ShortestPathImputation"/>) fills all n² entries. Observed pairs keep their given values, as
/// the imputation keeps them, so a non-metric input stays what the user gave.</summary>
internal static class GraphShortestPaths
{
    /// <summary>Distances from <paramref name="source"/> to every class (∞ where unreachable) into <paramref name="distances"/>.</summary>
    public static void From(PairDistances pairs, int source, Span<double> distances)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var offsets = pairs.Offsets;
        var neighbours = pairs.Neighbours;
        var values = pairs.Values;
        distances.Fill(double.PositiveInfinity);
        distances[source] = 0;
        var heap = new PriorityQueue<int, double>();
        heap.Enqueue(source, 0);
        while (heap.TryDequeue(out int u, out double du))
        {
            if (du > distances[u])
            {
                continue;   // a stale entry: u was reached more cheaply since
            }

            for (int e = offsets[u]; e < offsets[u + 1]; e++)
            {
                int v = neighbours[e];
                double candidate = du + values[e];
                if (candidate < distances[v])
                {
                    distances[v] = candidate;
                    heap.Enqueue(v, candidate);
                }
            }
        }

        for (int e = offsets[source]; e < offsets[source + 1]; e++)
        {
            distances[neighbours[e]] = values[e];
        }
    }
}
