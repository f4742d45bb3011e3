using BenchmarkDotNet.Attributes;
using SimZsl.Embedding;
using SimZsl.Similarity;

namespace SimZsl.Benchmarks;

/// <summary>Landmark placement: L = 200 landmarks, d = 16, m = 100,000 and 200,000 classes placed from their
/// landmark distances alone (one matrix product, O(L·m·d)). Target: ≤ 2 s at m = 100,000 and
/// time(2m)/time(m) ≤ 2.2. The m × L distance block is built in the setup, not timed.</summary>
public class LandmarkBenchmarks
{
    private const int Landmarks = 200;
    private const int Dimension = 16;
    private DistanceMatrix _block = null!;
    private LandmarkDistances _others = null!;
    private KappaMds _mds = null!;

    /// <summary>κ.</summary>
    [Params(-1.0, 0.0, 1.0)]
    public double Curvature { get; set; }

    /// <summary>Classes placed (m).</summary>
    [Params(100_000, 200_000)]
    public int Classes { get; set; }

    /// <summary>Draws the points and both distance blocks.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var points = SyntheticClasses.Points(Landmarks + Classes, Dimension, Curvature, seed: 1);
        var names = points.ClassNames;
        var block = new double[Landmarks * Landmarks];
        for (int i = 0; i < Landmarks; i++)
        {
            for (int j = 0; j < Landmarks; j++)
            {
                block[(i * Landmarks) + j] = i == j ? 0 : points.Distance(i, j);
            }
        }

        var toLandmarks = new double[(long)Classes * Landmarks];
        Parallel.For(0, Classes, a =>
        {
            for (int b = 0; b < Landmarks; b++)
            {
                toLandmarks[((long)a * Landmarks) + b] = points.Distance(Landmarks + a, b);
            }
        });
        _block = DistanceMatrix.Create(names.Take(Landmarks).ToArray(), block);
        _others = LandmarkDistances.Create(names.Take(Landmarks).ToArray(), names.Skip(Landmarks).ToArray(), RowMatrix.Wrap(Classes, Landmarks, toLandmarks));
        _mds = new KappaMds(new KappaMdsOptions { Dimension = Dimension, Curvature = Curvature });
    }

    /// <summary>Embeds the landmarks and places every other class.</summary>
    [Benchmark]
    public KappaMdsResult Place() => _mds.Fit(_block, _others);
}
