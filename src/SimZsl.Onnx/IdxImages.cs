using System.Globalization;
using SimZsl.IO;

namespace SimZsl.Onnx;

/// <summary>Images stored as IDX (MNIST, Fashion-MNIST): an images file of N × height × width unsigned bytes (grey;
/// N × height × width × 3 is read as RGB), raw or gzip-compressed, and optionally the labels file of N bytes. A label k
/// is named by <c>classNames[k]</c>, or by its number when no names are given. The images file is read whole (it is
/// the input's size; the features are what is streamed).</summary>
public sealed class IdxImages : ImageSource
{
    private readonly IdxArray _images;
    private readonly string[]? _labels;
    private readonly int _height;
    private readonly int _width;
    private readonly int _channels;

    /// <summary>Reads the images (and labels) now.</summary>
    /// <param name="imagesPath">The IDX images, e.g. <c>t10k-images-idx3-ubyte.gz</c>.</param>
    /// <param name="labelsPath">The IDX labels, e.g. <c>t10k-labels-idx1-ubyte.gz</c>, or null for none.</param>
    /// <param name="classNames">The name of each label value (line k + 1 names label k), or null to name labels by
    /// their number.</param>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="DataFormatException">A file is not IDX, has the wrong shape, the two files disagree on the
    /// number of images, or a label has no name; the message names the file.</exception>
    public IdxImages(string imagesPath, string? labelsPath = null, IReadOnlyList<string>? classNames = null)
    {
        _images = IdxFile.Read(imagesPath);
        var shape = _images.Shape;
        bool rgb = shape.Count == 4 && shape[3] is 1 or 3;
        if (!(shape.Count == 3 || rgb) || shape[0] == 0 || shape[1] == 0 || shape[2] == 0)
        {
            throw new DataFormatException(imagesPath, $"an IDX images file has the shape (N, height, width) or (N, height, width, 1 or 3) with N, height and width ≥ 1; this one has ({string.Join(", ", shape)}). Is it a labels file?");
        }

        _height = shape[1];
        _width = shape[2];
        _channels = shape.Count == 4 ? shape[3] : 1;
        if (classNames is not null && labelsPath is null)
        {
            throw new ArgumentException("Class names were given without a labels file; give the IDX labels too.", nameof(classNames));
        }

        if (labelsPath is not null)
        {
            _labels = ReadLabels(labelsPath, imagesPath, _images.Count, classNames);
        }

        ImagesPath = imagesPath;
    }

    /// <summary>The IDX images file.</summary>
    public string ImagesPath { get; }

    /// <inheritdoc />
    public override int Count => _images.Count;

    /// <inheritdoc />
    public override bool HasLabels => _labels is not null;

    /// <inheritdoc />
    public override string? LabelOf(int index) => _labels?[index];

    /// <inheritdoc />
    public override string NameOf(int index) => string.Create(CultureInfo.InvariantCulture, $"{ImagesPath}, image {index + 1} of {Count}");

    /// <inheritdoc />
    public override ImagePixels Read(int index)
    {
        int size = _height * _width * _channels;
        return new ImagePixels(_width, _height, _channels, _images.Values.AsSpan(index * size, size).ToArray());
    }

    private static string[] ReadLabels(string labelsPath, string imagesPath, int count, IReadOnlyList<string>? names)
    {
        var labels = IdxFile.Read(labelsPath);
        if (labels.Shape.Count != 1)
        {
            throw new DataFormatException(labelsPath, $"an IDX labels file has one dimension (N); this one has ({string.Join(", ", labels.Shape)}). Is it an images file?");
        }

        if (labels.Count != count)
        {
            throw new DataFormatException(labelsPath, $"it has {labels.Count} labels but {imagesPath} has {count} images; give the labels file of the same set (train or test).");
        }

        var byValue = new string[256];
        for (int v = 0; v < byValue.Length; v++)
        {
            byValue[v] = names is null ? v.ToString(CultureInfo.InvariantCulture) : v < names.Count ? names[v] : null!;
        }

        var result = new string[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = byValue[labels.Values[i]] ?? throw new DataFormatException(labelsPath,
                $"label {i + 1} is {labels.Values[i]}, but only {names!.Count} class names were given (labels 0 to {names.Count - 1}); name every label value.", offset: 8 + i);   // after the magic number and the count
        }

        return result;
    }
}
