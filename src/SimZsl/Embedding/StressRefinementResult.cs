namespace SimZsl.Embedding;

/// <summary>The outcome of a stress refinement.</summary>
/// <param name="Prototypes">The refined prototypes (same representation as the start).</param>
/// <param name="InitialStress">Weighted stress σ = ½ Σ_{i&lt;j} w_ij (d_ij − D_ij)² of the start, over observed pairs.</param>
/// <param name="Stress">Weighted stress of the result.</param>
/// <param name="Iterations">L-BFGS steps taken.</param>
/// <param name="Converged">Whether a convergence test was met (not just the iteration limit or a stalled line search).</param>
/// <param name="StopReason">Which test stopped the refinement, in words.</param>
internal sealed record StressRefinementResult(
    ClassPrototypes Prototypes,
    double InitialStress,
    double Stress,
    int Iterations,
    bool Converged,
    string StopReason);
