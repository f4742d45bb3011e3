namespace SimZsl.ZeroShot;

/// <summary>The four zero-shot heads.</summary>
public enum ZeroShotHeadKind
{
    /// <summary>DeViSE: hinge rank loss on dot-product or cosine compatibility (Euclidean or spherical prototypes).</summary>
    DeViSE,

    /// <summary>Hyperspherical prototypes: (1 − cos)² loss, predict the largest cosine (spherical prototypes).</summary>
    Prototype,

    /// <summary>Hyperbolic: exponential map at 0 into the Poincaré ball, distance-based loss (hyperbolic prototypes).</summary>
    Hyperbolic,

    /// <summary>Softmax compatibility (ALE style): cross-entropy over (x W)·Tᵀ (Euclidean or spherical prototypes).</summary>
    Softmax,
}

/// <summary>How DeViSE compares an embedded point with a prototype.</summary>
public enum Compatibility
{
    /// <summary>The dot product ⟨t, f(v)⟩.</summary>
    Dot,

    /// <summary>The cosine of the angle between t and f(v).</summary>
    Cosine,
}

/// <summary>The loss of the hyperbolic head.</summary>
public enum HyperbolicLoss
{
    /// <summary>Cross-entropy over −d_B(t_c, z)/τ.</summary>
    CrossEntropy,

    /// <summary>Σ_{j≠y} max(0, m + d_B(t_y, z) − d_B(t_j, z)).</summary>
    Hinge,
}
