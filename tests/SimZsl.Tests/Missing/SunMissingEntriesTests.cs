using System.Diagnostics;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;
using Xunit.Abstractions;

namespace SimZsl.Tests.Missing;

/// <summary>Real data: the 717 SUN scene classes, cosine similarity of their 102 class attribute vectors
/// (xlsa17 att_splits.mat `att`, exported to tests/data/sun/sun_class_attributes.csv), arccos distances, embedded on
/// the sphere (κ = 1, d = 8) from the complete matrix and from the same matrix with half the pairs missing.</summary>
public class SunMissingEntriesTests(ITestOutputHelper output)
{
    [Fact]
    public void HalfMissingSunEmbeddingKeepsTheCompleteEmbeddingsNeighbours()
    {
        var table = CsvMatrixFile.ReadTable(Path.Combine(AppContext.BaseDirectory, "data", "sun", "sun_class_attributes.csv"));
        var distances = SimilarityMatrix.FromVectors(table.RowNames, table.Values).ToDistances(SimilarityTransform.Arccos);
        Assert.Equal(717, distances.Count);
        var options = new KappaMdsOptions { Dimension = 8, Curvature = 1, Refine = true, MaxIterations = 60, Tolerance = 1e-5 };

        var clock = Stopwatch.StartNew();
        var complete = new KappaMds(options).Fit(distances);
        double completeSeconds = clock.Elapsed.TotalSeconds;
        var half = ExactData.WithMissing(distances, 0.5, seed: 61);
        clock.Restart();
        var missing = new KappaMds(options).Fit(half);
        double missingSeconds = clock.Elapsed.TotalSeconds;

        // Quality of the half-missing embedding on ALL pairs of the original matrix, and its neighbour ranking
        // against the complete-matrix embedding's own distances.
        var completeQuality = complete.MeasureQuality(distances);
        var missingQuality = missing.MeasureQuality(half);
        var onAll = missing.MeasureQuality(distances);
        var againstComplete = missing.MeasureQuality(complete.Distances());
        output.WriteLine($"complete: stress {completeQuality.Stress:G5}, normalized {completeQuality.NormalizedStress:G4}, MAP {completeQuality.MeanAveragePrecision:F4}, {complete.Iterations} it, {completeSeconds:F1} s");
        output.WriteLine($"50 % missing ({missing.MissingPairs} pairs): observed-pair stress {missingQuality.Stress:G5}, normalized {missingQuality.NormalizedStress:G4}, {missing.Iterations} it, converged {missing.Converged}, {missingSeconds:F1} s");
        output.WriteLine($"  on all pairs: stress {onAll.Stress:G5}, normalized {onAll.NormalizedStress:G4}, MAP vs D {onAll.MeanAveragePrecision:F4}");
        output.WriteLine($"  neighbour MAP against the complete-matrix embedding: {againstComplete.MeanAveragePrecision:F4}");

        Assert.Equal(distances.Count * 716 / 4, missing.MissingPairs, 2000.0);
        Assert.True(onAll.NormalizedStress < 1.5 * completeQuality.NormalizedStress, "missing half the pairs may cost at most 50 % more normalized stress on all pairs");
        Assert.True(againstComplete.MeanAveragePrecision > 0.5);
    }
}
