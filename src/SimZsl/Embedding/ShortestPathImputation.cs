using System.Numerics.Tensors;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>Fills the missing entries of a distance matrix with shortest-path lengths through observed pairs
/// (observed entries stay as they are). Why: for a metric the path length is an upper bound that is tight when
/// the path runs through classes close to the geodesic; with half the pairs observed almost every missing pair has
/// a two-step path through hundreds of common neighbours, so the imputed matrix is close to the truth and the
/// strain step on it lands in the basin of the stress minimum. Row and column means (the other common choice)
/// ignore which classes are close and give a much poorer start.
/// Algorithm: Bellman–Ford in matrix form, D⁽ᵗ⁺¹⁾_i = min(D⁽ᵗ⁾_i, min_{k ∈ N(i)} (D_ik + D⁽ᵗ⁾_k)), where each
/// pass only revisits neighbours k whose row changed in the previous pass; every row update is a SIMD add-and-min
/// over n entries and rows run in parallel. Exact shortest paths at the fixed point; cost per pass
/// O(Σ_i |N(i)|·n), a few passes on the dense graphs missing-at-random gives (Dijkstra from every source would cost
/// the same O(n·E) but without SIMD).</summary>
internal static class ShortestPathImputation
{
    /// <summary>The name this imputation reports.</summary>
    public const string Name = "shortest paths through observed pairs";

    /// <summary>A complete row-major n × n matrix: observed entries as given, missing ones as path lengths.</summary>
    public static double[] Impute(DistanceMatrix distances, ObservedGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(graph);
        int n = distances.Count;
        var current = new double[n * n];
        var raw = distances.RawValues;
        for (int k = 0; k < current.Length; k++)
        {
            int i = k / n, j = k % n;
            current[k] = i == j ? 0 : distances.IsObserved(i, j) ? raw[k] : double.PositiveInfinity;
        }

        var next = new double[n * n];
        var changed = Enumerable.Repeat(true, n).ToArray();
        var changedNext = new bool[n];
        bool any = true;
        while (any)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = current;
            var target = next;
            var dirty = changed;
            var dirtyNext = changedNext;
            Parallel.For(0, n, () => new double[n], (i, _, sum) =>
            {
                var row = target.AsSpan(i * n, n);
                source.AsSpan(i * n, n).CopyTo(row);
                foreach (int k in graph.Neighbours[i])
                {
                    if (!dirty[k])
                    {
                        continue;
                    }

                    TensorPrimitives.Add(source.AsSpan(k * n, n), source[(i * n) + k], sum);
                    TensorPrimitives.Min(row, sum, row);
                }

                dirtyNext[i] = !row.SequenceEqual(source.AsSpan(i * n, n));
                return sum;
            }, _ => { });
            (current, next) = (next, current);
            (changed, changedNext) = (changedNext, changed);
            any = Array.IndexOf(changed, true) >= 0;
        }

        // Rows were relaxed independently; path lengths i→j and j→i agree up to rounding, so symmetrise. Observed
        // entries keep their values even where a path is shorter (a non-metric input stays what the user gave).
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double v = distances.IsObserved(i, j) ? raw[(i * n) + j] : Math.Min(current[(i * n) + j], current[(j * n) + i]);
                current[(i * n) + j] = v;
                current[(j * n) + i] = v;
            }
        }

        return current;
    }
}
