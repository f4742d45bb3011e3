namespace SimZsl.Similarity;

/// <summary>The factors of <see cref="SourceCalibration"/>, computed on the uncalibrated union of the sources.</summary>
internal static class SourceScales
{
    // Which quantile of the ratios δ_aa'/D_aa' estimates the scale (see SourceCalibration.CrossConsistency).
    private const double Quantile = 0.9;

    /// <summary>Per-source factors and the cross-source factor.</summary>
    public static (double[] Within, double Cross) Compute(DistanceMatrix distances, int[] sourceOf, int sources, SourceCalibration calibration)
    {
        var within = Enumerable.Repeat(1.0, sources).ToArray();
        return calibration switch
        {
            SourceCalibration.None => (within, 1),
            SourceCalibration.MedianNormalize => MedianNormalize(distances, sourceOf, within),
            SourceCalibration.CrossConsistency => (CrossConsistency(distances, sourceOf, within), 1),
            _ => throw new ArgumentOutOfRangeException(nameof(calibration), calibration, null),
        };
    }

    private static (double[] Within, double Cross) MedianNormalize(DistanceMatrix d, int[] sourceOf, double[] within)
    {
        int n = d.Count;
        var blocks = Enumerable.Range(0, within.Length + 1).Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (d.IsObserved(i, j))
                {
                    blocks[sourceOf[i] == sourceOf[j] ? sourceOf[i] : within.Length].Add(d[i, j]);
                }
            }
        }

        double Factor(List<double> values)
        {
            double median = Median(values);
            return median > 0 ? 1 / median : 1;
        }

        for (int s = 0; s < within.Length; s++)
        {
            within[s] = Factor(blocks[s]);
        }

        return (within, Factor(blocks[^1]));
    }

    private static double[] CrossConsistency(DistanceMatrix d, int[] sourceOf, double[] within)
    {
        int n = d.Count;
        for (int s = 0; s < within.Length; s++)
        {
            var members = Enumerable.Range(0, n).Where(i => sourceOf[i] == s).ToArray();
            var outside = Enumerable.Range(0, n).Where(i => sourceOf[i] != s).ToArray();
            var ratios = new List<double>();
            foreach (int a in members)
            {
                foreach (int b in members)
                {
                    if (b <= a || !d.IsObserved(a, b) || !(d[a, b] > 0))
                    {
                        continue;
                    }

                    double bound = -1;
                    foreach (int c in outside)
                    {
                        if (d.IsObserved(a, c) && d.IsObserved(b, c))
                        {
                            bound = Math.Max(bound, Math.Abs(d[a, c] - d[b, c]));
                        }
                    }

                    if (bound >= 0)
                    {
                        ratios.Add(bound / d[a, b]);
                    }
                }
            }

            ratios.Sort();
            double factor = ratios.Count == 0 ? 0 : ratios[(int)Math.Floor(Quantile * (ratios.Count - 1))];
            within[s] = factor > 0 ? factor : 1;
        }

        return within;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        int mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }
}
