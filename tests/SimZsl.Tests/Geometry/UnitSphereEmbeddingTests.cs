using System.Globalization;
using SimZsl.Geometry;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Tests.Geometry;

/// <summary>Real data through the sphere model: Barz &amp; Denzler's 200-d unit-sphere embedding of the CUB
/// hierarchy, taken to stereographic coordinates, must keep the geodesic distances arccos(S) of the shipped
/// hierarchy similarity S = E·Eᵀ.</summary>
public class UnitSphereEmbeddingTests
{
    [Fact]
    public void StereographicDistancesOfTheCubEmbeddingAreTheArccosOfItsSimilarity()
    {
        var (labels, ambient) = ReadEmbedding(RepositoryPaths.Data("Hierarchies", "CUB", "cub_flat.unitsphere_embedding.csv"));
        var similarity = ClassMatrixFile.ReadSimilarityCsv(RepositoryPaths.Data("Hierarchies", "CUB", "cub_flat.hierarchy_similarity.csv"));
        Assert.Equal(200, ambient.Columns);

        var sphere = KappaSpace.Sphere(1);
        var points = sphere.FromPrototypeRepresentation(ambient);
        Assert.Equal(199, points.Columns);
        for (int a = 0; a < labels.Length; a++)
        {
            for (int b = a + 1; b < labels.Length; b++)
            {
                // Compare cosines: arccos is ill-conditioned near 1, the cosine of the distance is not.
                double s = similarity[labels[a], labels[b]];
                Assert.Equal(s, Math.Cos(sphere.Distance(points.Row(a), points.Row(b))), 12);
            }
        }

        // Back to ambient coordinates without loss.
        var back = sphere.ToPrototypeRepresentation(points);
        for (int k = 0; k < back.AsSpan().Length; k++)
        {
            Assert.Equal(ambient.AsSpan()[k], back.AsSpan()[k], 12);
        }
    }

    // Columns: label, name, d0 … d199 (the name column is text, so the numeric table reader does not apply).
    private static (string[] Labels, RowMatrix Ambient) ReadEmbedding(string path)
    {
        var lines = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToArray();
        var labels = new string[lines.Length];
        var rows = new double[lines.Length][];
        for (int i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            labels[i] = cells[0];
            rows[i] = cells.Skip(2).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        }

        return (labels, RowMatrix.FromRows(rows));
    }
}
