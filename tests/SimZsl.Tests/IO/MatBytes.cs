using System.IO.Compression;
using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.IO;

/// <summary>Builds MAT v5 bytes element by element for tests of damaged or unusual files, on top of the samples'
/// <see cref="MatElementWriter"/> (tags, small elements, padding, either byte order): a test writes exactly the
/// sub-elements it wants, right or wrong, and these helpers add the sizes and the 128-byte header.</summary>
/// <remarks>Offsets in a file built by <see cref="File"/> from one <see cref="Matrix(bool, MatClass, int[], string, Action{MatElementWriter}, uint)"/>
/// with two dimensions and a name of at most 4 bytes: the miMATRIX tag at 128, the array flags at 136, the
/// dimensions at 152, the name at 168, the content at 176.</remarks>
internal static class MatBytes
{
    /// <summary>A 128-byte header (from <see cref="MatFileWriter"/>) followed by the elements.</summary>
    public static byte[] File(bool bigEndian, params byte[][] elements) =>
        [.. new MatFileWriter(compress: false, bigEndian).ToArray(), .. elements.SelectMany(e => e)];

    /// <summary>Whatever <paramref name="write"/> writes.</summary>
    public static byte[] Raw(bool bigEndian, Action<MatElementWriter> write)
    {
        using var stream = new MemoryStream();
        write(new MatElementWriter(stream, bigEndian));
        return stream.ToArray();
    }

    /// <summary>An miMATRIX element whose content is whatever <paramref name="body"/> writes (its tag announces
    /// exactly that many bytes, <paramref name="tail"/> included: whole elements written elsewhere, such as the arrays
    /// of a cell or struct; the element is padded to 8 bytes).</summary>
    public static byte[] Matrix(bool bigEndian, Action<MatElementWriter> body, byte[]? tail = null)
    {
        byte[] content = [.. Raw(bigEndian, body), .. tail ?? []];
        return [.. Raw(bigEndian, w => w.WriteTag(MatDataType.Matrix, content.Length)), .. content, .. new byte[(8 - (content.Length % 8)) % 8]];
    }

    /// <summary>An miMATRIX element with well-formed array flags, dimensions and name, then
    /// <paramref name="content"/> (the data, right or wrong).</summary>
    public static byte[] Matrix(bool bigEndian, MatClass cls, int[] dims, string name, Action<MatElementWriter> content, uint flags = 0) =>
        Matrix(bigEndian, w =>
        {
            Flags(w, (uint)cls | flags);
            w.WriteInt32Element(dims);
            w.WriteNameElement(name);
            content(w);
        });

    /// <summary>The 8-byte array flags sub-element (class in the low byte, 0x200 logical, 0x800 complex).</summary>
    public static void Flags(MatElementWriter w, uint flags)
    {
        w.WriteTag(MatDataType.UInt32, 8);
        w.WriteUInt32(flags);
        w.WriteUInt32(0);
    }

    /// <summary>An miCOMPRESSED element: <paramref name="inner"/> deflated as a zlib stream (not padded).</summary>
    public static byte[] Compressed(bool bigEndian, byte[] inner)
    {
        byte[] zlib = Deflate(inner);
        return [.. Raw(bigEndian, w => w.WriteTag(MatDataType.Compressed, zlib.Length)), .. zlib];
    }

    /// <summary>A zlib stream (header, deflate data, Adler-32) of <paramref name="data"/>.</summary>
    public static byte[] Deflate(byte[] data, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var memory = new MemoryStream();
        using (var zlib = new ZLibStream(memory, level, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return memory.ToArray();
    }

    /// <summary>The file's elements (everything after the header) as written by <see cref="MatFileWriter"/>.</summary>
    public static byte[] Body(MatFileWriter writer) => writer.ToArray()[128..];
}
