using BenchmarkDotNet.Attributes;
using SimZsl.Embedding;
using SimZsl.Numerics;
using TorchSharp;

namespace SimZsl.Benchmarks;

/// <summary>sinh and sin over 2000 × 2000 values (one strain matrix), in place: the managed vectorised kernels the
/// matrix build uses against libtorch's on two threads. The managed ones run on one thread here (the build runs them
/// on chunks in parallel). Each call first refills the buffer (part of every figure).</summary>
public class ElementwiseBenchmarks
{
    private const int Count = 2000 * 2000;
    private double[] _source = null!;
    private double[] _values = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _source = Enumerable.Range(0, Count).Select(_ => 3 * random.NextDouble()).ToArray();
        _values = new double[Count];
    }

    [Benchmark]
    public void ManagedSinh()
    {
        _source.CopyTo(_values.AsSpan());
        HyperbolicSine.Apply(_values.AsSpan());
    }

    [Benchmark]
    public void LibtorchSinh()
    {
        _source.CopyTo(_values.AsSpan());
        using var t = TensorArrays.FromArray(_source, 2000, 2000);
        t.sinh_();
    }

    [Benchmark]
    public void ManagedSin()
    {
        _source.CopyTo(_values.AsSpan());
        Sine.Apply(_values.AsSpan());
    }

    [Benchmark]
    public void LibtorchSin()
    {
        _source.CopyTo(_values.AsSpan());
        using var t = TensorArrays.FromArray(_source, 2000, 2000);
        t.sin_();
    }
}
