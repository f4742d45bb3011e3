using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using SimZsl.IO;

namespace SimZsl.Samples.Shared;

/// <summary>Writes MAT v5 data elements to a stream in either byte order: tags (the small-element form for
/// 1 to 4 bytes, as MATLAB does), padding to 8 bytes, and numbers encoded in any numeric data type.</summary>
internal sealed class MatElementWriter(Stream stream, bool bigEndian)
{
    /// <summary>Bytes a sub-element with <paramref name="dataBytes"/> bytes of data takes, tag and padding included.</summary>
    public static long ElementSize(long dataBytes) => dataBytes is > 0 and <= 4 ? 8 : 8 + Align8(dataBytes);

    public static long Align8(long n) => (n + 7) & ~7L;

    public void WriteTag(MatDataType type, long size)
    {
        WriteUInt32((uint)type);
        WriteUInt32(checked((uint)size));
    }

    /// <summary>A whole sub-element: tag, data, padding.</summary>
    public void WriteElement(MatDataType type, ReadOnlySpan<byte> data)
    {
        if (data.Length is > 0 and <= 4)
        {
            WriteUInt32(((uint)data.Length << 16) | (uint)type);
            Span<byte> padded = stackalloc byte[4];
            padded.Clear();
            data.CopyTo(padded);
            stream.Write(padded);
            return;
        }

        WriteTag(type, data.Length);
        stream.Write(data);
        Pad(data.Length);
    }

    public void WriteInt32Element(IReadOnlyList<int> values)
    {
        var bytes = new byte[4 * values.Count];
        for (int k = 0; k < values.Count; k++)
        {
            Put32(bytes.AsSpan(4 * k), (uint)values[k]);
        }

        WriteElement(MatDataType.Int32, bytes);
    }

    public void WriteNameElement(string name) => WriteElement(MatDataType.Int8, Encoding.ASCII.GetBytes(name));

    /// <summary>Numbers as a sub-element of <paramref name="type"/>, encoded in chunks (no full-size copy).</summary>
    public void WriteNumbers(MatDataType type, ReadOnlySpan<double> values)
    {
        int size = MatDataTypes.NumericSize(type);
        long bytes = (long)values.Length * size;
        if (bytes is > 0 and <= 4)
        {
            var small = new byte[bytes];
            Encode(values, type, small);
            WriteElement(type, small);
            return;
        }

        WriteTag(type, bytes);
        if (type == MatDataType.Double && bigEndian != BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
        }
        else
        {
            var chunk = new byte[1 << 16];
            int perChunk = chunk.Length / size;
            for (int start = 0; start < values.Length; start += perChunk)
            {
                var part = values.Slice(start, Math.Min(perChunk, values.Length - start));
                Encode(part, type, chunk);
                stream.Write(chunk, 0, part.Length * size);
            }
        }

        Pad(bytes);
    }

    public void WriteUInt32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        Put32(b, value);
        stream.Write(b);
    }

    private void Pad(long written)
    {
        for (long k = written; k < Align8(written); k++)
        {
            stream.WriteByte(0);
        }
    }

    private void Put32(Span<byte> target, uint value)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(target, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(target, value);
        }
    }

    private void Encode(ReadOnlySpan<double> values, MatDataType type, Span<byte> target)
    {
        int size = MatDataTypes.NumericSize(type);
        for (int k = 0; k < values.Length; k++)
        {
            var b = target.Slice(k * size, size);
            double v = values[k];
            switch (type)
            {
                case MatDataType.Int8: b[0] = (byte)(sbyte)v; break;
                case MatDataType.UInt8: b[0] = (byte)v; break;
                case MatDataType.Int16: Write16(b, (ushort)(short)v); break;
                case MatDataType.UInt16: Write16(b, (ushort)v); break;
                case MatDataType.Int32: Put32(b, (uint)(int)v); break;
                case MatDataType.UInt32: Put32(b, (uint)v); break;
                case MatDataType.Single: Put32(b, BitConverter.SingleToUInt32Bits((float)v)); break;
                case MatDataType.Int64: Write64(b, (ulong)(long)v); break;
                case MatDataType.UInt64: Write64(b, (ulong)v); break;
                default: Write64(b, BitConverter.DoubleToUInt64Bits(v)); break;
            }
        }
    }

    private void Write16(Span<byte> b, ushort value)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        }
    }

    private void Write64(Span<byte> b, ulong value)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        }
    }
}
