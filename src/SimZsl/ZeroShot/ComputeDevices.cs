using TorchSharp;

namespace SimZsl.ZeroShot;

/// <summary>Turns a <see cref="ComputeDevice"/> choice into a torch device.</summary>
internal static class ComputeDevices
{
    public static torch.Device Resolve(ComputeDevice choice) => choice switch
    {
        ComputeDevice.Cpu => torch.CPU,
        ComputeDevice.Cuda when torch.cuda.is_available() => torch.CUDA,
        ComputeDevice.Cuda => throw new SimZslException("CUDA was asked for, but libtorch sees no CUDA device. Reference a libtorch-cuda package and check the driver, or use ComputeDevice.Cpu or Auto."),
        _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
    };
}
