namespace SimZsl.Similarity;

/// <summary>One edge of a class hierarchy: <paramref name="Parent"/> is the direct parent of
/// <paramref name="Child"/>.</summary>
/// <param name="Parent">The parent node's name.</param>
/// <param name="Child">The child node's name.</param>
/// <param name="Line">Where the edge came from (a one-based line number, or the edge's position in a list), for
/// error messages.</param>
public readonly record struct TaxonomyEdge(string Parent, string Child, int Line);
