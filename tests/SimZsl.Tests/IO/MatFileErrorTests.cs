using System.Buffers.Binary;
using System.Text;
using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.IO;

/// <summary>Bad input: each case is a <see cref="DataFormatException"/> whose message names the file and the
/// byte offset, and whose <see cref="DataFormatException.Offset"/> is where the problem is.</summary>
public class MatFileErrorTests
{
    private const string Name = "bad.mat";

    private static byte[] RealFile => File.ReadAllBytes(RepositoryPaths.Data("xlsa17", "AWA1", "att_splits.mat"));

    private static byte[] PlainFile => new MatFileWriter()
        .AddMatrix("att", RowMatrix.FromArray(new double[,] { { 1, 2 }, { 3, 4 } }))
        .AddStrings("allclasses_names", ["cat", "dog"])
        .ToArray();

    [Fact]
    public void TruncatedHeader()
    {
        var error = Fails(RealFile[..100]);
        Assert.Equal(100, error.Offset);
        Assert.Contains("128-byte header", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9u, "miDOUBLE")]
    [InlineData(14u, "miMATRIX")]
    [InlineData(99u, "type 99")]   // no type of the format: its number
    public void AnElementLongerThanTheFileNamesItsType(uint type, string name)
    {
        byte[] element = new byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(element, type);
        BinaryPrimitives.WriteUInt32LittleEndian(element.AsSpan(4), 100);
        var error = Fails(MatBytes.File(false, element));
        Assert.Equal(128, error.Offset);
        Assert.Equal($"{Name} at byte offset 128: a {name} element announces 100 bytes but only 4 remain; the file is truncated or damaged.", error.Message);
    }

