using SimZsl.Embedding;
using SimZsl.Similarity;
using Xunit.Abstractions;

namespace SimZsl.Tests.Missing;

public class MultiSourceSimilarityTests(ITestOutputHelper output)
{
    // 90 points in 3-d: source "a" = 0..39, source "b" = 40..89 (its distances in other units, × 3.7);
    // the cross block is in the true units, with 40 % of its entries missing.
    private static (MultiSourceSimilarity Builder, DistanceMatrix Truth) TwoSources(double crossMissing = 0.4, int seed = 51)
    {
        var points = ExactData.Points(90, 3, 0, seed: seed);
        var truth = ExactData.Distances(points);
        var a = Enumerable.Range(0, 40).ToArray();
        var b = Enumerable.Range(40, 50).ToArray();
        var sourceA = SimilarityMatrix.Create(a.Select(i => truth.ClassNames[i]).ToArray(), Block(truth, a, a, 1));
        var sourceB = SimilarityMatrix.Create(b.Select(i => truth.ClassNames[i]).ToArray(), Block(truth, b, b, 3.7));
        var random = new Random(seed);
        var cross = Block(truth, a, b, 1);
        var mask = new bool[a.Length, b.Length];
        for (int i = 0; i < a.Length; i++)
        {
            for (int j = 0; j < b.Length; j++)
            {
                mask[i, j] = random.NextDouble() >= crossMissing;
            }
        }

        var builder = new MultiSourceSimilarity()
            .AddSource("a", sourceA)
            .AddSource("b", sourceB)
            .AddCrossBlock(sourceA.ClassNames, sourceB.ClassNames, cross, mask);
        return (builder, truth);
    }

    [Fact]
    public void CrossConsistencyRecoversEachSourcesScale()
    {
        var (builder, truth) = TwoSources();
        var joined = builder.ToDistances(SimilarityTransform.None);
        output.WriteLine($"scales: a {joined.SourceScales["a"]:G4}, b {joined.SourceScales["b"]:G4} (truth 1 and {1 / 3.7:G4})");
        Assert.InRange(joined.SourceScales["a"], 0.95, 1.0 + 1e-12);
        Assert.InRange(joined.SourceScales["b"] * 3.7, 0.95, 1.0 + 1e-12);
        Assert.Equal(1, joined.CrossScale);
        Assert.Equal(truth.ClassNames, joined.Distances.ClassNames);
        Assert.Equal("b", joined.SourceOfClass[45]);

        // The union embeds: the missing cross pairs are imputed for the strain step and left out of the stress.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = 0 }).Fit(joined.Distances);
        output.WriteLine($"fit {clock.ElapsedMilliseconds} ms, {result.Iterations} iterations, converged {result.Converged}");
        double error = ExactData.MedianRelativeError(result.Prototypes, truth);
        output.WriteLine($"missing pairs {result.MissingPairs}, median relative error over all pairs {error:G3}");
        Assert.True(result.MissingPairs > 700);
        Assert.True(error < 0.05, $"median relative error {error:G3}");
    }

    [Fact]
    public void MedianNormalizeGivesEveryBlockMedianOne()
    {
        var (builder, _) = TwoSources();
        var joined = builder.ToDistances(SimilarityTransform.None, SourceCalibration.MedianNormalize);
        var d = joined.Distances;
        double Median(Func<int, int, bool> inBlock)
        {
            var values = new List<double>();
            for (int i = 0; i < d.Count; i++)
            {
                for (int j = i + 1; j < d.Count; j++)
                {
                    if (d.IsObserved(i, j) && inBlock(i, j))
                    {
                        values.Add(d[i, j]);
                    }
                }
            }

            values.Sort();
            return values.Count % 2 == 1 ? values[values.Count / 2] : 0.5 * (values[(values.Count / 2) - 1] + values[values.Count / 2]);
        }

        Assert.Equal(1, Median((i, j) => i < 40 && j < 40), 12);
        Assert.Equal(1, Median((i, j) => i >= 40 && j >= 40), 12);
        Assert.Equal(1, Median((i, j) => (i < 40) != (j < 40)), 12);
        Assert.Equal(1, builder.ToDistances(SimilarityTransform.None, SourceCalibration.None).SourceScales["b"]);
    }

