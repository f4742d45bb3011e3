using SimZsl.Similarity;

namespace SimZsl.Tests.Similarity;

/// <summary>The trusted path (a transform, a slice, computed distances) skips the O(n²) checks but must leave the
/// matrix as the checked path would: the same values, the same missing pairs, null mask when nothing is missing,
/// and a repeated name still refused.</summary>
public sealed class TrustedClassMatrixTests
{
    private static readonly bool[,] Mask = { { true, false, true }, { false, true, true }, { true, true, true } };

    [Fact]
    public void TransformedDistancesKeepTheMissingPairsAndTheValues()
    {
        var s = SimilarityMatrix.Create(["a", "b", "c"], new double[,] { { 1, 0, 0.5 }, { 0, 1, 0.25 }, { 0.5, 0.25, 1 } }, Mask);
        var d = s.ToDistances(SimilarityTransform.OneMinus);
        var checkedCopy = DistanceMatrix.Create(d.ClassNames, d.Values, [.. Enumerable.Range(0, 9).Select(k => d.IsObserved(k / 3, k % 3))]);

        Assert.Equal(1, d.MissingPairCount);
        Assert.False(d.IsComplete);
        Assert.False(d.IsObserved(0, 1));
        Assert.True(double.IsNaN(d[1, 0]));
        Assert.Equal(checkedCopy.MissingPairCount, d.MissingPairCount);
        Assert.Equal(checkedCopy.Values.ToArray(), d.Values.ToArray());
    }

    [Fact]
    public void ASliceWithoutMissingPairsIsComplete()
    {
        var s = SimilarityMatrix.Create(["a", "b", "c"], new double[,] { { 1, 0, 0.5 }, { 0, 1, 0.25 }, { 0.5, 0.25, 1 } }, Mask);
        var slice = s.ToDistances(SimilarityTransform.OneMinus).Subset([2, 0]);

        Assert.True(slice.IsComplete);
        Assert.Equal(0, slice.MissingPairCount);
        Assert.Equal(["c", "a"], slice.ClassNames);
        Assert.Equal(0.5, slice[0, 1]);
        Assert.True(s.Subset([1, 0]).MissingPairCount == 1);
    }

    [Fact]
    public void ASliceThatRepeatsAClassIsStillRefused()
    {
        var d = DistanceMatrix.Create(["a", "b"], new double[,] { { 0, 1 }, { 1, 0 } });
        Assert.Throws<InvalidMatrixException>(() => d.Subset([0, 0]));
    }
}
