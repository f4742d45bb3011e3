namespace SimZsl.IO;

/// <summary>Writes a file so that readers see either the old file or the complete new one, never a part:
/// the content goes to a temporary file beside the target, which is then moved over it. A symbolic link is
/// followed (its final target is replaced and the link stays); a device or FIFO is written in place, never
/// replaced; temporary files that a killed run left for the same target are removed. Several files that must
/// change together: <see cref="AtomicFileSet"/>.</summary>
public static class AtomicFile
{
    /// <summary>Writes through <paramref name="write"/> to a temporary file, then moves it to <paramref name="path"/>.
    /// If <paramref name="write"/> throws, the temporary file is deleted and <paramref name="path"/> is untouched.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var set = new AtomicFileSet();
        set.Add(path, write);
        set.Commit();
    }

    /// <summary>The file a write to <paramref name="path"/> changes: the final target of its symbolic links (which
    /// may not exist yet), or the full path itself. Two outputs with the same destination are the same file.</summary>
    internal static string Destination(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return OutputTarget.Resolve(path).FinalPath;
    }

    /// <summary>Writes text (UTF-8, no byte-order mark) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(text);
        });
}
