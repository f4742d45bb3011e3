using System.Buffers.Binary;
using System.IO.Compression;

namespace SimZsl.IO;

/// <summary>Reads and writes the IDX format of MNIST and Fashion-MNIST (big-endian header: two zero bytes, a type
/// byte, a dimension count, one 32-bit size per dimension, then the values), raw or gzip-compressed (detected from
/// the content, not the file name).</summary>
public static class IdxFile
{
    private const byte UnsignedByte = 0x08;

    /// <summary>Reads an IDX file of unsigned bytes (the type every MNIST-style file uses).</summary>
    public static IdxArray Read(string path)
    {
        InputFile.Require(path, "IDX file");

        using var file = File.OpenRead(path);
        using var stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        try
        {
            return Read(stream, path);
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && stream is GZipStream))
        {
            // zlib refuses some damage with an internal ZLibException (an IOException) instead.
            throw new DataFormatException(path, "the gzip stream is damaged. Download the file again.", innerException: e);
        }
    }

    /// <summary>Reads an uncompressed IDX array from a stream; <paramref name="name"/> is used in error messages.</summary>
    public static IdxArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var magic = ReadExactly(stream, 4, name, 0, "the 4-byte magic number");
        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new DataFormatException(name, "this is not an IDX file (it must start with two zero bytes).", offset: 0);
        }

        if (magic[2] != UnsignedByte)
        {
            throw new DataFormatException(name, $"the IDX value type is 0x{magic[2]:X2}; only unsigned bytes (0x08, as in MNIST and Fashion-MNIST) are supported.", offset: 2);
        }

        int rank = magic[3];
        if (rank == 0)
        {
            throw new DataFormatException(name, "the IDX file declares 0 dimensions.", offset: 3);
        }

        var sizes = ReadExactly(stream, 4 * rank, name, 4, "the dimension sizes");
        var shape = new int[rank];
        long count = 1;
        for (int d = 0; d < rank; d++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(sizes.AsSpan(4 * d));
            if (size > int.MaxValue || (count *= size) > Array.MaxLength)
            {
                throw new DataFormatException(name, $"dimension {d} has size {size}, which makes the array too large.", offset: 4 + (4 * d));
            }

            shape[d] = (int)size;
        }

        long start = 4 + (4 * rank);
        var values = ReadExactly(stream, (int)count, name, start, $"{count} values for shape ({string.Join(", ", shape)})");
        return new IdxArray(shape, values);
    }

    /// <summary>Writes unsigned bytes as IDX, gzip-compressed when <paramref name="path"/> ends in <c>.gz</c>, atomically.</summary>
    public static void Write(string path, IdxArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        AtomicFile.Write(path, file =>
        {
            using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: true)
                : (Stream)new NonClosingStream(file);
            var header = new byte[4 + (4 * array.Shape.Count)];
            header[2] = UnsignedByte;
            header[3] = (byte)array.Shape.Count;
            for (int d = 0; d < array.Shape.Count; d++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4 + (4 * d)), (uint)array.Shape[d]);
            }

            stream.Write(header);
            stream.Write(array.Values);
        });
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> head = stackalloc byte[2];
        int read = file.Read(head);
        file.Position = 0;
        return read == 2 && head[0] == 0x1f && head[1] == 0x8b;
    }

    // The sizes in the header are not trusted: a file that announces 2 GB but holds a few bytes must not allocate
    // 2 GB first. A file is checked against its length; a gzip stream fills a buffer that grows as data arrive.
    private static byte[] ReadExactly(Stream stream, int count, string name, long offset, string what)
    {
        if (stream.CanSeek && count > stream.Length - stream.Position)
        {
            throw new DataFormatException(name, $"the file ends after {stream.Length - stream.Position} of the {count} bytes of {what}: it is truncated or its header is damaged. Download it again.", offset: stream.Length);
        }

        var buffer = new byte[Math.Min(count, 1 << 20)];
        int read = 0;
        while (read < count)
        {
            if (read == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(count, 2L * buffer.Length));
            }

            int got = stream.Read(buffer, read, buffer.Length - read);
            if (got == 0)
            {
                throw new DataFormatException(name, $"the file ends after {read} of the {count} bytes of {what}: it is truncated. Download it again.", offset: offset + read);
            }

            read += got;
        }

        return buffer;
    }

    // Lets the writer dispose its stream without closing the file that AtomicFile still has to flush.
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}

/// <summary>An array of unsigned bytes read from an IDX file: its shape and its values in row-major order.</summary>
/// <param name="Shape">The size of each dimension (e.g. 60000, 28, 28 for images; 60000 for labels).</param>
/// <param name="Values">The values, row-major.</param>
public sealed record IdxArray(IReadOnlyList<int> Shape, byte[] Values)
{
    /// <summary>The number of items along the first dimension.</summary>
    public int Count => Shape[0];

    /// <summary>The number of values per item (product of the other dimensions).</summary>
    public int ItemSize => Shape.Skip(1).Aggregate(1, (a, b) => a * b);
}
