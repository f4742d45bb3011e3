using System.Numerics.Tensors;

namespace SimZsl.Geometry;

/// <summary>Constant-curvature space of curvature κ in stereographic coordinates (geoopt's <c>Stereographic(k)</c>):
/// the Poincaré ball of radius 1/√|κ| (κ &lt; 0), the flat space (κ = 0) or the stereographic projection of
/// the sphere of radius 1/√κ (κ &gt; 0), with one set of formulas that stays smooth as κ passes through 0.</summary>
/// <remarks>The conformal factor λ_x = 2/(1 + κ‖x‖²) makes the metric λ_x² times the Euclidean one. This is the
/// convention of the Poincaré ball (hyperbolic neural networks, Ganea et al. 2018) and of geoopt: the ball has
/// radius 1/√|κ|, exactly as in the prototype representation, and as κ → 0 the distance tends to 2‖x − y‖, not
/// ‖x − y‖. The κ = 0 member (<see cref="Euclidean"/>) therefore measures 2‖x − y‖; to compare with plain Euclidean
/// coordinates, convert them with <see cref="FromPrototypeRepresentation"/> (which halves them).
/// Points are vectors of ℝ^d. For κ &gt; 0 every point of ℝ^d is a point of the sphere (the projection
/// pole is at infinity); for κ &lt; 0 points must lie inside the ball (see
/// <see cref="Project(ReadOnlySpan{double}, Span{double}, double)"/>).</remarks>
public sealed partial record KappaSpace
{
    /// <summary>Creates the space of curvature κ.</summary>
    /// <param name="curvature">κ: negative for hyperbolic, 0 for Euclidean, positive for spherical space.</param>
    public KappaSpace(double curvature)
    {
        if (!double.IsFinite(curvature))
        {
            throw new ArgumentOutOfRangeException(nameof(curvature), curvature, "The curvature must be a finite number.");
        }

        Curvature = curvature;
    }

    /// <summary>The curvature κ.</summary>
    public double Curvature { get; }

    /// <summary>Which of the three geometries κ gives.</summary>
    public Manifold Geometry => ManifoldExtensions.FromCurvature(Curvature);

    /// <summary>The radius 1/√|κ| (of the ball for κ &lt; 0, of the sphere for κ &gt; 0); ∞ for κ = 0.</summary>
    public double Radius => RadiusOf(Curvature);

    /// <summary>The radius 1/√|κ| of the space of curvature κ (of the ball for κ &lt; 0, of the sphere for
    /// κ &gt; 0); ∞ for κ = 0, where the flat space has no radius.</summary>
    public static double RadiusOf(double curvature) => curvature == 0 ? double.PositiveInfinity : 1 / Math.Sqrt(Math.Abs(curvature));

    /// <summary>The length that unit-curvature distances are multiplied by to get distances at curvature κ:
    /// the radius 1/√|κ| for κ ≠ 0 (only √|κ|·distance matters there, so solvers work at |κ| = 1 and rescale),
    /// and 1 for κ = 0 (flat space has no scale of its own, so its coordinates are used as they are).</summary>
    public static double LengthScale(double curvature) => curvature == 0 ? 1 : RadiusOf(curvature);

    /// <summary>The flat space (κ = 0), with metric 4·(Euclidean): distances are 2‖x − y‖, the κ → 0 limit of the
    /// curved members (see the remarks on <see cref="KappaSpace"/>).</summary>
    public static KappaSpace Euclidean { get; } = new(0);

    /// <summary>The sphere of radius 1/√κ.</summary>
    /// <param name="curvature">κ &gt; 0 (default 1, the unit sphere).</param>
    public static KappaSpace Sphere(double curvature = 1) => curvature > 0
        ? new KappaSpace(curvature)
        : throw new ArgumentOutOfRangeException(nameof(curvature), curvature, "A sphere needs a positive curvature.");

    /// <summary>Hyperbolic space as the Poincaré ball of radius 1/√|κ|.</summary>
    /// <param name="curvature">κ &lt; 0 (default −1, the unit ball).</param>
    public static KappaSpace Hyperbolic(double curvature = -1) => curvature < 0
        ? new KappaSpace(curvature)
        : throw new ArgumentOutOfRangeException(nameof(curvature), curvature, "Hyperbolic space needs a negative curvature.");

