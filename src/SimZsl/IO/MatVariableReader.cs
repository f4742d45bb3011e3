using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SimZsl.IO;

/// <summary>Walks the top-level data elements of a MAT v5 file in a stream, one element in memory at a time.
/// A large double matrix (a feature file) goes straight into its array: read from a plain element, or inflated from
/// a compressed one, without an intermediate copy of all its bytes; everything else is read whole and handed to
/// <see cref="MatElementParser"/>.</summary>
internal static class MatVariableReader
{
    private const int HeaderLength = 128;
    private const int LargeElement = 1 << 20;
    private const int LargeCompressedElement = 1 << 16;
    private const int PrefixLength = 4096;

    public static List<MatArray> Read(Stream stream, long length, bool bigEndian, string source)
    {
        var arrays = new List<MatArray>();
        var tag = new byte[8];
        long position = HeaderLength;
        while (position < length)
        {
            if (length - position < 8)
            {
                throw new DataFormatException(source, $"a data element tag needs 8 bytes but only {length - position} remain; the file is truncated.", offset: position);
            }

            stream.Position = position;
            stream.ReadExactly(tag);
            uint type = U32(tag, 0, bigEndian), size = U32(tag, 4, bigEndian);
            long elementLength = type >> 16 != 0 ? 8 : 8L + size;   // a small element holds its data in the tag
            if (elementLength > length - position)
            {
                throw new DataFormatException(source, $"a {MatDataTypes.Name((MatDataType)type)} element announces {size} bytes but only {length - position - 8} remain; the file is truncated or damaged.", offset: position);
            }

            if (elementLength > Array.MaxLength)
            {
                throw new DataFormatException(source, $"a {MatDataTypes.Name((MatDataType)type)} element of {size} bytes is larger than one array can hold (2 GB); save the variable in parts.", offset: position);
            }

            bool done = type switch
            {
                (uint)MatDataType.Matrix when size >= LargeElement => TryReadDoubleMatrix(stream, tag, position, bigEndian, source, arrays),
                (uint)MatDataType.Compressed when size >= LargeCompressedElement => TryInflateDoubleMatrix(stream, (int)size, position, bigEndian, source, arrays),
                _ => false,
            };
            if (!done)
            {
                stream.Position = position + 8;
                var element = GC.AllocateUninitializedArray<byte>((int)elementLength);
                tag.CopyTo(element, 0);
                stream.ReadExactly(element.AsSpan(8));
                new MatElementParser(element, bigEndian, source, compressedOffset: null, baseOffset: position).ParseVariables(0, arrays);
            }

            // Plain elements are padded to 8 bytes; compressed ones are not.
            position += type == (uint)MatDataType.Compressed ? elementLength : (elementLength + 7) & ~7L;
        }

        return arrays;
    }

    private static bool TryReadDoubleMatrix(Stream stream, byte[] tag, long position, bool bigEndian, string source, List<MatArray> arrays)
    {
        var prefix = new byte[8 + PrefixLength];
        tag.CopyTo(prefix, 0);
        stream.ReadExactly(prefix.AsSpan(8));
        var parser = new MatElementParser(prefix, bigEndian, source, compressedOffset: null, baseOffset: position);
        int size = (int)U32(tag, 4, bigEndian);
        var header = parser.TryDoubleMatrixHeader(new MatElementParser.Tag(MatDataType.Matrix, 8, size, 8 + size, 0), position);
        if (header is not { } found)
        {
            return false;
        }

        var values = GC.AllocateUninitializedArray<double>((int)(found.Info.Dimensions.Aggregate(1L, (a, b) => a * b)));
        var target = MemoryMarshal.AsBytes(values.AsSpan());
        int inPrefix = Math.Min(prefix.Length - found.DataStart, target.Length);
        prefix.AsSpan(found.DataStart, inPrefix).CopyTo(target);
        stream.ReadExactly(target[inPrefix..]);
        if (found.Info.Name.Length > 0)
        {
            arrays.Add(new MatNumericArray(found.Info, values, null, found.Logical));
        }

        return true;
    }

    private static bool TryInflateDoubleMatrix(Stream stream, int size, long position, bool bigEndian, string source, List<MatArray> arrays)
    {
        var compressed = GC.AllocateUninitializedArray<byte>(size);
        stream.ReadExactly(compressed);
        using var zlib = new ZlibElementReader(compressed, 0, size);
        var prefix = new byte[8 + PrefixLength];
        int got = 0;
        try
        {
            while (got < prefix.Length && zlib.Read(prefix.AsSpan(got)) is > 0 and var read)
            {
                got += read;
            }
        }
        catch (InvalidDataException)
        {
            return false;   // the general path reports it
        }

        uint innerSize = U32(prefix, 4, bigEndian);
        if (got < 16 || U32(prefix, 0, bigEndian) != (uint)MatDataType.Matrix || innerSize > Array.MaxLength - 8)
        {
            return false;
        }

        var parser = new MatElementParser(prefix[..got], bigEndian, source, compressedOffset: position);
        var header = parser.TryDoubleMatrixHeader(new MatElementParser.Tag(MatDataType.Matrix, 8, (int)innerSize, 8 + (int)innerSize, 0), position);
        if (header is not { } found)
        {
            return false;
        }

        // The announced size is not trusted: the array grows only as inflated data arrive.
        long count = found.Info.Dimensions.Aggregate(1L, (a, b) => a * b);
        var values = GC.AllocateUninitializedArray<double>((int)Math.Min(count, (Math.Max(prefix.Length, 4L * size) / 8) + 1));
        int filled = (int)Math.Min(got - found.DataStart, values.Length * 8L);
        prefix.AsSpan(found.DataStart, filled).CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        string Damaged(string problem) =>
            $"variable '{found.Info.Name}': {problem}; the file is damaged. Copy or download it again, or save it again from MATLAB.";
        try
        {
            while (filled < count * 8)
            {
                if (filled == values.Length * 8L)
                {
                    Array.Resize(ref values, (int)Math.Min(count, 2L * values.Length));
                }

                int read = zlib.Read(MemoryMarshal.AsBytes(values.AsSpan())[filled..]);
                if (read == 0)
                {
                    break;   // Finish names the shortfall
                }

                filled += read;
            }

            // The data subelement ends the inner element; Finish checks the length and the checksum.
            if (zlib.Finish(8L + innerSize) is { } problem)
            {
                throw new DataFormatException(source, Damaged(problem), offset: position);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DataFormatException(source, Damaged(ZlibElementReader.Corrupt), offset: position, innerException: ex);
        }

        if (found.Info.Name.Length > 0)
        {
            arrays.Add(new MatNumericArray(found.Info, values, null, found.Logical));
        }

        return true;
    }

    private static uint U32(byte[] bytes, int offset, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset))
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));
}
