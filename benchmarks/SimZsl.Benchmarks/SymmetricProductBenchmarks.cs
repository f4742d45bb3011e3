using BenchmarkDotNet.Attributes;
using SimZsl.Embedding;
using SimZsl.Numerics;

namespace SimZsl.Benchmarks;

/// <summary>The partial eigensolver's product with a 4-column block: the kernel that reads the lower triangle only
/// (<see cref="BlockProduct.MultiplySymmetric"/>) against the one that reads all of M, and the 16-column product the
/// solver used before, per column of the block.</summary>
public class SymmetricProductBenchmarks
{
    private StrainMatrix _matrix = null!;
    private double[] _narrow = null!;
    private double[] _wide = null!;
    private double[] _narrowResult = null!;
    private double[] _wideResult = null!;

    /// <summary>Number of classes.</summary>
    [Params(2000, 5000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _matrix = StrainMatrix.Build(BenchmarkData.Noisy(N, 16, -1), -1, default);
        var random = new Random(5);
        _narrow = Enumerable.Range(0, N * 4).Select(_ => random.NextDouble() - 0.5).ToArray();
        _wide = Enumerable.Range(0, N * 16).Select(_ => random.NextDouble() - 0.5).ToArray();
        _narrowResult = new double[N * 4];
        _wideResult = new double[N * 16];
    }

    [Benchmark(Baseline = true)]
    public double[] FourColumnsLowerTriangle()
    {
        BlockProduct.MultiplySymmetric(_matrix.Values, N, _narrow, _narrowResult, default);
        return _narrowResult;
    }

    [Benchmark]
    public double[] FourColumnsWholeMatrix()
    {
        BlockProduct.Multiply(_matrix.Values, N, _narrow, 4, _narrowResult, default);
        return _narrowResult;
    }

    [Benchmark]
    public double[] SixteenColumnsWholeMatrix()
    {
        BlockProduct.Multiply(_matrix.Values, N, _wide, 16, _wideResult, default);
        return _wideResult;
    }
}
