using System.Text;
using SimZsl.IO;

namespace SimZsl.Onnx;

/// <summary>Images to extract features from, each with its class name: an <see cref="ImageFolder"/>, IDX files
/// (<see cref="IdxImages"/>) or a source of your own. The number of images is known before any is decoded, so that
/// the features can be streamed to a <c>.npy</c> whose header comes first.</summary>
public abstract class ImageSource
{
    /// <summary>The number of images.</summary>
    public abstract int Count { get; }

    /// <summary>Whether every image has a class name (<see cref="LabelOf"/>).</summary>
    public abstract bool HasLabels { get; }

    /// <summary>The class name of image <paramref name="index"/>, or null when the source has no labels.</summary>
    public abstract string? LabelOf(int index);

    /// <summary>Where image <paramref name="index"/> comes from, for messages (a file path, "file, image 17").</summary>
    public abstract string NameOf(int index);

    /// <summary>Decodes image <paramref name="index"/>. Called from several threads at once for different images.</summary>
    /// <exception cref="DataFormatException">The image cannot be decoded; the message names it.</exception>
    public abstract ImagePixels Read(int index);

    /// <summary>The first <paramref name="count"/> images of this source (all of them when it has fewer).</summary>
    public ImageSource Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return count >= Count ? this : new FirstImages(this, count);
    }

    /// <summary>Writes the labels file of the features: one class name per line, in image order, quoted as in CSV
    /// when a name holds a comma or a quote (what <c>simzsl zsl --labels</c> reads).</summary>
    /// <exception cref="InvalidOperationException">The source has no labels.</exception>
    public void WriteLabels(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!HasLabels)
        {
            throw new InvalidOperationException("These images have no class names to write.");
        }

        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        for (int i = 0; i < Count; i++)
        {
            writer.WriteLine(CsvMatrixFile.Quote(LabelOf(i)!));
        }
    }

    private sealed class FirstImages(ImageSource all, int count) : ImageSource
    {
        public override int Count => count;

        public override bool HasLabels => all.HasLabels;

        public override string? LabelOf(int index) => all.LabelOf(index);

        public override string NameOf(int index) => all.NameOf(index);

        public override ImagePixels Read(int index) => all.Read(index);
    }
}
