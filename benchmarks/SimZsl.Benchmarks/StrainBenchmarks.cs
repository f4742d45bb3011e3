using BenchmarkDotNet.Attributes;
using SimZsl.Embedding;
using SimZsl.Similarity;

namespace SimZsl.Benchmarks;

/// <summary>The strain step of κ-MDS at d = 16 on noisy data of the matching geometry, input in memory:
/// Fit = curvature-range check + build of the centred / sin² / sinh² matrix + eigensolver + coordinates (quality is
/// measured on demand, not here). The peer is SciPy's ARPACK on the same matrices (benchmarks/peers/eigsh_peer.py).</summary>
[MemoryDiagnoser]
public class StrainBenchmarks
{
    private DistanceMatrix _distances = null!;
    private KappaMdsOptions _options = null!;

    /// <summary>Number of classes.</summary>
    [Params(500, 1000, 2000, 5000, 10000)]
    public int N { get; set; }

    /// <summary>κ.</summary>
    [Params(-1.0, 0.0, 1.0)]
    public double Curvature { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _distances = BenchmarkData.Noisy(N, 16, Curvature);
        _options = new KappaMdsOptions { Dimension = 16, Curvature = Curvature };
    }

    [Benchmark]
    public KappaMdsResult Fit() => new KappaMds(_options).Fit(_distances);
}
