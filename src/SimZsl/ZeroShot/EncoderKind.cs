namespace SimZsl.ZeroShot;

/// <summary>The trainable projection from features to the prototypes' coordinates.</summary>
public enum EncoderKind
{
    /// <summary>One linear map (DeViSE's original projection; ALE's W).</summary>
    Linear,

    /// <summary>Linear, ReLU, linear, with <see cref="ZeroShotTrainerOptions.HiddenDimension"/> hidden units.</summary>
    Mlp,

    /// <summary>A small CNN over single-channel images (rows of <see cref="ZeroShotTrainerOptions.ImageHeight"/> ×
    /// <see cref="ZeroShotTrainerOptions.ImageWidth"/> pixels), trained end to end with the head (the DeViSE way).</summary>
    SmallCnn,
}

/// <summary>Where training and scoring run.</summary>
public enum ComputeDevice
{
    /// <summary>CUDA when libtorch sees a GPU, else the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>The first CUDA GPU (fails clearly when there is none).</summary>
    Cuda,
}

/// <summary>How the learning rate changes over the epochs.</summary>
public enum LearningRateSchedule
{
    /// <summary>Constant.</summary>
    Constant,

    /// <summary>Cosine annealing from the learning rate to 0 over the epochs.</summary>
    Cosine,

    /// <summary>Multiplied by <see cref="ZeroShotTrainerOptions.StepGamma"/> every <see cref="ZeroShotTrainerOptions.StepEpochs"/> epochs.</summary>
    Step,
}
