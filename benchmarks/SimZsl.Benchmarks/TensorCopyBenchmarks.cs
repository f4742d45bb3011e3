using BenchmarkDotNet.Attributes;
using SimZsl.Numerics;
using TorchSharp;

namespace SimZsl.Benchmarks;

/// <summary>A 2000 × 24 float64 tensor to a managed array and back: TorchSharp's accessor and factory against the block
/// copies of <see cref="TensorArrays"/>.</summary>
[MemoryDiagnoser]
public class TensorCopyBenchmarks
{
    private torch.Tensor _tensor = null!;
    private double[] _array = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tensor = torch.randn(2000, 24, dtype: torch.ScalarType.Float64);
        _array = TensorArrays.ToArray(_tensor);
    }

    [GlobalCleanup]
    public void Cleanup() => _tensor.Dispose();

    [Benchmark]
    public double[] AccessorToArray() => _tensor.data<double>().ToArray();

    [Benchmark]
    public double[] BlockToArray() => TensorArrays.ToArray(_tensor);

    [Benchmark]
    public long FactoryFromArray()
    {
        using var t = torch.tensor(_array, [2000, 24], torch.ScalarType.Float64);
        return t.numel();
    }

    [Benchmark]
    public long BlockFromArray()
    {
        using var t = TensorArrays.FromArray(_array, 2000, 24);
        return t.numel();
    }
}
