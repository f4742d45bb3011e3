namespace SimZsl.Embedding;

/// <summary>Settings of <see cref="KappaMds"/>. Every setting has a stated default; <see cref="Validate"/> checks
/// them all at once and names every violation in one message.</summary>
public sealed record KappaMdsOptions
{
    /// <summary>Target dimension d (intrinsic; the sphere's ambient coordinates have d + 1 columns). Default 2.</summary>
    public int Dimension { get; init; } = 2;

    /// <summary>Curvature κ: 0 Euclidean, &gt; 0 sphere of radius 1/√κ, &lt; 0 hyperbolic. Null (the default) chooses κ
    /// by minimising the stress of the strain solution (see <see cref="CurvatureSearch"/>).</summary>
    public double? Curvature { get; init; }

    /// <summary>Which curvatures the automatic choice may consider when <see cref="Curvature"/> is null.
    /// Default <see cref="CurvatureSearch.Any"/>.</summary>
    public CurvatureSearch CurvatureSearch { get; init; } = CurvatureSearch.Any;

    /// <summary>How Lorentz (hyperboloid) coordinates become Poincaré-ball points for κ &lt; 0. Default exact.</summary>
    public HyperbolicRadius HyperbolicRadius { get; init; } = HyperbolicRadius.Exact;

    /// <summary>α of hydra's radius heuristic; used only with <see cref="HyperbolicRadius.HydraAlpha"/>. Default 1.1.</summary>
    public double HydraAlpha { get; init; } = 1.1;

    /// <summary>Refine the strain solution by minimising stress (hydra+). Always done when entries are missing.
    /// Default false.</summary>
    public bool Refine { get; init; }

    /// <summary>Weights of the stress refinement. Default <see cref="StressWeighting.Uniform"/>.</summary>
    public StressWeighting Weighting { get; init; } = StressWeighting.Uniform;

    /// <summary>Largest number of refinement iterations. Default 500.</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>Refinement stops when the relative stress change of an iteration is below this. Default 1e-10.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Refinement also stops when the gradient norm is below this. Default 1e-9.</summary>
    public double GradientTolerance { get; init; } = 1e-9;

    /// <summary>Landmark classes (Challenge III, very large class sets): only their block is embedded by the strain
    /// step; every other class is placed from its distances to them (see the landmark route of <see cref="KappaMds"/>). Their rows must
    /// be complete; other missing entries are not needed. Default null (no landmarks).</summary>
    public IReadOnlyList<string>? Landmarks { get; init; }

    /// <summary>When <see cref="Landmarks"/> is null: choose this many landmarks by farthest-point sampling (seeded by
    /// <see cref="Seed"/>). At least d + 1. Default null (no landmarks).</summary>
    public int? LandmarkCount { get; init; }

    /// <summary>Which route <see cref="KappaMds"/> takes: <see cref="KappaMdsRoute.Dense"/> or
    /// <see cref="KappaMdsRoute.Sparse"/>. Default null: sparse from <see cref="KappaMds.SparseFromClasses"/> classes on
    /// when at most <see cref="KappaMds.SparseUpToObservedFraction"/> of the pairs are observed, dense otherwise; the
    /// same rule for a list of pairs and for a distance matrix with missing cells (a complete matrix, or one with named
    /// or counted landmarks, stays dense unless the sparse route is asked for). On the sparse route
    /// <see cref="Landmarks"/> or <see cref="LandmarkCount"/> set its landmarks (default
    /// <see cref="KappaMds.DefaultSparseLandmarks"/>).</summary>
    public KappaMdsRoute? Route { get; init; }

    /// <summary>Seed of every random choice (eigensolver start, landmark choice). Same seed, same result. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Eigensolver for the strain step. Default <see cref="EigenSolver.Auto"/>: full below 400 classes,
    /// partial (residual-checked) above.</summary>
    public EigenSolver EigenSolver { get; init; } = EigenSolver.Auto;

    /// <summary>Diagnostic: measure the eigen-residual of the strain step's pairs against the n × n matrix itself
    /// (<see cref="KappaMdsResult.EigenResidual"/>), one more pass over the matrix per strain solve. Default false:
    /// the partial solver's estimate from its basis is reported, the full solver's pairs are not measured.</summary>
    public bool MeasureResidual { get; init; }

    /// <summary>Checks the options against a problem with <paramref name="classCount"/> classes and throws one
    /// <see cref="ArgumentException"/> that lists every violation.</summary>
    public void Validate(int classCount) => new OptionViolations("κ-MDS")
        .Require(Dimension >= 1, $"Dimension must be ≥ 1 (got {Dimension}).")
        // n classes span at most n − 1 dimensions (κ = 0: B has rank ≤ n − 1; κ ≠ 0: d + 1 eigenpairs of an n × n A).
        .Require(classCount <= 0 || Dimension < classCount, $"Dimension must be smaller than the number of classes ({classCount}); got {Dimension}. Lower the dimension to at most {classCount - 1}.")
        .Require(Curvature is not { } k || double.IsFinite(k), $"Curvature must be finite (got {Curvature}).")
        .Require(HydraAlpha > 1 && double.IsFinite(HydraAlpha), $"HydraAlpha must be a finite number > 1 (got {HydraAlpha}).")
        .Require(MaxIterations >= 0, $"MaxIterations must be ≥ 0 (got {MaxIterations}).")
        .Require(Tolerance >= 0 && GradientTolerance >= 0, $"Tolerance and GradientTolerance must be ≥ 0.")
        .Require(Route is null or KappaMdsRoute.Dense or KappaMdsRoute.Sparse, $"Route must be Dense, Sparse or null (automatic); got {Route}.")
        .Require(LandmarkCount is not { } landmarkCount || (landmarkCount >= 1 && (classCount <= 0 || landmarkCount <= classCount)), $"LandmarkCount must be between 1 and the number of classes ({classCount}); got {LandmarkCount}.")
        .ThrowIfAny();
}

/// <summary>Which curvatures an automatic curvature choice may consider.</summary>
public enum CurvatureSearch
{
    /// <summary>Negative, zero and positive curvatures; the lowest stress wins.</summary>
    Any,

    /// <summary>Only κ &lt; 0 (hyperbolic).</summary>
    Hyperbolic,

    /// <summary>Only κ &gt; 0 (spherical).</summary>
    Spherical,
}

/// <summary>How hyperboloid coordinates are mapped to the Poincaré ball.</summary>
public enum HyperbolicRadius
{
    /// <summary>The exact map p = x / (1 + x₀): exact data is recovered exactly.</summary>
    Exact,

    /// <summary>hydra's radius heuristic √((α x₀ − x_min)/(α x₀ + x_min)): not exact (errors ~0.1 on exact data);
    /// offered only to reproduce hydra.</summary>
    HydraAlpha,
}

/// <summary>Weights w_ij of the stress σ = ½ Σ w_ij (d_ij − D_ij)².</summary>
public enum StressWeighting
{
    /// <summary>w_ij = 1 for every observed pair.</summary>
    Uniform,

    /// <summary>w_ij = 1 / D_ij (Sammon-like): small distances weigh more.</summary>
    Sammon,
}

/// <summary>Eigensolver choice for the strain step.</summary>
public enum EigenSolver
{
    /// <summary>Full decomposition for small problems, partial for large ones.</summary>
    Auto,

    /// <summary>Full symmetric eigendecomposition (managed up to 200 classes, LAPACK through libtorch above).</summary>
    Full,

    /// <summary>Only the few extreme eigenpairs needed, residual-checked.</summary>
    Partial,
}
