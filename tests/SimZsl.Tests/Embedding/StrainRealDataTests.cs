using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Tests.Embedding;

/// <summary>Real data: the CUB hierarchy similarities of Barz &amp; Denzler are Gram matrices of 200 unit vectors of
/// rank 200 (the vectors beside them). Spherical κ-MDS with κ = 1 on arccos(S) in d = 199 (200 ambient
/// columns) must give unit vectors whose Gram matrix is S again.</summary>
public class StrainRealDataTests
{
    [Theory]
    [InlineData("cub_flat.hierarchy_similarity.csv")]
    [InlineData("cub_wikispecies.hierarchy_similarity.csv")]
    [InlineData("cub_balanced.hierarchy_similarity.csv")]
    public void SphericalStrainReproducesTheHierarchySimilarity(string file)
    {
        var similarity = ClassMatrixFile.ReadSimilarityCsv(RepositoryPaths.Data("Hierarchies", "CUB", file));
        int n = similarity.Count;
        var result = new KappaMds(new KappaMdsOptions { Dimension = n - 1, Curvature = 1 }).Fit(similarity.ToDistances(SimilarityTransform.Arccos));
        var quality = result.MeasureQuality(similarity.ToDistances(SimilarityTransform.Arccos));

        var y = result.Prototypes.Coordinates;
        Assert.Equal(n, y.Columns);
        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double gram = System.Numerics.Tensors.TensorPrimitives.Dot(y.Row(i), y.Row(j));
                worst = Math.Max(worst, Math.Abs(gram - similarity[i, j]));
            }
        }

        Assert.True(worst <= 1e-8, $"worst |YYᵀ − S| = {worst:E2}");
        Assert.Equal(0, result.ClippedEigenvalueMass, 12);
        Assert.Equal(1.0, quality.MeanAveragePrecision, 9);
    }

    [Fact]
    public void FewerDimensionsGiveAnApproximationWithSensibleQuality()
    {
        var similarity = ClassMatrixFile.ReadSimilarityCsv(RepositoryPaths.Data("Hierarchies", "CUB", "cub_flat.hierarchy_similarity.csv"));
        var result = new KappaMds(new KappaMdsOptions { Dimension = 16, Curvature = 1 }).Fit(similarity.ToDistances());
        var quality = result.MeasureQuality(similarity.ToDistances());

        Assert.Equal(17, result.Prototypes.Coordinates.Columns);
        Assert.InRange(quality.Strain, 0.01, 1);
        Assert.InRange(quality.NormalizedStress, 0.001, 1);
        Assert.InRange(quality.MeanAveragePrecision, 0.05, 1);
        Assert.Equal(17, result.Eigenvalues.Count);
        for (int i = 1; i < 16; i++)
        {
            Assert.True(result.Eigenvalues[i] >= result.Eigenvalues[i + 1], "kept eigenvalues descend after μ₀");
        }
    }
}
