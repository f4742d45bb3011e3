namespace SimZsl.Geometry;

/// <summary>Conversions between <see cref="KappaSpace"/> coordinates and the prototype representation of
/// <see cref="Embedding.ClassPrototypes"/> and the CLI's COORDS.csv. They take the coordinate matrix, not the
/// prototypes object, so that Geometry does not depend on Embedding (which sits above it).</summary>
public sealed partial record KappaSpace
{
    /// <summary>Turns prototype coordinates into this space's stereographic coordinates, keeping every geodesic
    /// distance: κ &gt; 0, ambient points of the sphere of radius 1/√κ in ℝ^(d+1) → ℝ^d (<see cref="SphereModel"/>);
    /// κ &lt; 0, the Poincaré ball, already stereographic (copied); κ = 0, Euclidean points, halved.</summary>
    /// <remarks>The halving at κ = 0 is because the κ = 0 member of this family measures 2‖x − y‖ (see
    /// <see cref="KappaSpace"/>), while Euclidean prototypes are measured with ‖x − y‖.</remarks>
    public RowMatrix FromPrototypeRepresentation(RowMatrix coordinates)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        return Curvature switch
        {
            > 0 => SphereModel.ToStereographic(coordinates, Curvature),
            < 0 => Scaled(coordinates, 1),
            _ => Scaled(coordinates, 0.5),
        };
    }

    /// <summary>The inverse of <see cref="FromPrototypeRepresentation"/>: stereographic points (d columns) to the
    /// prototype representation (d + 1 ambient columns for κ &gt; 0, the ball for κ &lt; 0, doubled Euclidean
    /// coordinates for κ = 0).</summary>
    public RowMatrix ToPrototypeRepresentation(RowMatrix points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Curvature switch
        {
            > 0 => SphereModel.FromStereographic(points, Curvature),
            < 0 => Scaled(points, 1),
            _ => Scaled(points, 2),
        };
    }

    private static RowMatrix Scaled(RowMatrix matrix, double factor)
    {
        var data = matrix.AsSpan().ToArray();
        System.Numerics.Tensors.TensorPrimitives.Multiply(data, factor, data);
        return RowMatrix.Wrap(matrix.Rows, matrix.Columns, data);
    }
}
