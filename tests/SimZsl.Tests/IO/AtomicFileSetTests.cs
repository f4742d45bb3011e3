using System.Text;
using SimZsl.IO;

namespace SimZsl.Tests.IO;

/// <summary>Several outputs written as one: nothing is replaced until every file was written, links stay links,
/// and a replaced file keeps its permissions.</summary>
public class AtomicFileSetTests
{
    [Fact]
    public void AFailureWhileWritingALaterFileLeavesTheEarlierTargetUntouched()
    {
        string dir = Directory.CreateTempSubdirectory("simzsl-set-").FullName;
        string first = Path.Combine(dir, "coords.csv"), second = Path.Combine(dir, "report.json");
        File.WriteAllText(first, "old");
        using (var set = new AtomicFileSet())
        {
            set.Add(first, s => s.Write("new"u8));
            Assert.Throws<InvalidOperationException>(() => set.Add(second, _ => throw new InvalidOperationException("the report failed")));
        }

        Assert.Equal("old", File.ReadAllText(first));
        Assert.False(File.Exists(second));
        Assert.Equal(["coords.csv"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void TwoPathsToOneFileAreRefused()
    {
        string dir = Directory.CreateTempSubdirectory("simzsl-set-").FullName;
        string target = Path.Combine(dir, "t.csv"), link = Path.Combine(dir, "l.csv");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);
        using var set = new AtomicFileSet();
        set.Add(target, s => s.Write("a"u8));
        var error = Assert.Throws<IOException>(() => set.Add(link, s => s.Write("b"u8)));
        Assert.Contains("same file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReplacedFileKeepsItsPermissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string path = Path.Combine(Directory.CreateTempSubdirectory("simzsl-set-").FullName, "out.csv");
        File.WriteAllText(path, "old");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
        File.SetUnixFileMode(path, mode);
        AtomicFile.Write(path, s => s.Write(Encoding.UTF8.GetBytes("new")));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }
}
