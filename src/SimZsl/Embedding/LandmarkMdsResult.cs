namespace SimZsl.Embedding;

/// <summary>The outcome of landmark κ-MDS.</summary>
internal sealed record LandmarkMdsResult
{
    /// <summary>One prototype per class. From <see cref="LandmarkMds.Fit(Similarity.DistanceMatrix, LandmarkDistances, IProgress{EmbeddingProgress}?, CancellationToken)"/>:
    /// the landmarks first (block order), then the placed classes (row order); from a full matrix: its class order.</summary>
    public required ClassPrototypes Prototypes { get; init; }

    /// <summary>The landmark classes.</summary>
    public required IReadOnlyList<string> LandmarkNames { get; init; }

    /// <summary>The eigenvalues the strain step of the landmark block kept (κ &lt; 0: λ₀ first, then the d most negative).</summary>
    public required IReadOnlyList<double> Eigenvalues { get; init; }

    /// <summary>Fraction of the kept spectrum's magnitude that had the wrong sign and was clipped to zero.</summary>
    public required double ClippedEigenvalueMass { get; init; }

    /// <summary>Refinement iterations: of the landmark block plus all per-class refinements (0 without refinement).</summary>
    public int Iterations { get; init; }

    /// <summary>Whether every refinement met its convergence test (true without refinement).</summary>
    public bool Converged { get; init; } = true;
}
