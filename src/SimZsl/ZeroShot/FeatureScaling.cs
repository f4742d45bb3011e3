namespace SimZsl.ZeroShot;

/// <summary>Per-feature standardization x ↦ (x − mean)/deviation, fitted on the training rows and stored with the
/// model so that test features are scaled the same way.</summary>
internal sealed record FeatureScaling(double[] Mean, double[] Deviation)
{
    /// <summary>The identity scaling of <paramref name="features"/> features.</summary>
    public static FeatureScaling Identity(int features) =>
        new(new double[features], Enumerable.Repeat(1.0, features).ToArray());

    /// <summary>Fits mean and deviation on <paramref name="rows"/>; with <paramref name="pooled"/> one mean and one
    /// deviation over all features (images: per-pixel scaling would blow up the near-constant border).</summary>
    public static FeatureScaling Fit(RowMatrix features, IReadOnlyList<int> rows, bool pooled)
    {
        int f = features.Columns;
        var sum = new double[f];
        var squares = new double[f];
        foreach (int r in rows)
        {
            var row = features.Row(r);
            for (int k = 0; k < f; k++)
            {
                sum[k] += row[k];
                squares[k] += row[k] * row[k];
            }
        }

        double n = Math.Max(rows.Count, 1);
        if (pooled)
        {
            double mean = sum.Sum() / (n * f);
            double variance = (squares.Sum() / (n * f)) - (mean * mean);
            return new FeatureScaling(Enumerable.Repeat(mean, f).ToArray(), Enumerable.Repeat(SafeDeviation(variance), f).ToArray());
        }

        var means = new double[f];
        var deviations = new double[f];
        for (int k = 0; k < f; k++)
        {
            means[k] = sum[k] / n;
            deviations[k] = SafeDeviation((squares[k] / n) - (means[k] * means[k]));
        }

        return new FeatureScaling(means, deviations);
    }

    // A constant feature carries no information; dividing by a tiny deviation would only amplify rounding noise.
    private static double SafeDeviation(double variance) => variance > 1e-12 ? Math.Sqrt(variance) : 1.0;
}
