using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>Everything a κ-MDS run produced: the prototypes, the curvature used, the spectrum and strain of the strain
/// step and how the run went; the quality of the fit is measured on demand (<see cref="MeasureQuality(DistanceMatrix, CancellationToken)"/>).</summary>
public sealed record KappaMdsResult
{
    /// <summary>One prototype per class (see <see cref="ClassPrototypes"/> for the representation).</summary>
    public required ClassPrototypes Prototypes { get; init; }

    /// <summary>The curvature used (chosen automatically when the options gave none).</summary>
    public double Curvature => Prototypes.Curvature;

    /// <summary>The intrinsic dimension d.</summary>
    public int Dimension => Prototypes.Dimension;

    /// <summary>Class names in row order.</summary>
    public IReadOnlyList<string> ClassNames => Prototypes.ClassNames;

    /// <summary>The eigenvalues the strain step kept, in the order used (for κ &lt; 0: λ₀ first, then the d most
    /// negative).</summary>
    public required IReadOnlyList<double> Eigenvalues { get; init; }

    /// <summary>Fraction of the kept spectrum's magnitude that had the wrong sign and was clipped to zero
    /// (0 on exact data of the chosen geometry).</summary>
    public required double ClippedEigenvalueMass { get; init; }

    /// <summary>Relative strain ‖M − ZWZᵀ‖_F / ‖M‖_F of the strain step (see <see cref="EmbeddingQuality.Strain"/>):
    /// known to the solver at no cost; NaN on the landmark route, whose strain step sees only the landmark block.</summary>
    public required double Strain { get; init; }

    /// <summary>Largest relative eigen-residual ‖Mz − μz‖ / scale of the strain step's kept pairs: the partial
    /// solver's estimate (at most 1e-10), measured on the matrix with <see cref="KappaMdsOptions.MeasureResidual"/>,
    /// NaN otherwise (full solver, landmark route).</summary>
    public double EigenResidual { get; init; } = double.NaN;

    /// <summary>The landmark classes of the landmark route (named or chosen by farthest-point sampling); null otherwise.</summary>
    public IReadOnlyList<string>? LandmarkNames { get; init; }

    /// <summary>Which route embedded the classes: dense (an n × n matrix), landmarks, or sparse (a list of pairs, memory
    /// linear in the classes).</summary>
    public KappaMdsRoute Route { get; init; } = KappaMdsRoute.Dense;

    /// <summary>Stress refinement iterations run (0 without refinement).</summary>
    public int Iterations { get; init; }

    /// <summary>Whether the refinement met its convergence test (true without refinement).</summary>
    public bool Converged { get; init; } = true;

    /// <summary>Number of unordered class pairs whose distance was missing.</summary>
    public long MissingPairs { get; init; }

    /// <summary>How missing entries were filled in for the strain step, or null when none were missing.</summary>
    public string? Imputation { get; init; }

    /// <summary>Wall-clock time of the fit.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>What the caller should know about the fit although it succeeded, e.g. distances beyond the diameter
    /// of the sphere of the requested curvature. Empty when there is nothing to say.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Measures how well the prototypes reproduce <paramref name="target"/> (normally the distances given to
    /// the fit) over its observed pairs: stress, distortion and neighbour MAP, with <see cref="Strain"/>. Computed on
    /// demand because it costs O(n² log n), more than the fit itself on large or landmark problems.</summary>
    /// <exception cref="ArgumentException">The target's classes are not the embedded classes, in the same order.</exception>
#pragma warning disable RS0026 // The overloads of MeasureQuality differ in their first parameter's type, so no call is ambiguous.
    public EmbeddingQuality MeasureQuality(DistanceMatrix target, CancellationToken cancellationToken = default)
#pragma warning restore RS0026
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckSameClasses(target.ClassNames, "distances");
        return EmbeddingQualityMeasures.Compute(target, Prototypes.Coordinates, Curvature, Strain, cancellationToken);
    }

    /// <summary>Measures how well the prototypes reproduce a list of observed pairs (normally the pairs given to the fit):
    /// stress and distortion over those pairs in O(pairs·d), with <see cref="Strain"/>; the neighbour MAP is NaN, since
    /// ranking every class's neighbours costs O(n² log n), what the sparse route avoids.</summary>
    /// <exception cref="ArgumentException">The target's classes are not the embedded classes, in the same order.</exception>
#pragma warning disable RS0026 // As above.
    public EmbeddingQuality MeasureQuality(PairDistances target, CancellationToken cancellationToken = default)
#pragma warning restore RS0026
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckSameClasses(target.ClassNames, "pairs");
        return EmbeddingQualityMeasures.Compute(target, Prototypes.Coordinates, Curvature, Strain, cancellationToken);
    }

    // Quality is measured against what was embedded: the same classes in the same order.
    private void CheckSameClasses(IReadOnlyList<string> target, string what)
    {
        if (!target.SequenceEqual(ClassNames))
        {
            throw new ArgumentException($"The target has {target.Count} classes and the embedding {ClassNames.Count}; measure the quality against the {what} that were embedded, with the classes in the same order.", nameof(target));
        }
    }

    /// <summary>Geodesic distance between the prototypes of classes i and j.</summary>
    public double Distance(int i, int j) => Prototypes.Distance(i, j);

    /// <summary>All pairwise geodesic distances of the embedding.</summary>
    public DistanceMatrix Distances() => DistanceMatrix.CreateTrusted(ClassNames, Geometry.PairwiseDistances.All(Prototypes.Coordinates, Curvature), null);
}
