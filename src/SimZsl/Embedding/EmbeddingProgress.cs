namespace SimZsl.Embedding;

/// <summary>A progress report of a κ-MDS run.</summary>
/// <param name="Stage">What is running: "strain", "curvature", "impute", "refine", "landmarks".</param>
/// <param name="Iteration">Iteration of the stage (0 when the stage has none).</param>
/// <param name="Stress">Current stress, when known (NaN otherwise).</param>
/// <param name="Fraction">Completed fraction of the stage in [0, 1], when known (NaN otherwise).</param>
public sealed record EmbeddingProgress(string Stage, int Iteration, double Stress, double Fraction);
