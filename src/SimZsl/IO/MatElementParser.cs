using System.Buffers.Binary;
using System.Text;

namespace SimZsl.IO;

/// <summary>Parses the data elements of a MAT v5 file held in memory: either the file itself or the bytes
/// inflated from one compressed element. Every length read from the data is checked against the bytes that
/// remain in its container before it is used, so a damaged file ends in a <see cref="DataFormatException"/>
/// naming the offset, never in an oversized allocation, an endless loop or another exception.</summary>
internal sealed class MatElementParser
{
    private const int MaxNesting = 64;
    private readonly byte[] _bytes;
    private readonly bool _bigEndian;
    private readonly string _source;
    private readonly long? _compressedOffset;   // set when _bytes were inflated from the element at this file offset
    private readonly long _baseOffset;          // file offset of _bytes[0] when they are a slice of the file

    public MatElementParser(byte[] bytes, bool bigEndian, string source, long? compressedOffset, long baseOffset = 0)
    {
        _bytes = bytes;
        _bigEndian = bigEndian;
        _source = source;
        _compressedOffset = compressedOffset;
        _baseOffset = baseOffset;
    }

    /// <summary>The tag of one data element: its type, where its data starts, its data size, and where the next
    /// element starts (after padding to 8 bytes, which compressed elements do not have).</summary>
    public readonly record struct Tag(MatDataType Type, int Start, int Size, int Next, int Position)
    {
        public int End => Start + Size;
    }

    /// <summary>Reads the tag at <paramref name="position"/> of an element that must end by <paramref name="end"/>.</summary>
    public Tag ReadTag(int position, int end)
    {
        if (end - position < 8)
        {
            throw Fail(position, $"a data element tag needs 8 bytes but only {end - position} remain; the file is truncated.");
        }

        Need(position, 8);
        uint first = U32(position);
        if (first >> 16 != 0)
        {
            // Small data element: type and size share the first 4 bytes, the data (≤ 4 bytes) the next 4.
            int smallSize = (int)(first >> 16);
            if (smallSize > 4)
            {
                throw Fail(position, $"a small data element announces {smallSize} bytes; at most 4 fit.");
            }

            return new Tag((MatDataType)(first & 0xFFFF), position + 4, smallSize, position + 8, position);
        }

        uint size = U32(position + 4);
        long start = position + 8L;
        if (size > end - start)
        {
            throw Fail(position, $"a {MatDataTypes.Name((MatDataType)first)} element announces {size} bytes but only {end - start} remain; the file is truncated or damaged.");
        }

        var type = (MatDataType)first;
        long next = start + size;
        if (type != MatDataType.Compressed)
        {
            next = Math.Min((next + 7) & ~7L, end);
        }

        return new Tag(type, (int)start, (int)size, (int)next, position);
    }

    /// <summary>Parses every element in [<paramref name="position"/>, end) as a top-level variable.</summary>
    public void ParseVariables(int position, List<MatArray> into)
    {
        while (position < _bytes.Length)
        {
            var tag = ReadTag(position, _bytes.Length);
            long fileOffset = _compressedOffset ?? _baseOffset + position;
            if (tag.Type == MatDataType.Compressed)
            {
                if (_compressedOffset is not null)
                {
                    throw Fail(position, "a compressed element inside a compressed element is not valid MAT v5.");
                }

                byte[] inflated = MatInflater.Inflate(_bytes, tag, _bigEndian, this);
                new MatElementParser(inflated, _bigEndian, _source, _baseOffset + position).ParseVariables(0, into);
            }
            else if (tag.Type == MatDataType.Matrix)
            {
                var array = ParseMatrix(tag, label: null, depth: 0, fileOffset);
                if (array.Name.Length > 0)
                {
                    into.Add(array);
                }

                // An unnamed top-level array is MATLAB's subsystem data (for objects), not a variable.
            }
            else
            {
                throw Fail(position, $"a top-level element has type {MatDataTypes.Name(tag.Type)}; only miMATRIX and miCOMPRESSED are valid here.");
            }

            position = tag.Next;
        }
    }

