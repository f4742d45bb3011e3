namespace SimZsl.Onnx;

/// <summary>One decoded image: 8-bit values row by row, the channels of a pixel side by side (height × width ×
/// channels, as a PNG stores them), grey (1 channel) or RGB (3).</summary>
public sealed class ImagePixels
{
    /// <summary>Wraps decoded values (not copied).</summary>
    /// <exception cref="ArgumentException">The sizes are not positive, the channels are not 1 or 3, or the values do
    /// not number width × height × channels.</exception>
    public ImagePixels(int width, int height, int channels, byte[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (channels is not (1 or 3))
        {
            throw new ArgumentException($"An image has 1 (grey) or 3 (RGB) channels, not {channels}.", nameof(channels));
        }

        if (values.LongLength != (long)width * height * channels)
        {
            throw new ArgumentException($"A {width} × {height} image of {channels} channel(s) has {(long)width * height * channels} values, not {values.LongLength}.", nameof(values));
        }

        Width = width;
        Height = height;
        Channels = channels;
        Values = values;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>1 (grey) or 3 (red, green, blue).</summary>
    public int Channels { get; }

    /// <summary>The values, height × width × channels, row-major.</summary>
    public byte[] Values { get; }
}