    [Fact]
    public void RawUnionKeepsValuesAndMask()
    {
        var s1 = SimilarityMatrix.Create(["x", "y"], new double[,] { { 1, 0.5 }, { 0.5, 1 } });
        var s2 = SimilarityMatrix.Create(["z"], new double[,] { { 1 } });
        var union = new MultiSourceSimilarity().AddSource("one", s1).AddSource("two", s2)
            .AddCrossBlock(["z"], ["x", "y"], new double[,] { { 0.25, double.NaN } })
            .ToSimilarityMatrix();
        Assert.Equal(["x", "y", "z"], union.ClassNames);
        Assert.Equal(0.25, union["x", "z"]);
        Assert.Equal(0.5, union["x", "y"]);
        Assert.False(union.IsObserved(1, 2));
        Assert.Equal(1, union.MissingPairCount);
    }

    [Fact]
    public void CollidingClassNamesAreRefusedNamingClassAndSource()
    {
        var s1 = SimilarityMatrix.Create(["owl", "cat"], new double[,] { { 1, 0.5 }, { 0.5, 1 } });
        var s2 = SimilarityMatrix.Create(["dog", "cat"], new double[,] { { 1, 0.2 }, { 0.2, 1 } });
        var builder = new MultiSourceSimilarity().AddSource("birds", s1);
        var e = Assert.Throws<SimZslException>(() => builder.AddSource("pets", s2));
        Assert.Contains("'cat' (in 'birds')", e.Message);
        Assert.Equal(["birds"], builder.Sources); // nothing half-added
        Assert.Throws<SimZslException>(() => builder.AddSource("birds", SimilarityMatrix.Create(["emu"], new double[,] { { 1 } })));
    }

    [Fact]
    public void BadCrossBlocksAreRefused()
    {
        var s1 = SimilarityMatrix.Create(["owl", "emu"], new double[,] { { 1, 0.5 }, { 0.5, 1 } });
        var s2 = SimilarityMatrix.Create(["dog"], new double[,] { { 1 } });
        var builder = new MultiSourceSimilarity().AddSource("birds", s1).AddSource("pets", s2);
        Assert.Contains("both in source 'birds'", Assert.Throws<SimZslException>(() => builder.AddCrossBlock(["owl"], ["emu"], new double[,] { { 0.1 } })).Message);
        Assert.Contains("'gnu'", Assert.Throws<SimZslException>(() => builder.AddCrossBlock(["gnu"], ["dog"], new double[,] { { 0.1 } })).Message);
        builder.AddCrossBlock(["owl"], ["dog"], new double[,] { { 0.1 } });
        Assert.Contains("given twice", Assert.Throws<SimZslException>(() => builder.AddCrossBlock(["dog"], ["owl"], new double[,] { { 0.3 } })).Message);
    }

    [Fact]
    public void SourcesWithoutCrossBlocksCannotBeEmbeddedTogether()
    {
        var (_, truth) = TwoSources();
        var a = SimilarityMatrix.Create(truth.ClassNames.Take(40).ToArray(), Block(truth, Enumerable.Range(0, 40).ToArray(), Enumerable.Range(0, 40).ToArray(), 1));
        var b = SimilarityMatrix.Create(truth.ClassNames.Skip(40).ToArray(), Block(truth, Enumerable.Range(40, 50).ToArray(), Enumerable.Range(40, 50).ToArray(), 1));
        var joined = new MultiSourceSimilarity().AddSource("a", a).AddSource("b", b).ToDistances(SimilarityTransform.None);
        var e = Assert.Throws<SimZslException>(() => new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = 0 }).Fit(joined.Distances));
        Assert.Contains("sizes 50, 40", e.Message);
    }

    private static double[,] Block(DistanceMatrix d, int[] rows, int[] columns, double scale)
    {
        var block = new double[rows.Length, columns.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < columns.Length; j++)
            {
                block[i, j] = d[rows[i], columns[j]] * scale;
            }
        }

        return block;
    }
}