    /// <summary>Parses an miMATRIX element. <paramref name="label"/> names an array inside a cell or struct.</summary>
    private MatArray ParseMatrix(Tag matrix, string? label, int depth, long fileOffset)
    {
        if (depth > MaxNesting)
        {
            throw Fail(matrix.Position, $"cells or structs are nested more than {MaxNesting} deep.");
        }

        if (matrix.Size == 0)
        {
            // MATLAB writes an empty cell element as an miMATRIX with no content: a 0 × 0 double.
            return new MatNumericArray(new MatArrayInfo(label ?? string.Empty, MatClass.Double, [0, 0], _source, fileOffset), [], null, false);
        }

        var header = ReadMatrixHeader(matrix, label, fileOffset);
        var (info, cls, count, position, end) = (header.Info, header.Info.Class, header.Count, header.Position, matrix.End);
        bool complex = header.Complex, logical = header.Logical;
        return cls switch
        {
            >= MatClass.Double and <= MatClass.UInt64 => ParseNumeric(info, count, position, end, complex, logical),
            MatClass.Char => ParseChar(info, count, position, end),
            MatClass.Cell => ParseCell(info, count, position, end, depth),
            MatClass.Struct => ParseStruct(info, count, position, end, depth),
            MatClass.Sparse => new MatUnsupportedArray(info, "sparse matrices are not read; save full(x) instead."),
            MatClass.Object or MatClass.FunctionHandle or MatClass.Opaque =>
                new MatUnsupportedArray(info, $"MATLAB {cls} values are not read; save the numbers or text they hold as plain arrays."),
            _ => throw Fail(header.FlagsPosition, $"array class {(int)cls} is not a MATLAB class (1 to 17)."),
        };
    }

    /// <summary>For a large element of which only a prefix is in memory (<c>_bytes</c>): when it is a real numeric
    /// array whose data are miDOUBLE in the machine's byte order, its description and where in the element its
    /// data start; null for anything else (read it whole instead).</summary>
    public (MatArrayInfo Info, bool Logical, int DataStart)? TryDoubleMatrixHeader(Tag matrix, long fileOffset)
    {
        try
        {
            var header = ReadMatrixHeader(matrix, label: null, fileOffset);
            if (header.Info.Class is < MatClass.Double or > MatClass.UInt64 || header.Complex || _bigEndian == BitConverter.IsLittleEndian)
            {
                return null;
            }

            var data = ReadTag(header.Position, matrix.End);
            return data.Type == MatDataType.Double && data.Size == header.Count * 8 ? (header.Info, header.Logical, data.Start) : null;
        }
        catch (PrefixExhaustedException)
        {
            return null;
        }
    }

