using System.Text;
using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.IO;

/// <summary>Valid MAT v5 forms that neither SciPy's fixtures nor <see cref="MatFileWriter"/> produce, built sub-element
/// by sub-element (<see cref="MatBytes"/>): character data in every encoding and byte order, empty elements, the
/// nesting limit, struct field names at their limits, classes that are recognised but not read, offsets of
/// variables, and padding between plain elements.</summary>
public class MatElementFormTests
{
    private const string Text = "h\u00e9llo \u20ac!";   // é (2 bytes in UTF-8) and € (3 bytes): a wrong decoder shows

    [Theory]
    [InlineData(false, (int)MatDataType.UInt16)]
    [InlineData(true, (int)MatDataType.UInt16)]
    [InlineData(false, (int)MatDataType.Utf16)]
    [InlineData(true, (int)MatDataType.Utf16)]
    [InlineData(false, (int)MatDataType.Utf32)]
    [InlineData(true, (int)MatDataType.Utf32)]
    [InlineData(false, (int)MatDataType.Utf8)]
    [InlineData(true, (int)MatDataType.Utf8)]
    public void CharacterDataInEveryEncodingAndByteOrder(bool bigEndian, int type)
    {
        var dataType = (MatDataType)type;
        Encoding encoding = dataType switch
        {
            MatDataType.Utf8 => Encoding.UTF8,
            MatDataType.Utf32 => new UTF32Encoding(bigEndian, byteOrderMark: false),
            _ => new UnicodeEncoding(bigEndian, byteOrderMark: false),
        };
        var bytes = MatBytes.File(bigEndian, MatBytes.Matrix(bigEndian, MatClass.Char, [1, Text.Length], "t", w => w.WriteElement(dataType, encoding.GetBytes(Text))));
        Assert.Equal(Text, Assert.IsType<MatCharArray>(MatFile.Read(bytes, "x.mat").Get("t")).Text);
    }

    [Fact]
    public void ASingleByteCharacterTypeIsReadAsUtf8()
    {
        var bytes = MatBytes.File(false, MatBytes.Matrix(false, MatClass.Char, [1, 3], "t", w => w.WriteElement(MatDataType.Int8, "abc"u8)));
        Assert.Equal(["abc"], MatFile.Read(bytes, "x.mat").GetStrings("t"));
    }

    [Fact]
    public void AnEmptyCharArrayNeedsNoDataElement()
    {
        var bytes = MatBytes.File(false, MatBytes.Matrix(false, MatClass.Char, [0, 0], "t", w => { }));
        var text = Assert.IsType<MatCharArray>(MatFile.Read(bytes, "x.mat").Get("t"));
        Assert.Equal(string.Empty, text.Text);
        Assert.Equal([0, 0], text.Dimensions);
    }

    [Fact]
    public void AnEmptyMatrixElementInACellIsAnEmptyDouble()
    {
        // MATLAB writes {[]} as an miMATRIX tag of size 0: 8 bytes for one cell, exactly the room a cell needs.
        byte[] empty = MatBytes.Raw(false, w => w.WriteTag(MatDataType.Matrix, 0));
        byte[] text = MatBytes.Body(new MatFileWriter().AddText("t", "ab"));
        var bytes = MatBytes.File(
            false,
            MatBytes.Matrix(false, w => Header(w, MatClass.Cell, [1, 1], "e"), empty),
            MatBytes.Matrix(false, w => Header(w, MatClass.Cell, [2, 1], "c"), [.. text, .. empty]));
        var mat = MatFile.Read(bytes, "x.mat");
        var cell = Assert.IsType<MatNumericArray>(Assert.IsType<MatCellArray>(mat.Get("e")).Cells[0]);
        Assert.Equal("e{1}", cell.Name);
        Assert.Equal(MatClass.Double, cell.Class);
        Assert.Equal([0, 0], cell.Dimensions);
        Assert.False(cell.IsLogical);
        Assert.Equal(0, cell.ElementCount);
        Assert.Equal(["ab", string.Empty], mat.GetStrings("c"));   // an empty cell in a list of names is an empty name
    }

    [Fact]
    public void NestingIsReadTo64LevelsAndRefusedBeyond()
    {
        // Every cell level takes 48 bytes (tag, flags, dimensions, empty name), so the array at depth d is at 128 + 48 d.
        Assert.Equal("x", Innermost(MatFile.Read(NestedCells(64), "x.mat").Get("deep")));
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(NestedCells(65), "x.mat"));
        Assert.Equal($"x.mat at byte offset {128 + (48 * 65)}: cells or structs are nested more than 64 deep.", e.Message);

