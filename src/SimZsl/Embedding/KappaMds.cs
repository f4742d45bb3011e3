using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>κ-MDS: embeds a class distance matrix in a space of constant curvature κ. Problem, then solve:
/// <c>new KappaMds(options).Fit(distances)</c>.</summary>
public sealed class KappaMds
{
    /// <summary>Creates the solver; the options are validated against each problem in <see cref="Fit"/>.</summary>
    public KappaMds(KappaMdsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public KappaMdsOptions Options { get; }

    /// <summary>Embeds the classes of <paramref name="distances"/>.</summary>
    public KappaMdsResult Fit(DistanceMatrix distances, IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(distances);
        Options.Validate(distances.Count);
        throw new NotImplementedException("Being built in the strain-embedding work.");
    }
}
