using System.Buffers.Binary;
using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.IO;

/// <summary>Each way an miCOMPRESSED element can be wrong, its zlib stream built here (<see cref="MatBytes"/>): the
/// reader names the compressed element's offset (128), the variable when its name could be inflated, and for a
/// problem inside the inflated data, the byte there.</summary>
public class MatCompressedElementErrorTests
{
    private const int MaxArray = 2147483591;   // Array.MaxLength
    private const string Damaged = "; the file is damaged. Copy or download it again, or save it again from MATLAB.";

    public static TheoryData<string, byte[], string> Cases
    {
        get
        {
            byte[] x = Variable("x");
            var cases = new TheoryData<string, byte[], string>
            {
                { "compressed inside compressed", File(MatBytes.Compressed(false, x)), "a compressed element inside a compressed element is not valid MAT v5." + Inside(0) },
                { "damage inside the inflated data", File(MatBytes.Matrix(false, w => { MatBytes.Flags(w, 6); w.WriteInt32Element([1, 1]); w.WriteElement(MatDataType.UInt16, "ab"u8); })), "the array name has type miUINT16; miINT8 was expected." + Inside(40) },
                { "a small element inside", File(MatBytes.Raw(false, w => w.WriteElement(MatDataType.Int8, "ab"u8))), "a top-level element has type miINT8; only miMATRIX and miCOMPRESSED are valid here." + Inside(0) },
                { "inflates to 3 bytes", File([1, 2, 3]), "the compressed element inflates to 3 bytes; a data element needs at least 8." },
                { "announces more than an array holds", File(MatBytes.Raw(false, w => { w.WriteTag(MatDataType.Matrix, MaxArray - 4); w.WriteTag(MatDataType.UInt32, 8); })), $"the compressed element announces {MaxArray + 4L} inflated bytes; more than one array can hold." },
                { "announces exactly what an array holds", File(WithSize(x, MaxArray - 8)), $"variable 'x': the compressed element inflates to only {x.Length} bytes but the element inside announces {MaxArray}: it is truncated" + Damaged },
                { "more data than announced", File([.. x, .. new byte[8]]), $"variable 'x': the compressed element inflates to more than the {x.Length} bytes that the element inside announces" + Damaged },
                { "deflate data zlib refuses", [.. MatBytes.File(false), .. MatBytes.Raw(false, w => w.WriteTag(MatDataType.Compressed, 8)), 0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], ZlibElementReader.Corrupt + Damaged },
            };

            // A stream cut before its Adler-32 (zlib itself does not notice): the element's last 4 bytes are then
            // deflate data, and the message gives both values. An element that is not an miMATRIX (its content looks
            // like one named 'zz') and an unnamed miMATRIX name no variable.
            byte[] notMatrix = Variable("zz");
            BinaryPrimitives.WriteUInt32LittleEndian(notMatrix, (uint)MatDataType.Double);
            foreach (var (what, inner) in new[] { ("named", x), ("not an miMATRIX", notMatrix), ("unnamed", Variable(string.Empty)) })
            {
                byte[] zlib = MatBytes.Deflate(inner);
                uint computed = BinaryPrimitives.ReadUInt32BigEndian(zlib.AsSpan(zlib.Length - 4));
                uint stored = BinaryPrimitives.ReadUInt32BigEndian(zlib.AsSpan(zlib.Length - 8));
                var bytes = MatBytes.File(false, [.. MatBytes.Raw(false, w => w.WriteTag(MatDataType.Compressed, zlib.Length - 4)), .. zlib[..^4]]);
                string variable = what == "named" ? "variable 'x': " : string.Empty;
                cases.Add($"checksum, {what}", bytes, $"{variable}the compressed element fails its zlib checksum (Adler-32 stored 0x{stored:X8}, computed 0x{computed:X8}: incorrect data check)" + Damaged);
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheReaderSaysWhatIsWrongAndWhere(string what, byte[] bytes, string message)
    {
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(bytes, "x.mat"));
        Assert.True(e.Message == $"x.mat at byte offset 128: {message}", $"{what}: {e.Message}");
        Assert.Equal(128, e.Offset);
    }

    [Fact]
    public void TheWellFormedElementBuiltTheSameWayReads()
    {
        // The control: the same builder around an intact variable.
        var mat = MatFile.Read(File(Variable("x")), "x.mat");
        Assert.Equal([1.5, -2.0], mat.GetNumeric("x").Real.ToArray());
        Assert.Equal(128, mat.Get("x").Offset);
    }

    // The header and one compressed element holding these bytes.
    private static byte[] File(byte[] inner) => MatBytes.File(false, MatBytes.Compressed(false, inner));

    private static string Inside(int at) => $" (at byte {at} of the data inflated from this compressed element)";

    private static byte[] Variable(string name) =>
        MatBytes.Matrix(false, MatClass.Double, [1, 2], name, w => w.WriteNumbers(MatDataType.Double, [1.5, -2.0]));

    private static byte[] WithSize(byte[] element, int size)
    {
        var copy = element.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(4), size);
        return copy;
    }
}
