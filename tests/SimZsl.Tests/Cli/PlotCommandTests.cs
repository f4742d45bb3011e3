using SimZsl.Cli;

namespace SimZsl.Tests.Cli;

public class PlotCommandTests
{
    [Fact]
    public void DrawsAPngOfThePoincareDisk()
    {
        string dir = CliRunner.TempFolder();
        string coords = Path.Combine(dir, "c.csv"), png = Path.Combine(dir, "p.png");
        File.WriteAllText(coords, "class,x0,x1\nroot,0,0\na,0.5,0.1\nb,-0.3,0.6\n");
        var (code, _, error) = CliRunner.Run("plot", "--coords", coords, "--curvature", "-1", "--output", png, "--quiet");
        Assert.True(code == ExitCodes.Success, error);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 5000);
    }

    [Fact]
    public void MissingFileIsOneLineAndExitCode3()
    {
        string dir = CliRunner.TempFolder();
        var (code, _, error) = CliRunner.Run("plot", "--coords", Path.Combine(dir, "none.csv"), "--curvature", "0", "--output", Path.Combine(dir, "p.png"));
        Assert.Equal(ExitCodes.InputFileError, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "p.png")));
    }

    [Fact]
    public void BadCurvatureIsAUsageError()
    {
        var (code, _, error) = CliRunner.Run("plot", "--coords", "x.csv", "--curvature", "abc", "--output", "p.png");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--curvature", error, StringComparison.Ordinal);
    }
}
