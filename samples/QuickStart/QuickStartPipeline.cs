using System.Diagnostics;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.QuickStart;

/// <summary>The whole job in a few lines: class similarity → κ-MDS prototypes → a zero-shot head trained on the
/// seen classes → evaluation on seen and unseen test images.</summary>
public sealed class QuickStartPipeline(QuickStartOptions options)
{
    /// <summary>The lines of C# that did the work, recorded as they run.</summary>
    public CodeLines Code { get; } = new();

    /// <summary>WordNet Wu–Palmer similarity of the ten Fashion-MNIST classes (shipped in samples/data/WordNet).</summary>
    public SimilarityMatrix LoadSimilarity(string sampleData) =>
        Code.Show("similarity", ClassMatrixFile.ReadSimilarityCsv(Path.Combine(sampleData, "WordNet", "FashionMNIST_wup.csv")));

    /// <summary>Embeds the classes in the setting's geometry, trains its head on the seen images and evaluates it.</summary>
    public GeometryResult Run(GeometrySetting setting, SimilarityMatrix similarity, FashionData data, IProgress<TrainingProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var prototypes = Code.Show("prototypes", new KappaMds(new KappaMdsOptions { Dimension = setting.Dimension, Curvature = setting.Curvature, Seed = options.Seed }).Fit(similarity.ToDistances()).Prototypes);
        using var model = Code.Show("model", new ZeroShotTrainer(setting.TrainerOptions(options)).Fit(data.SeenPixels, data.SeenLabels, prototypes, progress: progress));
        var metrics = Code.Show("metrics", model.Evaluate(data.Test.Pixels, data.Test.Labels, FashionData.Unseen));
        return new GeometryResult(setting, prototypes, metrics, Calibrated(model, data), clock.Elapsed.TotalSeconds);
    }

    // GZSL favours the seen classes; calibrated stacking subtracts γ from their scores. γ is chosen on every other
    // test image and the metrics are reported on the rest, so that γ never sees the images it is judged on.
    private static ZeroShotMetrics Calibrated(ZeroShotModel model, FashionData data)
    {
        var rows = Enumerable.Range(0, data.Test.Labels.Length);
        int[] choose = [.. rows.Where(i => i % 2 == 0)], report = [.. rows.Where(i => i % 2 == 1)];
        double gamma = model.ChooseCalibration(RowSelection.Select(data.Test.Pixels, choose), RowSelection.Select(data.Test.Labels, choose), FashionData.Unseen);
        return model.Evaluate(RowSelection.Select(data.Test.Pixels, report), RowSelection.Select(data.Test.Labels, report), FashionData.Unseen,
            new ZeroShotEvaluationOptions { CalibrationGamma = gamma });
    }
}
