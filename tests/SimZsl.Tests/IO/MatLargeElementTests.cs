using System.Buffers.Binary;
using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.IO;

/// <summary>The direct paths for large elements (a plain miMATRIX of 1 MB or more is read straight into its array; a
/// compressed element of 64 KB or more is inflated straight into it): everything those paths do not handle must
/// fall back to the general parser and read, or be refused, exactly as a small element would.</summary>
public class MatLargeElementTests
{
    private const int Count = 131072;   // 1 MB of doubles: a plain element at the direct-read threshold
    private const int MaxArray = 2147483591;   // Array.MaxLength

    [Fact]
    public void AHeaderLongerThanTheFirst4KBFallsBackToTheGeneralPath()
    {
        // Only the first 4 KB of the element are read to recognise it: a name or a dimensions list reaching past them
        // must mean "read it whole", not an exception.
        var values = Noise(Count, 1);
        string longName = "a" + new string('b', 4999);
        int[] manyDims = [Count, .. Enumerable.Repeat(1, 1015)];   // 1016 dimensions: the data tag starts at byte 4104
        var bytes = new MatFileWriter().AddNumeric(longName, [Count, 1], values).AddNumeric("x", manyDims, values).ToArray();
        var mat = MatFile.Read(bytes, "x.mat");
        Assert.Equal(values, mat.GetNumeric(longName).Real.ToArray());
        Assert.Equal(values, mat.GetNumeric("x").Real.ToArray());
        Assert.Equal(1016, mat.Get("x").Dimensions.Count);
    }

    [Fact]
    public void OnlyRealNumericClassesStoredAsDoublesTakeTheDirectPath()
    {
        // miDOUBLE data of the right size under a class that is not numeric: char data must be text, a function
        // handle is not read; double-class data stored as miINT64 must be converted, not copied as bits.
        var values = Enumerable.Range(0, Count).Select(k => (double)(k % 1000)).ToArray();
        var chars = MatBytes.File(false, Element(new MatNumericNode("c", MatClass.Char, [1, Count], values, null, MatDataType.Double, false)));
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(chars, "x.mat"));
        Assert.Equal("x.mat at byte offset 176: character data has type miDOUBLE; miUINT16, miUTF8, miUTF16 or miUTF32 was expected.", e.Message);

        var handle = MatBytes.File(false, Element(new MatNumericNode("f", MatClass.FunctionHandle, [1, Count], values, null, MatDataType.Double, false)));
        Assert.IsType<MatUnsupportedArray>(MatFile.Read(handle, "x.mat").Get("f"));

