using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SimZsl.Numerics;

/// <summary>Asks libtorch's MKL for its reproducible mode (conditional numerical reproducibility, <c>MKL_CBWR=AUTO</c>)
/// before any MKL kernel runs, so that the same seed gives the same bits in every process, not only within one.</summary>
/// <remarks>Without it MKL chooses among kernel variants by properties of the memory it is given, which differ
/// from process to process: the strain step's eigenvectors then changed in their last bits between runs of the same
/// command, enough to move a zero-shot accuracy by a point after training (seen with 4 processes side by side; with
/// <c>MKL_CBWR=AUTO</c> all runs agreed). AUTO keeps the fastest code path for this processor; it only pins the
/// choice. MKL reads the variable once, when it starts, so it is set as this assembly loads (before SimZsl calls
/// libtorch) and only when the user has not set it: an explicit <c>MKL_CBWR</c> wins. Code that runs MKL kernels
/// through TorchSharp before touching SimZsl should set <c>MKL_CBWR=AUTO</c> itself. Scope: bits agree between runs on
/// the same kind of processor with the same thread settings (AUTO picks the code path per processor). On Linux and
/// macOS the variable is set with the C library's <c>setenv</c>, which is not safe against another thread's
/// <c>getenv</c> at that moment (it runs once, at first use); child processes inherit it. On Windows the C runtime
/// keeps its own copy of the environment, so set <c>MKL_CBWR</c> before the process starts there.</remarks>
internal static partial class ReproducibleKernels
{
    /// <summary>The environment variable MKL reads.</summary>
    public const string Variable = "MKL_CBWR";

    /// <summary>The value set when the user gave none.</summary>
    public const string Mode = "AUTO";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "MKL reads MKL_CBWR once, at its first kernel; only a module initializer runs early enough for every entry point.")]
    internal static void Initialise()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null)
        {
            return;
        }

        // .NET's Environment.SetEnvironmentVariable changes only the managed copy on Unix; MKL calls getenv.
        try
        {
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
            {
                _ = SetEnv(Variable, Mode, overwrite: 0);
            }

            Environment.SetEnvironmentVariable(Variable, Mode);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No C library to call: MKL then runs in its default mode (results agree to rounding, not bit for bit).
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
