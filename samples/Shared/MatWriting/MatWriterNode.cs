using SimZsl.IO;

namespace SimZsl.Samples.Shared;

/// <summary>One array to be written as an miMATRIX element; it knows its size before it writes, because the
/// element's tag (written first) holds that size.</summary>
internal abstract class MatWriterNode(string name, MatClass cls, int[] dimensions, bool logical = false, bool complex = false)
{
    public string Name => name;

    /// <summary>Bytes of the miMATRIX content (everything after its 8-byte tag).</summary>
    public long BodySize => 16 + MatElementWriter.ElementSize(4L * dimensions.Length)
        + MatElementWriter.ElementSize(name.Length) + ContentSize;

    protected abstract long ContentSize { get; }

    /// <summary>Writes the whole miMATRIX element, tag included.</summary>
    public void Write(MatElementWriter output)
    {
        output.WriteTag(MatDataType.Matrix, BodySize);
        output.WriteTag(MatDataType.UInt32, 8);
        output.WriteUInt32((uint)cls | (logical ? 0x200u : 0) | (complex ? 0x800u : 0));
        output.WriteUInt32(0);
        output.WriteInt32Element(dimensions);
        output.WriteNameElement(name);
        WriteContent(output);
    }

    protected abstract void WriteContent(MatElementWriter output);
}

/// <summary>A numeric array stored in a chosen data type (MATLAB itself stores whole-valued doubles compactly).</summary>
internal sealed class MatNumericNode(string name, MatClass cls, int[] dimensions, double[] real, double[]? imaginary, MatDataType storage, bool logical)
    : MatWriterNode(name, cls, dimensions, logical, imaginary is not null)
{
    protected override long ContentSize =>
        (imaginary is null ? 1 : 2) * MatElementWriter.ElementSize((long)real.Length * MatDataTypes.NumericSize(storage));

    protected override void WriteContent(MatElementWriter output)
    {
        output.WriteNumbers(storage, real);
        if (imaginary is not null)
        {
            output.WriteNumbers(storage, imaginary);
        }
    }
}

/// <summary>A character array of one row, stored as miUTF8: MATLAB reads it, and SciPy decodes it correctly
/// by default (it decodes miUINT16 characters as UTF-8 unless told otherwise, garbling non-ASCII text).</summary>
internal sealed class MatTextNode(string name, string text)
    : MatWriterNode(name, MatClass.Char, [text.Length == 0 ? 0 : 1, text.Length])
{
    private readonly byte[] _utf8 = System.Text.Encoding.UTF8.GetBytes(text);

    protected override long ContentSize => MatElementWriter.ElementSize(_utf8.Length);

    protected override void WriteContent(MatElementWriter output) => output.WriteElement(MatDataType.Utf8, _utf8);
}

/// <summary>A cell array of other arrays (column-major).</summary>
internal sealed class MatCellNode(string name, int[] dimensions, IReadOnlyList<MatWriterNode> cells)
    : MatWriterNode(name, MatClass.Cell, dimensions)
{
    protected override long ContentSize => cells.Sum(c => 8 + c.BodySize);

    protected override void WriteContent(MatElementWriter output)
    {
        foreach (var cell in cells)
        {
            cell.Write(output);
        }
    }
}
