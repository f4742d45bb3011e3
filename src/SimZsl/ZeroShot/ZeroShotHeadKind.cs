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

/// <summary>How the DeViSE and softmax heads compare an embedded point with a prototype.</summary>
public enum Compatibility
{
    /// <summary>Minus the squared Euclidean distance, −‖f(v) − t‖² (the default). Equal to 2⟨t, f(v)⟩ − ‖t‖² up to a
    /// term that is the same for every class, so it is the dot product with each prototype's norm taken into
    /// account: κ-MDS prototypes are centred and their norms differ, and under the plain dot product a prototype
    /// inside the convex hull of the others can never have the largest score, whatever the projection.</summary>
    Distance,

    /// <summary>The dot product ⟨t, f(v)⟩ (DeViSE's and ALE's published form).</summary>
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
