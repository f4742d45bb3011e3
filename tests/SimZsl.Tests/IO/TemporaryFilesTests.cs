using SimZsl.IO;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.IO;

/// <summary>The temporary names of atomic writes and the clean-up of those a killed run left: only this target's
/// files, in the <c>.NAME.PID.GUID.tmp</c> form, of a process that no longer runs, are deleted.</summary>
public class TemporaryFilesTests
{
    // A process id no system hands out (Linux caps them at 2^22), so Process.GetProcessById finds no such process.
    private const int DeadProcess = int.MaxValue - 1;

    private static readonly string Guid32 = new('a', 32);

    [Fact]
    public void ATemporaryNameSitsBesideItsTargetWithTheProcessIdAndAFreshGuid()
    {
        using var scratch = new ScratchFolder("simzsl-temporary-");
        string target = Path.Combine(scratch.Path, "out.csv");
        string first = TemporaryFiles.For(target), second = TemporaryFiles.For(target);
        Assert.Equal(scratch.Path, Path.GetDirectoryName(first));
        var parts = Path.GetFileName(first).Split('.');
        Assert.Equal(["", "out", "csv", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[4], "tmp"], parts);
        Assert.Equal(32, parts[4].Length);
        Assert.NotEqual(first, second);
        Assert.Equal(string.Empty, Path.GetDirectoryName(TemporaryFiles.For("out.csv")));   // a bare name: the working folder
    }

    [Fact]
    public void OnlyThisTargetsTemporariesOfExitedProcessesAreRemoved()
    {
        using var scratch = new ScratchFolder("simzsl-temporary-");
        Directory.CreateDirectory(scratch.Path);
        string File(string name)
        {
            string path = Path.Combine(scratch.Path, name);
            System.IO.File.WriteAllText(path, "x");
            return path;
        }

        string stale = File($".out.csv.{DeadProcess}.{Guid32}.tmp");
        string own = File($".out.csv.{Environment.ProcessId}.{Guid32}.tmp");
        string running = File($".out.csv.1.{Guid32}.tmp");                 // process 1 runs as long as the machine does
        string notAPid = File($".out.csv.writer.{Guid32}.tmp");
        string shortGuid = File($".out.csv.{DeadProcess}.abc.tmp");
        string extraPart = File($".out.csv.{DeadProcess}.x.{Guid32}.tmp");
        string otherTarget = File($".other.csv.{DeadProcess}.{Guid32}.tmp");
        string otherSuffix = File($".out.csv.{DeadProcess}.{Guid32}.tmp.bak");

        TemporaryFiles.RemoveStale(Path.Combine(scratch.Path, "out.csv"));

        Assert.False(System.IO.File.Exists(stale));
        Assert.All(new[] { own, running, notAPid, shortGuid, extraPart, otherTarget, otherSuffix }, path => Assert.True(System.IO.File.Exists(path), path));
    }

    [Fact]
    public void ATargetWithWildcardsOrWithoutAFolderRemovesNothing()
    {
        using var scratch = new ScratchFolder("simzsl-temporary-");
        Directory.CreateDirectory(scratch.Path);
        string stale = Path.Combine(scratch.Path, $".oXt.csv.{DeadProcess}.{Guid32}.tmp");
        File.WriteAllText(stale, "x");

        TemporaryFiles.RemoveStale(Path.Combine(scratch.Path, "o?t.csv"));   // '?' would match the X of another file
        Assert.True(File.Exists(stale));
        TemporaryFiles.RemoveStale(Path.Combine(scratch.Path, "missing", "oXt.csv"));
        Assert.True(File.Exists(stale));
        TemporaryFiles.RemoveStale(Path.Combine(scratch.Path, "oXt.csv"));
        Assert.False(File.Exists(stale));
    }
}
