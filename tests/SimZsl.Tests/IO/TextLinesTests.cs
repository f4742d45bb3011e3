using System.Text;
using SimZsl.IO;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.IO;

/// <summary>The strict UTF-8 line reader: line breaks of every kind, also where a 64 KiB read ends between a CR
/// and its LF; byte-order marks (UTF-8 skipped, UTF-16 honoured); and invalid bytes refused by line, byte offset and
/// column, also in a later read.</summary>
public class TextLinesTests
{
    private const int Chunk = 1 << 16;   // the reader's read size

    private static string[] Lines(byte[] bytes)
    {
        using var scratch = new ScratchFolder("simzsl-lines-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "t.txt");
        File.WriteAllBytes(path, bytes);
        return TextLines.Read(path).ToArray();
    }

    private static DataFormatException Refusal(byte[] bytes) => Assert.Throws<DataFormatException>(() => Lines(bytes));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("\nabc", new[] { "", "abc" })]
    [InlineData("a\n\nb", new[] { "a", "", "b" })]
    [InlineData("a\r\nb\rc\n\r\nd\r", new[] { "a", "b", "c", "", "d" })]
    public void LineBreaksAreLfCrLfOrCrAndAFinalBreakEndsTheLastLine(string text, string[] lines) =>
        Assert.Equal(lines, Lines(Ascii(text)));

    [Fact]
    public void AUtf8ByteOrderMarkIsSkippedOnlyAtTheStartOfTheFile()
    {
        Assert.Equal(["abc", "d"], Lines([0xEF, 0xBB, 0xBF, .. Ascii("abc\nd")]));

        // The same three bytes where the second read starts are U+FEFF inside a line, and are kept.
        byte[] bytes = [.. Ascii(new string('x', Chunk - 1)), .. Ascii("y"), 0xEF, 0xBB, 0xBF, .. Ascii("z\nw")];
        var lines = Lines(bytes);
        Assert.Equal(2, lines.Length);
        Assert.Equal(new string('x', Chunk - 1) + "y\uFEFFz", lines[0]);
        Assert.Equal("w", lines[1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AUtf16ByteOrderMarkIsHonoured(bool littleEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("Cañón\r\nwren\n")];
        Assert.Equal(["Cañón", "wren"], Lines(bytes));
    }

    [Theory]
    [InlineData("\r\n")]   // CR ends the first read, its LF begins the second: one break, not two
    [InlineData("\n\n")]   // LF ends the first read, a second LF begins the next: an empty line between
    [InlineData("\r\r")]
    public void ABreakSplitAcrossTwoReadsIsReadAsWritten(string breaks)
    {
        byte[] bytes = [.. Ascii(new string('x', Chunk - 1)), .. Ascii(breaks), .. Ascii("y\nz")];
        var lines = Lines(bytes);
        string[] expected = breaks == "\r\n" ? ["y", "z"] : ["", "y", "z"];
        Assert.Equal(new string('x', Chunk - 1), lines[0]);
        Assert.Equal(expected, lines[1..]);
    }

    [Fact]
    public void AfterACrLfSplitAcrossTwoReadsTheNextLineStartsAfterTheLf()
    {
        // CR is the first read's last byte, LF the second's first: the next line starts at byte 65 537.
        byte[] bytes = [.. Ascii(new string('x', Chunk - 1)), .. Ascii("\r\na"), 0xFF];
        var error = Refusal(bytes);
        Assert.Equal(2, error.Line);
        Assert.Equal(Chunk + 2, error.Offset);
        Assert.Contains("(column 2 of the line in bytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidByteIsNamedByLineByteOffsetAndColumn()
    {
        var error = Refusal([.. Ascii("ok\nab"), 0xE9, .. Ascii("\n")]);   // é in Latin-1
        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Offset);
        Assert.EndsWith(":2: byte 0xE9 at byte offset 5 (column 3 of the line in bytes) is not valid UTF-8. Save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8 in.csv > out.csv).",
            error.Message, StringComparison.Ordinal);

        // After a byte-order mark the offset still counts the mark's three bytes.
        var afterMark = Refusal([0xEF, 0xBB, 0xBF, .. Ascii("a"), 0xFF]);
        Assert.Equal(4, afterMark.Offset);
        Assert.Contains("(column 2 of the line in bytes)", afterMark.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidByteInALaterReadHasItsOffsetInTheFile()
    {
        // Line 3 starts in the first read and ends in the second; its bad byte lies 10 bytes into the second read.
        byte[] bytes = [.. Ascii("a\nb\n"), .. Ascii(new string('x', Chunk - 4 + 10)), 0xC0, .. Ascii("\nlast")];
        var error = Refusal(bytes);
        Assert.Equal(3, error.Line);
        Assert.Equal(Chunk + 10, error.Offset);
        Assert.Contains($"(column {Chunk - 4 + 11} of the line in bytes)", error.Message, StringComparison.Ordinal);

        // A bad byte on a line that starts in the second read.
        byte[] later = [.. Ascii(new string('x', Chunk + 5)), .. Ascii("\nab"), 0x80];
        var second = Refusal(later);
        Assert.Equal(2, second.Line);
        Assert.Equal(Chunk + 8, second.Offset);
    }

    [Theory]
    [InlineData(0xFF, 0x41)]   // each half of a UTF-16 mark alone is no mark: these are invalid UTF-8
    [InlineData(0x41, 0xFE)]
    [InlineData(0x41, 0xFF)]
    [InlineData(0xFE, 0x41)]
    public void HalfAUtf16MarkIsInvalidUtf8(byte first, byte second)
    {
        var error = Refusal([first, second, (byte)'\n']);
        Assert.Equal(1, error.Line);
        Assert.Equal(first == 0x41 ? 1 : 0, error.Offset);
    }

    [Fact]
    public void AMissingFileOrAFolderIsRefusedAtTheCall()
    {
        using var scratch = new ScratchFolder("simzsl-lines-");
        Directory.CreateDirectory(scratch.Path);
        string missing = Path.Combine(scratch.Path, "none.txt");
        Assert.Equal($"The file '{missing}' does not exist.", Assert.Throws<FileNotFoundException>(() => TextLines.Read(missing)).Message);
        Assert.Throws<DataFormatException>(() => TextLines.Read(scratch.Path));
        Assert.Throws<ArgumentException>(() => TextLines.Read(""));
    }
}
