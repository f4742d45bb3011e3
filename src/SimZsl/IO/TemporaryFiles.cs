using System.Diagnostics;
using System.Globalization;

namespace SimZsl.IO;

/// <summary>Names of the temporary files an atomic write leaves beside its target while it runs,
/// <c>.NAME.PID.GUID.tmp</c>, and the clean-up of those a killed run left behind: before a new write of NAME, its
/// temporary files whose process no longer runs are deleted. The process id is in the name so that a write
/// running at the same time in another process keeps its file.</summary>
internal static class TemporaryFiles
{
    private const string Suffix = ".tmp";

    /// <summary>A fresh temporary name for <paramref name="target"/>, in the target's folder.</summary>
    public static string For(string target)
    {
        string folder = Path.GetDirectoryName(target) ?? ".";
        return Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}{Suffix}"));
    }

    /// <summary>Deletes the temporary files of <paramref name="target"/> whose writer has exited. Best effort: a
    /// file that cannot be deleted is left (it is harmless), and a reused process id keeps a stale file.</summary>
    public static void RemoveStale(string target)
    {
        string folder = Path.GetDirectoryName(target) ?? ".";
        string prefix = "." + Path.GetFileName(target) + ".";
        if (prefix.AsSpan().IndexOfAny('*', '?') >= 0 || !Directory.Exists(folder))
        {
            return;   // a name with wildcards would match other files' temporaries
        }

        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, prefix + "*" + Suffix).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (string file in candidates)
        {
            if (OwnerHasExited(Path.GetFileName(file), prefix))
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Left for a later run.
                }
            }
        }
    }

    // NAME.PID.GUID.tmp after the prefix: the PID decides; anything else is not ours.
    private static bool OwnerHasExited(string fileName, string prefix)
    {
        var parts = fileName[prefix.Length..^Suffix.Length].Split('.');
        if (parts.Length != 2 || parts[1].Length != 32 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return false;   // this process's own writes, possibly in progress on another thread
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;   // no such process
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
