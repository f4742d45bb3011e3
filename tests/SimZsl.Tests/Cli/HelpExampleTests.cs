using SimZsl.Cli;

namespace SimZsl.Tests.Cli;

/// <summary>The examples in a command's --help run as written from the repository root on shipped files: each line
/// that starts with "simzsl COMMAND" is run in-process, its input paths taken from the repository root and its
/// outputs redirected to a temporary folder. Commands whose examples need files made by an earlier step (a saved
/// model, joined matrices) are not listed.</summary>
public class HelpExampleTests
{
    private static readonly HashSet<string> Outputs = new(StringComparer.Ordinal) { "--output", "--labels-output", "--report", "--save" };

    [Theory]
    [InlineData("features", 3)]
    [InlineData("embed", 1)]
    public void HelpExamplesRun(string command, int examples)
    {
        var (code, help, error) = CliRunner.Run(command, "--help");
        Assert.True(code == ExitCodes.Success, error);
        var lines = help.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith($"simzsl {command} ", StringComparison.Ordinal)).ToList();
        Assert.Equal(examples, lines.Count);
        foreach (string line in lines)
        {
            string dir = CliRunner.TempFolder();
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
            for (int k = 1; k < words.Length; k++)
            {
                if (Outputs.Contains(words[k - 1]))
                {
                    words[k] = Path.Combine(dir, words[k]);
                }
                else if (!words[k].StartsWith('-') && Path.Exists(Path.Combine(RepositoryPaths.Root, words[k])))
                {
                    words[k] = Path.Combine(RepositoryPaths.Root, words[k]);
                }
            }

            (code, var output, error) = CliRunner.Run(words);
            Assert.True(code == ExitCodes.Success, $"{line}\n{error}{output}");
            Assert.NotEmpty(Directory.GetFiles(dir));
        }
    }
}
