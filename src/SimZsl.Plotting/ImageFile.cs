using ScottPlot;
using SimZsl.IO;

namespace SimZsl.Plotting;

/// <summary>Writes a picture in the format its file name asks for (.png, .jpg/.jpeg, .bmp, .webp; PNG when the
/// name has no extension, e.g. a device), atomically. A picture named p.jpg used to hold PNG bytes, which some
/// viewers and uploaders refuse.</summary>
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

    /// <summary>Renders <paramref name="plot"/> at the given size and writes it atomically.</summary>
    /// <exception cref="ArgumentException">The extension names no format that can be written.</exception>
    public static void Save(string path, Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var format = FormatOf(path) ?? throw new ArgumentException($"Cannot write a picture named '{path}': the name must end in {Supported}.", nameof(path));
        byte[] bytes = plot.GetImageBytes(width, height, format);
        AtomicFile.Write(path, s => s.Write(bytes));
    }
}
