using SkiaSharp;

namespace SimZsl.Onnx;

/// <summary>Images in one sub-folder per class (torchvision's ImageFolder layout): <c>DIR/cat/1.png</c>,
/// <c>DIR/dog/a.jpg</c>, … The class name is the sub-folder's name. Classes and the files in each are taken in ordinal
/// name order, so the rows of the features do not depend on the file system. PNG, JPEG, BMP, GIF (first frame) and
/// WebP are decoded with SkiaSharp, without colour management or EXIF rotation (as PIL and torchvision do by
/// default). Images anywhere below a class's sub-folder count, as in torchvision; other files, and files or folders
/// whose names start with a dot, are skipped.</summary>
public sealed class ImageFolder : ImageSource
{
    /// <summary>The file extensions read, for messages.</summary>
    public const string Extensions = ".png, .jpg, .jpeg, .bmp, .gif, .webp";

    private static readonly HashSet<string> Readable = new(Extensions.Split(", "), StringComparer.OrdinalIgnoreCase);

    // Decoding a larger picture would take gigabytes for one feature row; nothing a network sees needs it.
    private const long MaxPixels = 1L << 28;

    private readonly (string Path, string Label)[] _files;

    /// <summary>Lists the images under <paramref name="path"/> (nothing is decoded yet).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="DataFormatException">It has no sub-folders, or a sub-folder has no image; the message says
    /// which and what the layout must be.</exception>
    public ImageFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            throw new DataFormatException(path, $"this is a file; give a folder with one sub-folder of images per class (e.g. {Path.Combine(path, "cat", "1.png")}).");
        }

        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The image folder '{path}' does not exist.");
        }

        var classes = Directory.GetDirectories(path).Where(Visible).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0)
        {
            throw new DataFormatException(path, $"the folder has no sub-folders. Put the images of each class in a sub-folder named for the class ({Path.Combine(path, "CLASS", "image.png")}).");
        }

        var files = new List<(string, string)>();
        foreach (string folder in classes)
        {
            string label = Path.GetFileName(folder);
            // As torchvision's ImageFolder: the class folder's whole tree, in name order of the path below it.
            var images = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).All(Visible) && Readable.Contains(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (images.Length == 0)
            {
                throw new DataFormatException(folder, $"the class folder '{label}' has no images ({Extensions}); add some or remove the folder.");
            }

            files.AddRange(images.Select(f => (f, label)));
        }

        Folder = path;
        ClassNames = classes.Select(Path.GetFileName).ToArray()!;
        _files = files.ToArray();
    }

    /// <summary>The folder given.</summary>
    public string Folder { get; }

    /// <summary>The class names (sub-folder names), in the order their images come.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public override int Count => _files.Length;

    /// <inheritdoc />
    public override bool HasLabels => true;

    /// <inheritdoc />
    public override string LabelOf(int index) => _files[index].Label;

    /// <inheritdoc />
    public override string NameOf(int index) => _files[index].Path;

    /// <inheritdoc />
    public override ImagePixels Read(int index)
    {
        string file = _files[index].Path;
        try
        {
            return Decode(file);
        }
        catch (IOException e)
        {
            throw new DataFormatException(file, $"cannot read the image: {e.Message}", innerException: e);
        }
    }

    // Hidden entries are tools' leftovers, not classes or images: ".ipynb_checkpoints", macOS's "._photo.jpg".
    private static bool Visible(string path) => !Path.GetFileName(path).StartsWith('.');

    private static ImagePixels Decode(string file)
    {
        using var codec = SKCodec.Create(file, out var opened)
            ?? throw new DataFormatException(file, $"cannot decode the image ({Describe(opened)}): it is damaged or not a {Extensions} image. Replace or remove it.");
        var size = codec.Info;
        if ((long)size.Width * size.Height > MaxPixels)
        {
            throw new DataFormatException(file, $"the image is {size.Width} × {size.Height} pixels, more than the {MaxPixels} read; shrink it first.");
        }

        // Grey stays one channel (the preprocessing replicates it); everything else becomes RGB. Alpha is dropped
        // unmultiplied, as PIL's convert("RGB") does. No colour space: the stored values, without colour management.
        bool grey = size.ColorType == SKColorType.Gray8;
        var info = new SKImageInfo(size.Width, size.Height, grey ? SKColorType.Gray8 : SKColorType.Rgba8888, grey ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var result = codec.GetPixels(info, out byte[] pixels);
        if (result != SKCodecResult.Success)
        {
            throw new DataFormatException(file, $"cannot decode the image ({Describe(result)}): it is damaged or truncated. Replace or remove it.");
        }

        return grey ? new ImagePixels(size.Width, size.Height, 1, pixels) : new ImagePixels(size.Width, size.Height, 3, DropAlpha(pixels));
    }

    private static byte[] DropAlpha(byte[] rgba)
    {
        var rgb = new byte[rgba.Length / 4 * 3];
        for (int p = 0, q = 0; p < rgba.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }

        return rgb;
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput => "the data ends early or is corrupt",
        SKCodecResult.InvalidInput => "the content is not an image SkiaSharp knows",
        SKCodecResult.Unimplemented => "this variant of the format is not supported",
        _ => result.ToString(),
    };
}
