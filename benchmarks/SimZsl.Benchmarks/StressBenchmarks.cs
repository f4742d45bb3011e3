using BenchmarkDotNet.Attributes;
using SimZsl.Embedding;

namespace SimZsl.Benchmarks;

/// <summary>One evaluation of the weighted stress and its exact gradient at n = 2000, d = 16 (what every L-BFGS
/// iteration costs, plus its line-search evaluations), for each geometry.</summary>
public class StressBenchmarks
{
    private const int Count = 2000;
    private const int Dimension = 16;
    private StressFunction _stress = null!;
    private double[] _x = null!;
    private double[] _gradient = null!;

    /// <summary>κ.</summary>
    [Params(-1.0, 0.0, 1.0)]
    public double Curvature { get; set; }

    /// <summary>Target: exact distances of one draw, half missing; configuration: another draw.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var truth = SyntheticClasses.Distances(SyntheticClasses.Points(Count, Dimension, Curvature, seed: 1));
        _stress = StressFunction.Create(SyntheticClasses.WithMissing(truth, 0.5, seed: 2), Dimension, Curvature, StressWeighting.Uniform);
        _x = KappaCoordinates.ToInternal(SyntheticClasses.Points(Count, Dimension, Curvature, seed: 3).Coordinates, Curvature);
        _gradient = new double[_x.Length];
    }

    /// <summary>σ and ∇σ.</summary>
    [Benchmark]
    public double ValueAndGradient() => _stress.Evaluate(_x, _gradient);
}
