using SimZsl.IO;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;

namespace SimZsl.Samples.ChallengeFidelity;

/// <summary>A class set on which the seed's claims are checked: its complete distance matrix and the fixed curvature
/// each geometry uses on it.</summary>
/// <param name="Name">As the tables and file names call it (AWA2, CUB, SUN, CUB-tree).</param>
/// <param name="Distances">The complete (true) distances between the classes.</param>
/// <param name="Curvatures">κ for each geometry, Euclidean, spherical, hyperbolic in that order.</param>
internal sealed record ClassSet(string Name, DistanceMatrix Distances, double[] Curvatures)
{
    /// <summary>The names <see cref="Load"/> knows, in the default order.</summary>
    public static readonly string[] Known = ["AWA2", "CUB", "SUN", "CUB-tree"];

    /// <summary>AWA2, CUB or SUN: the cosine similarity of the shipped xlsa17 class attribute vectors, turned into
    /// distances as the library does by default (arccos, at most π), at κ = 0, +1, −1. CUB-tree: the path distances of
    /// the CUB species in their Wikispecies taxonomy, at the curvatures Challenge I uses for trees (their longest path
    /// is far beyond the half great circle π of κ = +1).</summary>
    /// <exception cref="ArgumentException">A name not in <see cref="Known"/>.</exception>
    public static ClassSet Load(string name)
    {
        if (name == "CUB-tree")
        {
            var taxonomy = Taxonomy.Cub();
            var paths = taxonomy.Tree.PathDistances(taxonomy.Leaves);
            return new ClassSet(name, paths, [.. new[] { 0, 1, -1 }.Select(sign => Taxonomy.Curvature(sign, paths.MaxDistance))]);
        }

        if (!Known.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown class set '{name}'; give some of {string.Join(", ", Known)}.", nameof(name));
        }

        var data = Xlsa17Dataset.Load(SampleOptions.Data("xlsa17", name));
        return new ClassSet(name, SimilarityMatrix.FromVectors(data.ClassNames, data.ClassAttributes).ToDistances(), [0, 1, -1]);
    }
}
