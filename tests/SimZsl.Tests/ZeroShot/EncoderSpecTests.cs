using SimZsl.Tests.Infrastructure;
using SimZsl.ZeroShot;
using static TorchSharp.torch;

namespace SimZsl.Tests.ZeroShot;

/// <summary>The encoders' shapes and sizes against counts made by hand, for images that are not square. Building a
/// module draws from libtorch's global generator, hence the collection.</summary>
[Collection(LibTorchGlobalState.Name)]
public class EncoderSpecTests
{
    [Fact]
    public void SmallCnnMapsFlatImagesToTheEmbeddingWithTheParametersOfItsLayers()
    {
        // 8 × 12 images: two 2 × 2 poolings leave 2 × 3 cells of 32 channels, 192 inputs to the hidden layer.
        var spec = new EncoderSpec(EncoderKind.SmallCnn, 8 * 12, 3, HiddenDimension: 10, ImageHeight: 8, ImageWidth: 12);
        using var cnn = spec.Build();
        using var output = cnn.call(zeros(5, 8 * 12, dtype: float32));
        Assert.Equal(new long[] { 5, 3 }, output.shape);
        long expected = ((16 * 9) + 16) + ((32 * 16 * 9) + 32) + ((192 * 10) + 10) + ((10 * 3) + 3);
        Assert.Equal(expected, cnn.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void LinearAndMlpEncodersHaveTheParametersOfTheirLayers()
    {
        using var linear = new EncoderSpec(EncoderKind.Linear, 7, 3, 10, 28, 28).Build();
        Assert.Equal((7 * 3) + 3, linear.parameters().Sum(p => p.numel()));
        using var mlp = new EncoderSpec(EncoderKind.Mlp, 7, 3, 10, 28, 28).Build();
        Assert.Equal((7 * 10) + 10 + (10 * 3) + 3, mlp.parameters().Sum(p => p.numel()));
        using var output = mlp.call(zeros(4, 7, dtype: float32));
        Assert.Equal(new long[] { 4, 3 }, output.shape);
    }
}
