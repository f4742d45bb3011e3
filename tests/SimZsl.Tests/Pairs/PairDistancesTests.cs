using SimZsl.Similarity;

namespace SimZsl.Tests.Pairs;

/// <summary>The list-of-pairs distance type: classes in order of first appearance, both directions of every pair in
/// sorted CSR rows, the similarity transform applied as the dense types apply it, and the errors it owes the user.</summary>
public class PairDistancesTests
{
    [Fact]
    public void ClassesComeInOrderOfFirstAppearanceAndPairsReadBothWays()
    {
        var pairs = PairDistances.Create(["c", "a", "b", "c"], ["a", "b", "d", "d"], [1.5, 2.0, 0.5, 3.0]);
        Assert.Equal(["c", "a", "b", "d"], pairs.ClassNames);
        Assert.Equal(4, pairs.PairCount);
        Assert.Equal(4.0 / 6, pairs.ObservedFraction, 15);
        int c = pairs.IndexOf("c"), a = pairs.IndexOf("a"), b = pairs.IndexOf("b"), d = pairs.IndexOf("d");
        Assert.Equal(1.5, pairs[c, a]);
        Assert.Equal(1.5, pairs[a, c]);
        Assert.Equal(0.5, pairs[d, b]);
        Assert.Equal(0, pairs[b, b]);
        Assert.True(double.IsNaN(pairs[c, b]));
        Assert.Equal([a, d], pairs.NeighboursOf(c).ToArray());   // ascending
        Assert.Equal([1.5, 3.0], pairs.DistancesOf(c).ToArray());
        Assert.Equal([c, b], pairs.NeighboursOf(a).ToArray());
    }

    [Fact]
    public void TheDenseMatrixHoldsTheSamePairsAndMarksTheRestMissing()
    {
        var pairs = PairDistances.Create(["x", "y"], ["y", "z"], [1.0, 2.0]);
        var matrix = pairs.ToMatrix();
        Assert.Equal(pairs.ClassNames, matrix.ClassNames);
        Assert.Equal(1, matrix.MissingPairCount);
        Assert.Equal(2.0, matrix["z", "y"]);
        Assert.False(matrix.IsObserved(0, 2));
    }

    [Fact]
    public void SimilaritiesGoThroughTheSameTransformAsTheDenseMatrix()
    {
        double[] s = [0.3, -0.2, 0.9];
        var pairs = PairDistances.FromSimilarities(["a", "a", "b"], ["b", "c", "c"], s, SimilarityTransform.Arccos);
        var dense = SimilarityMatrix.Create(["a", "b", "c"], new double[,] { { 1, 0.3, -0.2 }, { 0.3, 1, 0.9 }, { -0.2, 0.9, 1 } }).ToDistances(SimilarityTransform.Arccos);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(dense[i, j], pairs[i, j]);
            }
        }
    }

    [Fact]
    public void ARepeatedPairWithTheSameValueIsOnePairAndWithAnotherValueNamesBoth()
    {
        var same = PairDistances.Create(["a", "b", "a"], ["b", "a", "c"], [1.0, 1.0, 2.0]);
        Assert.Equal(2, same.PairCount);

        var e = Assert.Throws<InvalidMatrixException>(() => PairDistances.Create(["a", "b", "c", "b"], ["b", "c", "a", "a"], [1.0, 2.0, 3.0, 1.25]));
        Assert.Contains("('a', 'b')", e.Message, StringComparison.Ordinal);
        Assert.Contains("pair 0 (from 0)", e.Message, StringComparison.Ordinal);
        Assert.Contains("pair 3 (from 0)", e.Message, StringComparison.Ordinal);
        Assert.Contains("1.25", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASelfPairMustBeAtDistanceZeroAndIsDropped()
    {
        var pairs = PairDistances.Create(["a", "a"], ["a", "b"], [0.0, 1.0]);
        Assert.Equal(1, pairs.PairCount);
        Assert.Equal(1.0, pairs.ToMatrix()[0, 1]);

        // A list exported from a full matrix starts each row with its diagonal: every later pair keeps its own value.
        var exported = PairDistances.Create(["a", "a", "a", "b", "b", "c"], ["a", "b", "c", "b", "c", "c"], [0.0, 1.0, 2.0, 0.0, 3.0, 0.0]);
        Assert.Equal(3, exported.PairCount);
        var matrix = exported.ToMatrix();
        Assert.Equal((1.0, 2.0, 3.0), (matrix[0, 1], matrix[0, 2], matrix[1, 2]));
        var e = Assert.Throws<InvalidMatrixException>(() => PairDistances.Create(["a", "b"], ["b", "b"], [1.0, 0.5]));
        Assert.Contains("'b' is paired with itself", e.Message, StringComparison.Ordinal);
        Assert.Contains("pair 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0, "negative")]
    [InlineData(double.NaN, "finite")]
    [InlineData(double.PositiveInfinity, "finite")]
    public void ADistanceMustBeFiniteAndNonNegative(double value, string expected)
    {
        var e = Assert.Throws<InvalidMatrixException>(() => PairDistances.Create(["a", "b"], ["b", "c"], [1.0, value]));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("('b', 'c') at pair 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASimilarityOutsideTheDomainIsNamed()
    {
        var e = Assert.Throws<InvalidMatrixException>(() => PairDistances.FromSimilarities(["a"], ["b"], [1.5], SimilarityTransform.Arccos));
        Assert.Contains("outside the domain [-1, 1] of the 'arccos' transform", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyNamesAndMismatchedListsAreRefused()
    {
        Assert.Throws<InvalidMatrixException>(() => PairDistances.Create(["a", " "], ["b", "c"], [1.0, 1.0]));
        Assert.Throws<InvalidMatrixException>(() => PairDistances.Create(["a"], ["b", "c"], [1.0]));
        Assert.Throws<InvalidMatrixException>(() => PairDistances.Create([], [], []));
    }
}
