using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Tests.Similarity;

/// <summary><see cref="TaxonomyTree"/> on the real CUB hierarchies of Barz &amp; Denzler and on FishNet's
/// family → order table, plus malformed hierarchies.</summary>
public class TaxonomyTreeTests
{
    private static TaxonomyTree Cub(string name) =>
        TaxonomyFile.ReadTree(RepositoryPaths.Data("Hierarchies", "CUB", $"cub_{name}.parent-child.txt"));

    private static SimilarityMatrix CubSimilarity(string name) =>
        ClassMatrixFile.ReadSimilarityCsv(RepositoryPaths.Data("Hierarchies", "CUB", $"cub_{name}.hierarchy_similarity.csv"));

    [Theory]
    [InlineData("flat", 4)]
    [InlineData("wikispecies", 6)]
    [InlineData("balanced", 7)]
    public void HeightSimilarityReproducesTheShippedCubMatrices(string name, int height)
    {
        // The shipped matrices are E·Eᵀ of Barz & Denzler's unit-sphere embeddings, built to equal
        // 1 − height(LCA)/height(root): the tree must reproduce every entry up to the embedding's rounding.
        var tree = Cub(name);
        var expected = CubSimilarity(name);
        Assert.Equal(height, tree.Height);
        Assert.Equal(200, tree.Leaves.Count);
        var actual = tree.HeightSimilarity(expected.ClassNames);
        double worst = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            for (int j = 0; j < expected.Count; j++)
            {
                worst = Math.Max(worst, Math.Abs(expected[i, j] - actual[i, j]));
            }
        }

