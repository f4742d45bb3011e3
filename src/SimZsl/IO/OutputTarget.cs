using System.Text;
using Tmds.Linux;

namespace SimZsl.IO;

/// <summary>What an output path names once symbolic links are followed, and so how to write it: a regular file
/// (or nothing yet) is replaced atomically by a temporary file renamed over the link's final target, so the link
/// stays a link; a device, FIFO or socket is written in place, because renaming over it would replace the device
/// node with a plain file (as root, <c>/dev/full</c> became one) or leave a FIFO's reader with nothing.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="FinalPath">Where the bytes go: the final target of a chain of links (which may not exist yet), or
/// <paramref name="Path"/> itself for a special file (a link such as <c>/dev/stdout</c> is opened through).</param>
/// <param name="Kind">What is there now.</param>
internal sealed record OutputTarget(string Path, string FinalPath, OutputTargetKind Kind)
{
    /// <summary>Looks at <paramref name="path"/>.</summary>
    public static OutputTarget Resolve(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        var kind = KindOf(full);
        if (kind is OutputTargetKind.Special or OutputTargetKind.Directory)
        {
            return new OutputTarget(path, full, kind);
        }

        // A dangling link has no kind yet: write a new file where it points. (ResolveLinkTarget throws for a
        // path that does not exist, so ask first whether it is a link at all.)
        string final = new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        return new OutputTarget(path, final, kind);
    }

    private static OutputTargetKind KindOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere only files and folders are told apart (Tmds.LibC binds Linux's libc).
            return Directory.Exists(path) ? OutputTargetKind.Directory : File.Exists(path) ? OutputTargetKind.Regular : OutputTargetKind.Missing;
        }

        return Stat(path);
    }

    private static unsafe OutputTargetKind Stat(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        stat status;
        fixed (byte* name = bytes)
        {
            if (LibC.stat(name, &status) != 0)
            {
                return OutputTargetKind.Missing;   // nothing there, or a dangling link
            }
        }

        return LibC.S_ISREG(status.st_mode) ? OutputTargetKind.Regular
            : LibC.S_ISDIR(status.st_mode) ? OutputTargetKind.Directory
            : OutputTargetKind.Special;
    }
}

/// <summary>What an output path names now.</summary>
internal enum OutputTargetKind
{
    /// <summary>Nothing (or a dangling symbolic link): a new file is created.</summary>
    Missing,

    /// <summary>A regular file (possibly through links): replaced atomically.</summary>
    Regular,

    /// <summary>A folder: cannot be written as a file.</summary>
    Directory,

    /// <summary>A character or block device, a FIFO or a socket: written in place, never replaced.</summary>
    Special,
}
