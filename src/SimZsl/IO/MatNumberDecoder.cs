using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SimZsl.IO;

/// <summary>Turns the raw bytes of a numeric data element, of any of the ten numeric types and either byte
/// order, into doubles. The common case (doubles in the machine's byte order) is one block copy.</summary>
internal static class MatNumberDecoder
{
    public static double[] Decode(ReadOnlySpan<byte> raw, MatDataType type, bool bigEndian)
    {
        int size = MatDataTypes.NumericSize(type);
        var values = GC.AllocateUninitializedArray<double>(raw.Length / size);   // every entry is written below
        bool swap = bigEndian == BitConverter.IsLittleEndian;
        if (type == MatDataType.Double)
        {
            raw.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
            if (swap)
            {
                var asLong = MemoryMarshal.Cast<double, long>(values.AsSpan());
                BinaryPrimitives.ReverseEndianness(asLong, asLong);
            }

            return values;
        }

        for (int k = 0; k < values.Length; k++)
        {
            values[k] = Read(raw.Slice(k * size, size), type, bigEndian);
        }

        return values;
    }

    // Each arm is cast to double: without it the switch's natural type would be float, rounding int32 and beyond.
    private static double Read(ReadOnlySpan<byte> b, MatDataType type, bool big) => type switch
    {
        MatDataType.Int8 => (double)((sbyte)b[0]),
        MatDataType.UInt8 => (double)(b[0]),
        MatDataType.Int16 => (double)(big ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b)),
        MatDataType.UInt16 => (double)(big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b)),
        MatDataType.Int32 => (double)(big ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b)),
        MatDataType.UInt32 => (double)(big ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b)),
        MatDataType.Single => (double)(big ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b)),
        MatDataType.Int64 => (double)(big ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b)),
        MatDataType.UInt64 => (double)(big ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a numeric MAT type"),
    };
}
