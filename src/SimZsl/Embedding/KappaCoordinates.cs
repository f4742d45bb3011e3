using System.Numerics.Tensors;
using SimZsl.Geometry;

namespace SimZsl.Embedding;

/// <summary>Converts between the prototype representation (see <see cref="ClassPrototypes"/>) and the unit-curvature
/// coordinates the iterative solvers work in. Every solver works at |κ| = 1 and rescales at the boundary, because
/// for κ ≠ 0 only the product √|κ|·D matters:
/// κ = 0: the Euclidean coordinates themselves (scale 1);
/// κ &gt; 0: ambient coordinates of the unit sphere, ℝ^(d+1) (prototype / r);
/// κ &lt; 0: the space coordinates x ∈ ℝ^d of the unit hyperboloid (<see cref="LorentzModel.PoincareToSpace"/> at
/// κ = −1), x₀ = √(1 + ‖x‖²); unconstrained, which suits L-BFGS (the Poincaré ball's boundary would need a barrier).
/// The formulas themselves live in <see cref="Geometry"/>; this class only applies them at unit curvature.</summary>
internal static class KappaCoordinates
{
    // Ball points are kept at most this far (relative to 1 in |q|² = ‖p‖²/r²) inside the boundary before they are
    // lifted to the hyperboloid: a point on the boundary would be at infinite distance.
    private const double BoundaryGap = 1e-12;


    /// <summary>Number of internal columns for intrinsic dimension d.</summary>
    public static int Columns(int dimension, double curvature) => curvature > 0 ? dimension + 1 : dimension;

    /// <summary>Prototype rows → internal coordinates (row-major, a new array).</summary>
    public static double[] ToInternal(RowMatrix prototypes, double curvature)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        var x = prototypes.AsSpan().ToArray();
        int cols = prototypes.Columns;
        double r = KappaSpace.LengthScale(curvature);
        if (curvature > 0)
        {
            TensorPrimitives.Divide(x, r, x);
        }
        else if (curvature < 0)
        {
            for (int i = 0; i < prototypes.Rows; i++)
            {
                BallToHyperboloid(x.AsSpan(i * cols, cols), r);
            }
        }

        return x;
    }

    /// <summary>Internal coordinates (row-major) → prototype rows. Sphere points are normalised on the way
    /// (<see cref="SphereModel.Project"/>).</summary>
    public static RowMatrix ToPrototypes(ReadOnlySpan<double> internalCoordinates, int rows, int cols, double curvature)
    {
        var x = internalCoordinates.ToArray();
        double r = KappaSpace.LengthScale(curvature);
        for (int i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * cols, cols);
            if (curvature > 0)
            {
                SphereModel.Project(row, row, r);
            }
            else if (curvature < 0)
            {
                HyperboloidToBall(row, r);
            }
        }

        return RowMatrix.Wrap(rows, cols, x);
    }

    /// <summary>Poincaré ball of radius r → unit hyperboloid space coordinates: q = p/r, x = 2q/(1 − ‖q‖²)
    /// (<see cref="LorentzModel.PoincareToSpace"/> at κ = −1). A point on or outside the boundary is pulled just
    /// inside it (it would be at infinite distance).</summary>
    public static void BallToHyperboloid(Span<double> point, double radius)
    {
        TensorPrimitives.Divide(point, radius, point);
        double sq = TensorPrimitives.Dot<double>(point, point);
        double limit = 1 - BoundaryGap;
        if (sq >= limit)
        {
            // The same formula with ‖q‖² = limit by construction: recomputing 1 − ‖q‖² from the shrunk point
            // would leave it only ~1e-4 accurate (1e-16 of rounding on 1e-12).
            TensorPrimitives.Multiply(point, Math.Sqrt(limit / sq) * 2 / (1 - limit), point);
            return;
        }

        LorentzModel.PoincareToSpace(point, point, -1);
    }

    /// <summary>Unit hyperboloid space coordinates → Poincaré ball of radius r: p = r·x/(1 + x₀), x₀ = √(1 + ‖x‖²)
    /// (<see cref="LorentzModel.SpaceToPoincare"/> at κ = −1, scaled by r).</summary>
    public static void HyperboloidToBall(Span<double> point, double radius)
    {
        LorentzModel.SpaceToPoincare(point, point, -1);
        TensorPrimitives.Multiply(point, radius, point);
    }
}
