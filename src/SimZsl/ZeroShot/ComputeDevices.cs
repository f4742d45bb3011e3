using TorchSharp;

namespace SimZsl.ZeroShot;

/// <summary>Turns a <see cref="ComputeDevice"/> choice into a torch device.</summary>
internal static class ComputeDevices
{
    public static torch.Device Resolve(ComputeDevice choice) => choice switch
    {
        ComputeDevice.Cpu => torch.CPU,
        ComputeDevice.Cuda when torch.cuda.is_available() => torch.CUDA,
        ComputeDevice.Cuda => throw new SimZslException("CUDA was asked for, but libtorch sees no CUDA device. Reference a libtorch-cuda package and check the driver, or compute on the CPU (ComputeDevice.Cpu; --device cpu in the tool) or let Auto choose."),
        _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
    };
}