        Assert.True(worst < 1e-12, $"largest |S_csv − S_tree| = {worst:G3} on the {name} hierarchy");
    }

    [Fact]
    public void DepthSimilarityEqualsHeightSimilarityOnlyWhenAllLeavesAreEquallyDeep()
    {
        // The balanced tree puts every species at depth H; only the four genus-level classes stop one level short.
        var balanced = Cub("balanced");
        var shallow = balanced.Leaves.Where(leaf => balanced.Depth(leaf) != balanced.Height).Order().ToArray();
        Assert.Equal(["103", "110", "44", "92"], shallow);
        var leaves = balanced.Leaves.Except(shallow).ToList();
        var height = balanced.HeightSimilarity(leaves).Values.ToArray();
        var depth = balanced.DepthSimilarity(leaves).Values.ToArray();
        Assert.All(height.Zip(depth), p => Assert.Equal(p.First, p.Second, 14));

        // Wikispecies leaves sit at different depths, so the two similarities disagree somewhere.
        var wiki = Cub("wikispecies");
        var byDepth = wiki.DepthSimilarity().Values.ToArray();
        var byHeight = wiki.HeightSimilarity().Values.ToArray();
        Assert.Contains(byDepth.Zip(byHeight), p => Math.Abs(p.First - p.Second) > 0.1);
    }

    [Fact]
    public void PathLengthsOnTheBalancedTreeAreTwiceTheHeightTimesTheDissimilarity()
    {
        // Leaves at depth H: path(i, j) = 2·(H − depth(LCA)) = 2·H·(1 − S_ij) with the shipped S.
        var tree = Cub("balanced");
        var all = CubSimilarity("balanced");
        var similarity = all.Subset(Enumerable.Range(0, all.Count).Where(i => tree.Depth(all.ClassNames[i]) == tree.Height).ToList());
        Assert.Equal(196, similarity.Count);
        var distances = tree.PathDistances(similarity.ClassNames);
        for (int i = 0; i < similarity.Count; i++)
        {
            for (int j = 0; j < similarity.Count; j++)
            {
                Assert.Equal(2 * tree.Height * (1 - similarity[i, j]), distances[i, j], 9);
            }
        }
    }

    [Fact]
    public void HandCheckedNodesOfTheFlatCubTree()
    {
        // Classes 1 and 2 (Phoebastria nigripes, P. immutabilis) share a genus; 3 (Phoebetria fusca) only the
        // family Diomedeidae; 1 and 44 (Fregata) meet only at the root (different orders).
        var tree = Cub("flat");
        Assert.Equal(2, tree.PathLength("1", "2"));
        Assert.Equal(4, tree.PathLength("1", "3"));
        Assert.Equal(tree.Parent("1"), tree.LowestCommonAncestor("1", "2"));
        Assert.Equal(tree.Parent(tree.Parent("1")!), tree.LowestCommonAncestor("2", "3"));
        Assert.Equal(tree.Root, tree.LowestCommonAncestor("1", "44"));
        Assert.Equal(3, tree.Depth("44"));                       // a genus-level class: one level short
        Assert.Equal(7, tree.PathLength("1", "44"));
        var s = tree.HeightSimilarity(["1", "2", "3"]);
        Assert.Equal(0.75, s[0, 1], 15);
        Assert.Equal(0.5, s[0, 2], 15);
        var d = tree.PathDistances(["1", "2", "3"]);
        Assert.Equal(0, d[1, 1]);
        Assert.Equal(4, d["3", "2"]);
    }

    [Fact]
    public void PathDistancesAreATreeMetric()
    {
        // Four-point condition: of d(a,b)+d(c,e), d(a,c)+d(b,e), d(a,e)+d(b,c) the two largest are equal.
        var d = Cub("wikispecies").PathDistances();
        var random = new Random(7);
        for (int t = 0; t < 2000; t++)
        {
            int a = random.Next(200), b = random.Next(200), c = random.Next(200), e = random.Next(200);
            var sums = new[] { d[a, b] + d[c, e], d[a, c] + d[b, e], d[a, e] + d[b, c] }.Order().ToArray();
            Assert.Equal(sums[1], sums[2]);
            Assert.True(d[a, c] <= d[a, b] + d[b, c]);
        }
    }

    [Fact]
    public void FishNetFamiliesUnderOrdersNeedACommonRoot()
    {
        string path = RepositoryPaths.Data("FishNet", "train_full_meta_new.csv");
        var e = Assert.Throws<DataFormatException>(() => TaxonomyFile.ReadTreeFromColumns(path, ["Order", "Family"]));
        Assert.Contains("83 separate trees", e.Message, StringComparison.Ordinal);
        Assert.Contains("commonRoot", e.Message, StringComparison.Ordinal);

        var tree = TaxonomyFile.ReadTreeFromColumns(path, ["Order", "Family"], commonRoot: "Pisces");
        Assert.Equal(463, tree.Leaves.Count);
        Assert.Equal("Pisces", tree.Root);
        Assert.Equal(2, tree.Height);
        Assert.Equal("Perciformes", tree.Parent("Labridae"));
        Assert.Equal(2, tree.PathLength("Labridae", "Centrarchidae"));    // both Perciformes
        Assert.Equal(4, tree.PathLength("Labridae", "Pomacentridae"));    // Ovalentaria
        var s = tree.DepthSimilarity(["Labridae", "Centrarchidae", "Pomacentridae"]);
        Assert.Equal(0.5, s[0, 1]);
        Assert.Equal(0, s[0, 2]);
    }

    [Fact]
    public void FishNetClassSynonymsAreReportedAsTwoParents()
    {
        // The derived FishNet table mixes the synonyms Actinopterygii and Actinopteri as the class of an order.
        string path = RepositoryPaths.Data("FishNet", "family_taxonomy_traits_derived.csv");
        var e = Assert.Throws<DataFormatException>(() => TaxonomyFile.ReadTreeFromColumns(path, ["Class_majority", "Order", "Family"]));
        Assert.Equal(10, e.Line);
        Assert.Contains("'Perciformes' has two parents: 'Actinopterygii' (line 2) and 'Actinopteri'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CyclesAreReportedWithTheirLines()
    {
        string path = WriteTemp("# a cycle below the root\nroot x\na b\nb c\nc a\n");
        try
        {
            var e = Assert.Throws<DataFormatException>(() => TaxonomyFile.ReadTree(path));
            Assert.Contains("cycle", e.Message, StringComparison.Ordinal);
            Assert.Contains("lines 3, 4, 5", e.Message, StringComparison.Ordinal);
            Assert.Equal(3, e.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MalformedLinesAndSelfParentsNameTheLine()
    {
        string path = WriteTemp("root a\nroot b c\n");
        try
        {
            var e = Assert.Throws<DataFormatException>(() => TaxonomyFile.ReadTree(path));
            Assert.Equal(2, e.Line);
            Assert.Contains("expected two names", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        var self = Assert.Throws<SimZslException>(() => TaxonomyTree.FromEdges([("r", "a"), ("a", "a")]));
        Assert.Contains("Edge 2", self.Message, StringComparison.Ordinal);
        var two = Assert.Throws<SimZslException>(() => TaxonomyTree.FromEdges([("r", "a"), ("s", "a")]));
        Assert.Contains("'a' has two parents: 'r' (edge 1) and 's'", two.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommaSeparatedNamesMayHoldSpacesAndChildFirstFilesAreRead()
    {
        string commas = WriteTemp("Aves, Procellariiformes\nProcellariiformes, Phoebastria nigripes\nProcellariiformes, Phoebetria fusca\n");
        string childFirst = WriteTemp("b a\nc a\n");
        try
        {
            var tree = TaxonomyFile.ReadTree(commas);
            Assert.Equal("Aves", tree.Root);
            Assert.Equal(["Phoebastria nigripes", "Phoebetria fusca"], tree.Leaves);
            Assert.Equal(2, tree.PathLength("Phoebastria nigripes", "Phoebetria fusca"));

            var reversed = TaxonomyFile.ReadTree(childFirst, childFirst: true);
            Assert.Equal("a", reversed.Root);
            Assert.Equal(["b", "c"], reversed.Leaves);
        }
        finally
        {
            File.Delete(commas);
            File.Delete(childFirst);
        }
    }

    [Fact]
    public void UnknownAndRepeatedClassesAreRejected()
    {
        var tree = Cub("flat");
        var unknown = Assert.Throws<SimZslException>(() => tree.PathDistances(["1", "Aves"]));
        Assert.Contains("'Aves'", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => tree.HeightSimilarity(["1", "2", "1"]));
        Assert.Throws<ArgumentException>(() => TaxonomyTree.FromEdges([("r", "a"), ("s", "b")], commonRoot: "a"));
    }

    private static string WriteTemp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"simzsl-taxonomy-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        return path;
    }
}
