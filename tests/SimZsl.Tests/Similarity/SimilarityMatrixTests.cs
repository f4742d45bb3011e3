using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Tests.Similarity;

public class SimilarityMatrixTests
{
    [Fact]
    public void ReadsWordNetCsvWithNamesAndValues()
    {
        var s = ClassMatrixFile.ReadSimilarityCsv(RepositoryPaths.Data("WordNet", "FashionMNIST_wup.csv"));
        Assert.Equal(10, s.Count);
        Assert.Equal("T-shirt/top", s.ClassNames[0]);
        Assert.Equal(0.8571428571428571, s[0, 1], 15);
        Assert.True(s.IsComplete);
    }

    [Fact]
    public void ArccosTransformGivesHandComputedDistances()
    {
        var s = SimilarityMatrix.Create(["a", "b", "c"], new double[,] { { 1, 0.5, 0 }, { 0.5, 1, -1 }, { 0, -1, 1 } });
        var d = s.ToDistances(SimilarityTransform.Arccos);
        Assert.Equal(Math.PI / 3, d[0, 1], 12);
        Assert.Equal(Math.PI / 2, d[0, 2], 12);
        Assert.Equal(Math.PI, d[1, 2], 12);
        Assert.Equal(0, d[1, 1]);
    }

    [Theory]
    [InlineData(SimilarityTransform.Chord, 0.5, 1.0)]
    [InlineData(SimilarityTransform.OneMinus, 0.25, 0.75)]
    [InlineData(SimilarityTransform.NegLog, 0.5, 0.6931471805599453)]
    [InlineData(SimilarityTransform.None, 2.5, 2.5)]
    public void TransformsMatchTheirFormulas(SimilarityTransform transform, double s, double expected) =>
        Assert.Equal(expected, transform.Apply(s, 1e-6), 12);

    [Fact]
    public void AsymmetryNamesTheWorstPair()
    {
        var e = Assert.Throws<InvalidMatrixException>(() =>
            SimilarityMatrix.Create(["a", "b", "c"], new double[,] { { 1, 0.5, 0.1 }, { 0.5, 1, 0.2 }, { 0.4, 0.2, 1 } }));
        Assert.Equal(0, e.Row);
        Assert.Equal(2, e.Column);
        Assert.Contains("'a', 'c'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfDomainSimilarityIsReportedWithItsPlace()
    {
        var s = SimilarityMatrix.Create(["a", "b"], new double[,] { { 1, 1.5 }, { 1.5, 1 } });
        var e = Assert.Throws<InvalidMatrixException>(() => s.ToDistances(SimilarityTransform.Arccos));
        Assert.Equal((0, 1), (e.Row, e.Column));
        Assert.Contains("domain", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNWithoutMaskIsAnErrorAndEmptyCsvCellIsMissing()
    {
        Assert.Throws<InvalidMatrixException>(() => SimilarityMatrix.Create(["a", "b"], new double[,] { { 1, double.NaN }, { double.NaN, 1 } }));
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "class,a,b,c\na,1,,0.5\nb,,1,0.2\nc,0.5,0.2,1\n");
        var s = ClassMatrixFile.ReadSimilarityCsv(path);
        Assert.False(s.IsObserved(0, 1));
        Assert.Equal(1, s.MissingPairCount);
        Assert.True(double.IsNaN(s[1, 0]));
        File.Delete(path);
    }

    [Fact]
    public void MalformedCsvLineIsReportedWithItsLineNumber()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "class,a,b\na,1,0.5\nb,0.5,x\n");
        var e = Assert.Throws<DataFormatException>(() => ClassMatrixFile.ReadSimilarityCsv(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
        File.WriteAllText(path, "");
        Assert.Throws<DataFormatException>(() => ClassMatrixFile.ReadSimilarityCsv(path));
        File.WriteAllText(path, "class,a,b\na,1,0.5\nb,0.5\n");
        Assert.Equal(3, Assert.Throws<DataFormatException>(() => ClassMatrixFile.ReadSimilarityCsv(path)).Line);
        File.Delete(path);
    }

    [Fact]
    public void UnknownClassNameSuggestsNearNames()
    {
        var s = ClassMatrixFile.ReadSimilarityCsv(RepositoryPaths.Data("WordNet", "FashionMNIST_wup.csv"));
        var e = Assert.Throws<SimZslException>(() => s.IndexOf("Sandals"));
        Assert.Contains("'Sandal'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NpyRoundTripKeepsValues()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".npy");
        var m = RowMatrix.FromArray(new double[,] { { 1, 0.25 }, { 0.25, 1 } });
        SimZsl.IO.NpyFile.Write(path, m);
        var s = ClassMatrixFile.ReadSimilarityNpy(path);
        Assert.Equal(["0", "1"], s.ClassNames);
        Assert.Equal(0.25, s[1, 0]);
        File.Delete(path);
    }
}
