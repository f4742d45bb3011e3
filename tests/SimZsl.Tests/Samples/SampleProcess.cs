using System.Diagnostics;

namespace SimZsl.Tests.Samples;

/// <summary>A sample run as a user runs it: a process from the repository root after the solution's build.</summary>
internal static class SampleProcess
{
    /// <summary>The standard output of `dotnet run --no-build -c Release --project samples/NAME -- --quick ARGS`.</summary>
    public static string Quick(string sample, params string[] arguments) => Run(sample, ["--quick", .. arguments]);

    /// <summary>The standard output of `dotnet run --no-build -c Release --project samples/NAME -- ARGS`; fails the
    /// test with the standard error when the process exits with an error.</summary>
    public static string Run(string sample, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["run", "--no-build", "-c", "Release", "--project", Path.Combine("samples", sample), "--", .. arguments])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>The mean of a "mean [lower, upper]" cell, checked to lie inside its interval.</summary>
    public static double Mean(string cell)
    {
        double mean = double.Parse(cell.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var interval = SimZsl.Samples.Shared.ResultTables.Interval(cell);
        Assert.True(interval is not null, $"'{cell}' has no interval");
        Assert.InRange(mean, interval.Value.Lower, interval.Value.Upper);
        return mean;
    }
}
