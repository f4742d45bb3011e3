namespace SimZsl.Similarity;

/// <summary>How <see cref="MultiSourceSimilarity"/> puts the sources' distances on one scale. Each source's
/// similarity has its own units (attribute cosines, WordNet path similarity, expert scores); embedding them together
/// needs one scale, or one source's classes end up uniformly too spread or too packed relative to the others.</summary>
public enum SourceCalibration
{
    /// <summary>Keep every distance as the transform gives it.</summary>
    None,

    /// <summary>The default. Cross-source distances set the scale and stay as they are; each source s is scaled so that
    /// its distances agree with what the cross blocks imply. For a pair a, a' of s, δ_aa' = max_b |D_ab − D_a'b| over the
    /// classes b of other sources with both cross distances observed is the triangle-inequality lower bound on their
    /// distance in cross-source units, so on exact data every ratio δ_aa'/D_aa' is at most the true factor and reaches
    /// it when some b lies near the line through a and a'. The factor c_s is the 90th percentile of these ratios:
    /// close to the truth with tens of cross classes, and unmoved by a few noisy pairs (a plain least-squares fit of
    /// c·D to δ is biased low by the average slack of the bound, 10–20 % in tests). Sources without such pairs keep
    /// factor 1.</summary>
    CrossConsistency,

    /// <summary>Divide each source's within-source distances, and all cross-source distances together, by their
    /// median: every block then has median distance 1. Needs no cross information, assumes typical distances are
    /// comparable across blocks.</summary>
    MedianNormalize,
}