        var int64 = new MatFileWriter().AddNumeric("i", [Count, 1], values, null, MatClass.Double, MatDataType.Int64, logical: false).ToArray();
        Assert.Equal(values, MatFile.Read(int64, "x.mat").GetNumeric("i").Real.ToArray());
    }

    [Fact]
    public void DataOneValueShortAreRefusedNotReadPastTheElement()
    {
        var values = Noise(Count, 2);
        var bytes = MatBytes.File(
            false,
            MatBytes.Matrix(false, MatClass.Double, [Count, 1], "w", w => w.WriteNumbers(MatDataType.Double, values.AsSpan(1))),
            MatBytes.Body(new MatFileWriter().AddNumeric("after", [Count, 1], values)));
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(bytes, "x.mat"));
        Assert.Equal($"x.mat at byte offset 176: the real part holds {8 * (Count - 1)} bytes of miDOUBLE but the dimensions need {Count} values ({8 * Count} bytes).", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ALargeUnnamedArrayIsNotAVariable(bool compress)
    {
        byte[] unnamed = Element(new MatNumericNode(string.Empty, MatClass.Double, [Count, 1], Noise(Count, 3), null, MatDataType.Double, false));
        var bytes = MatBytes.File(false, compress ? MatBytes.Compressed(false, unnamed) : unnamed, MatBytes.Body(new MatFileWriter().AddText("a", "x")));
        var mat = MatFile.Read(bytes, "x.mat");
        Assert.Equal(["a"], mat.Variables);
    }

    [Fact]
    public void ALargeCompressedElementCorruptAtItsStartIsReported()
    {
        var bytes = new MatFileWriter(compress: true).AddNumeric("m", [Count / 4, 1], Noise(Count / 4, 4)).ToArray();
        Assert.True(BitConverter.ToInt32(bytes, 132) >= 1 << 16);
        bytes.AsSpan(138, 40).Fill(0xFF);   // after the 2-byte zlib header
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(bytes, "x.mat"));
        Assert.Equal($"x.mat at byte offset 128: {ZlibElementReader.Corrupt}; the file is damaged. Copy or download it again, or save it again from MATLAB.", e.Message);
    }

    [Fact]
    public void ALargeCompressedElementHoldingNoMatrixIsRefused()
    {
        // The inflated element is an miDOUBLE whose bytes look like a matrix: only the general parser's refusal is right.
        byte[] inner = Element(new MatNumericNode("m", MatClass.Double, [Count / 4, 1], Noise(Count / 4, 5), null, MatDataType.Double, false));
        BinaryPrimitives.WriteUInt32LittleEndian(inner, (uint)MatDataType.Double);
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(MatBytes.File(false, MatBytes.Compressed(false, inner)), "x.mat"));
        Assert.Equal("x.mat at byte offset 128: a top-level element has type miDOUBLE; only miMATRIX and miCOMPRESSED are valid here. (at byte 0 of the data inflated from this compressed element)", e.Message);
    }

    [Fact]
    public void ALargeCompressedElementAnnouncingMoreThanAnArrayHoldsIsRefused()
    {
        byte[] inner = Element(new MatNumericNode("m", MatClass.Double, [Count / 4, 1], Noise(Count / 4, 6), null, MatDataType.Double, false));
        BinaryPrimitives.WriteInt32LittleEndian(inner.AsSpan(4), MaxArray - 4);
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(MatBytes.File(false, MatBytes.Compressed(false, inner)), "x.mat"));
        Assert.Equal($"x.mat at byte offset 128: the compressed element announces {MaxArray + 4L} inflated bytes; more than one array can hold.", e.Message);
    }

    [Fact]
    public void HighlyCompressibleMatricesGrowTheirBufferToTheExactSize()
    {
        // Both paths start with a buffer sized from the compressed length and grow it as data arrive: data that
        // compress well must still end up exactly as long as announced. Small digits: over 64 KB compressed, more
        // than 4 times larger inflated (the direct path); zeros: a few KB compressed, inflating to between one and two
        // times the 64 KB first buffer (the general path: its one growth must stop at the announced size).
        var random = new Random(7);
        var digits = Enumerable.Range(0, 4 * Count).Select(_ => (double)random.Next(16)).ToArray();
        var zeros = new double[12_500];
        var direct = new MatFileWriter(compress: true).AddNumeric("d", [digits.Length, 1], digits).ToArray();
        int compressed = BitConverter.ToInt32(direct, 132);
        Assert.InRange(compressed, 1 << 16, digits.Length * 8 / 4);
        Assert.Equal(digits, MatFile.Read(direct, "x.mat").GetNumeric("d").Real.ToArray());

        var general = new MatFileWriter(compress: true).AddNumeric("z", [125, 100], zeros).ToArray();
        Assert.InRange(BitConverter.ToInt32(general, 132), 1, (1 << 16) - 1);
        var z = MatFile.Read(general, "x.mat").GetNumeric("z");
        Assert.Equal(zeros, z.Real.ToArray());
        Assert.Equal([125, 100], z.Dimensions);
    }

    [Fact]
    public void ALargeCompressedElementAnnouncingFarMoreThanItHoldsAllocatesOnlyWhatArrives()
    {
        // 1 MB of doubles whose dimensions, data tag and element announce 800 MB: the direct path must grow its
        // array as data arrive (a few MB), then report the truncation, never allocate what the tag announces.
        const int Announced = 100_000_000;
        byte[] inner = Element(new MatNumericNode("m", MatClass.Double, [Count, 1], Noise(Count, 8), null, MatDataType.Double, false));
        BinaryPrimitives.WriteInt32LittleEndian(inner.AsSpan(4), BitConverter.ToInt32(inner, 4) + (8 * (Announced - Count)));   // element size
        BinaryPrimitives.WriteInt32LittleEndian(inner.AsSpan(32), Announced);                                                     // rows
        BinaryPrimitives.WriteInt32LittleEndian(inner.AsSpan(52), 8 * Announced);                                                 // data tag size
        var bytes = MatBytes.File(false, MatBytes.Compressed(false, inner));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(bytes, "x.mat"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains($"variable 'm': the compressed element inflates to only {inner.Length} bytes but the element inside announces {inner.Length + (8L * (Announced - Count))}: it is truncated", e.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 64L << 20);
    }

    private static byte[] Element(MatWriterNode node) => MatBytes.Raw(false, node.Write);

    private static double[] Noise(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextDouble()).ToArray();
    }
}
