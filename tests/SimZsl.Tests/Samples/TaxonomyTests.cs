using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

/// <summary>The shipped taxonomies the samples embed: CUB's Wikispecies tree and FishNet's families.</summary>
public class TaxonomyTests
{
    [Fact]
    public void CubHasItsTwoHundredSpeciesAsLeavesWithGenusAndFamilyPaths()
    {
        var cub = Taxonomy.Cub();
        Assert.Equal(200, cub.Leaves.Length);
        Assert.Equal("Phoebastria nigripes", cub.DisplayNames[0]);
        var paths = cub.Tree.PathDistances(cub.Leaves);
        Assert.Equal(2, paths["1", "2"]);   // two Phoebastria albatrosses: up to the genus and down
        Assert.Equal(4, paths["1", "3"]);   // Phoebetria, another genus of the same family
        Assert.True(paths.MaxDistance > paths["1", "3"]);
        Assert.Equal(cub.Groups["Phoebastria nigripes"], cub.Groups["Phoebetria fusca"]);   // same order
        Assert.NotEqual(cub.Groups["Phoebastria nigripes"], cub.Groups["Crotophaga sulcirostris"]);   // an albatross and a cuckoo
    }

    [Fact]
    public void FishNetHasItsFamiliesUnderOrdersUnderClasses()
    {
        var fishNet = Taxonomy.FishNet();
        Assert.Equal(463, fishNet.Leaves.Length);
        Assert.Equal(3, fishNet.Tree.Height);   // Pisces → class → order → family
        Assert.Equal(6, fishNet.Tree.PathDistances(fishNet.Leaves).MaxDistance);   // families in different classes
    }

    [Fact]
    public void TheTreeCurvatureKeepsTheLongestPathWellInsideTheSphere()
    {
        Assert.Equal(-0.5, Taxonomy.Curvature(-1, 12));
        Assert.Equal(0, Taxonomy.Curvature(0, 12));
        double kappa = Taxonomy.Curvature(1, 12);
        Assert.Equal(2, 12 * Math.Sqrt(kappa), 12);   // an arc of 2 radians, under a third of a great circle
    }
}
