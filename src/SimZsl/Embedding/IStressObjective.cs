namespace SimZsl.Embedding;

/// <summary>What stress refinement minimises: the weighted stress of a configuration in unit-curvature internal
/// coordinates, over a dense masked matrix (<see cref="StressFunction"/>) or over a list of observed pairs
/// (<see cref="PairStressFunction"/>). Both evaluate the same per-pair maths (<see cref="StressRowKernels"/>).</summary>
internal interface IStressObjective
{
    /// <summary>Internal columns per point.</summary>
    int Columns { get; }

    /// <summary>The curvature whose geometry the distances use (only its sign matters here).</summary>
    double Curvature { get; }

    /// <summary>√(Σ_{i&lt;j} w_ij D_ij²) in unit-scaled distances: the scale of the convergence tests.</summary>
    double TargetNorm { get; }

    /// <summary>Stress of <paramref name="x"/> (row-major n × columns) and its gradient into <paramref name="gradient"/>.</summary>
    double Evaluate(double[] x, double[] gradient);
}
