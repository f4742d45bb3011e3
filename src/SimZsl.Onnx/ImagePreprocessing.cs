namespace SimZsl.Onnx;

/// <summary>How an image becomes a network's input, in torchvision's order: the shorter side resized to
/// <see cref="ResizeShorterSide"/> (antialiased bilinear, as torchvision's Resize on tensors), the centre
/// <see cref="CropHeight"/> × <see cref="CropWidth"/> cut out (offsets rounded half to even, as CenterCrop), values
/// scaled to [0, 1], then (x − mean) / std per channel. A grey image fed to a 3-channel network is replicated into
/// the three; an RGB image fed to a 1-channel network becomes 0.299 R + 0.587 G + 0.114 B (ITU-R 601, PIL's "L").
/// The defaults are ImageNet's (<see cref="ImageNet"/>); <see cref="ForInputShape"/> takes the size from a model's
/// fixed input.</summary>
public sealed record ImagePreprocessing
{
    /// <summary>Per-channel mean of ImageNet (R, G, B), what torchvision's and timm's ImageNet models expect.</summary>
    public static readonly IReadOnlyList<double> ImageNetMean = [0.485, 0.456, 0.406];

    /// <summary>Per-channel standard deviation of ImageNet (R, G, B).</summary>
    public static readonly IReadOnlyList<double> ImageNetStd = [0.229, 0.224, 0.225];

    /// <summary>torchvision's evaluation transform of ImageNet models: shorter side 256, centre crop 224 × 224, RGB,
    /// ImageNet mean and standard deviation.</summary>
    public static ImagePreprocessing ImageNet { get; } = new();

    /// <summary>The length the shorter side is resized to (the other keeps the aspect ratio, truncated as torchvision
    /// does), or null to crop the image as it is. Default 256.</summary>
    public int? ResizeShorterSide { get; init; } = 256;

    /// <summary>Height of the centre crop, the network's input height. Default 224.</summary>
    public int CropHeight { get; init; } = 224;

    /// <summary>Width of the centre crop, the network's input width. Default 224.</summary>
    public int CropWidth { get; init; } = 224;

    /// <summary>The network's input channels: 3 (RGB) or 1 (grey). Default 3.</summary>
    public int Channels { get; init; } = 3;

    /// <summary>Mean subtracted from each channel after scaling to [0, 1], one per channel. Default ImageNet's.</summary>
    public IReadOnlyList<double> Mean { get; init; } = ImageNetMean;

    /// <summary>Standard deviation each channel is divided by, one per channel. Default ImageNet's.</summary>
    public IReadOnlyList<double> Std { get; init; } = ImageNetStd;

    /// <summary>The defaults for a network whose input has the shape N × C × H × W (−1 or 0 for a size left free): a
    /// fixed C, H and W give the channels and the crop, and the shorter side is resized to the crop (an image already
    /// at the network's size passes unchanged, and the whole centre square is kept, as CLIP does); free sizes keep
    /// ImageNet's 256 → 224. One channel gets the mean of ImageNet's means and deviations (as timm does).</summary>
    /// <exception cref="ArgumentException">The shape is not of rank 4, or C is fixed to neither 1 nor 3.</exception>
    public static ImagePreprocessing ForInputShape(IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Count != 4)
        {
            throw new ArgumentException($"An image network takes N × C × H × W; this input has {shape.Count} dimensions ({string.Join(" × ", shape)}).", nameof(shape));
        }

        long c = shape[1], h = shape[2], w = shape[3];
        if (c > 0 && c is not (1 or 3))
        {
            throw new ArgumentException($"An image network takes 1 (grey) or 3 (RGB) channels; this input has {c} (shape {string.Join(" × ", shape)}).", nameof(shape));
        }

        var result = ImageNet;
        if (c == 1)
        {
            result = result with { Channels = 1, Mean = [ImageNetMean.Average()], Std = [ImageNetStd.Average()] };
        }

        if (h > 0 && w > 0)
        {
            result = result with { CropHeight = (int)h, CropWidth = (int)w, ResizeShorterSide = (int)Math.Min(h, w) };
        }
        else if (h > 0 || w > 0)
        {
            int side = (int)Math.Max(h, w);
            result = result with { CropHeight = h > 0 ? side : result.CropHeight, CropWidth = w > 0 ? side : result.CropWidth };
        }

        return result;
    }

    /// <summary>Checks every setting and throws one <see cref="ArgumentException"/> that lists every violation.</summary>
    public void Validate() => new OptionViolations("image preprocessing")
        .Require(ResizeShorterSide is null or >= 1, $"ResizeShorterSide must be ≥ 1 or null (got {ResizeShorterSide}).")
        .Require(CropHeight >= 1 && CropWidth >= 1, $"CropHeight and CropWidth must be ≥ 1 (got {CropHeight} × {CropWidth}).")
        .Require(ResizeShorterSide is not { } r || r >= Math.Min(CropHeight, CropWidth), $"ResizeShorterSide ({ResizeShorterSide}) must be at least the smaller crop side ({Math.Min(CropHeight, CropWidth)}), or the crop would not fit.")
        .Require(Channels is 1 or 3, $"Channels must be 1 or 3 (got {Channels}).")
        .Require(Mean is not null && Mean.Count == Channels && Mean.All(double.IsFinite), $"Mean must hold {Channels} finite value(s), one per channel (got {Describe(Mean)}).")
        .Require(Std is not null && Std.Count == Channels && Std.All(s => s > 0 && double.IsFinite(s)), $"Std must hold {Channels} finite value(s) > 0, one per channel (got {Describe(Std)}).")
        .ThrowIfAny();

    private static string Describe(IReadOnlyList<double>? values) => values is null ? "null" : "[" + string.Join(", ", values) + "]";
}
