using SimZsl.Embedding;
using SimZsl.Similarity;

namespace SimZsl.Tests.Missing;

public class MissingInputErrorTests
{
    private static readonly string[] Names = ["ant", "bee", "cat", "dog", "eel", "fox"];

    [Fact]
    public void AllMissingRowNamesTheClass()
    {
        var d = Matrix((i, j) => i != 2 && j != 2);
        var e = Assert.Throws<SimZslException>(() => new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = 0 }).Fit(d));
        Assert.Contains("'cat'", e.Message);
        Assert.Contains("no observed distance", e.Message);
    }

    [Fact]
    public void DisconnectedMaskIsRefusedWithComponentSizes()
    {
        // {ant, bee, cat, dog} and {eel, fox} never meet.
        var d = Matrix((i, j) => (i < 4) == (j < 4));
        var e = Assert.Throws<SimZslException>(() => new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = -1 }).Fit(d));
        Assert.Contains("2 disconnected groups of sizes 4, 2", e.Message);
        Assert.Contains("'eel'", e.Message);
    }

    [Fact]
    public void UnknownLandmarkNamesAreListed()
    {
        var d = Matrix((_, _) => true);
        var e = Assert.Throws<SimZslException>(() => new LandmarkMds(new KappaMdsOptions { Dimension = 2, Curvature = 0 }).Fit(d, ["ant", "gnu", "bee", "Cat"]));
        Assert.Contains("'gnu'", e.Message);
        Assert.Contains("'Cat'", e.Message);
        Assert.DoesNotContain("'ant'", e.Message.Split("e.g.")[0]);
    }

    [Fact]
    public void FewerLandmarksThanDimensionPlusOneIsRefused()
    {
        var d = Matrix((_, _) => true);
        var e = Assert.Throws<SimZslException>(() => new LandmarkMds(new KappaMdsOptions { Dimension = 3, Curvature = 1 }).Fit(d, ["ant", "bee", "cat"]));
        Assert.Contains("at least d + 1 = 4", e.Message);
        Assert.Throws<SimZslException>(() => new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = 0, LandmarkCount = 2 }).Fit(d));
    }

    [Fact]
    public void LandmarkBlockWithAMissingPairAndPlacementWithAMissingDistanceAreRefused()
    {
        var d = Matrix((i, j) => !((i == 0 && j == 1) || (i == 1 && j == 0)));
        var block = Assert.Throws<SimZslException>(() => new LandmarkMds(new KappaMdsOptions { Dimension = 1, Curvature = 0 }).Fit(d, ["ant", "bee", "cat"]));
        Assert.Contains("'ant' and 'bee'", block.Message);
        var place = Assert.Throws<InvalidMatrixException>(() => new LandmarkMds(new KappaMdsOptions { Dimension = 1, Curvature = 0 }).Fit(d, ["bee", "cat"]));
        Assert.Contains("'ant' to landmark 'bee'", place.Message);
    }

    [Fact]
    public void LandmarkMdsNeedsACurvature()
    {
        var d = Matrix((_, _) => true);
        Assert.Throws<ArgumentException>(() => new LandmarkMds(new KappaMdsOptions { Dimension = 1 }).Fit(d, ["ant", "bee"]));
    }

    private static DistanceMatrix Matrix(Func<int, int, bool> observed)
    {
        var points = ExactData.Points(Names.Length, 2, 0, seed: 41);
        int n = Names.Length;
        var values = new double[n * n];
        var mask = new bool[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                mask[(i * n) + j] = i == j || observed(i, j);
                values[(i * n) + j] = mask[(i * n) + j] ? points.Distance(i, j) : double.NaN;
                if (i == j)
                {
                    values[(i * n) + j] = 0;
                }
            }
        }

        return DistanceMatrix.Create(Names, values, mask);
    }
}
