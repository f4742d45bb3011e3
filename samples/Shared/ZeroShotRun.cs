using SimZsl.Embedding;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.Shared;

/// <summary>One zero-shot training and evaluation with the head that fits the prototypes' geometry: softmax
/// compatibility (κ = 0), hyperspherical prototypes (κ &gt; 0), hyperbolic cross-entropy (κ &lt; 0); an MLP encoder.</summary>
internal sealed record ZeroShotRun(RowMatrix TrainFeatures, string[] TrainLabels, RowMatrix TestFeatures, string[] TestLabels, IReadOnlyList<string> Unseen)
{
    public int Epochs { get; init; } = 10;

    public int HiddenDimension { get; init; } = 128;

    public int Seed { get; init; }

    /// <summary>Per-class mean top-1 accuracy on the unseen test instances, search over the unseen classes.</summary>
    public ZeroShotMetrics Evaluate(ClassPrototypes prototypes) => TryEvaluate(prototypes)
        ?? throw new SimZslException("Zero-shot training failed (see the message above).");

    /// <summary>As <see cref="Evaluate"/>, or null (with a message on stderr) when the prototypes are not finite
    /// (an embedding that failed at this curvature), so one failed configuration does not end a sweep.</summary>
    public ZeroShotMetrics? TryEvaluate(ClassPrototypes prototypes)
    {
        if (prototypes.Coordinates.AsSpan().ToArray().Any(v => !double.IsFinite(v)))
        {
            Console.Error.WriteLine($"  failed: the κ = {prototypes.Curvature} prototypes have non-finite coordinates.");
            return null;
        }

        return Train(prototypes);
    }

    private ZeroShotMetrics Train(ClassPrototypes prototypes)
    {
        var kind = prototypes.Curvature switch { 0 => ZeroShotHeadKind.Softmax, > 0 => ZeroShotHeadKind.Prototype, _ => ZeroShotHeadKind.Hyperbolic };
        using var model = new ZeroShotTrainer(new ZeroShotTrainerOptions
        {
            Head = new ZeroShotHeadOptions { Kind = kind },
            Encoder = EncoderKind.Mlp,
            HiddenDimension = HiddenDimension,
            Epochs = Epochs,
            BatchSize = 128,
            Patience = 3,
            Seed = Seed,
            Threads = 1,
        }).Fit(TrainFeatures, TrainLabels, prototypes, prototypes.ClassNames.Except(Unseen).ToArray());
        return model.Evaluate(TestFeatures, TestLabels, Unseen);
    }

    public static string HeadName(double curvature) => curvature switch { 0 => "softmax", > 0 => "hyperspherical", _ => "hyperbolic" };
}
