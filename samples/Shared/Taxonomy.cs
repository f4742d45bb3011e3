using System.Globalization;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Samples.Shared;

/// <summary>A taxonomy whose leaves are the classes: the tree, the class (leaf) node names in order, a display name
/// per class and the group (order) each class belongs to, for colouring plots.</summary>
internal sealed record Taxonomy(string Name, TaxonomyTree Tree, string[] Leaves, string[] DisplayNames, Dictionary<string, string> Groups)
{
    /// <summary>The 200 CUB species in the Wikispecies taxonomy (Aves → ordo → … → genus → species, numeric node
    /// labels; names from classes_wikispecies-hierarchy.txt). The classes are the leaves 1 … 200.</summary>
    public static Taxonomy Cub()
    {
        var tree = TaxonomyFile.ReadTree(SampleOptions.Data("Hierarchies", "CUB", "cub_wikispecies.parent-child.txt"));
        var names = File.ReadLines(SampleOptions.Data("Hierarchies", "CUB", "classes_wikispecies-hierarchy.txt"))
            .Select(l => l.Split(' ', 2)).ToDictionary(p => p[0], p => p[1].Trim());
        var leaves = Enumerable.Range(1, 200).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var display = leaves.Select(l => names[l]).ToArray();
        var groups = leaves.Select((l, i) => (display[i], names[AncestorAtDepth(tree, l, 1)])).ToDictionary(p => p.Item1, p => p.Item2);
        return new Taxonomy("CUB-200 (Wikispecies taxonomy)", tree, leaves, display, groups);
    }

    /// <summary>The 463 FishNet families: Pisces → class → order → family. family → order from
    /// family_taxonomy_traits_derived.csv (the same as train_full_meta_new.csv); order → class by the majority
    /// non-empty Class_majority of its families, with the synonym Actinopteri read as Actinopterygii.</summary>
    public static Taxonomy FishNet()
    {
        var path = SampleOptions.Data("FishNet", "family_taxonomy_traits_derived.csv");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int family = Array.IndexOf(header, "Family"), order = Array.IndexOf(header, "Order"), cls = Array.IndexOf(header, "Class_majority");
        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(c => (Family: c[family], Order: c[order], Class: c[cls] == "Actinopteri" ? "Actinopterygii" : c[cls])).ToList();
        var classOfOrder = rows.GroupBy(r => r.Order).ToDictionary(g => g.Key,
            g => g.Where(r => r.Class.Length > 0).GroupBy(r => r.Class).OrderByDescending(c => c.Count()).Select(c => c.Key).FirstOrDefault() ?? "Incertae sedis");
        var edges = classOfOrder.Select(p => ("Pisces", "class " + p.Value)).Distinct()
            .Concat(classOfOrder.Select(p => ("class " + p.Value, "order " + p.Key)))
            .Concat(rows.Select(r => ("order " + r.Order, r.Family)));
        var tree = TaxonomyTree.FromEdges(edges);
        var leaves = rows.Select(r => r.Family).ToArray();
        return new Taxonomy("FishNet families (class → order → family)", tree, leaves, leaves, rows.ToDictionary(r => r.Family, r => classOfOrder[r.Order]));
    }

    /// <summary>A fixed curvature per geometry for path distances of at most <paramref name="maxDistance"/> (the automatic
    /// curvature search gives similar κ but is too slow for a sample): hyperbolic κ = −0.5; spherical
    /// κ = (2 / max path)², so that the longest path spans less than a third of a great circle; Euclidean 0.</summary>
    /// <param name="sign">The geometry: negative hyperbolic, 0 Euclidean, positive spherical.</param>
    /// <param name="maxDistance">The longest path between two classes.</param>
    public static double Curvature(int sign, double maxDistance) => sign switch { < 0 => -0.5, 0 => 0, _ => Math.Pow(2 / maxDistance, 2) };

    private static string AncestorAtDepth(TaxonomyTree tree, string node, int depth)
    {
        while (tree.Depth(node) > depth)
        {
            node = tree.Parent(node)!;
        }

        return node;
    }
}
