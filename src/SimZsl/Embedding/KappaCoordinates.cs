namespace SimZsl.Embedding;

/// <summary>Converts between the prototype representation (see <see cref="ClassPrototypes"/>) and the unit-curvature
/// coordinates the iterative solvers work in. Every solver works at |κ| = 1 and rescales at the boundary, because
/// for κ ≠ 0 only the product √|κ|·D matters:
/// κ = 0: the Euclidean coordinates themselves (scale 1);
/// κ &gt; 0: ambient coordinates of the unit sphere, ℝ^(d+1) (prototype / r);
/// κ &lt; 0: reduced hyperboloid coordinates x ∈ ℝ^d of the unit hyperboloid, x₀ = √(1 + ‖x‖²); unconstrained,
/// which suits L-BFGS (the Poincaré ball's boundary would need a barrier).</summary>
internal static class KappaCoordinates
{
    /// <summary>The radius r = 1/√|κ| by which unit-curvature distances are multiplied (1 for κ = 0).</summary>
    public static double Radius(double curvature) => curvature == 0 ? 1 : 1 / Math.Sqrt(Math.Abs(curvature));

    /// <summary>Number of internal columns for intrinsic dimension d.</summary>
    public static int Columns(int dimension, double curvature) => curvature > 0 ? dimension + 1 : dimension;

    /// <summary>Prototype rows → internal coordinates (row-major, a new array).</summary>
    public static double[] ToInternal(RowMatrix prototypes, double curvature)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        var x = prototypes.AsSpan().ToArray();
        int cols = prototypes.Columns;
        double r = Radius(curvature);
        if (curvature > 0)
        {
            for (int k = 0; k < x.Length; k++)
            {
                x[k] /= r;
            }
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

    /// <summary>Internal coordinates (row-major) → prototype rows. Sphere points are normalised on the way.</summary>
    public static RowMatrix ToPrototypes(ReadOnlySpan<double> internalCoordinates, int rows, int cols, double curvature)
    {
        var x = internalCoordinates.ToArray();
        double r = Radius(curvature);
        for (int i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * cols, cols);
            if (curvature > 0)
            {
                double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<double>(row, row));
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, norm > 0 ? r / norm : 0, row);
                if (norm == 0)
                {
                    row[0] = r;
                }
            }
            else if (curvature < 0)
            {
                HyperboloidToBall(row, r);
            }
        }

        return RowMatrix.Wrap(rows, cols, x);
    }

    /// <summary>Poincaré ball of radius r → reduced unit hyperboloid: q = p/r, x = 2q/(1 − ‖q‖²). A point on or
    /// outside the boundary is pulled just inside it (it would be at infinite distance).</summary>
    public static void BallToHyperboloid(Span<double> point, double radius)
    {
        double sq = 0;
        foreach (double v in point)
        {
            sq += v * v / (radius * radius);
        }

        double shrink = sq >= 1 - 1e-12 ? Math.Sqrt((1 - 1e-12) / sq) : 1;
        sq = Math.Min(sq, 1 - 1e-12);
        double factor = 2 * shrink / (radius * (1 - sq));
        for (int k = 0; k < point.Length; k++)
        {
            point[k] *= factor;
        }
    }

    /// <summary>Reduced unit hyperboloid → Poincaré ball of radius r: p = r·x/(1 + x₀), x₀ = √(1 + ‖x‖²).</summary>
    public static void HyperboloidToBall(Span<double> point, double radius)
    {
        double sq = 0;
        foreach (double v in point)
        {
            sq += v * v;
        }

        double factor = radius / (1 + Math.Sqrt(1 + sq));
        for (int k = 0; k < point.Length; k++)
        {
            point[k] *= factor;
        }
    }
}
