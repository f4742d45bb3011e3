using System.Text;
using SimZsl.IO;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.IO;

/// <summary>The atomic writers' refusals by their words, the single use of a set (no add after a commit or a
/// dispose, no second commit), the temporary files a dispose removes, and a device that fails at commit.</summary>
public class AtomicFileSetContractTests
{
    [Fact]
    public void AFolderOrAMissingFolderIsRefusedByName()
    {
        using var scratch = new ScratchFolder("simzsl-set-");
        Directory.CreateDirectory(scratch.Path);
        using var set = new AtomicFileSet();
        Assert.Equal($"'{scratch.Path}' is a directory; name a file to write.", Assert.Throws<IOException>(() => set.Add(scratch.Path, _ => { })).Message);
        string missing = Path.Combine(scratch.Path, "no", "out.csv");
        Assert.Equal($"Cannot write '{missing}': the folder '{Path.Combine(scratch.Path, "no")}' does not exist.",
            Assert.Throws<DirectoryNotFoundException>(() => set.Add(missing, _ => { })).Message);
        Assert.Throws<ArgumentException>(() => set.Add("", _ => { }));
        Assert.Equal("write", Assert.Throws<ArgumentNullException>(() => set.Add(Path.Combine(scratch.Path, "a"), null!)).ParamName);
    }

    [Fact]
    public void ASetIsUsedOnce()
    {
        using var scratch = new ScratchFolder("simzsl-set-");
        Directory.CreateDirectory(scratch.Path);
        string a = Path.Combine(scratch.Path, "a.txt"), b = Path.Combine(scratch.Path, "b.txt");
        var committed = new AtomicFileSet();
        committed.Add(a, s => s.Write("a"u8));
        committed.Commit();
        Assert.Equal("a", File.ReadAllText(a));
        Assert.Throws<ObjectDisposedException>(committed.Commit);
        Assert.Throws<ObjectDisposedException>(() => committed.Add(b, s => s.Write("b"u8)));
        committed.Dispose();

        var disposed = new AtomicFileSet();
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => disposed.Add(b, s => s.Write("b"u8)));
        Assert.Throws<ObjectDisposedException>(disposed.Commit);
        Assert.False(File.Exists(b));
    }

    [Fact]
    public void AddWritesATemporaryFileBesideTheTargetAndDisposeRemovesIt()
    {
        using var scratch = new ScratchFolder("simzsl-set-");
        Directory.CreateDirectory(scratch.Path);
        string target = Path.Combine(scratch.Path, "out.csv");
        File.WriteAllText(target, "old");
        var set = new AtomicFileSet();
        set.Add(target, s => s.Write("new"u8));
        string temporary = Assert.Single(Directory.GetFiles(scratch.Path, ".out.csv.*.tmp"));
        Assert.Equal("new", File.ReadAllText(temporary));
        Assert.Equal("old", File.ReadAllText(target));
        set.Dispose();
        Assert.False(File.Exists(temporary));
        Assert.Equal("old", File.ReadAllText(target));
    }

    [Fact]
    public void ADeviceThatFailsAtCommitIsNamedAndStaysADevice()
    {
        const string full = "/dev/full";   // every write fails with "no space left on device"
        Assert.True(File.Exists(full), "this test needs Linux's /dev/full");
        using var set = new AtomicFileSet();
        set.Add(full, s => s.Write("x"u8));   // staged in memory: a device is written at commit, in place
        var error = Assert.Throws<IOException>(set.Commit);
        Assert.StartsWith($"Cannot write '{full}': ", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Equal(OutputTargetKind.Special, OutputTarget.Resolve(full).Kind);
    }

    [Fact]
    public void TextIsWrittenAsUtf8WithoutAByteOrderMark()
    {
        using var scratch = new ScratchFolder("simzsl-set-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "t.txt");
        AtomicFile.WriteAllText(path, "Cañón");
        Assert.Equal(Encoding.UTF8.GetBytes("Cañón"), File.ReadAllBytes(path));
        Assert.Throws<ArgumentException>(() => AtomicFile.Destination(""));
        Assert.Equal(Path.Combine(scratch.Path, "t.txt"), AtomicFile.Destination(path));
    }

    [Fact]
    public void AChainOfLinksIsFollowedToItsEndAndADeviceIsKeptAsNamed()
    {
        using var scratch = new ScratchFolder("simzsl-set-");
        Directory.CreateDirectory(scratch.Path);
        string file = Path.Combine(scratch.Path, "file.csv"), near = Path.Combine(scratch.Path, "near.csv"), far = Path.Combine(scratch.Path, "far.csv");
        File.WriteAllText(file, "x");
        File.CreateSymbolicLink(near, file);
        File.CreateSymbolicLink(far, near);
        Assert.Equal(new OutputTarget(far, file, OutputTargetKind.Regular), OutputTarget.Resolve(far));

        string dangling = Path.Combine(scratch.Path, "dangling.csv"), future = Path.Combine(scratch.Path, "future.csv");
        File.CreateSymbolicLink(dangling, future);
        Assert.Equal(new OutputTarget(dangling, future, OutputTargetKind.Missing), OutputTarget.Resolve(dangling));
        Assert.Equal(OutputTargetKind.Directory, OutputTarget.Resolve(scratch.Path).Kind);

        // A link to a device (as /dev/stdout is one to /proc/self/fd/1) is opened through the name given.
        string device = Path.Combine(scratch.Path, "sink");
        File.CreateSymbolicLink(device, "/dev/null");
        Assert.Equal(new OutputTarget(device, device, OutputTargetKind.Special), OutputTarget.Resolve(device));
    }
}
