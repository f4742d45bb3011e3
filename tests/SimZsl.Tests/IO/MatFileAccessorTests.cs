using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.IO;

/// <summary>What <see cref="MatFile"/> and <see cref="MatNumericArray"/> say when a variable is missing, appears
/// twice, or is not what the caller asked for: the whole message, so that a word lost from it shows.</summary>
public class MatFileAccessorTests
{
    [Fact]
    public void AFileWithOnlyAHeaderHasNoVariables()
    {
        var bytes = new MatFileWriter().ToArray();
        Assert.Equal(128, bytes.Length);
        var mat = MatFile.Read(bytes, "x.mat");
        Assert.Empty(mat.Variables);
        Assert.Equal("x.mat: ", mat.ToString());
        var e = Assert.Throws<DataFormatException>(() => mat.Get("att"));
        Assert.Equal("x.mat at byte offset 128: there is no variable 'att' (searched the whole file, up to this offset). The variables are: none.", e.Message);
    }

    [Fact]
    public void ToStringListsTheVariables()
    {
        var mat = MatFile.Read(new MatFileWriter().AddNumeric("a", [1, 1], [7.0]).AddText("t", "hi").ToArray(), "x.mat");
        Assert.Equal("x.mat: a (double 1×1), t (char 1×2)", mat.ToString());
    }

    [Fact]
    public void AVariableThatAppearsTwiceIsRefusedAtItsSecondElement()
    {
        byte[] first = MatBytes.Body(new MatFileWriter().AddText("a", "x"));
        var bytes = MatBytes.File(false, first, MatBytes.Body(new MatFileWriter().AddNumeric("a", [1, 1], [1.0])));
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(bytes, "x.mat"));
        Assert.Equal($"x.mat at byte offset {128 + first.Length}: variable 'a' appears twice; a MAT-file holds each name once.", e.Message);
    }

    [Fact]
    public void NullArgumentsAreNamed()
    {
        var bytes = new MatFileWriter().AddText("a", "x").ToArray();
        Assert.Throws<ArgumentNullException>("content", () => MatFile.Read(null!, "x.mat"));
        Assert.Throws<ArgumentNullException>("source", () => MatFile.Read(bytes, null!));
        Assert.Throws<ArgumentNullException>("name", () => MatFile.Read(bytes, "x.mat").Get(null!));
    }

    [Fact]
    public void AVariableOfTheWrongKindIsDescribed()
    {
        var mat = MatFile.Read(
            MatBytes.File(false, MatBytes.Raw(false, new MatCellNode("c", [2, 1], [new MatTextNode(string.Empty, "ab"), new MatNumericNode(string.Empty, MatClass.Double, [1, 2], [1, 2], null, MatDataType.Double, false)]).Write)),
            "x.mat");
        var e = Assert.Throws<DataFormatException>(() => mat.GetStrings("c"));
        Assert.Equal("x.mat at byte offset 128: variable 'c{2} (double 1×2)' is not a one-row char array (a string).", e.Message);
        e = Assert.Throws<DataFormatException>(() => mat.GetMatrix("c"));
        Assert.Equal("x.mat at byte offset 128: variable 'c (cell 2×1)' is not a numeric array.", e.Message);
    }

    [Fact]
    public void IntegerConversionAcceptsTheWholeInt32RangeAndNothingElse()
    {
        var mat = MatFile.Read(
            new MatFileWriter()
                .AddNumeric("ok", [1, 2], [int.MinValue, int.MaxValue])
                .AddNumeric("half", [1, 2], [1, 0.5])
                .AddNumeric("big", [1, 1], [2147483648.0])
                .AddNumeric("small", [1, 1], [-2147483649.0])
                .AddNumeric("z", [1, 1], [1.0], [2.0], MatClass.Double, MatDataType.Double, logical: false)
                .ToArray(),
            "x.mat");
        Assert.Equal([int.MinValue, int.MaxValue], mat.GetNumeric("ok").ToInt32Array());
        Assert.EndsWith("variable 'half': element 2 is 0.5, not a whole number; an index or label array was expected.", Assert.Throws<DataFormatException>(() => mat.GetNumeric("half").ToInt32Array()).Message, StringComparison.Ordinal);
        Assert.Contains("element 1 is 2147483648,", Assert.Throws<DataFormatException>(() => mat.GetNumeric("big").ToInt32Array()).Message, StringComparison.Ordinal);
        Assert.Contains("element 1 is -2147483649,", Assert.Throws<DataFormatException>(() => mat.GetNumeric("small").ToInt32Array()).Message, StringComparison.Ordinal);

        // A complex array is no index array even when its real parts are whole numbers.
        var z = mat.GetNumeric("z");
        Assert.Equal("z (complex double 1×1)", z.Describe());
        Assert.Contains("variable 'z': is complex;", Assert.Throws<DataFormatException>(() => z.ToInt32Array()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArrayOfThreeDimensionsIsNoMatrix()
    {
        var mat = MatFile.Read(new MatFileWriter().AddNumeric("nd", [1, 2, 2], [1, 2, 3, 4]).ToArray(), "x.mat");
        var e = Assert.Throws<DataFormatException>(() => mat.GetMatrix("nd"));
        Assert.Equal("x.mat at byte offset 128: variable 'nd': has 3 dimensions; a matrix needs 2. Reshape it in MATLAB (reshape(x, m, [])) before saving.", e.Message);
    }
}
