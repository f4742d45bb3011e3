namespace SimZsl.Embedding;

/// <summary>The outcome of a stress refinement.</summary>
/// <param name="Prototypes">The refined prototypes (same representation as the start).</param>
/// <param name="Iterations">L-BFGS steps taken.</param>
/// <param name="Converged">Whether a convergence test was met (not just the iteration limit or a stalled line search).</param>
internal sealed record StressRefinementResult(
    ClassPrototypes Prototypes,
    int Iterations,
    bool Converged);
