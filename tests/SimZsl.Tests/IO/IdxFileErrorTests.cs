using System.IO.Compression;
using SimZsl.IO;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.IO;

/// <summary>Every refusal of the IDX reader by its whole message and byte offset, raw and gzip-compressed (a gzip
/// stream cannot be measured first, so its truncations are found while reading), and the limits on the header's
/// sizes.</summary>
public class IdxFileErrorTests
{
    private static DataFormatException Refusal(byte[] bytes)
    {
        var error = Assert.Throws<DataFormatException>(() => IdxFile.Read(new MemoryStream(bytes), "x.idx"));
        Assert.Equal("x.idx", error.File);
        return error;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return packed.ToArray();
    }

    [Theory]
    [InlineData(new byte[] { 0, 0 }, 2L, "the file ends after 2 of the 4 bytes of the 4-byte magic number: it is truncated or its header is damaged. Download it again.")]
    [InlineData(new byte[] { 0, 1, 8, 1 }, 0L, "this is not an IDX file (it must start with two zero bytes).")]
    [InlineData(new byte[] { 1, 0, 8, 1 }, 0L, "this is not an IDX file (it must start with two zero bytes).")]
    [InlineData(new byte[] { 0, 0, 8, 0 }, 3L, "the IDX file declares 0 dimensions.")]
    [InlineData(new byte[] { 0, 0, 8, 2, 0, 0, 0, 1 }, 8L, "the file ends after 4 of the 8 bytes of the dimension sizes: it is truncated or its header is damaged. Download it again.")]
    [InlineData(new byte[] { 0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2 }, 14L, "the file ends after 2 of the 6 bytes of 6 values for shape (2, 3): it is truncated or its header is damaged. Download it again.")]
    [InlineData(new byte[] { 0, 0, 8, 1, 0x80, 0, 0, 0 }, 4L, "dimension 0 has size 2147483648, which makes the array too large.")]
    [InlineData(new byte[] { 0, 0, 8, 2, 0, 0, 0, 2, 0x80, 0, 0, 0 }, 8L, "dimension 1 has size 2147483648, which makes the array too large.")]
    public void EveryRefusalOfARawFileSaysWhatAndAtWhichByte(byte[] bytes, long offset, string detail)
    {
        var error = Refusal(bytes);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(detail, ErrorDetail.Of(error));
    }

    [Fact]
    public void SizesUpToTheLargestArrayAreAcceptedAndChecked()
    {
        // 0 × (2^31 − 1) holds no value: a size of int.MaxValue alone is not too large.
        var empty = IdxFile.Read(new MemoryStream([0, 0, 8, 2, 0, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF]), "x.idx");
        Assert.Equal([0, int.MaxValue], empty.Shape);
        Assert.Empty(empty.Values);

        // Exactly Array.MaxLength values may be announced; this file then holds too few of them.
        uint max = (uint)Array.MaxLength;
        byte[] header = [0, 0, 8, 1, (byte)(max >> 24), (byte)(max >> 16), (byte)(max >> 8), (byte)max];
        Assert.StartsWith($"the file ends after 0 of the {max} bytes", ErrorDetail.Of(Refusal(header)), StringComparison.Ordinal);
        header[7]++;
        Assert.Equal($"dimension 0 has size {max + 1}, which makes the array too large.", ErrorDetail.Of(Refusal(header)));
    }

    [Fact]
    public void AGzipStreamTruncatedInsideTheValuesIsRefusedAtTheByteWhereItEnds()
    {
        using var scratch = new ScratchFolder("simzsl-idx-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "labels.idx");   // no .gz: the content says it is compressed
        File.WriteAllBytes(path, Gzip([0, 0, 8, 1, 0, 0, 0, 10, 1, 2, 3]));
        var error = Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
        Assert.Equal(11, error.Offset);
        Assert.Equal($"{path} at byte offset 11: the file ends after 3 of the 10 bytes of 10 values for shape (10): it is truncated. Download it again.", error.Message);

        // Rank 2: the values start after two sizes, at byte 12.
        File.WriteAllBytes(path, Gzip([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 5, 1, 2, 3]));
        Assert.Equal(15, Assert.Throws<DataFormatException>(() => IdxFile.Read(path)).Offset);
    }

    [Fact]
    public void ADamagedGzipStreamIsRefusedAsSuch()
    {
        using var scratch = new ScratchFolder("simzsl-idx-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "images.idx.gz");
        var packed = Gzip([0, 0, 8, 1, 0, 0, 0, 4, 1, 2, 3, 4]);
        packed[3] = 0xE0;   // reserved flag bits set: no reader accepts this header
        File.WriteAllBytes(path, packed);
        var error = Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
        Assert.Equal($"{path}: the gzip stream is damaged. Download the file again.", error.Message);
        Assert.NotNull(error.InnerException);

        // A raw file whose second byte is gzip's second magic byte is not gzip: it is refused as not IDX.
        string raw = Path.Combine(scratch.Path, "raw.idx");
        File.WriteAllBytes(raw, [0, 0x8B, 8, 1, 0, 0, 0, 1, 7]);
        Assert.Equal($"{raw} at byte offset 0: this is not an IDX file (it must start with two zero bytes).", Assert.Throws<DataFormatException>(() => IdxFile.Read(raw)).Message);
    }

    [Fact]
    public void AGzipArrayLargerThanOneReadBufferIsReadToItsExactLength()
    {
        // 1.5 MiB of values: the read buffer starts at 1 MiB and grows once, to the announced count and not beyond.
        using var scratch = new ScratchFolder("simzsl-idx-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "big.idx.gz");
        var array = new IdxArray([1536, 1024], Enumerable.Range(0, 1536 * 1024).Select(i => (byte)(i % 251)).ToArray());
        IdxFile.Write(path, array);
        Assert.Equal([0x1F, 0x8B], File.ReadAllBytes(path)[..2]);   // the .gz name asks for compression
        var read = IdxFile.Read(path);
        Assert.Equal(array.Shape, read.Shape);
        Assert.Equal(array.Values.Length, read.Values.Length);
        Assert.True(array.Values.AsSpan().SequenceEqual(read.Values));
    }

    [Fact]
    public void MissingFilesAndNullArgumentsAreRefusedByName()
    {
        using var scratch = new ScratchFolder("simzsl-idx-");
        string missing = Path.Combine(scratch.Path, "train-images-idx3-ubyte");
        Assert.Equal($"The IDX file '{missing}' does not exist.", Assert.Throws<FileNotFoundException>(() => IdxFile.Read(missing)).Message);
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => IdxFile.Read((Stream)null!, "x")).ParamName);
        Assert.Equal("array", Assert.Throws<ArgumentNullException>(() => IdxFile.Write(missing, null!)).ParamName);
    }
}
