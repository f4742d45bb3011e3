namespace SimZsl.Embedding;

/// <summary>Which way <see cref="KappaMds"/> embedded the classes (<see cref="KappaMdsResult.Route"/>), or should embed
/// a list of pairs (<see cref="KappaMdsOptions.Route"/>).</summary>
public enum KappaMdsRoute
{
    /// <summary>An n × n matrix: missing entries imputed by all-pairs shortest paths, the strain step on all classes,
    /// stress refinement over the observed pairs of the matrix. O(n²) memory.</summary>
    Dense,

    /// <summary>The landmark route: the strain step on a complete landmark block, every other class placed from its
    /// landmark distances (Challenge III).</summary>
    Landmarks,

    /// <summary>The sparse route for lists of pairs: shortest paths from L landmarks only (Dijkstra over the observed
    /// pairs), the landmark route's strain and placement, then stress refinement over the observed pairs only. Memory
    /// linear in the classes and pairs.</summary>
    Sparse,
}
