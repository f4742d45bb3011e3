using SimZsl.Embedding;
using SimZsl.Similarity;

namespace SimZsl.Tests.Embedding;

/// <summary>Quality measures against values computed by hand.</summary>
public class EmbeddingQualityTests
{
    [Fact]
    public void HandComputedStressDistortionAndMap()
    {
        // Target: a, b, c with D(a,b) = 1, D(a,c) = 2, D(b,c) = 2. Embedding on a line: a = 0, b = 2, c = 1,
        // so d(a,b) = 2, d(a,c) = 1, d(b,c) = 1.
        var target = DistanceMatrix.Create(["a", "b", "c"], new double[,] { { 0, 1, 2 }, { 1, 0, 2 }, { 2, 2, 0 } });
        var coordinates = RowMatrix.FromArray(new double[,] { { 0 }, { 2 }, { 1 } });
        var q = EmbeddingQualityMeasures.Compute(target, coordinates, 0, 0.25, default);

        // Errors 1, −1, −1: Σ e² = 3, stress ½·3, normalised √(3 / (1 + 4 + 4)).
        Assert.Equal(1.5, q.Stress, 12);
        Assert.Equal(Math.Sqrt(3.0 / 9), q.NormalizedStress, 12);

        // Distortions |2/1 − 1| = 1, |1/2 − 1| = ½, |1/2 − 1| = ½.
        Assert.Equal(2.0 / 3, q.MeanDistortion, 12);
        Assert.Equal(1, q.MaxDistortion, 12);

        // Nearest target neighbours: a → {b}, b → {a}, c → {a, b} (tie).
        // a: embedded order c (1), b (2): AP = 1/2. b: order c (1), a (2): AP = 1/2.
        // c: a and b both at 1: AP = 1. MAP = (½ + ½ + 1)/3.
        Assert.Equal(2.0 / 3, q.MeanAveragePrecision, 12);
        Assert.Equal(0.25, q.Strain);
        Assert.Equal(1.5, EmbeddingQualityMeasures.Stress(target, coordinates, 0, default), 12);
    }
}
