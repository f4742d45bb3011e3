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
        var factors = PairwiseDistances.PointFactors(coordinates, curvature);
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, () => new double[n], (i, _, embedded) =>
        {
            PairwiseDistances.FullRow(coordinates, i, curvature, factors, embedded);
            rows[i] = Row(target, i, embedded);
            return embedded;
        }, _ => { });

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

    /// <summary>Raw stress ½ Σ_{i&lt;j} (d_ij − D_ij)² over observed pairs only (for the curvature search).</summary>
    public static double Stress(DistanceMatrix target, RowMatrix coordinates, double curvature, CancellationToken cancellationToken)
    {
        int n = target.Count;
        var sums = new double[n];
        var factors = PairwiseDistances.PointFactors(coordinates, curvature);
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, () => new double[n], (i, _, embedded) =>
        {
            PairwiseDistances.FullRow(coordinates, i, curvature, factors, embedded);
            double s = 0;
            for (int j = i + 1; j < n; j++)
            {
                if (target.IsObserved(i, j))
                {
                    double e = embedded[j] - target.RawValues[(i * n) + j];
                    s += e * e;
                }
            }

            sums[i] = s;
            return embedded;
        }, _ => { });
        double total = 0;
        foreach (double s in sums)
        {
            total += s;
        }

        return 0.5 * total;
    }

    // Pair sums over j > i, and the average precision of row i's nearest neighbours (over all observed j).
    private static RowSums Row(DistanceMatrix target, int i, double[] embedded)
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
    private static double AveragePrecision(DistanceMatrix target, int i, ReadOnlySpan<double> values, double[] embedded)
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
    private static double SortedAveragePrecision(DistanceMatrix target, int i, ReadOnlySpan<double> values, double[] embedded, double cut, int neighbourCount)
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
