using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>Everything needed to rebuild an encoder's module before its weights are loaded.</summary>
/// <param name="Kind">Linear, MLP or CNN.</param>
/// <param name="InputDimension">Feature count F (pixels for the CNN).</param>
/// <param name="OutputDimension">The prototypes' column count P.</param>
/// <param name="HiddenDimension">Hidden width of the MLP and of the CNN's last block.</param>
/// <param name="ImageHeight">Image height (CNN).</param>
/// <param name="ImageWidth">Image width (CNN).</param>
internal sealed record EncoderSpec(EncoderKind Kind, int InputDimension, int OutputDimension, int HiddenDimension, int ImageHeight, int ImageWidth)
{
    /// <summary>Builds the module; its weights come from torch's generator (seed it first).</summary>
    public nn.Module<Tensor, Tensor> Build() => Kind switch
    {
        EncoderKind.Linear => nn.Sequential(("linear", nn.Linear(InputDimension, OutputDimension))),
        EncoderKind.Mlp => nn.Sequential(
            ("hidden", nn.Linear(InputDimension, HiddenDimension)),
            ("relu", nn.ReLU()),
            ("output", nn.Linear(HiddenDimension, OutputDimension))),
        EncoderKind.SmallCnn => BuildCnn(),
        _ => throw new ArgumentException($"Unknown encoder {Kind}."),
    };

    // Two 3×3 conv blocks with 2×2 pooling (16 and 32 channels): big enough for 28×28 product photos, small enough to
    // train on two CPU cores in seconds per epoch.
    private nn.Module<Tensor, Tensor> BuildCnn()
    {
        long flat = 32L * (ImageHeight / 4) * (ImageWidth / 4);
        return nn.Sequential(
            ("image", nn.Unflatten(1, [1, ImageHeight, ImageWidth])),
            ("conv1", nn.Conv2d(1, 16, 3, padding: 1)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(16, 32, 3, padding: 1)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("hidden", nn.Linear(flat, HiddenDimension)),
            ("relu3", nn.ReLU()),
            ("output", nn.Linear(HiddenDimension, OutputDimension)));
    }
}
