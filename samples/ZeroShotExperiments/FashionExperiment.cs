using System.Diagnostics;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>Fashion-MNIST with WordNet Wu–Palmer class similarity, unseen {Sandal, Shirt}: κ-MDS prototypes in
/// each geometry, every head that fits the geometry, on raw pixels (an MLP projection) and with a small CNN trained
/// end to end; the ridge-regression peer on the same pixels and prototypes.</summary>
internal static class FashionExperiment
{
    private static readonly string[] Unseen = ["Sandal", "Shirt"];

    public static int Run(Arguments arguments)
    {
        int seed = arguments.Int("seed", 0), perClass = arguments.Int("per-class", 2000), epochs = arguments.Int("epochs", 10);
        int dimension = arguments.Int("dim", 5), threads = arguments.Int("threads", 2);
        var encoders = (arguments.Text("encoders") ?? "mlp,cnn").Split(',');
        var (train, test) = FashionMnist.Load(Arguments.Data("FashionMNIST"), perClass);
        Console.Error.WriteLine($"Fashion-MNIST from {train.Source}: {train.Pixels.Rows} train, {test.Pixels.Rows} test images; unseen {string.Join(", ", Unseen)}");
        var seenRows = Enumerable.Range(0, train.Labels.Length).Where(i => !Unseen.Contains(train.Labels[i])).ToArray();
        var trainPixels = RowSelection.Select(train.Pixels, seenRows);
        var trainLabels = RowSelection.Select(train.Labels, seenRows);
        var similarity = SimilarityMatrix.FromCsv(Arguments.Data("WordNet", "FashionMNIST_wup.csv"));

        var table = new ResultTable($"Fashion-MNIST, unseen {{Sandal, Shirt}}, WordNet wup → arccos → κ-MDS (d = {dimension}); {trainPixels.Rows} seen training images, {test.Pixels.Rows} test images (t10k), seed {seed}");
        foreach (double curvature in new[] { 0.0, 1.0, -1.0 })
        {
            var prototypes = new KappaMds(new KappaMdsOptions { Dimension = dimension, Curvature = curvature, Seed = seed }).Fit(similarity.ToDistances()).Prototypes;
            string space = $"κ = {curvature:+0;-0;0}";
            var clock = Stopwatch.StartNew();
            var ridge = RidgeRegressionBaseline.Fit(trainPixels, trainLabels, prototypes, lambda: 100);
            var (ridgePlain, ridgeCalibrated) = Evaluation.Run(ridge, test.Pixels, test.Labels, Unseen, seed);
            table.Add(space, "ridge regression → nearest prototype (peer)", ridgePlain, ridgeCalibrated, clock.Elapsed.TotalSeconds);
            foreach (var head in HeadsFor(curvature))
            {
                foreach (var encoder in encoders)
                {
                    var options = Options(head, encoder, seed, epochs, threads);
                    clock.Restart();
                    using var model = new ZeroShotTrainer(options).Fit(trainPixels, trainLabels, prototypes);
                    double seconds = clock.Elapsed.TotalSeconds;
                    var (plain, calibrated) = Evaluation.Run(model, test.Pixels, test.Labels, Unseen, seed);
                    table.Add(space, $"{Describe(head)}, {(encoder == "cnn" ? "CNN end to end" : "MLP on pixels")}", plain, calibrated, seconds);
                }
            }
        }

        table.Print();
        return 0;
    }

    private static IEnumerable<ZeroShotHeadOptions> HeadsFor(double curvature) => curvature switch
    {
        0 => [new() { Kind = ZeroShotHeadKind.DeViSE }, new() { Kind = ZeroShotHeadKind.Softmax }],
        > 0 => [new() { Kind = ZeroShotHeadKind.Prototype }, new() { Kind = ZeroShotHeadKind.DeViSE, Compatibility = Compatibility.Cosine }, new() { Kind = ZeroShotHeadKind.Softmax }],
        _ => [new() { Kind = ZeroShotHeadKind.Hyperbolic }, new() { Kind = ZeroShotHeadKind.Hyperbolic, HyperbolicLoss = HyperbolicLoss.Hinge }],
    };

    private static string Describe(ZeroShotHeadOptions head) => head.Kind switch
    {
        ZeroShotHeadKind.DeViSE => $"DeViSE ({head.Compatibility.ToString().ToLowerInvariant()})",
        ZeroShotHeadKind.Hyperbolic => $"hyperbolic ({(head.HyperbolicLoss == HyperbolicLoss.Hinge ? "hinge" : "cross-entropy")})",
        ZeroShotHeadKind.Prototype => "hyperspherical prototypes",
        _ => "softmax compatibility",
    };

    private static ZeroShotTrainerOptions Options(ZeroShotHeadOptions head, string encoder, int seed, int epochs, int threads) => new()
    {
        Head = head,
        Encoder = encoder == "cnn" ? EncoderKind.SmallCnn : EncoderKind.Mlp,
        HiddenDimension = encoder == "cnn" ? 128 : 512,
        Epochs = epochs,
        BatchSize = 128,
        LearningRate = 1e-3,
        Patience = 3,
        Seed = seed,
        Threads = threads,
    };
}
