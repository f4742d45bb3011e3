using BenchmarkDotNet.Attributes;
using SimZsl.Embedding;
using SimZsl.Similarity;

namespace SimZsl.Benchmarks;

/// <summary>The whole missing-entries pipeline to convergence at n = 2000 with 50 % of the pairs missing at random:
/// observed-graph check, shortest-path imputation, strain step, stress refinement over the observed pairs
/// (<c>KappaMds.Fit</c>). Exact data of dimension 4, embedded in dimension 4.</summary>
public class MissingEntryBenchmarks
{
    private DistanceMatrix _observed = null!;
    private KappaMds _mds = null!;

    /// <summary>κ.</summary>
    [Params(-1.0, 0.0, 1.0)]
    public double Curvature { get; set; }

    /// <summary>Draws the data and the mask.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var truth = SyntheticClasses.Distances(SyntheticClasses.Points(2000, 4, Curvature, seed: 1));
        _observed = SyntheticClasses.WithMissing(truth, 0.5, seed: 2);
        _mds = new KappaMds(new KappaMdsOptions { Dimension = 4, Curvature = Curvature });
        var once = _mds.Fit(_observed);
        Console.WriteLine($"// κ = {Curvature}: {once.Iterations} iterations, converged {once.Converged}, normalized stress {once.MeasureQuality(_observed).NormalizedStress:G3}, {once.Elapsed.TotalSeconds:F2} s");
    }

    /// <summary>Impute, strain, refine.</summary>
    [Benchmark]
    public KappaMdsResult FitHalfMissing() => _mds.Fit(_observed);
}
