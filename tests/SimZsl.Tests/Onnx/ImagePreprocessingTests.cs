using SimZsl.Onnx;

namespace SimZsl.Tests.Onnx;

/// <summary>Resize, crop, channels and normalisation against values worked out by hand on 2×2 to 7×4 images.</summary>
public class ImagePreprocessingTests
{
    private static ImagePixels Grey(int width, int height, Func<int, int, int> value)
    {
        var v = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                v[(y * width) + x] = (byte)value(y, x);
            }
        }

        return new ImagePixels(width, height, 1, v);
    }

    // Mean 0 and deviation 1/255 leave the 0–255 values as they are, so the expected numbers read as pixels.
    private static ImagePreprocessing Raw(int? resize, int crop, int channels = 1) => new()
    {
        ResizeShorterSide = resize,
        CropHeight = crop,
        CropWidth = crop,
        Channels = channels,
        Mean = Enumerable.Repeat(0.0, channels).ToArray(),
        Std = Enumerable.Repeat(1 / 255.0, channels).ToArray(),
    };

    private static float[] Apply(ImagePixels image, ImagePreprocessing p)
    {
        var result = new float[p.Channels * p.CropHeight * p.CropWidth];
        ImageTransform.Apply(image, p, result, "test image");
        return result;
    }

    [Fact]
    public void HalvingA4x4ImageAveragesWithTheWidenedTriangle()
    {
        // Scale 2, support 2: output 0 is centred at 1.0 and weighs inputs 0, 1, 2 by 0.75, 0.75, 0.25 → 3/7, 3/7, 1/7;
        // output 1 (centre 3.0) weighs inputs 1, 2, 3 by 1/7, 3/7, 3/7. On v = 40 y + 10 x the mean positions are
        // 5/7 and 16/7 along each axis.
        var image = Grey(4, 4, (y, x) => (40 * y) + (10 * x));
        var result = Apply(image, Raw(resize: 2, crop: 2));
        double low = 5 / 7.0, high = 16 / 7.0;
        double[] expected = [(40 * low) + (10 * low), (40 * low) + (10 * high), (40 * high) + (10 * low), (40 * high) + (10 * high)];
        Assert.Equal(expected, result.Select(v => (double)v), (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void DoublingA2x2ImageIsBilinearWithClampedBorders()
    {
        // Scale ½: outputs centred at 0.25, 0.75, 1.25, 1.75 take [1, 0], [¾, ¼], [¼, ¾], [0, 1] of the two inputs.
        var image = Grey(2, 2, (y, x) => (y * 100) + (x * 40));
        var result = Apply(image, Raw(resize: 4, crop: 4));
        double[] along = [0, 0.25, 0.75, 1];
        var expected = from y in along from x in along select (y * 100) + (x * 40);
        Assert.Equal(expected, result.Select(v => (double)v), (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void TheCentreCropRoundsHalfToEvenAsTorchvision()
    {
        // 7 wide, 4 high, crop 2: top = round(1.0) = 1, left = round(2.5) = 2 (half to even; 3 when rounding away).
        var image = Grey(7, 4, (y, x) => (10 * y) + x);
        Assert.Equal([12f, 13f, 22f, 23f], Apply(image, Raw(resize: null, crop: 2)));
        // 5 wide: left = round(1.5) = 2.
        Assert.Equal([12f, 13f, 22f, 23f], Apply(Grey(5, 4, (y, x) => (10 * y) + x), Raw(resize: null, crop: 2)));
    }

    [Fact]
    public void TheLongerSideKeepsTheAspectRatioTruncated()
    {
        Assert.Equal((28, 37), ImageTransform.ResizedSize(width: 40, height: 30, shorter: 28));   // int(28 · 40 / 30)
        Assert.Equal((37, 28), ImageTransform.ResizedSize(width: 30, height: 40, shorter: 28));
        Assert.Equal((256, 341), ImageTransform.ResizedSize(width: 500, height: 375, shorter: 256));   // int(341.33)
        Assert.Equal((30, 40), ImageTransform.ResizedSize(width: 40, height: 30, shorter: null));
    }

    [Fact]
    public void GreyIsReplicatedAndNormalisedPerChannel()
    {
        var image = Grey(2, 2, (y, x) => 51 * ((2 * y) + x));   // 0, 51, 102, 153 → 0, 0.2, 0.4, 0.6
        var p = new ImagePreprocessing { ResizeShorterSide = null, CropHeight = 2, CropWidth = 2, Mean = [0.1, 0.2, 0.3], Std = [0.5, 0.25, 2] };
        var result = Apply(image, p);
        double[] scaled = [0, 0.2, 0.4, 0.6];
        var expected = new[] { (0.1, 0.5), (0.2, 0.25), (0.3, 2.0) }.SelectMany(c => scaled.Select(v => (v - c.Item1) / c.Item2));
        Assert.Equal(expected, result.Select(v => (double)v), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void ChannelsStayInRgbOrderAndRgbBecomesLumaForAGreyNetwork()
    {
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30];   // red, green, blue, a mix
        var image = new ImagePixels(2, 2, 3, rgb);
        Assert.Equal([255f, 0, 0, 10, 0, 255, 0, 20, 0, 0, 255, 30], Apply(image, Raw(null, 2, channels: 3)));
        double[] luma = [0.299 * 255, 0.587 * 255, 0.114 * 255, (0.299 * 10) + (0.587 * 20) + (0.114 * 30)];
        Assert.Equal(luma, Apply(image, Raw(null, 2, channels: 1)).Select(v => (double)v), (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void AnImageSmallerThanTheCropIsNamed()
    {
        var e = Assert.Throws<DataFormatException>(() => Apply(Grey(3, 2, (_, _) => 0), Raw(null, 3)));
        Assert.Contains("test image", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 × 2 pixels, smaller than the 3 × 3 crop", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultsComeFromAFixedInputShapeElseImageNet()
    {
        var fixedGrey = ImagePreprocessing.ForInputShape([-1, 1, 28, 32]);
        Assert.Equal((28, 28, 32, 1), (fixedGrey.ResizeShorterSide, fixedGrey.CropHeight, fixedGrey.CropWidth, fixedGrey.Channels));
        Assert.Equal([(0.485 + 0.456 + 0.406) / 3], fixedGrey.Mean);
        Assert.Equal([(0.229 + 0.224 + 0.225) / 3], fixedGrey.Std);

        var free = ImagePreprocessing.ForInputShape([-1, 3, -1, -1]);
        Assert.Equal((256, 224, 224, 3), (free.ResizeShorterSide, free.CropHeight, free.CropWidth, free.Channels));
        Assert.Equal([0.485, 0.456, 0.406], free.Mean);
        Assert.Throws<ArgumentException>(() => ImagePreprocessing.ForInputShape([-1, 4, 224, 224]));
    }

    [Fact]
    public void ValidateNamesEveryViolation()
    {
        var bad = new ImagePreprocessing { ResizeShorterSide = 100, CropHeight = 224, Channels = 2, Mean = [0.5], Std = [0, 1] };
        var e = Assert.Throws<ArgumentException>(bad.Validate);
        Assert.Contains("ResizeShorterSide (100) must be at least the smaller crop side (224)", e.Message, StringComparison.Ordinal);
        Assert.Contains("Channels must be 1 or 3 (got 2)", e.Message, StringComparison.Ordinal);
        Assert.Contains("Mean must hold 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("Std must hold 2 finite value(s) > 0", e.Message, StringComparison.Ordinal);
    }
}
