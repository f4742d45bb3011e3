namespace SimZsl.Tests.Cli;

/// <summary>Runs the simzsl tool in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = SimZsl.Cli.Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A fresh empty folder under the temp directory.</summary>
    public static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "simzsl-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
