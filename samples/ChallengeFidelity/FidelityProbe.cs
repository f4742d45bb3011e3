using SimZsl.Embedding;
using SimZsl.Similarity;

namespace SimZsl.Samples.ChallengeFidelity;

/// <summary>How much of the complete-matrix embedding survives when knowledge is hidden, like for like: the reference
/// is the complete matrix run through the same κ-MDS options (strain, stress refinement, seed) as every partial
/// matrix, so that the two differ only in what they were told.</summary>
internal sealed class FidelityProbe
{
    private readonly KappaMdsOptions _options;
    private readonly DistanceMatrix _truth;
    private readonly DistanceMatrix _reference;

    /// <summary>Embeds the complete matrix once, as the reference.</summary>
    public FidelityProbe(DistanceMatrix truth, KappaMdsOptions options)
    {
        _truth = truth;
        _options = options;
        Reference = new KappaMds(options).Fit(truth);
        _reference = Reference.Distances();
    }

    /// <summary>The complete-matrix embedding.</summary>
    public KappaMdsResult Reference { get; }

    /// <summary>Embeds <paramref name="partial"/> (the true distances with some pairs hidden) and measures it.</summary>
    /// <returns>Map: neighbour MAP of the partial embedding with the reference embedding's distances as the truth
    /// (does each class keep its nearest neighbour of the reference?). HiddenDistortion: mean |d_emb / D − 1| over
    /// the hidden pairs only, D the true distance (how well the embedding recovers what it was not told); NaN when
    /// nothing is hidden.</returns>
    public (double Map, double HiddenDistortion) Measure(DistanceMatrix partial)
    {
        var fit = new KappaMds(_options).Fit(partial);
        double map = fit.MeasureQuality(_reference).MeanAveragePrecision;
        int n = partial.Count;
        var hidden = new bool[n * n];
        bool any = false;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                hidden[(i * n) + j] = i == j || !partial.IsObserved(i, j);
                any |= i != j && !partial.IsObserved(i, j);
            }
        }

        // The truth restricted to the hidden pairs: the library's distortion over "observed" pairs is then the
        // distortion over exactly the pairs the fit never saw.
        double distortion = any ? fit.MeasureQuality(_truth.WithMask(hidden)).MeanDistortion : double.NaN;
        return (map, distortion);
    }
}
