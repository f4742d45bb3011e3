namespace SimZsl.Geometry;

/// <summary>Which of the three constant-curvature geometries a curvature κ gives.</summary>
public enum Manifold
{
    /// <summary>κ = 0: the Euclidean space ℝ^d.</summary>
    Euclidean,

    /// <summary>κ &gt; 0: the hypersphere of radius 1/√κ.</summary>
    Sphere,

    /// <summary>κ &lt; 0: hyperbolic space (Poincaré ball of radius 1/√|κ|).</summary>
    Hyperbolic,
}

/// <summary>Helpers on <see cref="Manifold"/>.</summary>
public static class ManifoldExtensions
{
    /// <summary>The manifold a curvature gives; exactly 0 is Euclidean.</summary>
    public static Manifold FromCurvature(double curvature) =>
        curvature > 0 ? Manifold.Sphere : curvature < 0 ? Manifold.Hyperbolic : Manifold.Euclidean;
}
