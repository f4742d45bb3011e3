using SimZsl.Embedding;
using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>A trained zero-shot model: the projection's weights, the head, the fixed class prototypes (seen and
/// unseen) and the feature scaling. Score, predict and evaluate it; <c>SimZsl.IO.ZeroShotModelFile</c> saves and
/// loads it (<c>model.Save(path)</c>, <c>ZeroShotModel.Load(path)</c> with <c>using SimZsl.IO;</c>).</summary>
public sealed class ZeroShotModel : IZeroShotScorer, IDisposable
{
    private const int ScoringBatch = 2048;
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly Device _device;

    internal ZeroShotModel(EncoderSpec spec, nn.Module<Tensor, Tensor> encoder, IZeroShotHead head, ZeroShotHeadOptions? headOptions,
        ClassPrototypes prototypes, IReadOnlyList<string> seenClasses, FeatureScaling scaling, Device device)
    {
        Spec = spec;
        _encoder = encoder;
        _device = device;
        HeadOptions = headOptions;
        Head = head;
        Prototypes = prototypes;
        SeenClasses = seenClasses;
        Scaling = scaling;
        _encoder.eval();
    }

    /// <inheritdoc />
    public ClassPrototypes Prototypes { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SeenClasses { get; }

    /// <summary>The head's settings (its registered kind among them); null for a head of an unregistered kind,
    /// which therefore has no model file.</summary>
    public ZeroShotHeadOptions? HeadOptions { get; }

    /// <summary>The head.</summary>
    public IZeroShotHead Head { get; }

    /// <summary>The trainable projection's kind.</summary>
    public EncoderKind Encoder => Spec.Kind;

    /// <inheritdoc />
    public int FeatureCount => Spec.InputDimension;

    /// <summary>Where the model computes ("cpu" or "cuda:0").</summary>
    public string DeviceName => _device.ToString();

    internal EncoderSpec Spec { get; }

    internal FeatureScaling Scaling { get; }

    internal nn.Module<Tensor, Tensor> Module => _encoder;

    /// <summary>Scores of every row of <paramref name="features"/> against the given classes (N × C, row-major).</summary>
    public double[] Scores(RowMatrix features, IReadOnlyList<string> classes) =>
        Scores(features, ZeroShotInput.PrototypeRows(Prototypes, classes, "scored"));

    /// <inheritdoc />
    public double[] Scores(RowMatrix features, IReadOnlyList<int> prototypeRows)
    {
        ArgumentNullException.ThrowIfNull(prototypeRows);
        ZeroShotInput.CheckFeatures(features, "scored");
        ZeroShotInput.CheckFeatureCount(features, FeatureCount, "scored");
        var result = new double[(long)features.Rows * prototypeRows.Count];
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var prototypes = TensorData.Rows(Prototypes.Coordinates, prototypeRows, _device);
        for (int start = 0; start < features.Rows; start += ScoringBatch)
        {
            using var batchScope = NewDisposeScope();
            var rows = Enumerable.Range(start, Math.Min(ScoringBatch, features.Rows - start)).ToArray();
            var x = TensorData.Features(features, rows, Scaling, _device);
            var scores = Head.Scores(Head.Embed(_encoder.call(x)), prototypes);
            TensorData.ToDoubles(scores).CopyTo(result, (long)start * prototypeRows.Count);
        }

        return result;
    }

    /// <summary>The best class among <paramref name="candidateClasses"/> for every row.</summary>
    public string[] Predict(RowMatrix features, IReadOnlyList<string> candidateClasses)
    {
        ArgumentNullException.ThrowIfNull(candidateClasses);
        var scores = Scores(features, candidateClasses);
        int c = candidateClasses.Count;
        var result = new string[features.Rows];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = candidateClasses[ScoreMath.ArgMax(scores.AsSpan(i * c, c))];
        }

        return result;
    }

    /// <summary>ZSL and GZSL metrics (Xian et al.) on test instances of seen and unseen classes.</summary>
    public ZeroShotMetrics Evaluate(RowMatrix testFeatures, IReadOnlyList<string> testLabels, IReadOnlyList<string> unseenClasses, ZeroShotEvaluationOptions? options = null) =>
        ZeroShotEvaluator.Evaluate(this, testFeatures, testLabels, unseenClasses, options);

    /// <summary>The calibrated-stacking constant γ that maximises the GZSL harmonic mean on validation data.</summary>
    public double ChooseCalibration(RowMatrix validationFeatures, IReadOnlyList<string> validationLabels, IReadOnlyList<string> unseenClasses) =>
        CalibratedStacking.ChooseGamma(this, validationFeatures, validationLabels, unseenClasses);

    /// <summary>Frees the native weights.</summary>
    public void Dispose() => _encoder.Dispose();
}
