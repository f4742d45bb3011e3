using SimZsl.Geometry;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>Computes <see cref="EmbeddingQuality"/> of an embedding against target distances, over the observed
/// pairs, in one parallel pass over the rows (no n × n matrix of embedded distances is held).</summary>
internal static class EmbeddingQualityMeasures
{
    /// <summary>Stress, distortion and neighbour MAP of <paramref name="coordinates"/> at curvature κ.</summary>
    public static EmbeddingQuality Compute(DistanceMatrix target, RowMatrix coordinates, double curvature, double strain, CancellationToken cancellationToken)
    {
        int n = target.Count;
        var rows = new RowSums[n];
        PairwiseDistances.ForEachBlock(coordinates, curvature, (start, count, block) =>
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, r =>
                rows[start + r] = Row(target, start + r, block.AsSpan(r * n, n))), cancellationToken);

        double squared = 0, targetSquared = 0, distortion = 0, maxDistortion = 0, precision = 0;
        long pairs = 0, ranked = 0;
        foreach (var r in rows)
        {
            squared += r.Squared;
            targetSquared += r.TargetSquared;
            distortion += r.Distortion;
            pairs += r.Pairs;
            maxDistortion = Math.Max(maxDistortion, r.MaxDistortion);
            if (!double.IsNaN(r.AveragePrecision))
            {
                precision += r.AveragePrecision;
                ranked++;
            }
        }

