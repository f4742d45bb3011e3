using BenchmarkDotNet.Attributes;

using SimZsl.Geometry;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Benchmarks;

/// <summary>KappaSpace kernels on prototype-sized data (n points, d = 16): all pairwise distances, exp/log round
/// trips, and the CUB taxonomy's matrices.</summary>
[MemoryDiagnoser]
public class GeometryBenchmarks
{
    private RowMatrix _points = null!;
    private KappaSpace _space = null!;
    private TaxonomyTree _tree = null!;

    /// <summary>The curvature of the space.</summary>
    [Params(-1.0, 0.0, 1.0)]
    public double Curvature { get; set; }

    /// <summary>Number of points.</summary>
    [Params(500)]
    public int Count { get; set; }

    /// <summary>Draws seeded points at radius ≤ 0.9 (inside the unit ball).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var rows = new double[Count][];
        for (int i = 0; i < Count; i++)
        {
            rows[i] = Enumerable.Range(0, 16).Select(_ => (random.NextDouble() - 0.5) * 0.4).ToArray();
        }

        _points = RowMatrix.FromRows(rows);
        _space = new KappaSpace(Curvature);
        _tree = TaxonomyFile.ReadTree(FindData("Hierarchies", "CUB", "cub_wikispecies.parent-child.txt"));
    }

    /// <summary>All n × n geodesic distances.</summary>
    [Benchmark]
    public double[] Distances() => _space.Distances(_points);

    /// <summary>log_x(exp_x(v)) for n pairs of rows.</summary>
    [Benchmark]
    public double ExpLogRoundTrips()
    {
        double sum = 0;
        Span<double> y = stackalloc double[16];
        Span<double> v = stackalloc double[16];
        for (int i = 0; i + 1 < _points.Rows; i++)
        {
            _space.Exp(_points.Row(i), _points.Row(i + 1), y);
            _space.Log(_points.Row(i), y, v);
            sum += v[0];
        }

        return sum;
    }

    /// <summary>The 200 × 200 height similarity of the CUB Wikispecies tree.</summary>
    [Benchmark]
    public SimilarityMatrix CubHeightSimilarity() => _tree.HeightSimilarity();

    private static string FindData(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine([dir.FullName, "samples", "data", .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/data not found above " + AppContext.BaseDirectory);
    }
}
