using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SimZsl.Numerics;

namespace SimZsl.IO;

/// <summary>Reads and writes NumPy's <c>.npy</c> format (versions 1–3): little- or big-endian float16/32/64, 8- to
/// 64-bit signed and unsigned integer and bool arrays, C or Fortran order. The format is small enough to implement
/// directly.</summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private const int MaxHeaderLength = 1 << 16;

    /// <summary>Reads a whole <c>.npy</c> file.</summary>
    public static NpyArray Read(string path)
    {
        InputFile.Require(path);

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a <c>.npy</c> array from a stream; <paramref name="name"/> is used in error messages.</summary>
    public static NpyArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prefix = new byte[10];
        if (stream.ReadAtLeast(prefix, 10, throwOnEndOfStream: false) < 10)
        {
            throw new DataFormatException(name, "the file is too short to be a .npy file (it needs at least a 10-byte header).", offset: 0);
        }

        if (!prefix.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new DataFormatException(name, "this is not a .npy file (the magic string \\x93NUMPY is missing). Save the array with numpy.save.", offset: 0);
        }

        int major = prefix[6];
        long headerLength;
        long headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix.AsSpan(8));
            headerStart = 10;
        }
        else if (major is 2 or 3)
        {
            var more = new byte[2];
            if (stream.ReadAtLeast(more, 2, throwOnEndOfStream: false) < 2)
            {
                throw new DataFormatException(name, "the header length is truncated.", offset: 8);
            }

            headerLength = BinaryPrimitives.ReadUInt32LittleEndian([prefix[8], prefix[9], more[0], more[1]]);
            headerStart = 12;
        }
        else
        {
            throw new DataFormatException(name, $"unsupported .npy format version {major}.{prefix[7]}; versions 1 to 3 are read.", offset: 6);
        }

        // A header is a short Python dict; a length beyond this (or beyond the file) is damage, not a header to
        // allocate. NumPy itself refuses headers over 10,000 bytes unless told otherwise.
        long? fileLength = stream.CanSeek ? stream.Length : null;
        if (headerLength > MaxHeaderLength || headerStart + headerLength > fileLength)
        {
            throw new DataFormatException(name, $"the header announces {headerLength} bytes, {(headerLength > MaxHeaderLength ? $"more than the {MaxHeaderLength} a .npy header can sensibly have" : $"more than the {fileLength - headerStart} left in the file")}; the file is damaged or not a .npy file.", offset: 8);
        }

        var headerBytes = new byte[headerLength];
        if (stream.ReadAtLeast(headerBytes, headerBytes.Length, throwOnEndOfStream: false) < headerLength)
        {
            throw new DataFormatException(name, $"the header is truncated (it announces {headerLength} bytes).", offset: headerStart);
        }

        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (dtype, fortran, shape) = ParseHeader(header, name, headerStart);
        int itemSize = ItemSize(dtype, name, headerStart);
        long dataStart = headerStart + headerLength;
        long count = ElementCount(shape, itemSize, fileLength - dataStart, dtype, name, dataStart);
        var values = ReadValues(stream, dtype, (int)count, itemSize, shape, name, dataStart);
        if (fortran && shape.Length > 1)
        {
            values = FortranToC(values, shape);
        }

        return new NpyArray(shape, values, dtype, name);
    }

    /// <summary>Writes a 2-d array (row-major) as little-endian float64 (or float32), atomically.</summary>
    public static void Write(string path, RowMatrix matrix, bool asFloat32 = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        Write(path, [matrix.Rows, matrix.Columns], matrix.AsSpan().ToArray(), asFloat32);
    }

    /// <summary>Writes an array of any shape (values row-major) as little-endian float64 (or float32), atomically.</summary>
    public static void Write(string path, int[] shape, double[] values, bool asFloat32 = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(values);
        if (shape.Aggregate(1L, (a, b) => a * b) != values.Length)
        {
            throw new ArgumentException($"Shape ({string.Join(", ", shape)}) does not hold {values.Length} values.", nameof(values));
        }

        AtomicFile.Write(path, stream =>
        {
            WriteHeader(stream, shape, asFloat32);
            var buffer = new byte[values.Length * (asFloat32 ? 4 : 8)];
            for (int k = 0; k < values.Length; k++)
            {
                if (asFloat32)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(k * 4), (float)values[k]);
                }
                else
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(k * 8), values[k]);
                }
            }

            stream.Write(buffer);
        });
    }

    /// <summary>Writes the header of a version-1 <c>.npy</c> of little-endian float64 (or float32) values in C order;
    /// the caller appends exactly the values <paramref name="shape"/> announces (a writer that streams rows knows the
    /// shape before it has the values).</summary>
    internal static void WriteHeader(Stream stream, IReadOnlyList<int> shape, bool asFloat32)
    {
        string shapeText = shape.Count == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        string dict = $"{{'descr': '{(asFloat32 ? "<f4" : "<f8")}', 'fortran_order': False, 'shape': {shapeText}, }}";
        int total = 10 + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        string header = dict + new string(' ', padded - total) + "\n";
        stream.Write(Magic);
        stream.WriteByte(1);
        stream.WriteByte(0);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(length);
        stream.Write(Encoding.Latin1.GetBytes(header));
    }

    private static (string Dtype, bool Fortran, int[] Shape) ParseHeader(string header, string name, long offset)
    {
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new DataFormatException(name, $"the header '{header.Trim()}' lacks 'descr', 'fortran_order' or 'shape'.", offset: offset);
        }

        var dims = new List<int>();
        foreach (var part in shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long big) && big > int.MaxValue)
            {
                throw new DataFormatException(name, $"dimension {big} of the shape '({shape.Groups[1].Value})' is larger than one array dimension can be ({int.MaxValue}); the header is damaged.", offset: offset);
            }

            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int d))
            {
                throw new DataFormatException(name, $"the shape '({shape.Groups[1].Value})' is not a list of non-negative integers.", offset: offset);
            }

            dims.Add(d);
        }

        return (descr.Groups[1].Value, fortran.Groups[1].Value == "True", dims.ToArray());
    }

    // The element count in exact arithmetic (a product of lying dimensions wraps around 64 bits), checked against
    // what one array can hold and against the bytes the file has after its header.
    private static long ElementCount(int[] shape, int itemSize, long? bytesLeft, string dtype, string name, long dataStart)
    {
        var count = System.Numerics.BigInteger.One;
        foreach (int d in shape)
        {
            count *= d;
        }

        var bytes = count * itemSize;
        string shapeText = "(" + string.Join(", ", shape) + ")";
        if (bytes > Array.MaxLength)
        {
            throw new DataFormatException(name, $"the shape {shapeText} of '{dtype}' needs {bytes} bytes, more than one array can hold (2 GB); the header is damaged, or save the array in parts.", offset: dataStart);
        }

        if (bytesLeft is { } left && bytes > left)
        {
            throw new DataFormatException(name, $"the shape {shapeText} of '{dtype}' needs {bytes} bytes but the file has {left} after the header; the file is truncated or its header is damaged.", offset: dataStart);
        }

        return (long)count;
    }

    private static int ItemSize(string dtype, string name, long offset)
    {
        if (dtype.Length >= 3 && "<>|=".Contains(dtype[0], StringComparison.Ordinal) && "fiub".Contains(dtype[1], StringComparison.Ordinal)
            && int.TryParse(dtype.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int size)
            && (dtype[1] == 'f' ? size is 2 or 4 or 8 : size is 1 or 2 or 4 or 8))
        {
            return size;
        }

        throw new DataFormatException(name, $"dtype '{dtype}' is not supported; use float16/32/64, integers or bool (e.g. array.astype('<f8')).", offset: offset);
    }

    // Little-endian float64, what numpy.save writes on every common machine, goes straight from the stream into the
    // result (no second copy, no per-element decoding: 200 MB in a few tens of milliseconds from the page cache);
    // every other dtype through a byte buffer and Decode.
    private static double[] ReadValues(Stream stream, string dtype, int count, int itemSize, int[] shape, string name, long dataStart)
    {
        bool nativeFloat64 = itemSize == 8 && dtype[1] == 'f' && BitConverter.IsLittleEndian && dtype[0] is '<' or '=';
        var values = nativeFloat64 ? LargeArrays.Uninitialized(count) : null;
        var raw = values is null ? new byte[(long)count * itemSize] : null;
        var target = values is null ? raw.AsSpan() : System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        int got = stream.ReadAtLeast(target, target.Length, throwOnEndOfStream: false);
        if (got < target.Length)
        {
            throw new DataFormatException(name, $"the data is truncated: the shape ({string.Join(", ", shape)}) needs {target.Length} bytes of '{dtype}', found {got}.", offset: dataStart + got);
        }

        return values ?? Decode(raw!, dtype, count);
    }

    private static double[] Decode(byte[] raw, string dtype, int count)
    {
        bool big = dtype[0] == '>';
        char kind = dtype[1];
        int size = raw.Length / Math.Max(count, 1);
        var values = new double[count];
        for (int k = 0; k < count; k++)
        {
            var b = raw.AsSpan(k * size, size);
            values[k] = (kind, size) switch
            {
                ('f', 8) => big ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b),
                ('f', 4) => big ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
                ('f', 2) => (double)(big ? BinaryPrimitives.ReadHalfBigEndian(b) : BinaryPrimitives.ReadHalfLittleEndian(b)),
                ('i', 8) => big ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b),
                ('i', 4) => big ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b),
                ('i', 2) => big ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b),
                ('i', 1) => (sbyte)b[0],
                ('u', 8) => big ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b),
                ('u', 4) => big ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b),
                ('u', 2) => big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b),
                _ => b[0],
            };
        }

        return values;
    }

    private static double[] FortranToC(double[] values, int[] shape)
    {
        // Column-major → row-major for any rank: walk C order and compute the Fortran offset.
        var result = new double[values.Length];
        var index = new int[shape.Length];
        for (int c = 0; c < values.Length; c++)
        {
            long f = 0, stride = 1;
            for (int d = 0; d < shape.Length; d++)
            {
                f += index[d] * stride;
                stride *= shape[d];
            }

            result[c] = values[f];
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d])
                {
                    break;
                }

                index[d] = 0;
            }
        }

        return result;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
