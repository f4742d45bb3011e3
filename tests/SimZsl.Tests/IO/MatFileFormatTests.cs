using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.IO;

/// <summary>Every kind of array, read from files SciPy wrote (data/mat/scipy_types*.mat, see make_fixtures.py)
/// and from files <see cref="MatFileWriter"/> writes in both byte orders, compressed or not.</summary>
public class MatFileFormatTests
{
    [Theory]
    [InlineData("scipy_types.mat")]
    [InlineData("scipy_types_compressed.mat")]
    public void ReadsEveryClassScipyWrites(string fixture)
    {
        var mat = MatFile.Read(Path.Combine(AppContext.BaseDirectory, "data", "mat", fixture));
        Assert.False(mat.IsBigEndian);
        Assert.StartsWith("MATLAB 5.0 MAT-file", mat.HeaderText, StringComparison.Ordinal);

        var d = mat.GetMatrix("d");   // [[1,2,3],[4,5,6]]: column-major in the file, row-major here
        Assert.Equal((2, 3), (d.Rows, d.Columns));
        Assert.Equal([1.0, 2, 3, 4, 5, 6], d.AsSpan().ToArray());
        Assert.Equal([1.0, 4, 2, 5, 3, 6], mat.GetNumeric("d").Real.ToArray());
        var transposed = mat.GetNumeric("d").ToTransposedRowMatrix();
        Assert.Equal((3, 2), (transposed.Rows, transposed.Columns));
        Assert.Equal(4.0, transposed[0, 1]);

        AssertNumeric(mat, "s", MatClass.Single, 1.5, -2.25);
        AssertNumeric(mat, "i8", MatClass.Int8, -128, 127);
        AssertNumeric(mat, "u8", MatClass.UInt8, 0, 255);
        AssertNumeric(mat, "i16", MatClass.Int16, -32768, 32767);
        AssertNumeric(mat, "u16", MatClass.UInt16, 0, 65535);
        AssertNumeric(mat, "i32", MatClass.Int32, int.MinValue, int.MaxValue);
        AssertNumeric(mat, "u32", MatClass.UInt32, 0, uint.MaxValue);
        AssertNumeric(mat, "i64", MatClass.Int64, -9007199254740992, 9007199254740992);
        AssertNumeric(mat, "u64", MatClass.UInt64, 0, 9007199254740992);

        var b = mat.GetNumeric("b");
        Assert.True(b.IsLogical);
        Assert.Equal([1.0, 0, 1], b.Real.ToArray());
        Assert.Equal("b (logical 1×3)", b.Describe());

        var z = mat.GetNumeric("z");
        Assert.True(z.IsComplex);
        Assert.Equal([1.0, 3], z.Real.ToArray());
        Assert.Equal([2.0, -4], z.Imaginary.ToArray());
        var complexError = Assert.Throws<DataFormatException>(() => mat.GetMatrix("z"));
        Assert.Contains("complex", complexError.Message, StringComparison.Ordinal);

        Assert.Equal("h\u00e9llo \u20ac", Assert.IsType<MatCharArray>(mat.Get("txt")).Text);
        Assert.Equal(["ab", "cde"], mat.GetStrings("chm"));   // padding removed, as cellstr does
        Assert.Equal(["ab ", "cde"], Assert.IsType<MatCharArray>(mat.Get("chm")).Rows);

        var cell = Assert.IsType<MatCellArray>(mat.Get("cel"));   // {'one', [1 2]; 'two', []}
        Assert.Equal([2, 2], cell.Dimensions);
        Assert.Equal("one", Assert.IsType<MatCharArray>(cell.Cells[0]).Text);
        Assert.Equal("two", Assert.IsType<MatCharArray>(cell.Cells[1]).Text);
        Assert.Equal([1.0, 2], Assert.IsType<MatNumericArray>(cell.Cells[2]).Real.ToArray());
        Assert.Equal(0, cell.Cells[3].ElementCount);
        Assert.Equal("cel{3}", cell.Cells[2].Name);

        var st = Assert.IsType<MatStructArray>(mat.Get("st"));
        Assert.Equal(["alpha", "beta"], st.FieldNames);
        Assert.Equal([7.0], Assert.IsType<MatNumericArray>(st[0, "alpha"]).Real.ToArray());
        Assert.Equal("text", Assert.IsType<MatCharArray>(st[0, "beta"]).Text);

        var sparse = Assert.IsType<MatUnsupportedArray>(mat.Get("sp"));
        Assert.Equal(MatClass.Sparse, sparse.Class);
        var sparseError = Assert.Throws<DataFormatException>(() => mat.GetMatrix("sp"));
        Assert.Contains("full(x)", sparseError.Message, StringComparison.Ordinal);
        Assert.Equal(sparse.Offset, sparseError.Offset);

        Assert.Equal(0, mat.GetMatrix("empty").Rows);
        var nd = mat.GetNumeric("nd");   // numpy arange(24).reshape(2,3,4): element (i,j,k) = 12i + 4j + k
        Assert.Equal([2, 3, 4], nd.Dimensions);
        Assert.Equal(12 * 1 + 4 * 2 + 3, nd.Real[1 + (2 * 2) + (6 * 3)]);
        Assert.Throws<DataFormatException>(() => nd.ToRowMatrix());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void WriterRoundTripsInBothByteOrders(bool compress, bool bigEndian)
    {
        var matrix = RowMatrix.FromArray(new double[,] { { 1, -2.5, 3 }, { 4e300, double.NaN, -0.0 } });
        var names = new[] { "zebra", "", "a", "persian_cat", "\u00e9l\u00e9phant" };
        var bytes = new MatFileWriter(compress, bigEndian)
            .AddMatrix("features", matrix)
            .AddStrings("allclasses_names", names)
            .AddText("note", "hi")
            .AddNumeric("labels", [3, 1], [1, 2, 50], MatClass.UInt16)
            .AddNumeric("compact", [1, 3], [0, 200, 255], null, MatClass.Double, MatDataType.UInt8, logical: false)   // MATLAB's compact storage
            .AddNumeric("flags", [1, 2], [1, 0], null, MatClass.UInt8, MatDataType.UInt8, logical: true)
            .AddNumeric("cplx", [1, 1], [1.5], [-2], MatClass.Single, MatDataType.Single, logical: false)
            .AddNumeric("i64", [1, 2], [-5, 7], null, MatClass.Int64, MatDataType.Int64, logical: false)
            .ToArray();
        var mat = MatFile.Read(bytes, "roundtrip.mat");
        Assert.Equal(bigEndian, mat.IsBigEndian);
        Assert.Equal(["features", "allclasses_names", "note", "labels", "compact", "flags", "cplx", "i64"], mat.Variables);
        Assert.Equal(matrix.AsSpan().ToArray(), mat.GetMatrix("features").AsSpan().ToArray());
        Assert.Equal(names, mat.GetStrings("allclasses_names"));
        Assert.Equal(["hi"], mat.GetStrings("note"));
        Assert.Equal([1, 2, 50], mat.GetNumeric("labels").ToInt32Array());
        Assert.Equal(MatClass.UInt16, mat.GetNumeric("labels").Class);
        Assert.Equal([0.0, 200, 255], mat.GetNumeric("compact").Real.ToArray());
        Assert.Equal(MatClass.Double, mat.GetNumeric("compact").Class);
        Assert.True(mat.GetNumeric("flags").IsLogical);
        Assert.Equal([-2.0], mat.GetNumeric("cplx").Imaginary.ToArray());
        Assert.Equal([-5.0, 7], mat.GetNumeric("i64").Real.ToArray());
    }

    [Theory]
    [InlineData(false, false, (int)MatDataType.Double)]   // read straight into the array
    [InlineData(false, true, (int)MatDataType.Double)]    // big-endian: decoded
    [InlineData(false, false, (int)MatDataType.UInt16)]   // stored compactly: decoded
    [InlineData(true, false, (int)MatDataType.Double)]    // inflated straight into the array
    [InlineData(true, true, (int)MatDataType.Double)]     // big-endian: inflated, then decoded
    [InlineData(true, false, (int)MatDataType.UInt16)]
    public void LargeMatricesReadTheSameWhicheverPathTheyTake(bool compress, bool bigEndian, int storageType)
    {
        var storage = (MatDataType)storageType;
        const int Rows = 300, Columns = 600;   // 1.4 MB of doubles: above the direct-read thresholds
        var random = new Random(5);
        var values = Enumerable.Range(0, Rows * Columns).Select(k => (double)random.Next(60000)).ToArray();
        var bytes = new MatFileWriter(compress, bigEndian)
            .AddText("before", "x")
            .AddNumeric("features", [Rows, Columns], values, null, MatClass.Double, storage, logical: false)
            .AddNumeric("labels", [1, 2], [1, 2], null, MatClass.Double, MatDataType.Double, logical: false)
            .ToArray();
        var mat = MatFile.Read(bytes, "large.mat");
        Assert.Equal(["before", "features", "labels"], mat.Variables);
        Assert.Equal(values, mat.GetNumeric("features").Real.ToArray());
        Assert.Equal([Rows, Columns], mat.Get("features").Dimensions);
        Assert.Equal([1.0, 2], mat.GetNumeric("labels").Real.ToArray());

        var error = Assert.Throws<DataFormatException>(() => MatFile.Read(bytes[..(bytes.Length - 100)], "cut.mat"));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeCompressedMatrixWhoseStreamEndsEarly()
    {
        var random = new Random(6);
        var values = Enumerable.Range(0, 200_000).Select(_ => random.NextDouble()).ToArray();
        var bytes = new MatFileWriter(compress: true).AddNumeric("features", [1000, 200], values).ToArray();
        int size = BitConverter.ToInt32(bytes, 132);
        var cut = bytes[..(136 + (size / 2))];
        BitConverter.GetBytes(size / 2).CopyTo(cut, 132);
        var error = Assert.Throws<DataFormatException>(() => MatFile.Read(cut, "cut.mat"));
        Assert.Equal(128, error.Offset);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);

        var garbled = bytes.ToArray();
        for (int k = 136 + (size / 2); k < 136 + (size / 2) + 64; k++)
        {
            garbled[k] ^= 0x5A;
        }

        error = Assert.Throws<DataFormatException>(() => MatFile.Read(garbled, "garbled.mat"));
        Assert.Equal(128, error.Offset);
    }

    [Fact]
    public void SmallElementsAreUsedForShortNamesAndData()
    {
        // "a" (1 byte) and a single uint8 fit the 4-byte small-element form: each takes 8 bytes, not 16.
        byte[] small = new MatFileWriter().AddNumeric("a", [1, 1], [7], MatClass.UInt8).ToArray();
        byte[] large = new MatFileWriter().AddNumeric("abcde", [1, 1], [7], MatClass.UInt8).ToArray();
        Assert.Equal(128 + 8 + 16 + 16 + 8 + 8, small.Length);   // tag, flags, dimensions (8 bytes: not small), name, data
        Assert.Equal(small.Length + 8, large.Length);
        Assert.Equal(0x0001_0001u, BitConverter.ToUInt32(small, 128 + 8 + 16 + 16));   // 1 byte of miINT8, packed in one word
        Assert.Equal([7.0], MatFile.Read(small, "small.mat").GetNumeric("a").Real.ToArray());
    }

    [Fact]
    public void WriterRejectsValuesItCannotStore()
    {
        Assert.Throws<ArgumentException>(() => new MatFileWriter().AddNumeric("x", [1, 1], [256], MatClass.UInt8));
        Assert.Throws<ArgumentException>(() => new MatFileWriter().AddNumeric("x", [1, 1], [0.5], MatClass.Int32));
        Assert.Throws<ArgumentException>(() => new MatFileWriter().AddNumeric("x", [2, 2], [1, 2], MatClass.Double));
        Assert.Throws<ArgumentException>(() => new MatFileWriter().AddText("1x", "bad name"));
        Assert.Throws<ArgumentException>(() => new MatFileWriter().AddText("x", "a").AddText("x", "b"));
    }

    [Fact]
    public void SaveWritesAFileThatReadsBack()
    {
        string folder = Directory.CreateTempSubdirectory("simzsl-mat-").FullName;
        try
        {
            string path = Path.Combine(folder, "att.mat");
            new MatFileWriter(compress: true).AddMatrix("att", RowMatrix.FromArray(new double[,] { { 1, 2 } })).Save(path);
            Assert.Equal([1.0, 2], MatFile.Read(path).GetMatrix("att").AsSpan().ToArray());
            Assert.Single(Directory.GetFiles(folder));   // no temporary file left behind
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertNumeric(MatFile mat, string name, MatClass cls, double first, double second)
    {
        var array = mat.GetNumeric(name);
        Assert.Equal(cls, array.Class);
        Assert.False(array.IsLogical);
        Assert.Equal([first, second], array.Real.ToArray());
    }
}
