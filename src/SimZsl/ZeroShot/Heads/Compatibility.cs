namespace SimZsl.ZeroShot;

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