    /// <summary>The conformal factor λ_x = 2/(1 + κ‖x‖²): the metric at x is λ_x² times the Euclidean one.</summary>
    public double ConformalFactor(ReadOnlySpan<double> x) => 2 / Math.Max(1 + (Curvature * TensorPrimitives.Dot(x, x)), double.Epsilon);

    /// <summary>Geodesic distance d_κ(x, y) = 2 artan_κ(‖(−x) ⊕_κ y‖).</summary>
    /// <remarks>‖(−x) ⊕_κ y‖ = ‖x − y‖/√Q with Q = 1 + 2κ⟨x, y⟩ + κ²‖x‖²‖y‖² = (1 + κ‖x‖²)(1 + κ‖y‖²) − κ‖x − y‖²,
    /// which needs no intermediate vector.
    /// For κ &lt; 0 atanh(u) loses digits as u → 1 (far-apart points), so the ball uses the equivalent
    /// acosh(1 + 2|κ|‖x − y‖²/((1 − |κ|‖x‖²)(1 − |κ|‖y‖²)))/√|κ| throughout: the library's one ball formula,
    /// <see cref="PairwiseDistances.Ball"/>, which tends to 2‖x − y‖ as κ → 0⁻ like the artan form. Points on or
    /// outside the ball's boundary are treated as just inside it.</remarks>
    public double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckSameDimension(x, y);
        return DistanceFromParts(TensorPrimitives.Distance(x, y), TensorPrimitives.Dot(x, x), TensorPrimitives.Dot(y, y));
    }

    /// <summary>Geodesic distance from the origin, 2 artan_κ(‖x‖).</summary>
    public double DistanceFromOrigin(ReadOnlySpan<double> x)
    {
        double square = TensorPrimitives.Dot(x, x);
        return DistanceFromParts(Math.Sqrt(square), square, 0);
    }

    /// <summary>All n × n geodesic distances between the rows of <paramref name="points"/>, row-major.</summary>
    public double[] Distances(RowMatrix points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int n = points.Rows;
        var squares = SquaredNorms(points);
        var result = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            var x = points.Row(i);
            for (int j = i + 1; j < n; j++)
            {
                var y = points.Row(j);
                result[(i * n) + j] = result[(j * n) + i] =
                    DistanceFromParts(TensorPrimitives.Distance(x, y), squares[i], squares[j]);
            }
        }

        return result;
    }

    /// <summary>Distances from every row of <paramref name="from"/> to every row of <paramref name="to"/>, row-major
    /// (from.Rows × to.Rows): e.g. from mapped features to class prototypes.</summary>
    public double[] Distances(RowMatrix from, RowMatrix to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Columns != to.Columns)
        {
            throw new ArgumentException($"Points of different dimension ({from.Columns} and {to.Columns}).", nameof(to));
        }

        var fromSquares = SquaredNorms(from);
        var toSquares = SquaredNorms(to);
        var result = new double[from.Rows * to.Rows];
        for (int i = 0; i < from.Rows; i++)
        {
            var x = from.Row(i);
            for (int j = 0; j < to.Rows; j++)
            {
                var y = to.Row(j);
                result[(i * to.Rows) + j] = DistanceFromParts(TensorPrimitives.Distance(x, y), fromSquares[i], toSquares[j]);
            }
        }

        return result;
    }

    /// <summary>Möbius addition x ⊕_κ y = ((1 − 2κ⟨x, y⟩ − κ‖y‖²)x + (1 + κ‖x‖²)y)/(1 − 2κ⟨x, y⟩ + κ²‖x‖²‖y‖²),
    /// written into <paramref name="destination"/> (which may alias x or y).</summary>
    public void MobiusAdd(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        CheckSameDimension(x, y);
        CheckDestination(x, destination);
        double kappa = Curvature;
        double xx = 0, yy = 0, sumSquare = 0, sumDotY = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double sum = x[k] + y[k];
            xx += x[k] * x[k];
            yy += y[k] * y[k];
            sumSquare += sum * sum;
            sumDotY += sum * y[k];
        }

        // The textbook coefficients rewritten with s = x + y:
        //   1 − 2κ⟨x, y⟩ + κ²‖x‖²‖y‖² = (1 + κ‖x‖²)(1 + κ‖y‖²) − κ‖s‖²,   1 − 2κ⟨x, y⟩ − κ‖y‖² = (1 + κ‖y‖²) − 2κ⟨s, y⟩.
        // For (−x) ⊕ y with x ≈ y near the ball's boundary the textbook forms subtract numbers of size 1 to get
        // ~1e-20; these add small terms instead, which log_x(y) for close points there depends on.
        double fy = 1 + (kappa * yy);
        double denominator = ((1 + (kappa * xx)) * fy) - (kappa * sumSquare);
        double a = (fy - (2 * kappa * sumDotY)) / denominator;
        double b = (1 + (kappa * xx)) / denominator;
        for (int k = 0; k < x.Length; k++)
        {
            destination[k] = (a * x[k]) + (b * y[k]);
        }
    }

    /// <summary>Möbius addition x ⊕_κ y as a new array.</summary>
    public double[] MobiusAdd(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var result = new double[x.Length];
        MobiusAdd(x, y, result);
        return result;
    }

    /// <summary>Pulls a point back inside the ball (κ &lt; 0): a point further than (1 − margin)/√|κ| from the
    /// origin is scaled radially onto that radius. For κ ≥ 0 every point is valid and is copied unchanged.</summary>
    /// <param name="x">The point.</param>
    /// <param name="destination">Where the result goes (may alias x).</param>
    /// <param name="margin">Relative distance kept from the boundary. The default, 1e-10, keeps 1 − |κ|‖x‖²
    /// (the quantity every hyperbolic formula divides by) at about 2e-10, known to six digits in double.</param>
    public void Project(ReadOnlySpan<double> x, Span<double> destination, double margin = 1e-10)
    {
        CheckDestination(x, destination);
        if (margin is <= 0 or >= 1 || double.IsNaN(margin))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin must lie in (0, 1).");
        }

        x.CopyTo(destination);
        if (Curvature >= 0)
        {
            return;
        }

        double norm = TensorPrimitives.Norm(x);
        double limit = (1 - margin) * Radius;
        if (norm > limit)
        {
            TensorPrimitives.Multiply(destination, limit / norm, destination);
        }
    }

    /// <summary>The point pulled back inside the ball, as a new array (see
    /// <see cref="Project(ReadOnlySpan{double}, Span{double}, double)"/>).</summary>
    public double[] Project(ReadOnlySpan<double> x, double margin = 1e-10)
    {
        var result = new double[x.Length];
        Project(x, result, margin);
        return result;
    }

    // d_κ from ‖x − y‖, ‖x‖² and ‖y‖² (see the remarks on Distance).
    private double DistanceFromParts(double gap, double xx, double yy)
    {
        double kappa = Curvature;
        if (kappa < 0)
        {
            return PairwiseDistances.Ball(gap * gap, xx, yy, -kappa);
        }

        // Q = 1 + 2κ⟨x, y⟩ + κ²‖x‖²‖y‖², written as (1 + κ‖x‖²)(1 + κ‖y‖²) − κ‖x − y‖²; it is 0 only at the
        // antipode, where the distance is the half circumference π/√κ.
        double q = Math.Max(((1 + (kappa * xx)) * (1 + (kappa * yy))) - (kappa * gap * gap), 0);
        return 2 * CurvedTrigonometry.Artan(gap / Math.Sqrt(q), kappa);
    }

    private static double[] SquaredNorms(RowMatrix points)
    {
        var squares = new double[points.Rows];
        for (int i = 0; i < squares.Length; i++)
        {
            squares[i] = TensorPrimitives.Dot(points.Row(i), points.Row(i));
        }

        return squares;
    }

    private static void CheckSameDimension(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Points of different dimension ({x.Length} and {y.Length}).", nameof(y));
        }
    }

    private static void CheckDestination(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (destination.Length != x.Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} entries; the point has {x.Length}.", nameof(destination));
        }
    }
}
