using System.Buffers.Binary;

namespace SimZsl.IO;

/// <summary>Inflates an miCOMPRESSED element (a zlib stream holding one data element). The inflated size is
/// not trusted: the buffer grows only as inflated bytes actually arrive, up to the size the inner tag announces;
/// then the stream must end there and its Adler-32 checksum must match (<see cref="ZlibElementReader"/>).</summary>
internal static class MatInflater
{
    private const int InitialCapacity = 1 << 16;

    public static byte[] Inflate(byte[] bytes, MatElementParser.Tag tag, bool bigEndian, MatElementParser parser)
    {
        var buffer = Array.Empty<byte>();
        int filled = 0;
        try
        {
            using var zlib = new ZlibElementReader(bytes, tag.Start, tag.Size);
            var head = new byte[8];
            while (filled < 8 && zlib.Read(head.AsSpan(filled)) is > 0 and var got)
            {
                filled += got;
            }

            if (filled < 8)
            {
                throw parser.Fail(tag.Position, $"the compressed element inflates to {filled} bytes; a data element needs at least 8.");
            }

            long total = InnerLength(head, bigEndian);
            if (total > Array.MaxLength)
            {
                throw parser.Fail(tag.Position, $"the compressed element announces {total} inflated bytes; more than one array can hold.");
            }

            buffer = new byte[Math.Min(total, Math.Max(InitialCapacity, 4L * tag.Size))];
            head.CopyTo(buffer, 0);
            while (filled < total)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(total, 2L * buffer.Length));
                }

                int read = zlib.Read(buffer.AsSpan(filled));
                if (read == 0)
                {
                    break;   // Finish names the shortfall
                }

                filled += read;
            }

            if (zlib.Finish(total) is { } problem)
            {
                throw Damaged(parser, tag, buffer, filled, bigEndian, problem, null);
            }

            return buffer;
        }
        catch (InvalidDataException ex)
        {
            throw Damaged(parser, tag, buffer, filled, bigEndian, ZlibElementReader.Corrupt, ex);
        }
    }

    // Names the variable when enough of it inflated to read its name: a user knows 'att', not an offset.
    private static DataFormatException Damaged(MatElementParser parser, MatElementParser.Tag tag, byte[] inflated, int filled, bool bigEndian, string problem, Exception? inner)
    {
        string? name = filled >= 8 ? new MatElementParser(inflated[..filled], bigEndian, string.Empty, compressedOffset: 0).TryArrayName() : null;
        string what = name is { Length: > 0 } ? $"variable '{name}': " : string.Empty;
        return parser.Fail(tag.Position, $"{what}{problem}; the file is damaged. Copy or download it again, or save it again from MATLAB.", inner);
    }

    // The inner element's full length: 8 for a small element, else 8 + its announced size (no padding).
    private static long InnerLength(byte[] head, bool bigEndian)
    {
        uint first = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(head) : BinaryPrimitives.ReadUInt32LittleEndian(head);
        if (first >> 16 != 0)
        {
            return 8;
        }

        uint size = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(4)) : BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(4));
        return 8L + size;
    }
}
