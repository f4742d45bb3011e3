namespace SimZsl.Similarity;

/// <summary>The calibrated union of several sources.</summary>
/// <param name="Distances">All classes (sources in the order added), missing where no block covers a pair.</param>
/// <param name="SourceScales">The factor each source's within-source distances were multiplied by.</param>
/// <param name="CrossScale">The factor the cross-source distances were multiplied by.</param>
/// <param name="SourceOfClass">The source of every class, in row order.</param>
public sealed record MultiSourceDistances(
    DistanceMatrix Distances,
    IReadOnlyDictionary<string, double> SourceScales,
    double CrossScale,
    IReadOnlyList<string> SourceOfClass);
