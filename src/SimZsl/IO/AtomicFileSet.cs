namespace SimZsl.IO;

/// <summary>Writes several output files as one: each is first written completely to a temporary file beside its
/// target (<see cref="Add"/>), and only when all of them were written are they moved into place
/// (<see cref="Commit"/>). A failure while writing any of them leaves every target as it was, so a command never
/// leaves a new coordinates file next to an old report. Symbolic links are followed and stay links; devices and
/// FIFOs are written in place, never replaced (see <see cref="OutputTarget"/>).</summary>
/// <example><code>
/// using var outputs = new AtomicFileSet();
/// outputs.Add("coords.csv", s => CsvMatrixFile.WriteTable(s, "class", names, columns, coordinates));
/// outputs.Add("report.json", s => s.Write(json));
/// outputs.Commit();   // nothing is replaced before this line
/// </code></example>
public sealed class AtomicFileSet : IDisposable
{
    private readonly List<Staged> _staged = [];
    private bool _committed;

    /// <summary>Writes the content of <paramref name="path"/> through <paramref name="write"/> to a temporary file
    /// (to memory for a device or FIFO). The target is not touched until <see cref="Commit"/>.</summary>
    /// <exception cref="IOException">The path is a folder, names the same file as an earlier one, or its folder
    /// does not exist or cannot be written; the message names the path.</exception>
    public void Add(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        ObjectDisposedException.ThrowIf(_committed, this);
        var target = OutputTarget.Resolve(path);
        if (target.Kind == OutputTargetKind.Directory)
        {
            throw new IOException($"'{path}' is a directory; name a file to write.");
        }

        if (_staged.Find(s => string.Equals(s.Target.FinalPath, target.FinalPath, StringComparison.Ordinal)) is { } twice)
        {
            throw new IOException($"'{path}' and '{twice.Target.Path}' name the same file; give each output its own file.");
        }

        if (target.Kind == OutputTargetKind.Special)
        {
            var buffer = new MemoryStream();
            write(buffer);
            _staged.Add(new Staged(target, null, buffer.ToArray()));
            return;
        }

        string folder = Path.GetDirectoryName(target.FinalPath) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot write '{path}': the folder '{folder}' does not exist.");
        }

        TemporaryFiles.RemoveStale(target.FinalPath);
        string temp = TemporaryFiles.For(target.FinalPath);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            KeepPermissions(target, temp);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        _staged.Add(new Staged(target, temp, null));
    }

    /// <summary>Puts every staged file in place: devices and FIFOs are written first (they are what can still fail,
    /// e.g. a full device), then the temporary files are renamed over their targets.</summary>
    /// <exception cref="IOException">A target could not be written; the message names it.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        _committed = true;
        foreach (var s in _staged.Where(s => s.Content is not null))
        {
            Try(s.Target, () =>
            {
                using var stream = new FileStream(s.Target.FinalPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
                stream.Write(s.Content);
                stream.Flush();
            });
        }

        foreach (var s in _staged.Where(s => s.Temporary is not null))
        {
            Try(s.Target, () => File.Move(s.Temporary!, s.Target.FinalPath, overwrite: true));
        }
    }

    /// <summary>Deletes the temporary files of a set that was not committed (or whose commit failed part way).</summary>
    public void Dispose()
    {
        _committed = true;
        foreach (var s in _staged)
        {
            try
            {
                if (s.Temporary is not null && File.Exists(s.Temporary))
                {
                    File.Delete(s.Temporary);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next write of the same file, which removes it (TemporaryFiles.RemoveStale).
            }
        }

        _staged.Clear();
    }

    // A replaced file keeps its permission bits (a group-writable output stays group-writable).
    private static void KeepPermissions(OutputTarget target, string temp)
    {
        if (target.Kind == OutputTargetKind.Regular && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(target.FinalPath));
        }
    }

    private static void Try(OutputTarget target, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write '{target.Path}': {e.Message}", e);
        }
    }

    private sealed record Staged(OutputTarget Target, string? Temporary, byte[]? Content);
}
