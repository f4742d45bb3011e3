using BenchmarkDotNet.Attributes;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Benchmarks;

/// <summary>Metric MDS of a complete Euclidean matrix into 2 dimensions, against scikit-learn's SMACOF on the very
/// same matrix (benchmarks/peers/smacof_peer.py writes it as /tmp/simzsl-peers/smacof_n{n}.npy and times sklearn;
/// run it first). SimZsl: strain step, then L-BFGS stress refinement with a relative-change tolerance of 1e-5.
/// The setup prints the stress ½ Σ (d − D)² of the result, to compare with the peer's.</summary>
public class SmacofComparisonBenchmarks
{
    private DistanceMatrix _distances = null!;
    private KappaMds _mds = null!;

    /// <summary>Classes n.</summary>
    [Params(1000, 2000)]
    public int Classes { get; set; }

    /// <summary>Reads the peer's matrix and reports the stress SimZsl reaches on it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string directory = Environment.GetEnvironmentVariable("SIMZSL_PEER_DIR") ?? "/tmp/simzsl-peers";
        string path = Path.Combine(directory, $"smacof_n{Classes}.npy");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: run /usr/bin/python3 benchmarks/peers/smacof_peer.py first (it writes the matrix and times scikit-learn).", path);
        }

        _distances = ClassMatrixFile.ReadDistanceNpy(path);
        _mds = new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = 0, Refine = true, Tolerance = 1e-5 });
        var once = _mds.Fit(_distances);
        Console.WriteLine($"// n = {Classes}: SimZsl stress ½Σ(d−D)² = {once.MeasureQuality(_distances).Stress:G6}, {once.Iterations} L-BFGS iterations, converged {once.Converged}, {once.Elapsed.TotalSeconds:F2} s");
    }

    /// <summary>Strain + stress refinement.</summary>
    [Benchmark]
    public KappaMdsResult StrainThenRefine() => _mds.Fit(_distances);
}
