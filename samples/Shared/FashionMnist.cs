using SimZsl.IO;

namespace SimZsl.Samples.Shared;

/// <summary>Fashion-MNIST (Xiao et al. 2017, MIT licence): 28 × 28 greyscale product photos of 10 classes. Prefers
/// the full set of the Debian package <c>dataset-fashion-mnist</c> (60 000 train + 10 000 test images under
/// <see cref="DebianFolder"/>) and falls back to a folder with the same four IDX files, such as the subset that
/// ships in the repository under samples/data/FashionMNIST.</summary>
public static class FashionMnist
{
    /// <summary>Where the Debian package installs the four IDX files.</summary>
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Image side length in pixels.</summary>
    public const int Side = 28;

    /// <summary>The class names of labels 0–9, as in samples/data/WordNet/FashionMNIST_*.csv.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The folder that will be read: the Debian one when its files are installed (and
    /// <paramref name="fallbackOnly"/> is false), else <paramref name="fallbackFolder"/>; null when neither has the files.</summary>
    public static string? Locate(string? fallbackFolder = null, bool fallbackOnly = false) =>
        !fallbackOnly && HasFiles(DebianFolder) ? DebianFolder : fallbackFolder is not null && HasFiles(fallbackFolder) ? fallbackFolder : null;

    /// <summary>Reads the training and test images of the folder <see cref="Locate"/> picks.</summary>
    /// <param name="fallbackFolder">Folder with the four IDX files, used when the Debian package is not installed.</param>
    /// <param name="maxPerClass">Keep at most this many images per class in each part (the first ones in file order).</param>
    /// <param name="fallbackOnly">Read <paramref name="fallbackFolder"/> even when the Debian package is installed.</param>
    public static (LabelledImages Train, LabelledImages Test) Load(string? fallbackFolder = null, int maxPerClass = int.MaxValue, bool fallbackOnly = false)
    {
        string folder = Locate(fallbackFolder, fallbackOnly) ?? throw new SimZslException(fallbackOnly
            ? $"Fashion-MNIST was not found in '{fallbackFolder ?? "(no folder given)"}' (its four *-ubyte.gz IDX files)."
            : $"Fashion-MNIST was not found in {DebianFolder} (apt-get install dataset-fashion-mnist) nor in '{fallbackFolder ?? "(no fallback folder given)"}'.");
        return (Read(folder, "train", maxPerClass), Read(folder, "t10k", maxPerClass));
    }

    /// <summary>Reads one part ("train" or "t10k") from a folder.</summary>
    public static LabelledImages Read(string folder, string part, int maxPerClass = int.MaxValue)
    {
        var images = IdxFile.Read(Path.Combine(folder, $"{part}-images-idx3-ubyte.gz"));
        var labels = IdxFile.Read(Path.Combine(folder, $"{part}-labels-idx1-ubyte.gz"));
        if (images.Shape.Count != 3 || images.Shape[1] != Side || images.Shape[2] != Side || labels.Shape.Count != 1 || labels.Count != images.Count)
        {
            throw new DataFormatException(folder, $"the {part} files hold images of shape ({string.Join(", ", images.Shape)}) and labels of shape ({string.Join(", ", labels.Shape)}); Fashion-MNIST needs N × 28 × 28 images and N labels.");
        }

        var perClass = new int[ClassNames.Count];
        var keep = new List<int>();
        for (int i = 0; i < labels.Count; i++)
        {
            int label = labels.Values[i];
            if (label >= ClassNames.Count)
            {
                throw new DataFormatException(folder, $"label {label} of {part} image {i} is not a Fashion-MNIST class (0–9).");
            }

            if (perClass[label]++ < maxPerClass)
            {
                keep.Add(i);
            }
        }

        int size = images.ItemSize;
        var pixels = new double[keep.Count * size];
        for (int k = 0; k < keep.Count; k++)
        {
            for (int p = 0; p < size; p++)
            {
                pixels[(k * size) + p] = images.Values[(keep[k] * size) + p];
            }
        }

        return new LabelledImages(new RowMatrix(keep.Count, size, pixels), keep.Select(i => ClassNames[labels.Values[i]]).ToArray(),
            keep.Select(i => labels.Values[i]).ToArray(), Side, Side, Path.Combine(folder, part));
    }

    private static readonly string[] FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    private static bool HasFiles(string folder) => FileNames.All(f => File.Exists(Path.Combine(folder, f)));
}
