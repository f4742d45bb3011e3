namespace SimZsl;

/// <summary>A file could not be read: it is truncated, malformed or of an unsupported kind. The message names the
/// file and the place (line, or byte offset) and says what to do.</summary>
public sealed class DataFormatException : SimZslException
{
    /// <summary>Creates an exception with no message.</summary>
    public DataFormatException() { }

    /// <summary>Creates an exception with a message that already names the place.</summary>
    public DataFormatException(string message) : base(message) { }

    /// <summary>Creates an exception that wraps the lower-level cause.</summary>
    public DataFormatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates an exception for a place in a file; the message gains "file:line" or "file@offset".</summary>
    /// <param name="file">The file (path or name) being read.</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="line">One-based line number, for text files.</param>
    /// <param name="offset">Zero-based byte offset, for binary files.</param>
    /// <param name="innerException">The lower-level cause, if any.</param>
    public DataFormatException(string file, string message, int? line = null, long? offset = null, Exception? innerException = null)
        : base(Locate(file, line, offset) + ": " + message, innerException!)
    {
        File = file;
        Line = line;
        Offset = offset;
    }

    /// <summary>The file being read, when known.</summary>
    public string? File { get; }

    /// <summary>One-based line number of the problem in a text file, when known.</summary>
    public int? Line { get; }

    /// <summary>Zero-based byte offset of the problem in a binary file, when known.</summary>
    public long? Offset { get; }

    private static string Locate(string file, int? line, long? offset) =>
        line is { } l ? $"{file}:{l}" : offset is { } o ? $"{file} at byte offset {o}" : file;
}
