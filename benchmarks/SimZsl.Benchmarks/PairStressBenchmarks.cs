using BenchmarkDotNet.Attributes;
using SimZsl.Embedding;

namespace SimZsl.Benchmarks;

/// <summary>One evaluation of the pair-list stress and its exact gradient (the sparse route's refinement step) at
/// n = 20,000 classes with 100 observed pairs per class (2 million pairs, <see cref="PairData"/>'s circulant graph),
/// d = 8, for each geometry, uniform and Sammon weights. Reported per pair: OperationsPerInvoke is the number of pairs,
/// so BenchmarkDotNet's Mean is nanoseconds per pair (each pair is visited from both ends).</summary>
public class PairStressBenchmarks
{
    private const int Count = 20_000;
    private const int PerClass = 100;
    private const int Dimension = 8;
    private const int Pairs = Count * PerClass;
    private PairStressFunction _stress = null!;
    private double[] _x = null!;
    private double[] _gradient = null!;

    /// <summary>κ.</summary>
    [Params(-1.0, 0.0, 1.0)]
    public double Curvature { get; set; }

    /// <summary>Uniform or Sammon weights.</summary>
    [Params(StressWeighting.Uniform, StressWeighting.Sammon)]
    public StressWeighting Weighting { get; set; }

    /// <summary>Target: exact distances of the observed pairs of one draw; configuration: another draw.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var pairs = PairData.Pairs(Count, PerClass, Curvature, Dimension);
        _stress = PairStressFunction.Create(pairs, Dimension, Curvature, Weighting);
        _x = KappaCoordinates.ToInternal(SyntheticClasses.Points(Count, Dimension, Curvature, seed: 3).Coordinates, Curvature);
        _gradient = new double[_x.Length];
    }

    /// <summary>σ and ∇σ; the time reported is per observed pair.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public double ValueAndGradient() => _stress.Evaluate(_x, _gradient);
}
