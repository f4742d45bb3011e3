using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.ZeroShot;

/// <summary>The IDX reader/writer and the Fashion-MNIST loader on the subset shipped under samples/data.</summary>
public class IdxFileTests
{
    // Issue 12 sweep (the .npy defect's class): a header that announces 2^29 × 2 values over 10 bytes of data is
    // refused from the file's length, without first allocating 1 GB.
    [Fact]
    public void LyingDimensionsAreRefusedWithoutAllocatingWhatTheyAnnounce()
    {
        byte[] bytes = [0, 0, 8, 2, 0x20, 0, 0, 0, 0, 0, 0, 2, .. new byte[10]];
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<DataFormatException>(() => IdxFile.Read(new MemoryStream(bytes), "lying.idx"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 20, "the reader allocated what the header announced");
        Assert.StartsWith("lying.idx at byte offset", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("array.idx")]
    [InlineData("array.idx.gz")]
    public void WriteThenReadRoundTripsRawAndGzip(string name)
    {
        string folder = Directory.CreateTempSubdirectory("simzsl-idx").FullName;
        try
        {
            var array = new IdxArray([2, 3, 2], Enumerable.Range(0, 12).Select(i => (byte)(i * 20)).ToArray());
            string path = Path.Combine(folder, name);
            IdxFile.Write(path, array);
            var read = IdxFile.Read(path);
            Assert.Equal(array.Shape, read.Shape);
            Assert.Equal(array.Values, read.Values);
            Assert.Equal(6, read.ItemSize);
            // Header: 0, 0, type 0x08, rank 3, then big-endian sizes.
            if (!name.EndsWith(".gz", StringComparison.Ordinal))
            {
                Assert.Equal(new byte[] { 0, 0, 8, 3, 0, 0, 0, 2 }, File.ReadAllBytes(path)[..8]);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TruncatedAndForeignFilesFailWithTheirOffset()
    {
        string folder = Directory.CreateTempSubdirectory("simzsl-idx").FullName;
        try
        {
            string path = Path.Combine(folder, "short.idx");
            File.WriteAllBytes(path, [0, 0, 8, 1, 0, 0, 0, 10, 1, 2, 3]);
            var truncated = Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
            Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);
            Assert.Equal(11, truncated.Offset);

            File.WriteAllBytes(path, [1, 2, 3, 4, 5]);
            Assert.Equal(0, Assert.Throws<DataFormatException>(() => IdxFile.Read(path)).Offset);

            File.WriteAllBytes(path, [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
            Assert.Contains("0x0D", Assert.Throws<DataFormatException>(() => IdxFile.Read(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ShippedFashionMnistSubsetIsBalancedAndNamed()
    {
        var train = FashionMnist.Read(RepositoryPaths.Data("FashionMNIST"), "train");
        var test = FashionMnist.Read(RepositoryPaths.Data("FashionMNIST"), "t10k", maxPerClass: 10);
        Assert.Equal(6000, train.Pixels.Rows);
        Assert.Equal(784, train.Pixels.Columns);
        Assert.All(FashionMnist.ClassNames, c => Assert.Equal(600, train.Labels.Count(l => l == c)));
        Assert.Equal(100, test.Pixels.Rows);
        Assert.InRange(train.Pixels.AsSpan().ToArray().Max(), 200, 255);
        // The first training image of the real set is an ankle boot (label 9).
        Assert.Equal("Ankle boot", train.Labels[0]);
    }
}
