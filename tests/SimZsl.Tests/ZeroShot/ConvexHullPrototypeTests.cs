using SimZsl.Embedding;
using SimZsl.Tests.Infrastructure;
using SimZsl.ZeroShot;

namespace SimZsl.Tests.ZeroShot;

/// <summary>κ-MDS prototypes are centred, and a prototype inside the convex hull of the others can never have the
/// largest dot product, whatever the projection. The default compatibility must still predict its class.</summary>
[Collection(LibTorchGlobalState.Name)]
public class ConvexHullPrototypeTests
{
    // Four classes on the unit circle and one at the centre, inside their hull; features are a fixed linear image of
    // each class's prototype plus noise. The centre class is unseen.
    private static (ClassPrototypes Prototypes, RowMatrix Features, string[] Labels) Problem()
    {
        var names = new[] { "east", "north", "west", "south", "centre" };
        var coordinates = new double[,] { { 1, 0 }, { 0, 1 }, { -1, 0 }, { 0, -1 }, { 0, 0 } };
        var mixing = new double[,] { { 0.9, -0.4 }, { 0.3, 1.1 }, { -0.7, 0.5 }, { 0.2, 0.8 } };
        var random = new Random(5);
        var rows = new List<double[]>();
        var labels = new List<string>();
        for (int c = 0; c < names.Length; c++)
        {
            for (int i = 0; i < 40; i++)
            {
                rows.Add(Enumerable.Range(0, 4).Select(f => (mixing[f, 0] * coordinates[c, 0]) + (mixing[f, 1] * coordinates[c, 1]) + (0.05 * ((2 * random.NextDouble()) - 1))).ToArray());
                labels.Add(names[c]);
            }
        }

        return (new ClassPrototypes(names, RowMatrix.FromArray(coordinates), 0), RowMatrix.FromRows(rows), [.. labels]);
    }

    [Theory]
    [InlineData("devise")]
    [InlineData("softmax")]
    public void DefaultCompatibilityPredictsTheClassInsideTheHull(string kind)
    {
        Assert.Equal(1.0, CentreAccuracy(new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Find(kind)! }));
    }

    [Theory]
    [InlineData("devise")]
    [InlineData("softmax")]
    public void PublishedDotProductNeverPredictsIt(string kind)
    {
        Assert.Equal(0.0, CentreAccuracy(new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Find(kind)!, Compatibility = Compatibility.Dot }));
    }

    // GZSL accuracy of the centre class, searching all five classes, after training on the four outer ones.
    private static double CentreAccuracy(ZeroShotHeadOptions head)
    {
        var (prototypes, features, labels) = Problem();
        var seenRows = Enumerable.Range(0, labels.Length).Where(i => labels[i] != "centre").ToArray();
        var options = new ZeroShotTrainerOptions { Head = head, Epochs = 60, BatchSize = 32, Seed = 1, Threads = 1, Device = ComputeDevice.Cpu };
        using var model = new ZeroShotTrainer(options).Fit(RowSelection.Select(features, seenRows), RowSelection.Select(labels, seenRows), prototypes);
        var metrics = model.Evaluate(features, labels, ["centre"]);
        return metrics.GzslPerClass["centre"];
    }
}
