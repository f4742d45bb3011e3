namespace SimZsl.ZeroShot;

/// <summary>The loss of the hyperbolic head.</summary>
public enum HyperbolicLoss
{
    /// <summary>Cross-entropy over −d_B(t_c, z)/τ.</summary>
    CrossEntropy,

    /// <summary>Σ_{j≠y} max(0, m + d_B(t_y, z) − d_B(t_j, z)).</summary>
    Hinge,
}
