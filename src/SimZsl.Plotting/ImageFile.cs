using ScottPlot;

namespace SimZsl.Plotting;

/// <summary>Encodes a picture in the format its file name asks for (.png, .jpg/.jpeg, .bmp, .webp; PNG when the
/// name has no extension, e.g. a device). A picture named p.jpg used to hold PNG bytes, which some viewers and
/// uploaders refuse. The plots write to a stream and the file is the caller's (the tool and the samples commit it
/// atomically with the library's AtomicFile), so that drawing does not depend on the library's file handling.</summary>
public static class ImageFile
{
    /// <summary>The extensions that can be written, for messages.</summary>
    public const string Supported = ".png, .jpg, .jpeg, .bmp or .webp";

    /// <summary>The format for <paramref name="path"/>, or null when its extension names none that can be written.</summary>
    public static ImageFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        "" or ".png" => ImageFormat.Png,
        ".jpg" or ".jpeg" => ImageFormat.Jpeg,
        ".bmp" => ImageFormat.Bmp,
        ".webp" => ImageFormat.Webp,
        _ => null,
    };

    /// <summary>The format for <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The extension names no format that can be written.</exception>
    public static ImageFormat RequireFormat(string path) =>
        FormatOf(path) ?? throw new ArgumentException($"Cannot write a picture named '{path}': the name must end in {Supported}.", nameof(path));

    /// <summary>Renders <paramref name="plot"/> at the given size and writes it to <paramref name="output"/>.</summary>
    public static void Write(Stream output, ImageFormat format, Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plot);
        output.Write(plot.GetImageBytes(width, height, format));
    }
}