        return new EmbeddingQuality(
            Stress: 0.5 * squared,
            NormalizedStress: targetSquared > 0 ? Math.Sqrt(squared / targetSquared) : 0,
            MeanDistortion: pairs > 0 ? distortion / pairs : 0,
            MaxDistortion: maxDistortion,
            MeanAveragePrecision: ranked > 0 ? precision / ranked : double.NaN,
            Strain: strain);
    }

    /// <summary>Stress and distortion of <paramref name="coordinates"/> over a list of observed pairs, O(E·d) with no
    /// n × n array; the neighbour MAP is NaN (ranking every class's neighbours would cost O(n² log n), what the sparse
    /// route avoids).</summary>
    public static EmbeddingQuality Compute(PairDistances target, RowMatrix coordinates, double curvature, double strain, CancellationToken cancellationToken)
    {
        int n = target.Count;
        var rows = new RowSums[n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            double squared = 0, targetSquared = 0, distortion = 0, maxDistortion = 0;
            long pairs = 0;
            var neighbours = target.NeighboursOf(i);
            var values = target.DistancesOf(i);
            for (int a = 0; a < neighbours.Length; a++)
            {
                int j = neighbours[a];
                if (j < i)
                {
                    continue;   // each pair once, from its smaller end
                }

                double d = PairwiseDistances.Distance(coordinates.Row(i), coordinates.Row(j), curvature), e = d - values[a];
                squared += e * e;
                targetSquared += values[a] * values[a];
                if (values[a] > 0)
                {
                    double ratio = Math.Abs((d / values[a]) - 1);
                    distortion += ratio;
                    maxDistortion = Math.Max(maxDistortion, ratio);
                    pairs++;
                }
            }

            rows[i] = new RowSums(squared, targetSquared, distortion, maxDistortion, pairs, double.NaN);
        });

        double sq = 0, tsq = 0, dist = 0, max = 0;
        long count = 0;
        foreach (var r in rows)
        {
            (sq, tsq, dist, max, count) = (sq + r.Squared, tsq + r.TargetSquared, dist + r.Distortion, Math.Max(max, r.MaxDistortion), count + r.Pairs);
        }

        return new EmbeddingQuality(
            Stress: 0.5 * sq,
            NormalizedStress: tsq > 0 ? Math.Sqrt(sq / tsq) : 0,
            MeanDistortion: count > 0 ? dist / count : 0,
            MaxDistortion: max,
            MeanAveragePrecision: double.NaN,
            Strain: strain);
    }

    /// <summary>Raw stress ½ Σ_{i&lt;j} (d_ij − D_ij)² over observed pairs only (for the curvature search).</summary>
    public static double Stress(DistanceMatrix target, RowMatrix coordinates, double curvature, CancellationToken cancellationToken)
    {
        int n = target.Count;
        var sums = new double[n];
        PairwiseDistances.ForEachBlock(coordinates, curvature, (start, count, block) =>
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, r =>
            {
                int i = start + r;
                var embedded = block.AsSpan(r * n, n);
                var values = target.RawValues.AsSpan(i * n, n);
                double s = 0;
                for (int j = i + 1; j < n; j++)
                {
                    if (target.IsObserved(i, j))
                    {
                        double e = embedded[j] - values[j];
                        s += e * e;
                    }
                }

                sums[i] = s;
            }), cancellationToken);
        double total = 0;
        foreach (double s in sums)
        {
            total += s;
        }

        return 0.5 * total;
    }

    // Pair sums over j > i, and the average precision of row i's nearest neighbours (over all observed j).
    private static RowSums Row(DistanceMatrix target, int i, ReadOnlySpan<double> embedded)
    {
        int n = target.Count;
        var values = target.RawValues.AsSpan(i * n, n);
        double squared = 0, targetSquared = 0, distortion = 0, maxDistortion = 0;
        long pairs = 0;
        for (int j = i + 1; j < n; j++)
        {
            if (!target.IsObserved(i, j))
            {
                continue;
            }

            double e = embedded[j] - values[j];
            squared += e * e;
            targetSquared += values[j] * values[j];
            if (values[j] > 0)
            {
                double ratio = Math.Abs((embedded[j] / values[j]) - 1);
                distortion += ratio;
                maxDistortion = Math.Max(maxDistortion, ratio);
                pairs++;
            }
        }

        return new RowSums(squared, targetSquared, distortion, maxDistortion, pairs, AveragePrecision(target, i, values, embedded));
    }

    // Nickel & Kiela's MAP for a distance matrix: the neighbours N_i of class i are the classes at its smallest
    // target distance (ties included; siblings in a hierarchy). For each j in N_i, precision = |N_i within the
    // embedded ball through j| / |all classes within that ball|; AP_i averages over N_i.
    private static double AveragePrecision(DistanceMatrix target, int i, ReadOnlySpan<double> values, ReadOnlySpan<double> embedded)
    {
        int n = values.Length;
        double nearest = double.PositiveInfinity;
        for (int j = 0; j < n; j++)
        {
            if (j != i && target.IsObserved(i, j))
            {
                nearest = Math.Min(nearest, values[j]);
            }
        }

        if (double.IsPositiveInfinity(nearest))
        {
            return double.NaN;
        }

        double cut = nearest + (1e-9 * Math.Max(nearest, 1e-300));
        var neighbours = new List<int>();
        for (int j = 0; j < n; j++)
        {
            if (j != i && target.IsObserved(i, j) && values[j] <= cut)
            {
                neighbours.Add(j);
            }
        }

        if (neighbours.Count > 32)
        {
            return SortedAveragePrecision(target, i, values, embedded, cut, neighbours.Count);
        }

        double sum = 0;
        foreach (int j in neighbours)
        {
            double radius = embedded[j];
            int inside = 0, hits = 0;
            for (int k = 0; k < n; k++)
            {
                if (k != i && target.IsObserved(i, k) && embedded[k] <= radius)
                {
                    inside++;
                    hits += values[k] <= cut ? 1 : 0;
                }
            }

            sum += (double)hits / inside;
        }

        return sum / neighbours.Count;
    }

    // The same as the direct count, in O(n log n): walk the classes by embedded distance, groups of equal
    // distance together.
    private static double SortedAveragePrecision(DistanceMatrix target, int i, ReadOnlySpan<double> values, ReadOnlySpan<double> embedded, double cut, int neighbourCount)
    {
        var order = new List<(double Distance, bool Neighbour)>(values.Length);
        for (int k = 0; k < values.Length; k++)
        {
            if (k != i && target.IsObserved(i, k))
            {
                order.Add((embedded[k], values[k] <= cut));
            }
        }

        order.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        double sum = 0;
        int inside = 0, hits = 0;
        for (int start = 0; start < order.Count;)
        {
            int end = start, groupHits = 0;
            while (end < order.Count && order[end].Distance == order[start].Distance)
            {
                groupHits += order[end].Neighbour ? 1 : 0;
                end++;
            }

            inside += end - start;
            hits += groupHits;
            sum += groupHits * ((double)hits / inside);
            start = end;
        }

        return sum / neighbourCount;
    }

    private readonly record struct RowSums(double Squared, double TargetSquared, double Distortion, double MaxDistortion, long Pairs, double AveragePrecision);
}
