using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>Writes the Fashion-MNIST subset that ships in samples/data/FashionMNIST: the first N training and M test
/// images of each class (file order) of the full Debian set, as gzip-compressed IDX files.</summary>
internal static class FashionSubset
{
    public static int Make(Arguments arguments)
    {
        int trainPerClass = arguments.Int("train", 600), testPerClass = arguments.Int("test", 300);
        string output = arguments.Text("out") ?? Arguments.Data("FashionMNIST");
        Directory.CreateDirectory(output);
        foreach (var (part, perClass) in new[] { ("train", trainPerClass), ("t10k", testPerClass) })
        {
            var images = FashionMnist.Read(FashionMnist.DebianFolder, part, perClass);
            var pixels = images.Pixels.AsSpan().ToArray().Select(v => (byte)v).ToArray();
            IdxFile.Write(Path.Combine(output, $"{part}-images-idx3-ubyte.gz"), new IdxArray([images.Labels.Length, FashionMnist.Side, FashionMnist.Side], pixels));
            IdxFile.Write(Path.Combine(output, $"{part}-labels-idx1-ubyte.gz"), new IdxArray([images.Labels.Length], images.LabelIndices));
            Console.WriteLine($"{part}: {images.Labels.Length} images ({perClass} per class) → {output}");
        }

        return 0;
    }
}
