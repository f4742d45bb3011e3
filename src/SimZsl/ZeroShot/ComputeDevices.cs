using TorchSharp;

namespace SimZsl.ZeroShot;

/// <summary>Turns a <see cref="ComputeDevice"/> choice into a torch device.</summary>
public static class ComputeDevices
{
    /// <summary>Fails now, before any long work, when <paramref name="choice"/> names a device this machine lacks
    /// (CUDA without a GPU that libtorch sees).</summary>
    /// <exception cref="SimZslException">CUDA was asked for and is not there; the message says what to do.</exception>
    public static void EnsureAvailable(ComputeDevice choice) => Resolve(choice);

    internal static torch.Device Resolve(ComputeDevice choice) =>
        UsesCuda(choice, torch.cuda.is_available, "libtorch", "Reference a libtorch-cuda package") ? torch.CUDA : torch.CPU;

    /// <summary>The one rule for every runtime (libtorch, ONNX Runtime): CPU when asked, CUDA when asked and there,
    /// an error that says what to do when asked and absent, and for Auto whatever the runtime sees.</summary>
    /// <param name="choice">The user's choice.</param>
    /// <param name="cudaAvailable">Whether the runtime sees a CUDA device; asked only when the choice needs it.</param>
    /// <param name="runtime">The runtime's name in the message ("libtorch", "ONNX Runtime").</param>
    /// <param name="setUp">What to reference for CUDA, the start of the advice ("Reference a libtorch-cuda package").</param>
    internal static bool UsesCuda(ComputeDevice choice, Func<bool> cudaAvailable, string runtime, string setUp) => choice switch
    {
        ComputeDevice.Cpu => false,
        ComputeDevice.Cuda when cudaAvailable() => true,
        ComputeDevice.Cuda => throw new SimZslException($"CUDA was asked for, but {runtime} sees no CUDA device. {setUp} and check the driver, or compute on the CPU (ComputeDevice.Cpu; --device cpu in the tool) or let Auto choose."),
        _ => cudaAvailable(),
    };
}
