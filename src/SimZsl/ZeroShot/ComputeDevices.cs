using TorchSharp;

namespace SimZsl.ZeroShot;

/// <summary>Turns a <see cref="ComputeDevice"/> choice into a torch device.</summary>
public static class ComputeDevices
{
    /// <summary>Fails now, before any long work, when <paramref name="choice"/> names a device this machine lacks
    /// (CUDA without a GPU that libtorch sees).</summary>
    /// <exception cref="SimZslException">CUDA was asked for and is not there; the message says what to do.</exception>
    public static void EnsureAvailable(ComputeDevice choice) => Resolve(choice);

    internal static torch.Device Resolve(ComputeDevice choice) => choice switch
    {
        ComputeDevice.Cpu => torch.CPU,
        ComputeDevice.Cuda when torch.cuda.is_available() => torch.CUDA,
        ComputeDevice.Cuda => throw new SimZslException("CUDA was asked for, but libtorch sees no CUDA device. Reference a libtorch-cuda package and check the driver, or compute on the CPU (ComputeDevice.Cpu; --device cpu in the tool) or let Auto choose."),
        _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
    };
}
