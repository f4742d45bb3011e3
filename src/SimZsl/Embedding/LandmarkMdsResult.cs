namespace SimZsl.Embedding;

/// <summary>The outcome of landmark κ-MDS.</summary>
public sealed record LandmarkMdsResult
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

    /// <summary>Stress ½ Σ_{i&lt;j} (d_ij − D_ij)² of the landmark block.</summary>
    public required double LandmarkStress { get; init; }

    private Lazy<double>? _placementStress;

    /// <summary>Stress ½ Σ_{class, landmark} (d − D)² of the placed classes against their landmark distances. Without
    /// refinement it is computed on first access (it costs as much as the placement itself).</summary>
    public double PlacementStress
    {
        get => _placementStress?.Value ?? double.NaN;
        init => _placementStress = new Lazy<double>(value);
    }

    /// <summary>Deferred <see cref="PlacementStress"/>.</summary>
    internal Lazy<double> PlacementStressOnDemand
    {
        init => _placementStress = value;
    }

    /// <summary>Refinement iterations: of the landmark block plus all per-class refinements (0 without refinement).</summary>
    public int Iterations { get; init; }

    /// <summary>Whether every refinement met its convergence test (true without refinement).</summary>
    public bool Converged { get; init; } = true;

    /// <summary>Wall-clock time of the fit.</summary>
    public TimeSpan Elapsed { get; init; }
}
