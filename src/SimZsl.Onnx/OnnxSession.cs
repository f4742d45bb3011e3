using Microsoft.ML.OnnxRuntime;
using SimZsl.ZeroShot;

namespace SimZsl.Onnx;

/// <summary>Opens an ONNX Runtime session on the device <see cref="ComputeDevices"/>' rule gives: CUDA when asked
/// (or, for Auto, when ONNX Runtime has a CUDA execution provider that starts), else the CPU. Failures become errors
/// that say what to install or to do.</summary>
internal static class OnnxSession
{
    private const string CudaProvider = "CUDAExecutionProvider";
    private const string CudaSetUp = "Reference Microsoft.ML.OnnxRuntime.Gpu instead of Microsoft.ML.OnnxRuntime (the tool: build it with -p:SimZslOnnxRuntime=Microsoft.ML.OnnxRuntime.Gpu), install CUDA 12 and cuDNN 9";

    public static (InferenceSession Session, string Device) Open(string modelPath, ComputeDevice device, int? threads)
    {
        RequireNativeRuntime();
        bool cuda = ComputeDevices.UsesCuda(device, CudaStarts, "ONNX Runtime", CudaSetUp);
        try
        {
            return (Load(modelPath, cuda, threads), cuda ? "cuda" : "cpu");
        }
        catch (OnnxRuntimeException e) when (cuda)
        {
            // A model the CPU cannot load either is the model's fault, not CUDA's: LoadOnCpu says so.
            var onCpu = LoadOnCpu(modelPath, threads);
            if (device == ComputeDevice.Auto)
            {
                // The provider loaded but found no usable GPU: Auto means "CUDA if it works".
                return (onCpu, "cpu");
            }

            onCpu.Dispose();
            throw new SimZslException($"CUDA was asked for, but ONNX Runtime's CUDA execution provider did not start ({FirstLine(e.Message)}). {CudaSetUp} and check the driver, or compute on the CPU (ComputeDevice.Cpu; --device cpu in the tool) or let Auto choose.", e);
        }
        catch (OnnxRuntimeException e)
        {
            throw Unreadable(modelPath, e);
        }
    }

    private static InferenceSession Load(string modelPath, bool cuda, int? threads)
    {
        using var settings = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (threads is { } t)
        {
            settings.IntraOpNumThreads = t;
        }

        if (cuda)
        {
            settings.AppendExecutionProvider_CUDA(0);
        }

        return new InferenceSession(modelPath, settings);
    }

    private static InferenceSession LoadOnCpu(string modelPath, int? threads)
    {
        try
        {
            return Load(modelPath, cuda: false, threads);
        }
        catch (OnnxRuntimeException e)
        {
            throw Unreadable(modelPath, e);
        }
    }

    private static DataFormatException Unreadable(string modelPath, OnnxRuntimeException e) =>
        new(modelPath, $"ONNX Runtime cannot load the model ({FirstLine(e.Message)}). Is it an ONNX file (torch.onnx.export), complete, and of an opset ONNX Runtime 1.32 knows (7 to 23)?", innerException: e);

    // The CPU package has no CUDA provider; the GPU package has it, but it loads only with CUDA and cuDNN present.
    private static bool CudaStarts()
    {
        if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider, StringComparer.Ordinal))
        {
            return false;
        }

        try
        {
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(0);
            return true;
        }
        catch (OnnxRuntimeException)
        {
            return false;
        }
    }

    private static void RequireNativeRuntime()
    {
        try
        {
            _ = OrtEnv.Instance();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException { InnerException: DllNotFoundException })
        {
            throw new SimZslException("ONNX Runtime's native library is not there: reference the package Microsoft.ML.OnnxRuntime (CPU) or Microsoft.ML.OnnxRuntime.Gpu (CUDA), version 1.32.0, in the application.", e);
        }
    }

    private static string FirstLine(string message)
    {
        int end = message.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? message : message[..end]).TrimEnd('.', ' ');
    }
}
