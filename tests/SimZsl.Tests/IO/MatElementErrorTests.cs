using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.IO;

/// <summary>Each way a data element of a MAT v5 file can be wrong, built sub-element by sub-element
/// (<see cref="MatBytes"/>): the reader names what is wrong and the byte offset where it is, rather than failing
/// later on some other check or reading garbage. The fuzz test (<see cref="MatFileFuzzTests"/>) accepts any
/// refusal; these pin down which. Offsets: the variable's tag at 128, its array flags at 136, dimensions at 152,
/// name at 168, content at 176 (see <see cref="MatBytes"/>).</summary>
public class MatElementErrorTests
{
    private const int MaxArray = 2147483591;   // Array.MaxLength

    public static TheoryData<string, byte[], string, long> Cases => new()
    {
        // Tags.
        { "tag cut inside a matrix", File(MatBytes.Matrix(false, w => w.WriteUInt32(0))), "a data element tag needs 8 bytes but only 4 remain; the file is truncated.", 136 },
        { "small element over 4 bytes", File(MatBytes.Matrix(false, w => { MatBytes.Flags(w, 6); w.WriteInt32Element([1, 1]); w.WriteUInt32((5u << 16) | 1); w.WriteUInt32(0); })), "a small data element announces 5 bytes; at most 4 fit.", 168 },
        { "sub-element beyond its matrix", File(MatBytes.Matrix(false, w => { MatBytes.Flags(w, 6); w.WriteInt32Element([1, 1]); w.WriteTag(MatDataType.Int8, 100); w.WriteTag(MatDataType.Int8, 0); })), "a miINT8 element announces 100 bytes but only 8 remain; the file is truncated or damaged.", 168 },
        { "top-level miDOUBLE", File(MatBytes.Raw(false, w => w.WriteElement(MatDataType.Double, new byte[8]))), "a top-level element has type miDOUBLE; only miMATRIX and miCOMPRESSED are valid here.", 128 },
        { "top-level small element", File(MatBytes.Raw(false, w => w.WriteElement(MatDataType.Int8, "ab"u8))), "a top-level element has type miINT8; only miMATRIX and miCOMPRESSED are valid here.", 128 },
        { "4 bytes after the last element", [.. Tiny, 1, 2, 3, 4], "a data element tag needs 8 bytes but only 4 remain; the file is truncated.", Tiny.Length },
        { "element beyond the file", File(MatBytes.Raw(false, w => { w.WriteTag(MatDataType.Matrix, 1000); w.WriteTag(MatDataType.UInt32, 8); })), "a miMATRIX element announces 1000 bytes but only 8 remain; the file is truncated or damaged.", 128 },

        // Array flags, dimensions, name.
        { "class 18", File(Matrix(18, [1, 1], w => { })), "array class 18 is not a MATLAB class (1 to 17).", 136 },
        { "class 0", File(Matrix(0, [1, 1], w => { })), "array class 0 is not a MATLAB class (1 to 17).", 136 },
        { "flags not miUINT32", File(MatBytes.Matrix(false, w => { w.WriteTag(MatDataType.Int32, 8); w.WriteUInt32(6); w.WriteUInt32(0); })), "the array flags element has type miINT32; miUINT32 was expected.", 136 },
        { "flags of 4 bytes", File(MatBytes.Matrix(false, w => { w.WriteElement(MatDataType.UInt32, [6, 0, 0, 0]); w.WriteInt32Element([1, 1]); })), "the array flags element has 4 bytes; it needs 8.", 136 },
        { "dimensions not miINT32", File(MatBytes.Matrix(false, w => { MatBytes.Flags(w, 6); w.WriteElement(MatDataType.UInt32, new byte[8]); })), "the dimensions element has type miUINT32; miINT32 was expected.", 152 },
        { "one dimension", File(MatBytes.Matrix(false, w => { MatBytes.Flags(w, 6); w.WriteInt32Element([1]); })), "the dimensions element has 4 bytes; it needs at least two 4-byte sizes.", 152 },
        { "dimensions of 10 bytes", File(MatBytes.Matrix(false, w => { MatBytes.Flags(w, 6); w.WriteElement(MatDataType.Int32, new byte[10]); })), "the dimensions element has 10 bytes; it needs at least two 4-byte sizes.", 152 },
        { "negative second dimension", File(Matrix(6, [2, -5], w => { })), "dimension 2 is -5; sizes cannot be negative.", 152 },
        { "too many elements", File(Matrix(6, [1 << 30, 1 << 30], w => { })), "the dimensions (1073741824×1073741824) hold more elements than one array can.", 152 },

        // Exactly as many elements as an array can hold passes the dimensions check; the data then do not match.
        { "Array.MaxLength elements", File(Matrix(6, [MaxArray, 1], w => w.WriteNumbers(MatDataType.Double, [1.0, 2.0]))), $"the real part holds 16 bytes of miDOUBLE but the dimensions need {MaxArray} values ({8L * MaxArray} bytes).", 176 },
        { "name not miINT8", File(MatBytes.Matrix(false, w => { MatBytes.Flags(w, 6); w.WriteInt32Element([1, 1]); w.WriteElement(MatDataType.UInt16, "ab"u8); })), "the array name has type miUINT16; miINT8 was expected.", 168 },

        // Numbers.
        { "real part as text", File(Matrix(6, [1, 2], w => w.WriteElement(MatDataType.Utf8, "abcdefgh"u8))), "the real part has type miUTF8; a numeric type was expected.", 176 },
        { "real part short", File(Matrix(6, [1, 3], w => w.WriteNumbers(MatDataType.Double, [1.0, 2.0]))), "the real part holds 16 bytes of miDOUBLE but the dimensions need 3 values (24 bytes).", 176 },
        { "imaginary part short", File(Matrix(6, [1, 2], w => { w.WriteNumbers(MatDataType.Double, [1.0, 2.0]); w.WriteNumbers(MatDataType.Double, new double[] { 3.0 }); }, complex: true)), "the imaginary part holds 8 bytes of miDOUBLE but the dimensions need 2 values (16 bytes).", 200 },

        // Characters.
        { "char without data", File(Matrix(4, [1, 3], w => { })), "a data element tag needs 8 bytes but only 0 remain; the file is truncated.", 176 },
        { "char data for 0×0", File(Matrix(4, [0, 0], w => w.WriteElement(MatDataType.Utf8, "ab"u8))), "the character data holds 2 characters but the dimensions (0×0) need 0.", 176 },
        { "UTF-16 odd length", File(Matrix(4, [1, 1], w => w.WriteElement(MatDataType.Utf16, "abc"u8))), "UTF-16 character data has an odd length (3 bytes).", 176 },
        { "miUINT16 odd length", File(Matrix(4, [1, 1], w => w.WriteElement(MatDataType.UInt16, "abcde"u8))), "UTF-16 character data has an odd length (5 bytes).", 176 },
        { "UTF-32 length", File(Matrix(4, [1, 1], w => w.WriteElement(MatDataType.Utf32, "abcdef"u8))), "UTF-32 character data has a length (6 bytes) that is not a multiple of 4.", 176 },
        { "char data as miDOUBLE", File(Matrix(4, [1, 1], w => w.WriteNumbers(MatDataType.Double, [65.0]))), "character data has type miDOUBLE; miUINT16, miUTF8, miUTF16 or miUTF32 was expected.", 176 },

        // Cells and structs.
        { "cell holding a number", File(Matrix(1, [1, 1], w => w.WriteNumbers(MatDataType.Double, [1.0]))), "the cell element has type miDOUBLE; miMATRIX was expected.", 176 },
        { "more cells than bytes", File(Matrix(1, [3, 1], w => { w.WriteTag(MatDataType.Matrix, 0); w.WriteTag(MatDataType.Matrix, 0); })), "the dimensions call for 3 cells but only 16 bytes remain (each needs at least 8).", 176 },
        { "field name length not miINT32", File(Matrix(2, [1, 1], w => w.WriteElement(MatDataType.Int8, [4, 0, 0, 0]))), "the field name length element has type miINT8; miINT32 was expected.", 176 },
        { "field name length empty", File(Matrix(2, [1, 1], w => { w.WriteTag(MatDataType.Int32, 0); w.WriteElement(MatDataType.Int8, "abcdefgh"u8); })), "the field name length is 0; it must be between 1 and 4096.", 176 },
        { "field name length 4097", File(Matrix(2, [1, 1], w => w.WriteInt32Element([4097]))), "the field name length is 4097; it must be between 1 and 4096.", 176 },
        { "field names as UTF-8", File(Matrix(2, [1, 1], w => { w.WriteInt32Element([4]); w.WriteElement(MatDataType.Utf8, "abcdefgh"u8); })), "the field names (miUTF8, 8 bytes) are not miINT8 in slots of 4 bytes.", 184 },
        { "field names not in slots", File(Matrix(2, [1, 1], w => { w.WriteInt32Element([4]); w.WriteElement(MatDataType.Int8, "abcdef"u8); })), "the field names (miINT8, 6 bytes) are not miINT8 in slots of 4 bytes.", 184 },
        { "more field values than bytes", File(Matrix(2, [1000, 1], w => { w.WriteInt32Element([4]); w.WriteElement(MatDataType.Int8, "ab\0\0"u8); })), "the dimensions call for 1000 struct field values but only 0 bytes remain (each needs at least 8).", 192 },
        { "struct field holding a number", File(Matrix(2, [1, 1], w => { w.WriteInt32Element([4]); w.WriteElement(MatDataType.Int8, "ab\0\0"u8); w.WriteNumbers(MatDataType.Double, [1.0]); })), "the struct field element has type miDOUBLE; miMATRIX was expected.", 192 },
    };