    [Theory]
    [InlineData(136)]      // inside the first tag's data
    [InlineData(132)]      // inside the first tag
    [InlineData(60000)]    // in the middle of the file
    public void TruncatedBody(int length)
    {
        var bytes = RealFile;
        var error = Fails(bytes[..length]);
        Assert.InRange(error.Offset!.Value, 128, length);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongMagic()
    {
        var error = Fails(Encoding.ASCII.GetBytes("class,a,b\n" + new string('x', 200)));
        Assert.Equal(126, error.Offset);
        Assert.Contains("'IM' or 'MI'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongVersion()
    {
        var bytes = PlainFile;
        bytes[124] = 0x00;
        bytes[125] = 0x03;
        Assert.Equal($"{Name} at byte offset 124: the header version is 0x0300; MAT v5 files have 0x0100. Save the file again with save(file, '-v7').", Fails(bytes).Message);
    }

    [Fact]
    public void Version73HeaderAndHdf5SignatureNameTheAlternative()
    {
        var header = Encoding.ASCII.GetBytes("MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan 1 00:00:00 2024 HDF5 schema 1.00 .".PadRight(116));
        var bytes = new byte[1024];
        header.CopyTo(bytes, 0);
        bytes[124] = 0x00;
        bytes[125] = 0x02;
        bytes[126] = (byte)'I';
        bytes[127] = (byte)'M';
        new byte[] { 0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 512);
        var error = Fails(bytes);
        Assert.Contains("v7.3", error.Message, StringComparison.Ordinal);
        Assert.Contains("'-v7'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CSV or .npy", error.Message, StringComparison.Ordinal);

        // Only the version number says 7.3 (the text does not): still recognised.
        var versionOnly = PlainFile;
        versionOnly[124] = 0x00;
        versionOnly[125] = 0x02;
        Assert.Contains("v7.3", Fails(versionOnly).Message, StringComparison.Ordinal);

        // A bare HDF5 file.
        Assert.Contains("HDF5", Fails(bytes[512..]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hdf5SignatureIsFoundAtTheStartOrAfterA512ByteUserBlock()
    {
        // A v7.3 file whose text does not say so: the HDF5 signature after the 512-byte user block, the file just long
        // enough to hold it; then the same signature at the start of a bare HDF5 file.
        byte[] signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];
        byte[] userBlock = [.. PlainFile[..128], .. new byte[512 - 128], .. signature];
        Assert.Equal(520, userBlock.Length);
        var error = Fails(userBlock);
        Assert.Equal(512, error.Offset);
        Assert.Contains("v7.3", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Fails([.. signature, .. new byte[600]]).Offset);
    }

    [Fact]
    public void AFolderIsNamedAsSuch()
    {
        var e = Assert.Throws<DataFormatException>(() => MatFile.Read(Path.GetTempPath()));
        Assert.Contains("this is a directory, not a file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingVariableListsTheOnesThatExist()
    {
        var mat = MatFile.Read(RealFile, Name);
        var error = Assert.Throws<DataFormatException>(() => mat.Get("features"));
        AssertLocated(error);
        Assert.Contains("'features'", error.Message, StringComparison.Ordinal);
        Assert.Contains("att (double 85×50)", error.Message, StringComparison.Ordinal);
        Assert.Contains("allclasses_names (cell 50×1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("trainval_loc (double 19832×1)", error.Message, StringComparison.Ordinal);
        Assert.False(mat.TryGet("features", out _));
        Assert.Throws<DataFormatException>(() => mat.GetMatrix("Att"));   // names are case-sensitive, as in MATLAB
    }

    [Fact]
    public void WrongKindOfVariableSaysWhatItIs()
    {
        var mat = MatFile.Read(RealFile, Name);
        Assert.Contains("is not a numeric array", Assert.Throws<DataFormatException>(() => mat.GetMatrix("allclasses_names")).Message, StringComparison.Ordinal);
        Assert.Contains("is not a cell array of strings", Assert.Throws<DataFormatException>(() => mat.GetStrings("att")).Message, StringComparison.Ordinal);
        Assert.Contains("not a whole number", Assert.Throws<DataFormatException>(() => mat.GetNumeric("att").ToInt32Array()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZlibStreamThatDoesNotInflate()
    {
        var bytes = RealFile;
        for (int k = 128 + 8 + 2; k < 128 + 8 + 40; k++)
        {
            bytes[k] = 0xFF;   // the deflate data of the first compressed element, after its 2-byte zlib header
        }

        var error = Fails(bytes);
        Assert.Equal(128, error.Offset);
        Assert.Contains("zlib", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompressedElementCutShort()
    {
        // The first element's tag and the file both shortened: the stream inflates, but not to the announced size.
        var bytes = RealFile;
        int size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(132));
        var cut = bytes[..(128 + 8 + (size / 2))];
        BinaryPrimitives.WriteInt32LittleEndian(cut.AsSpan(132), size / 2);
        var error = Fails(cut);
        Assert.Equal(128, error.Offset);
    }

    [Fact]
    public void SizeBeyondTheEndOfTheFile()
    {
        var bytes = PlainFile;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(132), 0xFFFF_FFF0);
        var error = Fails(bytes);
        Assert.Equal(128, error.Offset);
        Assert.Contains($"4294967280 bytes but only {bytes.Length - 136} remain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DimensionsThatOverflowOrDisagreeWithTheData()
    {
        var bytes = PlainFile;   // att: tag at 128, flags at 136, dimensions tag at 152, values at 160
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(160), 1 << 30);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(164), 1 << 30);
        var error = Fails(bytes);
        Assert.Equal(152, error.Offset);

        bytes = PlainFile;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(160), 3);
        Assert.Contains("the dimensions need 6 values", Fails(bytes).Message, StringComparison.Ordinal);

        bytes = PlainFile;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(160), -1);
        Assert.Contains("cannot be negative", Fails(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CellCountBeyondTheBytesIsRejectedBeforeAllocating()
    {
        var bytes = new MatFileWriter().AddStrings("names", ["a", "b"]).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(160), int.MaxValue / 2);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(164), 1);
        Assert.Contains("cells", Fails(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingTooDeepIsAnErrorNotAStackOverflow()
    {
        MatWriterNode node = new MatTextNode(string.Empty, "x");
        for (int k = 0; k < 200; k++)
        {
            node = new MatCellNode(k == 199 ? "deep" : string.Empty, [1, 1], [node]);
        }

        using var stream = new MemoryStream();
        var header = new MatFileWriter().ToArray();
        stream.Write(header);
        node.Write(new MatElementWriter(stream, bigEndian: false));
        Assert.Contains("nested more than", Fails(stream.ToArray()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadingAPathThatDoesNotExist() =>
        Assert.Throws<FileNotFoundException>(() => MatFile.Read(Path.Combine(Path.GetTempPath(), "no-such-file.mat")));

    [Fact]
    public void ErrorsFromAFileNameThePath()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("simzsl-mat-").FullName, "broken.mat");
        try
        {
            File.WriteAllBytes(path, RealFile[..5000]);
            var error = Assert.Throws<DataFormatException>(() => MatFile.Read(path));
            Assert.Equal(path, error.File);
            Assert.StartsWith(path + " at byte offset ", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void AnElementLargerThanOneArrayIsRefusedBeforeItIsRead()
    {
        // A sparse file 2.1 GB long of which only the header and one tag are written: the element fits the file but
        // not an array, and is refused from its tag alone.
        const uint Size = 0x8800_0000;
        string path = Path.Combine(Directory.CreateTempSubdirectory("simzsl-mat-").FullName, "huge.mat");
        try
        {
            using (var file = File.Create(path))
            {
                file.Write(PlainFile.AsSpan(0, 128));
                file.Write(BitConverter.GetBytes((uint)MatDataType.Double));
                file.Write(BitConverter.GetBytes(Size));
                file.SetLength(136 + Size);
            }

            var error = Assert.Throws<DataFormatException>(() => MatFile.Read(path));
            Assert.Equal($"{path} at byte offset 128: a miDOUBLE element of {Size} bytes is larger than one array can hold (2 GB); save the variable in parts.", error.Message);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    // Issue 12, defect 1: zlib and SciPy reject this copy ("incorrect data check"); it used to inflate to a wrong att.
    [Fact]
    public void CompressedElementWithAWrongChecksumNamesTheVariable()
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Data("xlsa17", "APY", "att_splits.mat"));
        bytes.AsSpan(1184, 4).Fill(0xFF);
        bytes[1187] = 0x7F;
        var error = Fails(bytes);
        Assert.Contains("variable 'att'", error.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Offset!.Value, 128, 1184);   // the compressed element that holds att
    }

    [Fact]
    public void CompressedElementCutBeforeItsChecksum()
    {
        var bytes = new MatFileWriter(compress: true).AddMatrix("att", RowMatrix.FromArray(new double[,] { { 1, 2 }, { 3, 4 } })).ToArray();
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(132));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(132), size - 4);
        var error = Fails(bytes[..^4]);
        Assert.Equal(128, error.Offset);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompressedMatrixCutInHalfIsTruncatedNotZeroFilled()
    {
        // A 60 × 60 matrix of noise (its deflate stream cannot end early by itself), the element and the file cut to
        // half the compressed size: the reader must say truncated, never hand back a matrix with a zero tail.
        var noisy = new Random(3);
        var values = Enumerable.Range(0, 3600).Select(_ => noisy.NextDouble()).ToArray();
        var bytes = new MatFileWriter(compress: true).AddNumeric("m", [60, 60], values).ToArray();
        Assert.Equal(values, MatFile.Read(bytes, Name).GetNumeric("m").Real.ToArray());
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(132));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(132), size / 2);
        var error = Fails(bytes[..(128 + 8 + (int)(size / 2))]);
        Assert.Equal(128, error.Offset);
        Assert.Contains("variable 'm'", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeCompressedMatrixWithAWrongChecksum()
    {
        var noisy = new Random(7);
        var values = Enumerable.Range(0, 20_000).Select(_ => noisy.NextDouble()).ToArray();   // > 64 KB compressed: the direct path
        var bytes = new MatFileWriter(compress: true).AddNumeric("features", [200, 100], values).ToArray();
        Assert.Equal(values, MatFile.Read(bytes, Name).GetNumeric("features").Real.ToArray());
        bytes[^1] ^= 0x01;
        var error = Fails(bytes);
        Assert.Contains("variable 'features'", error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    private static DataFormatException Fails(byte[] bytes)
    {
        var error = Assert.Throws<DataFormatException>(() => MatFile.Read(bytes, Name));
        AssertLocated(error);
        return error;
    }

    private static void AssertLocated(DataFormatException error)
    {
        Assert.Equal(Name, error.File);
        Assert.NotNull(error.Offset);
        Assert.StartsWith($"{Name} at byte offset {error.Offset}: ", error.Message, StringComparison.Ordinal);
    }
}