        // Structs count their depth the same way.
        byte[] element = MatBytes.Body(new MatFileWriter().AddText("x", "x"));
        for (int k = 0; k < 70; k++)
        {
            element = MatBytes.Matrix(false, w => StructHeader(w, k == 69 ? "s" : string.Empty, [1, 1], 4, "f\0\0\0"u8), element);
        }

        Assert.Contains("nested more than 64 deep", Assert.Throws<DataFormatException>(() => MatFile.Read(MatBytes.File(false, element), "x.mat")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StructFieldNamesInSlotsOfOneByteAndOfTheLimit()
    {
        // Field names of exactly the slot length (no NUL), values named s(element).field in column-major order.
        byte[] values = [.. Number(1), .. Number(10), .. Number(2), .. Number(20)];
        var mat = MatFile.Read(MatBytes.File(false, MatBytes.Matrix(false, w => StructHeader(w, "s", [1, 2], 1, "ab"u8), values)), "x.mat");
        var s = Assert.IsType<MatStructArray>(mat.Get("s"));
        Assert.Equal(["a", "b"], s.FieldNames);
        Assert.Equal(["s(1).a", "s(1).b", "s(2).a", "s(2).b"], new[] { s[0, "a"], s[0, "b"], s[1, "a"], s[1, "b"] }.Select(v => v.Name));
        Assert.Equal([1.0, 10, 2, 20], new[] { s[0, "a"], s[0, "b"], s[1, "a"], s[1, "b"] }.Select(v => ((MatNumericArray)v).Real[0]));
        Assert.Equal("The struct 's' has no field 'c'; it has: a, b. (Parameter 'field')", Assert.Throws<ArgumentException>(() => s[0, "c"]).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => s[2, "a"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => s[-1, "a"]);

        // The longest slot allowed, and a slot that holds only NULs (an empty field name).
        var slot = new byte[4096];
        slot[0] = (byte)'f';
        var wide = MatFile.Read(MatBytes.File(false, MatBytes.Matrix(false, w => StructHeader(w, "s", [1, 1], 4096, slot), Number(5))), "x.mat");
        Assert.Equal(["f"], Assert.IsType<MatStructArray>(wide.Get("s")).FieldNames);
        var blank = MatFile.Read(MatBytes.File(false, MatBytes.Matrix(false, w => StructHeader(w, "s", [1, 1], 4, "ab\0\0\0\0\0\0"u8), [.. Number(1), .. Number(2)])), "x.mat");
        Assert.Equal(["ab", string.Empty], Assert.IsType<MatStructArray>(blank.Get("s")).FieldNames);
    }

    [Fact]
    public void AnUnnamedTopLevelArrayIsNotAVariable()
    {
        // MATLAB's subsystem data (for objects) is an unnamed miMATRIX at the top level.
        var bytes = MatBytes.File(false, MatBytes.Body(new MatFileWriter().AddText("a", "x")), MatBytes.Matrix(false, MatClass.Double, [1, 1], string.Empty, w => w.WriteNumbers(MatDataType.Double, [1.0])));
        var mat = MatFile.Read(bytes, "x.mat");
        Assert.Equal(["a"], mat.Variables);
        Assert.Single(mat.Arrays);
    }

    [Theory]
    [InlineData(3, "Object")]
    [InlineData(16, "FunctionHandle")]
    [InlineData(17, "Opaque")]
    public void ObjectsAndFunctionHandlesAreRecognisedButNotRead(int cls, string label)
    {
        var bytes = MatBytes.File(false, MatBytes.Matrix(false, (MatClass)cls, [1, 1], "o", w => w.WriteNumbers(MatDataType.Double, [1.0])));
        var mat = MatFile.Read(bytes, "x.mat");
        Assert.Equal((MatClass)cls, Assert.IsType<MatUnsupportedArray>(mat.Get("o")).Class);
        var e = Assert.Throws<DataFormatException>(() => mat.GetMatrix("o"));
        Assert.EndsWith($"is not a numeric array. MATLAB {label} values are not read; save the numbers or text they hold as plain arrays.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EachVariableKnowsTheOffsetOfItsElement(bool compress)
    {
        // For a compressed variable: the compressed element's offset, not a position in the inflated bytes.
        var bytes = new MatFileWriter(compress).AddText("a", "x").AddText("b", "y").ToArray();
        uint first = BitConverter.ToUInt32(bytes, 132);
        long second = 128 + 8 + (compress ? first : (first + 7) & ~7u);
        var mat = MatFile.Read(bytes, "x.mat");
        Assert.Equal([128L, second], mat.Arrays.Select(a => a.Offset));
    }

    [Fact]
    public void APlainElementWhoseSizeIsNotAMultipleOf8IsPaddedBeforeTheNext()
    {
        // The data of 't' is a 4-byte miUTF8 element in the long form: the miMATRIX announces 52 bytes, then 4 of padding.
        byte[] t = MatBytes.Matrix(false, MatClass.Char, [1, 4], "t", w =>
        {
            w.WriteTag(MatDataType.Utf8, 4);
            w.WriteUInt32(0x64636261);   // "abcd"
        });
        Assert.Equal(52, BitConverter.ToInt32(t, 4));
        var mat = MatFile.Read(MatBytes.File(false, t, MatBytes.Body(new MatFileWriter().AddText("u", "z"))), "x.mat");
        Assert.Equal(["abcd"], mat.GetStrings("t"));
        Assert.Equal(["z"], mat.GetStrings("u"));
    }

    [Fact]
    public void AnEmptyElementCanEndTheFile()
    {
        // The last 8 bytes of the file are a whole (empty, unnamed) miMATRIX, not a truncated tag.
        byte[] bytes = [.. new MatFileWriter().AddNumeric("a", [1, 1], [7.0]).ToArray(), .. MatBytes.Raw(false, w => w.WriteTag(MatDataType.Matrix, 0))];
        Assert.Equal(["a"], MatFile.Read(bytes, "x.mat").Variables);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IntegerTypesDecodeInTheFileByteOrder(bool bigEndian)
    {
        double[] int16 = [-300, 12345], int32 = [-70000, 123456789], uint32 = [4000000000, 65541], uint64 = [9007199254740992, 1234567890123];
        var bytes = new MatFileWriter(compress: false, bigEndian)
            .AddNumeric("i16", [1, 2], int16, null, MatClass.Int16, MatDataType.Int16, logical: false)
            .AddNumeric("i32", [1, 2], int32, null, MatClass.Int32, MatDataType.Int32, logical: false)
            .AddNumeric("u32", [1, 2], uint32, null, MatClass.UInt32, MatDataType.UInt32, logical: false)
            .AddNumeric("u64", [1, 2], uint64, null, MatClass.UInt64, MatDataType.UInt64, logical: false)
            .ToArray();
        var mat = MatFile.Read(bytes, "x.mat");
        Assert.Equal(int16, mat.GetNumeric("i16").Real.ToArray());
        Assert.Equal(int32, mat.GetNumeric("i32").Real.ToArray());
        Assert.Equal(uint32, mat.GetNumeric("u32").Real.ToArray());
        Assert.Equal(uint64, mat.GetNumeric("u64").Real.ToArray());
    }

    private static byte[] NestedCells(int levels)
    {
        MatWriterNode node = new MatTextNode(string.Empty, "x");
        for (int k = 0; k < levels; k++)
        {
            node = new MatCellNode(k == levels - 1 ? "deep" : string.Empty, [1, 1], [node]);
        }

        return MatBytes.File(false, MatBytes.Raw(false, node.Write));
    }

    private static string Innermost(MatArray array) => array switch
    {
        MatCellArray cell => Innermost(cell.Cells[0]),
        MatCharArray text => text.Text,
        _ => throw new InvalidOperationException(array.Describe()),
    };

    private static void Header(MatElementWriter w, MatClass cls, int[] dims, string name)
    {
        MatBytes.Flags(w, (uint)cls);
        w.WriteInt32Element(dims);
        w.WriteNameElement(name);
    }

    private static void StructHeader(MatElementWriter w, string name, int[] dims, int slot, ReadOnlySpan<byte> names)
    {
        Header(w, MatClass.Struct, dims, name);
        w.WriteInt32Element([slot]);
        w.WriteElement(MatDataType.Int8, names);
    }

    // An unnamed 1 × 1 double (a field value).
    private static byte[] Number(double value) =>
        MatBytes.Matrix(false, MatClass.Double, [1, 1], string.Empty, w => w.WriteNumbers(MatDataType.Double, [value]));
}
