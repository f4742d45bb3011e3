using SimZsl.Similarity;

namespace SimZsl.Tests.Similarity;

/// <summary>Renaming keeps every value and every missing pair, refuses names that do not identify the classes, and
/// leaves the original as it was.</summary>
public class WithClassNamesTests
{
    private static readonly double[,] Values = { { 1, 0.5, 0.2 }, { 0.5, 1, 0.9 }, { 0.2, 0.9, 1 } };
    private static readonly bool[,] Observed = { { true, true, false }, { true, true, true }, { false, true, true } };

    [Fact]
    public void SimilaritiesAndMissingPairsStayWithTheirClasses()
    {
        var s = SimilarityMatrix.Create(["a", "b", "c"], Values, Observed);
        var renamed = s.WithClassNames(["x:a", "x:b", "x:c"]);
        Assert.Equal(["x:a", "x:b", "x:c"], renamed.ClassNames);
        Assert.Equal(0.9, renamed["x:b", "x:c"]);
        Assert.False(renamed.IsObserved(0, 2));
        Assert.Equal(1, renamed.MissingPairCount);
        Assert.Equal(["a", "b", "c"], s.ClassNames);
        Assert.Equal(0.5, s["a", "b"]);

        var d = s.ToDistances(SimilarityTransform.OneMinus).WithClassNames(["p", "q", "r"]);
        Assert.Equal(0.5, d["p", "q"], 15);
        Assert.False(d.IsObserved(d.IndexOf("p"), d.IndexOf("r")));
    }

    [Fact]
    public void NamesThatDoNotIdentifyTheClassesAreRefused()
    {
        var s = SimilarityMatrix.Create(["a", "b", "c"], Values);
        Assert.Throws<InvalidMatrixException>(() => s.WithClassNames(["a", "a", "c"]));
        Assert.Throws<InvalidMatrixException>(() => s.WithClassNames(["a", "b"]));
        Assert.Throws<InvalidMatrixException>(() => s.WithClassNames(["a", " ", "c"]));
    }
}
