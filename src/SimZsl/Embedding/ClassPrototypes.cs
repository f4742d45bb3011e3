using SimZsl.Geometry;

namespace SimZsl.Embedding;

/// <summary>One prototype per class on the κ-manifold, in the representation the CLI writes:
/// κ = 0: d columns, Euclidean; κ &gt; 0: d + 1 columns, points on the sphere of radius 1/√κ in ℝ^(d+1);
/// κ &lt; 0: d columns, the Poincaré ball of curvature κ (radius 1/√|κ|).</summary>
/// <param name="ClassNames">Class names, one per row of <paramref name="Coordinates"/>.</param>
/// <param name="Coordinates">One row per class.</param>
/// <param name="Curvature">The curvature κ of the space the prototypes live in.</param>
public sealed record ClassPrototypes(IReadOnlyList<string> ClassNames, RowMatrix Coordinates, double Curvature)
{
    /// <summary>The intrinsic dimension d (the sphere's ambient coordinates have one more).</summary>
    public int Dimension => Curvature > 0 ? Coordinates.Columns - 1 : Coordinates.Columns;

    /// <summary>The geometry of the prototypes.</summary>
    public Manifold Geometry => ManifoldExtensions.FromCurvature(Curvature);

    /// <summary>Geodesic distance between the prototypes of classes i and j.</summary>
    public double Distance(int i, int j) => PairwiseDistances.Distance(Coordinates.Row(i), Coordinates.Row(j), Curvature);

    /// <summary>The same prototypes with the rows put in the order of <paramref name="classNames"/> (the same classes):
    /// row r goes to <paramref name="indexOf"/>(its name).</summary>
    internal ClassPrototypes Reordered(IReadOnlyList<string> classNames, Func<string, int> indexOf)
    {
        int cols = Coordinates.Columns;
        var order = new double[Coordinates.Rows * cols];
        for (int row = 0; row < Coordinates.Rows; row++)
        {
            Coordinates.Row(row).CopyTo(order.AsSpan(indexOf(ClassNames[row]) * cols, cols));
        }

        return this with { ClassNames = classNames, Coordinates = RowMatrix.Wrap(Coordinates.Rows, cols, order) };
    }

    /// <summary>Row index of a class by name.</summary>
    public int IndexOf(string className)
    {
        for (int i = 0; i < ClassNames.Count; i++)
        {
            if (string.Equals(ClassNames[i], className, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new SimZslException($"Unknown class name '{className}'; the prototypes cover {ClassNames.Count} classes, e.g. {string.Join(", ", ClassNames.Take(3).Select(c => $"'{c}'"))}.");
    }
}
