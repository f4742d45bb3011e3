using SimZsl.Embedding;
using SimZsl.IO;

namespace SimZsl.Tests.Embedding;

/// <summary>A strain start that puts several classes on one point (the sibling leaves of a tree, which its leading
/// eigenvectors cannot tell apart) must not stop the stress refinement: it once returned its start unchanged at
/// κ = 0 (CUB, d = 5: normalised stress 0.373 after "refinement", 0.143 before the strain step got exact).</summary>
public class CoincidentStartTests
{
    [Fact]
    public void RefinementSeparatesTheTreeLeavesThatTheStrainStartStacks()
    {
        var tree = TaxonomyFile.ReadTree(RepositoryPaths.Data("Hierarchies", "CUB", "cub_wikispecies.parent-child.txt"));
        var distances = tree.PathDistances(tree.Leaves);
        var strainOnly = new KappaMds(new KappaMdsOptions { Dimension = 5, Curvature = 0 }).Fit(distances);
        int distinct = Enumerable.Range(0, distances.Count)
            .Select(i => string.Join(',', Enumerable.Range(0, 5).Select(k => strainOnly.Prototypes.Coordinates[i, k].ToString("R", System.Globalization.CultureInfo.InvariantCulture))))
            .Distinct().Count();
        Assert.True(distinct < distances.Count, "the premise: the strain start stacks some leaves on one point");

        var refined = new KappaMds(new KappaMdsOptions { Dimension = 5, Curvature = 0, Refine = true, MaxIterations = 200 }).Fit(distances);
        double before = strainOnly.MeasureQuality(distances).NormalizedStress, after = refined.MeasureQuality(distances).NormalizedStress;
        Assert.True(refined.Iterations > 100, $"refinement stopped after {refined.Iterations} iterations");
        Assert.True(after < 0.6 * before, $"normalised stress {before:F3} → {after:F3}");
    }

    [Fact]
    public void OnlyRepeatsMoveAndByATinySeededAmount()
    {
        double[] x = [1, 2, 3, 4, 1, 2, 1, 2, 5, 6];  // five 2-D points; rows 0, 2 and 3 coincide
        double[] first = (double[])x.Clone(), second = (double[])x.Clone();
        StressRefinement.SeparateCoincident(first, 2, targetNorm: 10, seed: 3);
        StressRefinement.SeparateCoincident(second, 2, targetNorm: 10, seed: 3);
        Assert.Equal(first, second);                                   // same seed, same nudge
        Assert.Equal(x[..4], first[..4]);                              // the first of the repeats and a lone point stay
        Assert.Equal(x[8..], first[8..]);
        var rows = Enumerable.Range(0, 5).Select(i => (first[2 * i], first[(2 * i) + 1])).ToArray();
        Assert.Equal(5, rows.Distinct().Count());
        double size = 1e-6 * 10 / Math.Sqrt(10);                       // 1e-6 of the target's RMS over the 10 pairs
        for (int k = 4; k < 8; k++)
        {
            Assert.InRange(Math.Abs(first[k] - x[k]), 1e-300, size);
        }
    }
}
