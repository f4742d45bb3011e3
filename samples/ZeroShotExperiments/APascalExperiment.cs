using System.Diagnostics;
using System.Globalization;
using SimZsl.Embedding;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>"Similarity is enough" on aPascal: the instances are 6 340 annotated objects (64 binary attributes each,
/// 20 classes), 5 classes unseen. The same head and seed on three semantic spaces: the class attribute vectors
/// themselves (class means of the instance attributes), κ-MDS prototypes built only from those vectors' cosine
/// similarity, and κ-MDS prototypes built from WordNet Wu–Palmer similarity (APY_wup.csv, matched by name).</summary>
internal static class APascalExperiment
{
    private static readonly string[] Unseen = ["bus", "cat", "cow", "motorbike", "sofa"];

    public static int Run(Arguments arguments)
    {
        int seed = arguments.Int("seed", 0), dimension = arguments.Int("dim", 10);
        var (features, labels) = APascalObjects.Read(Arguments.Data("aPascal", "apascal_train.txt"));
        var classes = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var attributes = ClassMeans(features, labels, classes);
        var wordnet = SimilarityMatrix.FromCsv(Arguments.Data("WordNet", "APY_wup.csv"));
        var wordnetRows = classes.Select(c => wordnet.ClassNames.ToList().IndexOf(c)).ToArray();
        if (wordnetRows.Any(r => r < 0))
        {
            throw new SimZslException("An aPascal class is missing from APY_wup.csv: " + string.Join(", ", classes.Where((c, i) => wordnetRows[i] < 0)));
        }

        var spaces = new List<(string Name, ClassPrototypes Prototypes)>
        {
            ("class attribute vectors (64-d)", new ClassPrototypes(classes, attributes, 0)),
        };
        foreach (double curvature in new[] { 0.0, -1.0 })
        {
            var options = new KappaMdsOptions { Dimension = dimension, Curvature = curvature, Seed = seed };
            var fromAttributes = SimilarityMatrix.FromVectors(classes, attributes).ToDistances();
            var fromWordNet = wordnet.Subset(wordnetRows).ToDistances();
            spaces.Add(($"κ-MDS of attribute cosine similarity, κ = {curvature:0}", new KappaMds(options).Fit(fromAttributes).Prototypes));
            spaces.Add(($"κ-MDS of WordNet wup, κ = {curvature:0}", new KappaMds(options).Fit(fromWordNet).Prototypes));
        }

        var split = ZeroShotSplit.Create(labels, Unseen, 0.2, seed);
        var trainFeatures = RowSelection.Select(features, split.Train);
        var trainLabels = RowSelection.Select(labels, split.Train);
        var testFeatures = RowSelection.Select(features, split.Test);
        var testLabels = RowSelection.Select(labels, split.Test);
        var table = new ResultTable($"aPascal objects (64 binary attributes per object), unseen {{{string.Join(", ", Unseen)}}}, {split.Train.Length} train / {split.TestSeen.Length} test-seen / {split.TestUnseen.Length} test-unseen, d = {dimension}, seed {seed}");
        foreach (var (name, prototypes) in spaces)
        {
            var clock = Stopwatch.StartNew();
            var ridge = RidgeRegressionBaseline.Fit(trainFeatures, trainLabels, prototypes, split.SeenClasses, lambda: 1);
            var (ridgePlain, ridgeCalibrated) = Evaluation.Run(ridge, testFeatures, testLabels, Unseen, seed);
            table.Add(name, "ridge regression → nearest prototype (peer)", ridgePlain, ridgeCalibrated, clock.Elapsed.TotalSeconds);
            var head = prototypes.Curvature < 0 ? new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Hyperbolic } : new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Softmax };
            clock.Restart();
            using var model = new ZeroShotTrainer(new ZeroShotTrainerOptions
            {
                Head = head, Encoder = EncoderKind.Linear, Epochs = 30, BatchSize = 64, LearningRate = 1e-3, Seed = seed, Threads = 1,
            }).Fit(trainFeatures, trainLabels, prototypes, split.SeenClasses);
            double seconds = clock.Elapsed.TotalSeconds;
            var (plain, calibrated) = Evaluation.Run(model, testFeatures, testLabels, Unseen, seed);
            table.Add(name, head.Kind == ZeroShotHeadKind.Softmax ? "softmax compatibility (ALE), linear" : "hyperbolic (cross-entropy), linear", plain, calibrated, seconds);
        }

        table.Print();
        return 0;
    }

    private static RowMatrix ClassMeans(RowMatrix features, string[] labels, string[] classes) =>
        RowMatrix.FromRows(classes.Select(c =>
        {
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            return Enumerable.Range(0, features.Columns).Select(k => rows.Average(r => features[r, k])).ToArray();
        }).ToList());
}
