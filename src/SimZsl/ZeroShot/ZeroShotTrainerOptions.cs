namespace SimZsl.ZeroShot;

/// <summary>Settings of <see cref="ZeroShotTrainer"/>. Every setting has a stated default; <see cref="Validate"/>
/// checks them all at once and names every violation in one message.</summary>
public sealed record ZeroShotTrainerOptions
{
    /// <summary>The head (a registered <see cref="ZeroShotHeadKind"/>) and its loss settings. Default DeViSE with the
    /// distance compatibility, margin 0.1.</summary>
    public ZeroShotHeadOptions Head { get; init; } = new();

    /// <summary>The trainable projection. Default <see cref="EncoderKind.Linear"/>.</summary>
    public EncoderKind Encoder { get; init; } = EncoderKind.Linear;

    /// <summary>Hidden width of the MLP and of the CNN's last block. Default 256.</summary>
    public int HiddenDimension { get; init; } = 256;

    /// <summary>Image height for <see cref="EncoderKind.SmallCnn"/> (features are the pixels, row by row). Default 28.</summary>
    public int ImageHeight { get; init; } = 28;

    /// <summary>Image width for <see cref="EncoderKind.SmallCnn"/>. Default 28.</summary>
    public int ImageWidth { get; init; } = 28;

    /// <summary>Largest number of epochs. Default 30.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Mini-batch size. Default 256.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>AdamW peak learning rate. Default 1e-2 (1e-3 left linear heads on 64 features far from converged
    /// after 30 epochs: ZSL top-1 0.31–0.42 against 0.53–0.56 at 1e-2 on Fashion-MNIST splits with 4 unseen classes).</summary>
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>AdamW (decoupled) weight decay. Default 1e-4.</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Learning-rate schedule. Default cosine annealing.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Cosine;

    /// <summary>Epochs between learning-rate drops of the step schedule. Default 10.</summary>
    public int StepEpochs { get; init; } = 10;

    /// <summary>Factor of each learning-rate drop of the step schedule. Default 0.1.</summary>
    public double StepGamma { get; init; } = 0.1;

    /// <summary>Fraction of each seen class's training instances held out for validation (early stopping, progress).
    /// 0 turns validation and early stopping off. Default 0: accuracy on held-out instances of the seen classes says
    /// little about the unseen ones, so the number of epochs is chosen by <see cref="ModelSelection"/> on held-out
    /// classes instead.</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Stop after this many epochs without a better validation accuracy and keep the best epoch's weights;
    /// 0 never stops early. Default 5.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>Standardize each feature with the training mean and standard deviation (for the CNN: one mean and
    /// one deviation over all pixels). Default true.</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Seed of weight initialisation (torch.manual_seed) and of shuffling and splitting (System.Random).
    /// Same seed, same bits on the CPU. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Where to train. Default <see cref="ComputeDevice.Auto"/>.</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;

    /// <summary>libtorch CPU threads (process-wide), or null to leave libtorch's choice. On a small machine shared
    /// with other work, 1 is often fastest: libtorch's threads spin and slow down badly when a core is busy.
    /// Default null.</summary>
    public int? Threads { get; init; }

    /// <summary>Checks every setting and throws one <see cref="ArgumentException"/> that lists every violation.</summary>
    public void Validate() => new OptionViolations("zero-shot training")
        .Include(Head?.Violations() ?? ["Head must not be null."])
        .Require(Enum.IsDefined(Encoder), $"Encoder {Encoder} is not an encoder.")
        .Require(HiddenDimension >= 1, $"HiddenDimension must be ≥ 1 (got {HiddenDimension}).")
        .Require(Encoder != EncoderKind.SmallCnn || (ImageHeight >= 4 && ImageWidth >= 4), $"ImageHeight and ImageWidth must be ≥ 4 for the CNN (got {ImageHeight} × {ImageWidth}).")
        .Require(Epochs >= 1, $"Epochs must be ≥ 1 (got {Epochs}).")
        .Require(BatchSize >= 1, $"BatchSize must be ≥ 1 (got {BatchSize}).")
        .Require(LearningRate > 0 && double.IsFinite(LearningRate), $"LearningRate must be a finite number > 0 (got {LearningRate}).")
        .Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), $"WeightDecay must be a finite number ≥ 0 (got {WeightDecay}).")
        .Require(Enum.IsDefined(Schedule), $"Schedule {Schedule} is not a schedule.")
        .Require(StepEpochs >= 1, $"StepEpochs must be ≥ 1 (got {StepEpochs}).")
        .Require(StepGamma > 0 && StepGamma <= 1, $"StepGamma must be in (0, 1] (got {StepGamma}).")
        .Require(ValidationFraction >= 0 && ValidationFraction < 1, $"ValidationFraction must be in [0, 1) (got {ValidationFraction}).")
        .Require(Patience >= 0, $"Patience must be ≥ 0 (got {Patience}).")
        .Require(Enum.IsDefined(Device), $"Device {Device} is not a device.")
        .Require(Threads is null or >= 1, $"Threads must be ≥ 1 or null (got {Threads}).")
        .ThrowIfAny();
}
