using System.Text.Json;
using SimZsl.IO;

namespace SimZsl.Tests.IO;

/// <summary>The NPY reader against files NumPy wrote (data/npy, made by its make_fixtures.py): every supported dtype,
/// C and Fortran order, both byte orders, format versions 1 to 3, compared with the values NumPy itself wrote down.</summary>
public class NpyFileFixtureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data", "npy");

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly Lazy<Dictionary<string, Expected>> Reference = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, Expected>>(File.ReadAllText(Path.Combine(Folder, "reference.json")), Json)!);

    public static TheoryData<string> Fixtures => [.. Reference.Value.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReadsWhatNumPyWrote(string fixture)
    {
        var expected = Reference.Value[fixture];
        var array = NpyFile.Read(Path.Combine(Folder, fixture + ".npy"));
        Assert.Equal(expected.Shape, array.ShapeList);
        Assert.Equal(expected.Dtype, array.DType);
        Assert.Equal(expected.Values, array.Values.ToArray());
    }

    [Fact]
    public void FortranOrderedMatrixIsTransposedIntoRowMajor()
    {
        // The 2 × 3 matrix [[1, −2, 3], [4, 5, −6]] lies in the file column by column: 1, 4, −2, 5, 3, −6.
        var array = NpyFile.Read(Path.Combine(Folder, "le_f8_F.npy"));
        Assert.Equal([1.0, -2, 3, 4, 5, -6], array.Values.ToArray());
        Assert.True(Reference.Value["le_f8_F"].Fortran);
    }

    [Fact]
    public void TheFixturesCoverWhatTheReaderPromises()
    {
        var all = Reference.Value.Values.ToArray();
        Assert.Contains(all, e => e.Fortran && e.Shape.Length == 2);
        Assert.Contains(all, e => e.Fortran && e.Shape.Length == 3);
        // Every multi-byte dtype in both byte orders: each has its own decoding branch.
        foreach (string type in new[] { "f2", "f4", "f8", "i2", "i4", "i8", "u2", "u4", "u8" })
        {
            Assert.Contains(all, e => e.Dtype == "<" + type);
            Assert.Contains(all, e => e.Dtype == ">" + type);
        }

        foreach (char kind in "fiub")
        {
            Assert.Contains(all, e => e.Dtype[1] == kind);
        }

        // Versions 2 and 3 (a 4-byte header length) are in the files themselves, byte 6.
        Assert.Equal(2, File.ReadAllBytes(Path.Combine(Folder, "f8_v2_F.npy"))[6]);
        Assert.Equal(3, File.ReadAllBytes(Path.Combine(Folder, "f8_v3_C.npy"))[6]);
    }

    [Theory]
    [InlineData("le_f8_C", false)]
    [InlineData("le_f4_C", true)]
    [InlineData("f8_vector", false)]
    public void TheWriterWritesTheBytesNumPyWrites(string fixture, bool asFloat32)
    {
        // Same header text, padding (data at a multiple of 64 bytes), version, byte order and values as numpy.save.
        var expected = Reference.Value[fixture];
        string path = Path.Combine(Path.GetTempPath(), $"simzsl-npy-{Guid.NewGuid():N}.npy");
        try
        {
            if (expected.Shape.Length == 2)
            {
                NpyFile.Write(path, new RowMatrix(expected.Shape[0], expected.Shape[1], expected.Values), asFloat32);
            }
            else
            {
                NpyFile.Write(path, expected.Shape, expected.Values, asFloat32);
            }

            Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, fixture + ".npy")), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheWriterRefusesAShapeThatDoesNotHoldTheValues()
    {
        var e = Assert.Throws<ArgumentException>(() => NpyFile.Write(Path.Combine(Path.GetTempPath(), "never.npy"), [2, 3], new double[5]));
        Assert.Contains("Shape (2, 3) does not hold 5 values", e.Message, StringComparison.Ordinal);
    }

    private sealed record Expected(int[] Shape, double[] Values, string Dtype, bool Fortran);
}
