using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace SimZsl.IO;

/// <summary>Inflates the zlib stream of one miCOMPRESSED element and checks it as zlib and SciPy do: the stream
/// must end where the element inside it ends, and the Adler-32 of everything inflated must equal the checksum in
/// the element's last four bytes (MATLAB and SciPy write the zlib stream and nothing else into the element).</summary>
/// <remarks>Why not trust <see cref="ZLibStream"/>: it accepts a stream cut off before its checksum, and a reader
/// that stops at the size the inner tag announces never reaches the checksum at all. Four bytes overwritten in a
/// stored or literal run then inflate to wrong numbers without a word (xlsa17's APY att_splits.mat, offset 1184).</remarks>
internal sealed class ZlibElementReader : IDisposable
{
    private const int ZlibOverhead = 6;   // 2 header bytes, 4 checksum bytes
    private readonly ZLibStream _zlib;
    private readonly Adler32 _checksum = new();
    private readonly uint? _stored;

    /// <summary>Reads the zlib stream held in <paramref name="bytes"/>[<paramref name="start"/>, +<paramref name="size"/>).</summary>
    public ZlibElementReader(byte[] bytes, int start, int size)
    {
        _zlib = new ZLibStream(new MemoryStream(bytes, start, size, writable: false), CompressionMode.Decompress);
        _stored = size >= ZlibOverhead ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(start + size - 4)) : null;
    }

    /// <summary>Bytes inflated so far.</summary>
    public long Inflated { get; private set; }

    /// <summary>Inflates into <paramref name="buffer"/>; 0 at the end of the stream. A stream zlib cannot
    /// decode throws <see cref="InvalidDataException"/> (see <see cref="Corrupt"/>).</summary>
    public int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _zlib.Read(buffer);
        }
        catch (IOException e)
        {
            // zlib's other refusals mean the same (found by fuzzing: an internal ZLibException, an IOException,
            // "unexpected error code" on a damaged stream). The source is memory: no other IO can fail here.
            throw new InvalidDataException(e.Message, e);
        }

        _checksum.Append(buffer[..read]);
        Inflated += read;
        return read;
    }

    /// <summary>Reads the rest of the stream and checks it: null when the stream ends at
    /// <paramref name="expectedLength"/> inflated bytes with a matching checksum, else what is wrong.</summary>
    public string? Finish(long expectedLength)
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (Inflated <= expectedLength)
        {
            int limit = (int)Math.Min(scratch.Length, expectedLength - Inflated + 1);
            if (Read(scratch[..limit]) == 0)
            {
                break;
            }
        }

        if (Inflated > expectedLength)
        {
            return $"the compressed element inflates to more than the {expectedLength} bytes that the element inside announces";
        }

        if (Inflated < expectedLength)
        {
            return $"the compressed element inflates to only {Inflated} bytes but the element inside announces {expectedLength}: it is truncated";
        }

        uint computed = _checksum.GetCurrentHashAsUInt32();
        return _stored == computed
            ? null
            : _stored is { } stored
                ? $"the compressed element fails its zlib checksum (Adler-32 stored 0x{stored:X8}, computed 0x{computed:X8}: incorrect data check)"
                : "the compressed element is too short to hold a zlib checksum";
    }

    /// <summary>What to say when zlib refuses the stream: .NET's message for a bad checksum blames an "unsupported
    /// compression method", which sends the user looking in the wrong place.</summary>
    public static string Corrupt => "the zlib stream of the compressed element is corrupt (bad deflate data or a zlib checksum that does not match)";

    /// <inheritdoc />
    public void Dispose() => _zlib.Dispose();
}
