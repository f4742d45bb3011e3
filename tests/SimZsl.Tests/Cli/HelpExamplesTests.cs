using System.Diagnostics;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Cli;

/// <summary>Every example in the tool's help runs as written, from a folder that holds the repository's samples, in
/// the order a user would walk through them (an example may use the files an earlier one wrote), and exits with
/// success. The tool runs as its own process, as a user starts it, so that relative paths mean what they say. The
/// one sample line among the examples (gbu's synthetic res101.mat) runs the sample's generator in-process: building
/// the sample inside the test run would take a minute.</summary>
public class HelpExamplesTests
{
    /// <summary>The commands in the order of the walk: features feed zsl, zsl saves the model predict and evaluate use.</summary>
    private static readonly string[] Walk = ["embed", "plot", "join", "features", "zsl", "predict", "evaluate", "gbu"];

    private const string SyntheticRes101Line = "dotnet run -c Release --project samples/ZeroShotExperiments -- synthetic-res101 ";

    [Fact]
    public void EveryCommandIsInTheWalk()
    {
        var (code, output, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        string[] listed = output[output.IndexOf("Commands:", StringComparison.Ordinal)..].Split('\n')
            .Where(l => l.Length > 2 && l[0] == ' ' && l[1] == ' ' && l[2] != ' ')
            .Select(l => l.Trim().Split(' ')[0])
            .ToArray();
        Assert.Equal(Walk.Order(), listed.Order());
    }

    [Fact]
    public void UsageNamesTheToolAsAUserTypesIt()
    {
        var (code, output, _) = CliRunner.Run("zsl", "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:\n  simzsl zsl [options]", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryHelpExampleRunsAsWrittenOnShippedFiles()
    {
        string folder = CliRunner.TempFolder();
        Directory.CreateSymbolicLink(Path.Combine(folder, "samples"), Path.Combine(RepositoryPaths.Root, "samples"));
        string tool = Path.Combine(AppContext.BaseDirectory, "SimZsl.Cli.dll");
        int examples = 0;
        foreach (string command in Walk)
        {
            foreach (string example in Examples(command))
            {
                if (example.StartsWith(SyntheticRes101Line, StringComparison.Ordinal))
                {
                    WriteSyntheticRes101(example[SyntheticRes101Line.Length..], folder);
                    continue;
                }

                var (code, output) = RunTool(tool, example["simzsl ".Length..], folder);
                Assert.True(code == 0, $"'{example}' exited with {code}:\n{output}");
                examples++;
            }
        }

        Assert.True(examples >= Walk.Length, $"only {examples} examples");
    }

    /// <summary>The command lines under "Example:" in a command's help, up to the next blank line (prose lines
    /// between them, such as gbu's note on the real files, are skipped).</summary>
    private static string[] Examples(string command)
    {
        var (code, output, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, code);
        var lines = output.Split('\n').Select(l => l.Trim())
            .SkipWhile(l => !l.StartsWith("Example", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.Length > 0)
            .Where(l => l.StartsWith("simzsl ", StringComparison.Ordinal) || l.StartsWith("dotnet run ", StringComparison.Ordinal))
            .ToArray();
        Assert.True(lines.Length > 0, $"'simzsl {command} --help' shows no example");
        return lines;
    }

    /// <summary>The sample's <c>synthetic-res101 --data D --output O [--features F]</c>, through the same generator.</summary>
    private static void WriteSyntheticRes101(string arguments, string folder)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string Value(string name) => words[Array.IndexOf(words, name) + 1];
        int features = words.Contains("--features") ? int.Parse(Value("--features"), System.Globalization.CultureInfo.InvariantCulture) : 256;
        SyntheticRes101.Write(Path.Combine(folder, Value("--data")), Path.Combine(folder, Value("--output")), features: features);
    }

    private static (int Code, string Output) RunTool(string tool, string arguments, string folder)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{tool}\" {arguments}") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 3 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
