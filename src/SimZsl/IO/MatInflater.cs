using System.Buffers.Binary;
using System.IO.Compression;

namespace SimZsl.IO;

/// <summary>Inflates an miCOMPRESSED element (a zlib stream holding one data element). The inflated size is
/// not trusted: the buffer grows only as inflated bytes actually arrive, up to the size the inner tag announces.</summary>
internal static class MatInflater
{
    private const int InitialCapacity = 1 << 16;

    public static byte[] Inflate(byte[] bytes, MatElementParser.Tag tag, bool bigEndian, MatElementParser parser)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(bytes, tag.Start, tag.Size, writable: false), CompressionMode.Decompress);
            var head = new byte[8];
            int got = zlib.ReadAtLeast(head, 8, throwOnEndOfStream: false);
            if (got < 8)
            {
                throw parser.Fail(tag.Position, $"the compressed element inflates to {got} bytes; a data element needs at least 8.");
            }

            long total = InnerLength(head, bigEndian);
            if (total > Array.MaxLength)
            {
                throw parser.Fail(tag.Position, $"the compressed element announces {total} inflated bytes; more than one array can hold.");
            }

            var buffer = new byte[Math.Min(total, Math.Max(InitialCapacity, 4L * tag.Size))];
            head.CopyTo(buffer, 0);
            int filled = 8;
            while (filled < total)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(total, 2L * buffer.Length));
                }

                int read = zlib.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    throw parser.Fail(tag.Position, $"the compressed element inflates to {filled} bytes but the element inside announces {total}; the compressed data is truncated or damaged.");
                }

                filled += read;
            }

            return buffer;
        }
        catch (InvalidDataException ex)
        {
            throw parser.Fail(tag.Position, $"the zlib stream of this compressed element does not inflate ({ex.Message}); the file is damaged: save it again from MATLAB.");
        }
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
