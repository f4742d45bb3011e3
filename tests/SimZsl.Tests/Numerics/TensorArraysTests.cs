using SimZsl.Numerics;
using TorchSharp;

namespace SimZsl.Tests.Numerics;

/// <summary>The block copies between tensors and arrays: row-major order also for views that are not contiguous,
/// aligned storage of their own, and clear errors for a wrong shape or type.</summary>
public class TensorArraysTests
{
    [Fact]
    public void RoundTripKeepsTheValuesAndTheShape()
    {
        var data = Enumerable.Range(0, 12).Select(i => (i * 0.5) - 2).ToArray();
        using var scope = torch.NewDisposeScope();
        var t = TensorArrays.FromArray(data, 3, 4);
        Assert.Equal(new long[] { 3, 4 }, t.shape);
        Assert.Equal(data, TensorArrays.ToArray(t));
        Assert.Equal(3.0, t[2, 2].item<double>());
    }

    [Fact]
    public void FromArrayCopiesIntoAlignedMemoryOfItsOwn()
    {
        var data = new[] { 1.0, 2, 3, 4 };
        using var scope = torch.NewDisposeScope();
        var t = TensorArrays.FromArray(data, 2, 2);
        data[0] = 99;
        Assert.Equal(1.0, t[0, 0].item<double>());
        Assert.Equal(0, t.Address() % 64);
    }

    [Fact]
    public void ViewsThatAreNotContiguousComeOutInRowMajorOrder()
    {
        using var scope = torch.NewDisposeScope();
        var t = TensorArrays.FromArray([1.0, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal(new[] { 1.0, 4, 2, 5, 3, 6 }, TensorArrays.ToArray(t.t()));
        Assert.Equal(new[] { 2.0, 3, 5, 6 }, TensorArrays.ToArray(t.narrow(1, 1, 2)));
    }

    [Fact]
    public void WrongShapeOrTypeIsRefusedWithTheReason()
    {
        using var scope = torch.NewDisposeScope();
        var shape = Assert.Throws<ArgumentException>(() => TensorArrays.FromArray([1.0, 2, 3], 2, 2));
        Assert.Contains("3 values do not fill a tensor of shape [2, 2]", shape.Message);
        var type = Assert.Throws<ArgumentException>(() => TensorArrays.ToArray(torch.zeros(2, dtype: torch.ScalarType.Float32)));
        Assert.Contains("Float32", type.Message);
    }
}

file static class TensorAddress
{
    // The address of a CPU tensor's first element, from its byte span.
    public static unsafe long Address(this torch.Tensor t)
    {
        fixed (byte* p = t.bytes)
        {
            return (long)p;
        }
    }
}
