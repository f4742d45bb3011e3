namespace SimZsl.Onnx;

/// <summary>Applies an <see cref="ImagePreprocessing"/> to one decoded image, writing the network's C × H × W input.
/// Resizing is separable antialiased bilinear (a triangle filter widened by the downscale factor, with the weights
/// renormalised at the borders), the formula of torch's interpolate(mode="bilinear", antialias=True,
/// align_corners=False) and of PIL's BILINEAR, computed in floating point: it matches a torchvision pipeline on float
/// tensors to rounding (the shipped test network's script), while pipelines that round to 8-bit pixels after the
/// resize (PIL images, uint8 tensors) differ by up to half a grey level. Only the cropped window is resampled.</summary>
internal static class ImageTransform
{
    public static void Apply(ImagePixels image, ImagePreprocessing preprocessing, Span<float> destination, string name)
    {
        int channels = preprocessing.Channels, cropHeight = preprocessing.CropHeight, cropWidth = preprocessing.CropWidth;
        var planes = Planes(image, channels);
        var (height, width) = ResizedSize(image.Width, image.Height, preprocessing.ResizeShorterSide);
        if (height < cropHeight || width < cropWidth)
        {
            throw new DataFormatException(name, $"the image is {image.Width} × {image.Height} pixels{(height != image.Height || width != image.Width ? $" ({width} × {height} after resizing)" : string.Empty)}, smaller than the {cropWidth} × {cropHeight} crop; resize it (--resize) to at least the crop.");
        }

        // torchvision's CenterCrop: int(round((size - crop) / 2.0)), Python's round being half to even.
        int top = (int)Math.Round((height - cropHeight) / 2.0, MidpointRounding.ToEven);
        int left = (int)Math.Round((width - cropWidth) / 2.0, MidpointRounding.ToEven);
        var rows = Filter.For(image.Height, height, top, cropHeight);
        var columns = Filter.For(image.Width, width, left, cropWidth);
        var resized = new float[planes.Length][];
        for (int p = 0; p < planes.Length; p++)
        {
            resized[p] = Resample(planes[p], image.Width, image.Height, rows, columns);
        }

        int area = cropHeight * cropWidth;
        for (int c = 0; c < channels; c++)
        {
            var plane = resized[Math.Min(c, resized.Length - 1)];   // one grey plane serves the three channels
            double mean = preprocessing.Mean[c], std = preprocessing.Std[c];
            var target = destination.Slice(c * area, area);
            for (int k = 0; k < area; k++)
            {
                target[k] = (float)(((plane[k] / 255.0) - mean) / std);
            }
        }
    }

    /// <summary>The size after resizing the shorter side to <paramref name="shorter"/>: the longer side is
    /// int(shorter × long / short), as torchvision computes it.</summary>
    internal static (int Height, int Width) ResizedSize(int width, int height, int? shorter)
    {
        if (shorter is not { } s)
        {
            return (height, width);
        }

        return height <= width ? (s, (int)((double)s * width / height)) : ((int)((double)s * height / width), s);
    }

    // The channels the network wants, as planes of 0–255 values: grey stays one plane (replicated when written),
    // RGB into grey is ITU-R 601 luma.
    private static float[][] Planes(ImagePixels image, int channels)
    {
        int n = image.Width * image.Height;
        var v = image.Values;
        if (image.Channels == 1)
        {
            var grey = new float[n];
            for (int k = 0; k < n; k++)
            {
                grey[k] = v[k];
            }

            return [grey];
        }

        if (channels == 1)
        {
            var luma = new float[n];
            for (int k = 0; k < n; k++)
            {
                luma[k] = (float)((0.299 * v[3 * k]) + (0.587 * v[(3 * k) + 1]) + (0.114 * v[(3 * k) + 2]));
            }

            return [luma];
        }

        var planes = new[] { new float[n], new float[n], new float[n] };
        for (int k = 0; k < n; k++)
        {
            planes[0][k] = v[3 * k];
            planes[1][k] = v[(3 * k) + 1];
            planes[2][k] = v[(3 * k) + 2];
        }

        return planes;
    }

    // Columns first (every source row, the cropped output columns), then rows.
    private static float[] Resample(float[] plane, int width, int height, Filter rows, Filter columns)
    {
        int outWidth = columns.Count, outHeight = rows.Count;
        var across = new double[height * outWidth];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < outWidth; x++)
            {
                double sum = 0;
                var weights = columns.Weights[x];
                for (int j = 0; j < weights.Length; j++)
                {
                    sum += weights[j] * plane[(y * width) + columns.Start[x] + j];
                }

                across[(y * outWidth) + x] = sum;
            }
        }

        var result = new float[outHeight * outWidth];
        for (int y = 0; y < outHeight; y++)
        {
            var weights = rows.Weights[y];
            for (int x = 0; x < outWidth; x++)
            {
                double sum = 0;
                for (int j = 0; j < weights.Length; j++)
                {
                    sum += weights[j] * across[((rows.Start[y] + j) * outWidth) + x];
                }

                result[(y * outWidth) + x] = (float)sum;
            }
        }

        return result;
    }

    /// <summary>For each output index of one axis, the first input index and the weights of the inputs from there.</summary>
    internal sealed record Filter(int[] Start, double[][] Weights)
    {
        public int Count => Start.Length;

        /// <summary>The weights of outputs <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/>
        /// − 1 when <paramref name="inSize"/> samples are resized to <paramref name="outSize"/>. With scale = in / out,
        /// output i is centred at scale·(i + ½); the triangle filter has support max(scale, 1) and the weights are
        /// 1 − |(j + ½ − centre) / max(scale, 1)|, clipped to the input and normalised to sum to 1.</summary>
        public static Filter For(int inSize, int outSize, int first, int count)
        {
            var start = new int[count];
            var weights = new double[count][];
            double scale = (double)inSize / outSize;
            double support = Math.Max(scale, 1.0);
            for (int i = 0; i < count; i++)
            {
                double center = scale * (first + i + 0.5);
                // Truncation toward zero, then clipping, as torch's int64 casts do.
                int lo = Math.Max((int)(center - support + 0.5), 0);
                int hi = Math.Min((int)(center + support + 0.5), inSize);
                var w = new double[hi - lo];
                double total = 0;
                for (int j = 0; j < w.Length; j++)
                {
                    w[j] = Math.Max(0, 1 - Math.Abs((lo + j + 0.5 - center) / support));
                    total += w[j];
                }

                for (int j = 0; j < w.Length && total > 0; j++)
                {
                    w[j] /= total;
                }

                start[i] = lo;
                weights[i] = w;
            }

            return new Filter(start, weights);
        }
    }
}
