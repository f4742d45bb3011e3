using SimZsl.IO;
using SimZsl.ZeroShot;
using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.Samples.Shared;

/// <summary>Fashion-MNIST as a user who brings features from any extractor has it: the principal components of the
/// pixels (/255), fitted on a seeded subset of the training images, for that subset and all test images. The PCA sees
/// the images of every class, unseen ones included, without labels, as a backbone pretrained on a large image
/// collection would; it is fitted once, not per split, so that every split sees the same features.</summary>
internal sealed record FashionPca(RowMatrix TrainFeatures, string[] TrainLabels, RowMatrix TestFeatures, string[] TestLabels, RowMatrix TrainPixels, RowMatrix TestPixels, string Source)
{
    public static FashionPca Load(int components, int trainImages, int seed)
    {
        var (train, test) = FashionMnist.Load(SampleOptions.Data("FashionMNIST"));
        var rows = Enumerable.Range(0, train.Labels.Length).ToArray();
        new Random(seed).Shuffle(rows);
        rows = [.. rows.Take(Math.Min(trainImages, rows.Length)).Order()];
        var trainPixels = Scale(RowSelection.Select(train.Pixels, rows));
        var testPixels = Scale(test.Pixels);
        using var scope = NewDisposeScope();
        var x = Tensor(trainPixels);
        var mean = x.mean([0], keepdim: true);
        var centred = x - mean;
        var (values, vectors) = linalg.eigh(centred.t().matmul(centred));
        var top = vectors.index_select(1, arange(vectors.shape[1] - 1, vectors.shape[1] - 1 - components, -1, dtype: int64));
        // Fix each component's sign (largest-magnitude entry positive) so that the features are deterministic.
        var largest = top.abs().argmax(0);
        top = top.mul(top.gather(0, largest.unsqueeze(0)).sign());
        return new FashionPca(Project(x, mean, top), RowSelection.Select(train.Labels, rows), Project(Tensor(testPixels), mean, top), test.Labels,
            trainPixels, testPixels, train.Source);
    }

    private static RowMatrix Scale(RowMatrix pixels) =>
        new(pixels.Rows, pixels.Columns, pixels.AsSpan().ToArray().Select(v => v / 255).ToArray());

    private static Tensor Tensor(RowMatrix m) => tensor(m.AsSpan().ToArray(), [m.Rows, m.Columns], float64);

    private static RowMatrix Project(Tensor x, Tensor mean, Tensor components)
    {
        using var projected = (x - mean).matmul(components).contiguous();
        return new RowMatrix((int)projected.shape[0], (int)projected.shape[1], projected.data<double>().ToArray());
    }
}
