using System.Buffers;
using System.Text;

namespace SimZsl.IO;

/// <summary>Reads a text file line by line as strict UTF-8 (a UTF-8 byte-order mark is skipped; a UTF-16 one
/// is honoured). Invalid UTF-8 is an error naming the line and the byte offset, not a silent U+FFFD: two
/// Latin-1 class names would otherwise both become "?" variants and collide as duplicates, or stop matching
/// the names in another file. Line breaks are \n, \r\n or \r, as <see cref="StreamReader.ReadLine"/> has them.</summary>
internal static class TextLines
{
    private const int ChunkLength = 1 << 16;
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The lines of <paramref name="path"/>, read lazily. The existence check runs at the call.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The path is a folder, or (while enumerating) a line is not UTF-8.</exception>
    public static IEnumerable<string> Read(string path)
    {
        InputFile.Require(path);
        return Enumerate(path);
    }

    private static IEnumerable<string> Enumerate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var head = new byte[2];
        int headLength = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        if (headLength == 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            // UTF-16 with its byte-order mark: a deliberate encoding, decoded as such.
            using var reader = new StreamReader(stream, Encoding.Unicode, detectEncodingFromByteOrderMarks: true);
            for (string? text = reader.ReadLine(); text is not null; text = reader.ReadLine())
            {
                yield return text;
            }

            yield break;
        }

        var chunk = new byte[ChunkLength];
        var line = new ArrayBufferWriter<byte>(256);
        long offset = 0, lineStart = 0;   // file offsets of the chunk and of the current line
        int lineNumber = 1;
        bool pendingLine = false, afterCarriageReturn = false, first = true;
        for (int read; (read = stream.Read(chunk)) > 0; offset += read)
        {
            // Indices, not spans: a span cannot live across the yield.
            int at = 0;
            if (first)
            {
                first = false;
                at = chunk.AsSpan(0, read).StartsWith("\uFEFF"u8) ? 3 : 0;
                lineStart = at;
            }

            if (afterCarriageReturn && at < read && chunk[at] == (byte)'\n')
            {
                at++;
                lineStart++;
            }

            afterCarriageReturn = false;
            while (at < read)
            {
                int end = chunk.AsSpan(at, read - at).IndexOfAny((byte)'\r', (byte)'\n');
                if (end < 0)
                {
                    line.Write(chunk.AsSpan(at, read - at));
                    pendingLine = true;
                    break;
                }

                line.Write(chunk.AsSpan(at, end));
                yield return Decode(line, path, lineNumber, lineStart);
                at += end + 1;
                if (chunk[at - 1] == (byte)'\r')
                {
                    if (at < read)
                    {
                        at += chunk[at] == (byte)'\n' ? 1 : 0;
                    }
                    else
                    {
                        afterCarriageReturn = true;
                    }
                }

                line.ResetWrittenCount();
                pendingLine = false;
                lineNumber++;
                lineStart = offset + at;
            }
        }

        if (pendingLine)
        {
            yield return Decode(line, path, lineNumber, lineStart);
        }
    }

    private static string Decode(ArrayBufferWriter<byte> line, string path, int lineNumber, long lineStart)
    {
        var bytes = line.WrittenSpan;
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Strict.GetString(bytes);
        }

        int at = 0;
        while (System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out int consumed) == OperationStatus.Done)
        {
            at += consumed;
        }

        throw new DataFormatException(path,
            $"byte 0x{bytes[at]:X2} at byte offset {lineStart + at} (column {at + 1} of the line in bytes) is not valid UTF-8. Save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8 in.csv > out.csv).",
            line: lineNumber, offset: lineStart + at);
    }
}
