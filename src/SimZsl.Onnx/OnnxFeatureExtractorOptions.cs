using SimZsl.ZeroShot;

namespace SimZsl.Onnx;

/// <summary>Settings of <see cref="OnnxFeatureExtractor"/>. Every setting has a stated default; <see cref="Validate"/>
/// checks them all at once and names every violation in one message.</summary>
public sealed record OnnxFeatureExtractorOptions
{
    /// <summary>The model output that holds the features (e.g. a pooled layer exported as a second output), or null
    /// for the model's first output. Whatever its shape, each image's part is flattened into one row. Default null.</summary>
    public string? OutputNode { get; init; }

    /// <summary>Images per run of the network. A model exported with a fixed batch size uses its own. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Where the network runs: the CPU, or CUDA through ONNX Runtime's CUDA execution provider (the
    /// application references Microsoft.ML.OnnxRuntime.Gpu). Default <see cref="ComputeDevice.Auto"/>.</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;

    /// <summary>ONNX Runtime's threads within one run of the network, or null for its choice (one per physical core).
    /// Default null.</summary>
    public int? Threads { get; init; }

    /// <summary>Checks every setting and throws one <see cref="ArgumentException"/> that lists every violation.</summary>
    public void Validate() => new OptionViolations("ONNX feature extraction")
        .Require(OutputNode is null || OutputNode.Length > 0, $"OutputNode must be null (the first output) or a name (got an empty string).")
        .Require(BatchSize >= 1, $"BatchSize must be ≥ 1 (got {BatchSize}).")
        .Require(Enum.IsDefined(Device), $"Device {Device} is not a device.")
        .Require(Threads is null or >= 1, $"Threads must be ≥ 1 or null (got {Threads}).")
        .ThrowIfAny();
}
