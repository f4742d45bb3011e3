using System.Numerics.Tensors;

namespace SimZsl.Geometry;

/// <summary>Conversions between the hyperboloid (Lorentz) model and the Poincaré ball of curvature κ &lt; 0.
/// A hyperboloid point has d + 1 coordinates (x₀, x̄), time first, with −x₀² + ‖x̄‖² = 1/κ and x₀ &gt; 0; its ball
/// point is p = x̄/(1 + √|κ|x₀), inside the ball of radius r = 1/√|κ| (the projection from (−r, 0)).</summary>
public static class LorentzModel
{
    /// <summary>The Poincaré-ball point of a hyperboloid point (d + 1 coordinates in, d out).</summary>
    /// <remarks>Only the space coordinates x̄ and the sign of x₀ are used: x₀ is recomputed as √(r² + ‖x̄‖²), so
    /// a point slightly off the hyperboloid (rounding) is projected onto it along the time axis.</remarks>
    public static void ToPoincare(ReadOnlySpan<double> lorentz, Span<double> ball, double curvature)
    {
        CheckCurvature(curvature);
        CheckLengths(ball.Length, lorentz.Length);
        if (!(lorentz[0] > 0))
        {
            throw new ArgumentException($"The time coordinate x₀ is {lorentz[0]}; points of the upper sheet of the hyperboloid have x₀ > 0.", nameof(lorentz));
        }

        SpaceToPoincare(lorentz[1..], ball, curvature);
    }

    /// <summary>The hyperboloid point of a Poincaré-ball point (d coordinates in, d + 1 out):
    /// x₀ = r(1 + c‖p‖²)/(1 − c‖p‖²), x̄ = 2p/(1 − c‖p‖²), c = |κ|.</summary>
    public static void FromPoincare(ReadOnlySpan<double> ball, Span<double> lorentz, double curvature)
    {
        CheckCurvature(curvature);
        CheckLengths(ball.Length, lorentz.Length);
        double scaledSquare = -curvature * TensorPrimitives.Dot(ball, ball);
        if (!(scaledSquare < 1))
        {
            throw new ArgumentException($"The point lies on or outside the Poincaré ball of radius {1 / Math.Sqrt(-curvature):G6} (|κ|‖p‖² = {scaledSquare:G6}); project it into the ball first (KappaSpace.Project).", nameof(ball));
        }

        double inside = 1 - scaledSquare;
        lorentz[0] = (1 + scaledSquare) / (inside * Math.Sqrt(-curvature));
        PoincareToSpace(ball, lorentz[1..], curvature);
    }

    /// <summary>The space coordinates x̄ = 2p/(1 − c‖p‖²), c = |κ|, of the hyperboloid point of a Poincaré-ball point
    /// (d coordinates in, d out; <paramref name="space"/> may alias <paramref name="ball"/>).</summary>
    /// <remarks>x̄ alone fixes the point (x₀ = √(1/c + ‖x̄‖²)) and ranges over all of ℝ^d, which is why the
    /// iterative solvers optimise it: unconstrained, unlike the ball with its boundary. The point must lie inside
    /// the ball (the caller decides how to treat one that does not).</remarks>
    public static void PoincareToSpace(ReadOnlySpan<double> ball, Span<double> space, double curvature)
    {
        CheckCurvature(curvature);
        if (space.Length != ball.Length)
        {
            throw new ArgumentException($"A Poincaré point with {ball.Length} coordinates has {ball.Length} space coordinates; got {space.Length}.", nameof(space));
        }

        TensorPrimitives.Multiply(ball, 2 / (1 + (curvature * TensorPrimitives.Dot(ball, ball))), space);
    }

    /// <summary>The Poincaré-ball point of the hyperboloid point with space coordinates x̄ (d coordinates in, d out;
    /// <paramref name="ball"/> may alias <paramref name="space"/>): p = x̄/(1 + √(1 + c‖x̄‖²)), the inverse of
    /// <see cref="PoincareToSpace"/>.</summary>
    public static void SpaceToPoincare(ReadOnlySpan<double> space, Span<double> ball, double curvature)
    {
        CheckCurvature(curvature);
        if (space.Length != ball.Length)
        {
            throw new ArgumentException($"A hyperboloid point with {space.Length} space coordinates has {space.Length} Poincaré coordinates; got {ball.Length}.", nameof(ball));
        }

        // 1 + √c·x₀ = 1 + √(1 + c‖x̄‖²): no radius (which is huge for small |κ|) enters.
        TensorPrimitives.Divide(space, 1 + Math.Sqrt(1 - (curvature * TensorPrimitives.Dot(space, space))), ball);
    }

    /// <summary>The Lorentz (Minkowski) inner product −x₀y₀ + ⟨x̄, ȳ⟩; it equals 1/κ for a point with itself.</summary>
    public static double InnerProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        -(x[0] * y[0]) + TensorPrimitives.Dot(x[1..], y[1..]);

    private static void CheckCurvature(double curvature)
    {
        if (!(curvature < 0) || !double.IsFinite(curvature))
        {
            throw new ArgumentOutOfRangeException(nameof(curvature), curvature, "The hyperboloid model needs a finite negative curvature.");
        }
    }

    private static void CheckLengths(int ball, int lorentz)
    {
        if (lorentz != ball + 1)
        {
            throw new ArgumentException($"A Poincaré point with {ball} coordinates needs a hyperboloid point with {ball + 1}; got {lorentz}.");
        }
    }
}
