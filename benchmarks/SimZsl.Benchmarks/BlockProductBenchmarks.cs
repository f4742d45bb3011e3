using BenchmarkDotNet.Attributes;
using SimZsl.Embedding;
using SimZsl.Numerics;
using TorchSharp;

namespace SimZsl.Benchmarks;

/// <summary>M·Q for the n × n hyperbolic strain matrix and blocks of several widths: the managed
/// <see cref="BlockProduct"/> against libtorch's (MKL's) product, the choice behind the eigensolver's block width.</summary>
public class BlockProductBenchmarks
{
    private StrainMatrix _matrix = null!;
    private double[] _block = null!;
    private double[] _result = null!;
    private torch.Tensor _blockTensor = null!;
    private torch.Tensor _matrixTensor = null!;

    /// <summary>Number of classes.</summary>
    [Params(2000)]
    public int N { get; set; }

    /// <summary>Columns of the block.</summary>
    [Params(16, 24, 32, 48)]
    public int Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _matrix = StrainMatrix.Build(BenchmarkData.Noisy(N, 16, -1), -1, default);
        var random = new Random(5);
        _block = Enumerable.Range(0, N * Width).Select(_ => random.NextDouble() - 0.5).ToArray();
        _result = new double[N * Width];
        _blockTensor = TensorArrays.FromArray(_block, N, Width);
        _matrixTensor = TensorArrays.FromArray(_matrix.Values, N, N);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _blockTensor.Dispose();
        _matrixTensor.Dispose();
    }

    [Benchmark]
    public double[] Managed()
    {
        BlockProduct.Multiply(_matrix.Values, N, _block, Width, _result, default);
        return _result;
    }

    [Benchmark]
    public double Mkl()
    {
        using var scope = torch.NewDisposeScope();
        return _matrixTensor.mm(_blockTensor)[0, 0].item<double>();
    }
}
