using SimZsl.IO;

namespace SimZsl.Tests.Onnx;

/// <summary>The shipped test network and what its exporting script computed with torch
/// (samples/data/onnx/make_tiny_cnn.py; SOURCES.md there).</summary>
internal static class OnnxTestData
{
    public const int IdxRows = 32;

    public static string Model => RepositoryPaths.Data("onnx", "tiny_cnn.onnx");

    public static string Images => RepositoryPaths.Data("onnx", "images");

    public static string ClassNames => RepositoryPaths.Data("onnx", "fashion-mnist-classes.txt");

    public static string IdxImages => RepositoryPaths.Data("FashionMNIST", "t10k-images-idx3-ubyte.gz");

    public static string IdxLabels => RepositoryPaths.Data("FashionMNIST", "t10k-labels-idx1-ubyte.gz");

    /// <summary>The script's features of images/ (Bag ×4, Sneaker ×3, Trouser ×3, files in name order).</summary>
    public static NpyArray ExpectedImages => NpyFile.Read(RepositoryPaths.Data("onnx", "expected_images.npy"));

    /// <summary>The script's features of the first <see cref="IdxRows"/> IDX test images.</summary>
    public static NpyArray ExpectedIdx => NpyFile.Read(RepositoryPaths.Data("onnx", "expected_idx.npy"));

    public static readonly string[] FolderLabels = ["Bag", "Bag", "Bag", "Bag", "Sneaker", "Sneaker", "Sneaker", "Trouser", "Trouser", "Trouser"];

    /// <summary>Largest absolute difference between the first rows of <paramref name="actual"/> and all of <paramref name="expected"/>.</summary>
    public static double MaxDifference(NpyArray expected, NpyArray actual)
    {
        Assert.Equal(expected.ShapeList[1], actual.ShapeList[1]);
        Assert.True(actual.ShapeList[0] >= expected.ShapeList[0]);
        double worst = 0;
        for (int k = 0; k < expected.Values.Length; k++)
        {
            worst = Math.Max(worst, Math.Abs(expected.Values[k] - actual.Values[k]));
        }

        return worst;
    }
}
