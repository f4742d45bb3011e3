using System.Diagnostics;

namespace SimZsl.Tests.Packaging;

/// <summary>Runs an external command with a time limit and returns its exit code and combined output.</summary>
internal static class ProcessRunner
{
    public static (int Code, string Output) Run(string file, string arguments, string workingDirectory, TimeSpan limit)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // Keep the outer test run's MSBuild settings out of the child build.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {limit}: {file} {arguments}\n{output.Result}\n{error.Result}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
