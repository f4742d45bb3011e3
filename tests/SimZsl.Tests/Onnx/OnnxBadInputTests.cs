using SimZsl.IO;
using SimZsl.Onnx;
using SimZsl.Tests.Cli;

namespace SimZsl.Tests.Onnx;

/// <summary>What a user gets wrong (a missing model, a flat folder, a broken image, IDX files that do not belong
/// together) gives an error that names the file and says what to do.</summary>
public class OnnxBadInputTests
{
    private static string FolderWith(params (string File, byte[] Content)[] files)
    {
        string root = CliRunner.TempFolder();
        foreach (var (file, content) in files)
        {
            string path = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }

        return root;
    }

    private static byte[] ShippedPng => File.ReadAllBytes(Path.Combine(OnnxTestData.Images, "Sneaker", "0.png"));

    private static DataFormatException ExtractFails(string folder)
    {
        using var extractor = new OnnxFeatureExtractor(OnnxTestData.Model);
        return Assert.Throws<DataFormatException>(() => extractor.Extract(new ImageFolder(folder), Stream.Null));
    }

    [Fact]
    public void AMissingModelIsNamed()
    {
        string missing = Path.Combine(CliRunner.TempFolder(), "resnet.onnx");
        var e = Assert.Throws<FileNotFoundException>(() => new OnnxFeatureExtractor(missing));
        Assert.Contains($"The ONNX model '{missing}' does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNoOnnxModelIsNamed()
    {
        string root = FolderWith(("model.onnx", "not a protobuf at all"u8.ToArray()));
        string model = Path.Combine(root, "model.onnx");
        var e = Assert.Throws<DataFormatException>(() => new OnnxFeatureExtractor(model));
        Assert.StartsWith(model + ": ONNX Runtime cannot load the model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImagesBelowAClassFolderCountAndHiddenOnesDoNot()
    {
        // As torchvision's ImageFolder: the whole tree under a class folder, in path order; dot-names skipped.
        string root = FolderWith(("cat/b.png", ShippedPng), ("cat/2024/a.png", ShippedPng), ("cat/.thumbs/c.png", ShippedPng),
            ("cat/.d.png", ShippedPng), ("dog/x.png", ShippedPng), ("dog/notes.txt", "not an image"u8.ToArray()));
        var folder = new ImageFolder(root);
        Assert.Equal(3, folder.Count);
        Assert.Equal(["cat", "cat", "dog"], Enumerable.Range(0, 3).Select(folder.LabelOf));
        Assert.EndsWith(Path.Combine("cat", "2024", "a.png"), folder.NameOf(0), StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("cat", "b.png"), folder.NameOf(1), StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderWithoutSubFoldersSaysWhatTheLayoutMustBe()
    {
        string root = FolderWith(("a.png", ShippedPng));
        var e = Assert.Throws<DataFormatException>(() => new ImageFolder(root));
        Assert.Contains(root, e.Message, StringComparison.Ordinal);
        Assert.Contains("has no sub-folders. Put the images of each class in a sub-folder named for the class", e.Message, StringComparison.Ordinal);
        Assert.Throws<DirectoryNotFoundException>(() => new ImageFolder(Path.Combine(root, "nothing")));
    }

    [Fact]
    public void AClassFolderWithoutImagesIsNamed()
    {
        string root = FolderWith(("cat/1.png", ShippedPng), ("dog/notes.txt", "x"u8.ToArray()));
        var e = Assert.Throws<DataFormatException>(() => new ImageFolder(root));
        Assert.Contains("the class folder 'dog' has no images", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HiddenFoldersAndFilesAreNotClassesOrImages()
    {
        string root = FolderWith(("cat/1.png", ShippedPng), ("cat/._1.png", "AppleDouble"u8.ToArray()), (".ipynb_checkpoints/x.png", ShippedPng));
        var folder = new ImageFolder(root);
        Assert.Equal(["cat"], folder.ClassNames);
        Assert.Equal(Path.Combine(root, "cat", "1.png"), Assert.Single(Enumerable.Range(0, folder.Count).Select(folder.NameOf)));
    }

    [Fact]
    public void ACorruptPngNamesTheFile()
    {
        string root = FolderWith(("cat/1.png", ShippedPng), ("cat/2.png", "\x89PNG but nothing after"u8.ToArray()));
        var e = ExtractFails(root);
        Assert.StartsWith(Path.Combine(root, "cat", "2.png") + ": cannot decode the image", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedPngNamesTheFile()
    {
        var png = ShippedPng;
        string root = FolderWith(("cat/1.png", png), ("dog/cut.png", png[..(png.Length / 2)]));
        var e = ExtractFails(root);
        Assert.StartsWith(Path.Combine(root, "dog", "cut.png") + ": cannot decode the image", e.Message, StringComparison.Ordinal);
        Assert.Contains("damaged or truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdxLabelsOfAnotherSetAreRefused()
    {
        string labels = RepositoryPaths.Data("FashionMNIST", "train-labels-idx1-ubyte.gz");
        var e = Assert.Throws<DataFormatException>(() => new IdxImages(OnnxTestData.IdxImages, labels));
        Assert.Contains("it has 6000 labels but", e.Message, StringComparison.Ordinal);
        Assert.Contains("has 3000 images", e.Message, StringComparison.Ordinal);

        var swapped = Assert.Throws<DataFormatException>(() => new IdxImages(OnnxTestData.IdxLabels));
        Assert.Contains("Is it a labels file?", swapped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALabelWithoutANameIsNamed()
    {
        var e = Assert.Throws<DataFormatException>(() => new IdxImages(OnnxTestData.IdxImages, OnnxTestData.IdxLabels, ["T-shirt/top", "Trouser"]));
        Assert.StartsWith(OnnxTestData.IdxLabels + " at byte offset", e.Message, StringComparison.Ordinal);
        Assert.Contains("only 2 class names were given", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImagesOfAnotherSizeAreResizedAndMixedKindsDecode()
    {
        // A JPEG (lossy, so compared loosely) and a PNG of 40 × 30 pixels, resized and cropped to 28 × 28.
        string root = CliRunner.TempFolder();
        Directory.CreateDirectory(Path.Combine(root, "a"));
        using (var bitmap = new SkiaSharp.SKBitmap(40, 30))
        {
            bitmap.Erase(new SkiaSharp.SKColor(200, 100, 50));
            foreach (var (name, format) in new[] { ("x.jpg", SkiaSharp.SKEncodedImageFormat.Jpeg), ("y.png", SkiaSharp.SKEncodedImageFormat.Png) })
            {
                using var data = bitmap.Encode(format, 100);
                File.WriteAllBytes(Path.Combine(root, "a", name), data.ToArray());
            }
        }

        var folder = new ImageFolder(root);
        Assert.Equal(2, folder.Count);
        var p = new ImagePreprocessing { ResizeShorterSide = 28, CropHeight = 28, CropWidth = 28, Mean = [0, 0, 0], Std = [1 / 255.0, 1 / 255.0, 1 / 255.0] };
        for (int i = 0; i < folder.Count; i++)
        {
            var values = new float[3 * 28 * 28];
            ImageTransform.Apply(folder.Read(i), p, values, folder.NameOf(i));
            Assert.InRange(values[0], 198, 202);
            Assert.InRange(values[28 * 28], 98, 102);
            Assert.InRange(values[2 * 28 * 28], 48, 52);
        }
    }
}
