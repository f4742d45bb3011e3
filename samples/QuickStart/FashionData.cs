using SimZsl.IO;
using SimZsl.Samples.Shared;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.QuickStart;

/// <summary>The images of the QuickStart: Fashion-MNIST training images of the seen classes only (the unseen
/// classes' images are never shown to the model) and test images of all ten classes.</summary>
/// <param name="SeenPixels">Training images of the seen classes, one per row.</param>
/// <param name="SeenLabels">Their class names.</param>
/// <param name="Test">Test images of every class (t10k part).</param>
/// <param name="Source">Where the images came from.</param>
public sealed record FashionData(RowMatrix SeenPixels, string[] SeenLabels, LabelledImages Test, string Source)
{
    /// <summary>The classes held out of training: zero-shot means the model meets them first at test time.</summary>
    public static IReadOnlyList<string> Unseen { get; } = ["Sandal", "Shirt"];

    /// <summary>The full Debian set when installed, else the subset shipped under <paramref name="sampleData"/>;
    /// at most <paramref name="perClass"/> images per class from each part. <paramref name="shippedSubset"/> reads
    /// the shipped subset even when the Debian set is installed.</summary>
    public static FashionData Load(string sampleData, int perClass, bool shippedSubset = false)
    {
        var (train, test) = FashionMnist.Load(Path.Combine(sampleData, "FashionMNIST"), perClass, shippedSubset);
        var seenRows = Enumerable.Range(0, train.Labels.Length).Where(i => !Unseen.Contains(train.Labels[i])).ToArray();
        string source = Path.GetDirectoryName(train.Source) ?? train.Source;
        return new FashionData(RowSelection.Select(train.Pixels, seenRows), RowSelection.Select(train.Labels, seenRows), test, source);
    }
}