    /// <summary>The name of the miMATRIX element at the start of the bytes, or null when they do not hold a
    /// readable name (for error messages about an element that is damaged further on).</summary>
    public string? TryArrayName()
    {
        // The bytes may stop short of what the tag announces (a truncated stream): let the tag reach past them;
        // Need() still guards every read.
        try
        {
            var tag = ReadTag(0, int.MaxValue - 8);
            return tag.Type == MatDataType.Matrix ? ReadMatrixHeader(tag, label: null, fileOffset: 0).Info.Name : null;
        }
        catch (Exception e) when (e is DataFormatException or PrefixExhaustedException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    private readonly record struct MatrixHeader(MatArrayInfo Info, bool Complex, bool Logical, long Count, int Position, int FlagsPosition);

    // Array flags, dimensions and name: everything before the data of an miMATRIX element.
    private MatrixHeader ReadMatrixHeader(Tag matrix, string? label, long fileOffset)
    {
        int end = matrix.End;
        var flagsTag = Expect(ReadTag(matrix.Start, end), "array flags", MatDataType.UInt32);
        if (flagsTag.Size < 8)
        {
            throw Fail(flagsTag.Position, $"the array flags element has {flagsTag.Size} bytes; it needs 8.");
        }

        Need(flagsTag.Start, 4);
        uint flags = U32(flagsTag.Start);
        var cls = (MatClass)(flags & 0xFF);
        bool complex = (flags & 0x800) != 0, logical = (flags & 0x200) != 0;
        var dimsTag = Expect(ReadTag(flagsTag.Next, end), "dimensions", MatDataType.Int32);
        int[] dims = ReadDimensions(dimsTag);
        var nameTag = ReadTag(dimsTag.Next, end);
        if (nameTag.Type is not (MatDataType.Int8 or MatDataType.UInt8))
        {
            throw Fail(nameTag.Position, $"the array name has type {MatDataTypes.Name(nameTag.Type)}; miINT8 was expected.");
        }

        Need(nameTag.Start, nameTag.Size);
        string name = label ?? Encoding.Latin1.GetString(_bytes, nameTag.Start, nameTag.Size).TrimEnd('\0');
        var info = new MatArrayInfo(name, cls, dims, _source, fileOffset);
        return new MatrixHeader(info, complex, logical, dims.Aggregate(1L, (a, b) => a * b), nameTag.Next, flagsTag.Position);
    }

    // Only a prefix of a large element may be in memory: reading past it means "not the fast case", not an error.
    private void Need(int position, int count)
    {
        if ((long)position + count > _bytes.Length)
        {
            throw new PrefixExhaustedException();
        }
    }

    private sealed class PrefixExhaustedException : Exception
    {
    }

    private int[] ReadDimensions(Tag tag)
    {
        if (tag.Size % 4 != 0 || tag.Size < 8)
        {
            throw Fail(tag.Position, $"the dimensions element has {tag.Size} bytes; it needs at least two 4-byte sizes.");
        }

        Need(tag.Start, tag.Size);
        var dims = new int[tag.Size / 4];
        long product = 1;
        for (int d = 0; d < dims.Length; d++)
        {
            int value = (int)U32(tag.Start + (4 * d));
            if (value < 0)
            {
                throw Fail(tag.Position, $"dimension {d + 1} is {value}; sizes cannot be negative.");
            }

            dims[d] = value;
            product = Math.Min(product * value, 1L << 40);   // capped: compared with the bytes present below
        }

        if (product > Array.MaxLength)
        {
            throw Fail(tag.Position, $"the dimensions ({string.Join('×', dims)}) hold more elements than one array can.");
        }

        return dims;
    }

    private MatNumericArray ParseNumeric(MatArrayInfo info, long count, int position, int end, bool complex, bool logical)
    {
        double[] real = ReadNumbers(ReadTag(position, end), count, "real part");
        double[]? imaginary = null;
        if (complex)
        {
            var realTag = ReadTag(position, end);
            imaginary = ReadNumbers(ReadTag(realTag.Next, end), count, "imaginary part");
        }

        return new MatNumericArray(info, real, imaginary, logical);
    }

    private double[] ReadNumbers(Tag tag, long count, string what)
    {
        int size = MatDataTypes.NumericSize(tag.Type);
        if (size == 0)
        {
            throw Fail(tag.Position, $"the {what} has type {MatDataTypes.Name(tag.Type)}; a numeric type was expected.");
        }

        if (tag.Size != count * size)
        {
            throw Fail(tag.Position, $"the {what} holds {tag.Size} bytes of {MatDataTypes.Name(tag.Type)} but the dimensions need {count} values ({count * size} bytes).");
        }

        return MatNumberDecoder.Decode(_bytes.AsSpan(tag.Start, tag.Size), tag.Type, _bigEndian);
    }

    private MatCharArray ParseChar(MatArrayInfo info, long count, int position, int end)
    {
        string text = string.Empty;
        if (position < end || count > 0)
        {
            var tag = ReadTag(position, end);
            text = DecodeText(tag);
        }

        if (text.Length != count)
        {
            throw Fail(position, $"the character data holds {text.Length} characters but the dimensions ({string.Join('×', info.Dimensions)}) need {count}.");
        }

        return new MatCharArray(info, text);
    }

    private string DecodeText(Tag tag)
    {
        var span = _bytes.AsSpan(tag.Start, tag.Size);
        switch (tag.Type)
        {
            case MatDataType.UInt16 or MatDataType.Utf16:
                if (tag.Size % 2 != 0)
                {
                    throw Fail(tag.Position, $"UTF-16 character data has an odd length ({tag.Size} bytes).");
                }

                var chars = new char[tag.Size / 2];
                for (int k = 0; k < chars.Length; k++)
                {
                    chars[k] = (char)(_bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span[(2 * k)..]) : BinaryPrimitives.ReadUInt16LittleEndian(span[(2 * k)..]));
                }

                return new string(chars);
            case MatDataType.Utf8 or MatDataType.UInt8 or MatDataType.Int8:
                return Encoding.UTF8.GetString(span);
            case MatDataType.Utf32:
                if (tag.Size % 4 != 0)
                {
                    throw Fail(tag.Position, $"UTF-32 character data has a length ({tag.Size} bytes) that is not a multiple of 4.");
                }

                return (_bigEndian ? new UTF32Encoding(bigEndian: true, byteOrderMark: false) : Encoding.UTF32).GetString(span);
            default:
                throw Fail(tag.Position, $"character data has type {MatDataTypes.Name(tag.Type)}; miUINT16, miUTF8, miUTF16 or miUTF32 was expected.");
        }
    }

    private MatCellArray ParseCell(MatArrayInfo info, long count, int position, int end, int depth)
    {
        // Each cell needs at least an 8-byte tag: a count the bytes cannot hold is rejected before allocating.
        RequireRoom(position, end, count, "cells");
        var cells = new MatArray[count];
        for (int k = 0; k < count; k++)
        {
            var tag = Expect(ReadTag(position, end), "cell", MatDataType.Matrix);
            cells[k] = ParseMatrix(tag, $"{info.Name}{{{k + 1}}}", depth + 1, info.Offset);
            position = tag.Next;
        }

        return new MatCellArray(info, cells);
    }

    private MatStructArray ParseStruct(MatArrayInfo info, long count, int position, int end, int depth)
    {
        var lengthTag = Expect(ReadTag(position, end), "field name length", MatDataType.Int32);
        int nameLength = lengthTag.Size >= 4 ? (int)U32(lengthTag.Start) : 0;
        if (nameLength is < 1 or > 4096)
        {
            throw Fail(lengthTag.Position, $"the field name length is {nameLength}; it must be between 1 and 4096.");
        }

        var namesTag = ReadTag(lengthTag.Next, end);
        if (namesTag.Type is not (MatDataType.Int8 or MatDataType.UInt8) || namesTag.Size % nameLength != 0)
        {
            throw Fail(namesTag.Position, $"the field names ({MatDataTypes.Name(namesTag.Type)}, {namesTag.Size} bytes) are not miINT8 in slots of {nameLength} bytes.");
        }

        var fields = new string[namesTag.Size / nameLength];
        for (int f = 0; f < fields.Length; f++)
        {
            string field = Encoding.Latin1.GetString(_bytes, namesTag.Start + (f * nameLength), nameLength);
            int nul = field.IndexOf('\0', StringComparison.Ordinal);
            fields[f] = nul < 0 ? field : field[..nul];
        }

        position = namesTag.Next;
        long total = count * fields.Length;
        RequireRoom(position, end, total, "struct field values");
        var values = new MatArray[total];
        for (int k = 0; k < total; k++)
        {
            var tag = Expect(ReadTag(position, end), "struct field", MatDataType.Matrix);
            values[k] = ParseMatrix(tag, $"{info.Name}({(k / fields.Length) + 1}).{fields[k % fields.Length]}", depth + 1, info.Offset);
            position = tag.Next;
        }

        return new MatStructArray(info, fields, values);
    }

    private void RequireRoom(int position, int end, long count, string what)
    {
        if (count > (end - position) / 8)
        {
            throw Fail(position, $"the dimensions call for {count} {what} but only {end - position} bytes remain (each needs at least 8).");
        }
    }

    private Tag Expect(Tag tag, string what, MatDataType type) =>
        tag.Type == type ? tag : throw Fail(tag.Position, $"the {what} element has type {MatDataTypes.Name(tag.Type)}; {MatDataTypes.Name(type)} was expected.");

    private uint U32(int position) => _bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(_bytes.AsSpan(position))
        : BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(position));

    /// <summary>An exception at a position of the parsed bytes, located in the file.</summary>
    public DataFormatException Fail(int position, string message, Exception? innerException = null) => _compressedOffset is { } compressed
        ? new DataFormatException(_source, $"{message} (at byte {position} of the data inflated from this compressed element)", offset: compressed, innerException: innerException)
        : new DataFormatException(_source, message, offset: _baseOffset + position, innerException: innerException);
}
