using BenchmarkDotNet.Attributes;
using SimZsl.Geometry;

namespace SimZsl.Benchmarks;

/// <summary>All-pairs distance kernel (n × n output) for 16-dimensional points of each geometry.</summary>
[MemoryDiagnoser]
public class DistanceBenchmarks
{
    private RowMatrix _points = null!;

    /// <summary>Number of points.</summary>
    [Params(2000, 5000)]
    public int N { get; set; }

    /// <summary>κ: Euclidean, spherical, Poincaré ball.</summary>
    [Params(-1.0, 0.0, 1.0)]
    public double Curvature { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        int columns = Curvature > 0 ? 17 : 16;
        var rows = new double[N][];
        for (int i = 0; i < N; i++)
        {
            rows[i] = Enumerable.Range(0, columns).Select(_ => random.NextDouble() - 0.5).ToArray();
            double norm = Math.Sqrt(rows[i].Sum(v => v * v));
            double scale = Curvature > 0 ? 1 / norm : Curvature < 0 ? 0.99 * random.NextDouble() / norm : 1;
            rows[i] = rows[i].Select(v => v * scale).ToArray();
        }

        _points = RowMatrix.FromRows(rows);
    }

    [Benchmark]
    public double[] All() => PairwiseDistances.All(_points, Curvature);
}
