using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Tests.Similarity;

/// <summary>An expert's table is read with <see cref="ClassMatrixFile.ReadSimilarityCsv"/>: a partial table, with only one
/// triangle filled in and some pairs left empty, must give a symmetric matrix with those pairs missing.</summary>
public class ExpertTableTests
{
    [Fact]
    public void UpperTriangleWithGapsBecomesSymmetricWithAMask()
    {
        string path = Path.Combine(Path.GetTempPath(), $"simzsl-expert-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "class,cod,haddock,salmon,trout\ncod,1,0.9,,0.2\nhaddock,,1,0.3,\nsalmon,,,1,0.8\ntrout,,,,1\n");
        try
        {
            var s = ClassMatrixFile.ReadSimilarityCsv(path);
            Assert.Equal(0.9, s["haddock", "cod"]);
            Assert.Equal(0.8, s["trout", "salmon"]);
            Assert.Equal(0.2, s["trout", "cod"]);
            Assert.False(s.IsComplete);
            Assert.Equal(2, s.MissingPairCount);                  // cod–salmon and haddock–trout
            Assert.False(s.IsObserved(0, 2));
            Assert.False(s.IsObserved(3, 1));
            Assert.True(double.IsNaN(s[2, 0]));

            var d = s.ToDistances(SimilarityTransform.OneMinus);
            Assert.Equal(0.1, d["cod", "haddock"], 12);
            Assert.False(d.IsObserved(1, 3));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
