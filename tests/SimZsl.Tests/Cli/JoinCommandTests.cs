using SimZsl.Cli;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Tests.Cli;

public class JoinCommandTests
{
    [Fact]
    public void JoinsTwoSourcesThroughAPartialCrossTableAndTheResultEmbeds()
    {
        string dir = CliRunner.TempFolder();
        string a = Path.Combine(dir, "a.csv"), b = Path.Combine(dir, "b.csv"), cross = Path.Combine(dir, "x.csv");
        string joined = Path.Combine(dir, "joined.csv"), coords = Path.Combine(dir, "coords.csv");
        File.WriteAllText(a, "class,a1,a2,a3\na1,1,0.8,0.5\na2,0.8,1,0.6\na3,0.5,0.6,1\n");
        File.WriteAllText(b, "class,b1,b2\nb1,1,0.7\nb2,0.7,1\n");
        // One cross pair (a3, b2) unknown; the a1–a2 cell lies inside source a and is ignored.
        File.WriteAllText(cross, "class,b1,b2,a2\na1,0.4,0.3,0.1\na2,0.45,0.35,\na3,0.5,,\n");

        var (code, output, error) = CliRunner.Run("join", "--source", "a=" + a, "--source", "b=" + b, "--cross", cross, "--calibration", "none", "--output", joined);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("5 classes, 1 missing pairs", output, StringComparison.Ordinal);
        var d = ClassMatrixFile.ReadDistanceCsv(joined);
        Assert.Equal(["a1", "a2", "a3", "b1", "b2"], d.ClassNames);
        Assert.False(d.IsObserved(d.IndexOf("a3"), d.IndexOf("b2")));
        Assert.Equal(Math.Acos(0.8), d["a1", "a2"], 12);
        Assert.Equal(Math.Acos(0.4), d["a1", "b1"], 12);

        var embed = CliRunner.Run("embed", "--input", joined, "--input-kind", "distance", "--curvature", "1", "--dim", "2", "--output", coords, "--quiet");
        Assert.True(embed.Code == ExitCodes.Success, embed.Error);
        Assert.Equal(6, File.ReadAllLines(coords).Length);
    }

    [Fact]
    public void CollidingClassNamesAcrossSourcesAreAClearError()
    {
        string dir = CliRunner.TempFolder();
        string a = Path.Combine(dir, "a.csv"), b = Path.Combine(dir, "b.csv");
        File.WriteAllText(a, "class,x,y\nx,1,0.5\ny,0.5,1\n");
        File.WriteAllText(b, "class,y,z\ny,1,0.5\nz,0.5,1\n");
        var (code, _, error) = CliRunner.Run("join", "--source", "a=" + a, "--source", "b=" + b, "--output", Path.Combine(dir, "j.csv"));
        Assert.Equal(ExitCodes.InvalidData, code);
        Assert.Contains("'y'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "j.csv")));
    }

    [Fact]
    public void PrefixJoinsSourcesThatShareClassNamesAsTheCrossTableNamesThem()
    {
        // AWA2 and aPascal share cow, horse, sheep, wolf, zebra; the shipped cross table calls aPascal's 'apy:cow'.
        string dir = CliRunner.TempFolder(), joined = Path.Combine(dir, "joined.csv");
        var (code, output, error) = CliRunner.Run("join", "--source", "awa=" + RepositoryPaths.Data("WordNet", "AWA2_wup.csv"),
            "--source", "apy=" + RepositoryPaths.Data("WordNet", "APY_path.csv"), "--prefix", "apy",
            "--cross", RepositoryPaths.Data("WordNet", "AWA2+APY_wup.csv"), "--calibration", "none", "--output", joined);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("82 classes, 0 missing pairs", output, StringComparison.Ordinal);
        var d = ClassMatrixFile.ReadDistanceCsv(joined);
        var cross = ClassMatrixFile.ReadSimilarityCsv(RepositoryPaths.Data("WordNet", "AWA2+APY_wup.csv"));
        var apy = ClassMatrixFile.ReadSimilarityCsv(RepositoryPaths.Data("WordNet", "APY_path.csv"));
        Assert.Equal(Math.Acos(cross["cow", "apy:cow"]), d["cow", "apy:cow"], 12);          // a cross pair, from the cross table
        Assert.Equal(Math.Acos(apy["cow", "horse"]), d["apy:cow", "apy:horse"], 12);        // within aPascal, from its own file
    }

    [Fact]
    public void PrefixOfNoSourceIsAUsageError()
    {
        string dir = CliRunner.TempFolder();
        string a = Path.Combine(dir, "a.csv");
        File.WriteAllText(a, "class,x,y\nx,1,0.5\ny,0.5,1\n");
        var (code, _, error) = CliRunner.Run("join", "--source", "a=" + a, "--prefix", "b", "--output", Path.Combine(dir, "j.csv"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--prefix b", error, StringComparison.Ordinal);
    }
}