    /// <summary>A small valid file (one 1 × 1 double), for damage appended at its end.</summary>
    private static byte[] Tiny => new MatFileWriter().AddNumeric("a", [1, 1], [7.0]).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheReaderSaysWhatIsWrongAndWhere(string what, byte[] bytes, string message, long offset)
    {
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(bytes, "x.mat"));
        Assert.True(e.Message == $"x.mat at byte offset {offset}: {message}", $"{what}: {e.Message}");
        Assert.Equal(offset, e.Offset);
    }

    [Fact]
    public void ABigEndianFileIsCheckedTheSameWay()
    {
        // The sizes are read in the file's byte order: read little-endian, these would announce other sizes.
        var bytes = MatBytes.File(true, MatBytes.Matrix(true, MatClass.Double, [2, -5], "a", w => { }));
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(bytes, "x.mat"));
        Assert.Equal("x.mat at byte offset 152: dimension 2 is -5; sizes cannot be negative.", e.Message);
    }

    [Fact]
    public void TheWellFormedFilesBuiltTheSameWayRead()
    {
        // The control for the cases above: the same builder with consistent sub-elements reads back.
        var mat = MatFile.Read(File(Matrix(6, [1, 2], w => w.WriteNumbers(MatDataType.Double, [1.5, -2.0]))), "x.mat");
        Assert.Equal([1.5, -2.0], mat.GetNumeric("a").Real.ToArray());
        var text = MatFile.Read(File(Matrix(4, [1, 3], w => w.WriteElement(MatDataType.Utf8, "abc"u8))), "x.mat");
        Assert.Equal(["abc"], text.GetStrings("a"));
    }

    private static byte[] File(byte[] element) => MatBytes.File(false, element);

    // A variable named "a" (so its name is a small element and its content starts at 176).
    private static byte[] Matrix(int cls, int[] dims, Action<MatElementWriter> content, bool complex = false) =>
        MatBytes.Matrix(false, (MatClass)cls, dims, "a", content, complex ? 0x800u : 0);
}
