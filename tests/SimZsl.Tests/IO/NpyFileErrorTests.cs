using System.Text;
using SimZsl.IO;

namespace SimZsl.Tests.IO;

/// <summary>Each way a <c>.npy</c> file can be wrong, built byte by byte: the reader names what is wrong and where (the
/// byte offset), rather than failing later on some other check or reading garbage. The fuzz test
/// (<see cref="InputFuzzTests"/>) accepts any refusal; these pin down which.</summary>
public class NpyFileErrorTests
{
    private const string Vector4 = "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }";
    private const string Huge = "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }";

    public static TheoryData<string, byte[], bool, string, long> Cases => new()
    {
        { "too short", [0x93, (byte)'N', (byte)'U'], true, "too short to be a .npy file", 0 },
        { "no magic", Encoding.ASCII.GetBytes("NOTNPY0123"), true, "not a .npy file", 0 },
        { "version 2, header length cut", [0x93, .. "NUMPY"u8, 2, 0, 10, 0], true, "header length is truncated", 8 },
        { "version 4", [0x93, .. "NUMPY"u8, 4, 0, 10, 0, 0, 0], true, "unsupported .npy format version 4.0", 6 },
        { "header over 64 KiB", Npy(Vector4, new byte[32], major: 2, announced: 70_000), true, "announces 70000 bytes, more than the 65536", 8 },
        { "header beyond the file", Npy(Vector4, [], announced: 100), true, $"announces 100 bytes, more than the {Vector4.Length + 1} left in the file", 8 },
        { "header cut, stream without length", Npy(Vector4, [], announced: 100), false, "the header is truncated (it announces 100 bytes)", 10 },
        { "no descr", Npy("{'fortran_order': False, 'shape': (4,), }", new byte[32]), true, "lacks 'descr', 'fortran_order' or 'shape'", 10 },
        { "no fortran_order", Npy("{'descr': '<f8', 'shape': (4,), }", new byte[32]), true, "lacks 'descr', 'fortran_order' or 'shape'", 10 },
        { "no shape", Npy("{'descr': '<f8', 'fortran_order': False, }", new byte[32]), true, "lacks 'descr', 'fortran_order' or 'shape'", 10 },
        { "dimension over int", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3000000000,), }", []), true, "dimension 3000000000 of the shape", 10 },
        { "shape not integers", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, x), }", []), true, "is not a list of non-negative integers", 10 },
        { "more than one array holds", Npy(Huge, []), true, "needs 80000000000 bytes, more than one array can hold", 10 + Huge.Length + 1 },
        { "data cut", Npy(Vector4, new byte[16]), true, "needs 32 bytes but the file has 16 after the header", 10 + Vector4.Length + 1 },
        { "data cut, stream without length", Npy(Vector4, new byte[16]), false, "the data is truncated: the shape (4) needs 32 bytes of '<f8', found 16", 10 + Vector4.Length + 1 + 16 },
        { "complex dtype", Npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]), true, "dtype '<c16' is not supported", 10 },
        { "one-byte float", Npy("{'descr': '<f1', 'fortran_order': False, 'shape': (1,), }", new byte[1]), true, "dtype '<f1' is not supported", 10 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheReaderSaysWhatIsWrongAndWhere(string what, byte[] bytes, bool seekable, string message, long offset)
    {
        Stream stream = seekable ? new MemoryStream(bytes) : new ForwardOnly(bytes);
        var e = Assert.Throws<DataFormatException>(() => NpyFile.Read(stream, "x.npy"));
        Assert.True(e.Message.Contains(message, StringComparison.Ordinal), $"{what}: {e.Message}");
        Assert.StartsWith("x.npy", e.Message, StringComparison.Ordinal);
        Assert.Equal(offset, e.Offset);
    }

    [Fact]
    public void AFolderOrAMissingPathIsNamedAsSuch()
    {
        string folder = Path.GetTempPath();
        var e = Assert.Throws<DataFormatException>(() => NpyFile.Read(folder));
        Assert.Contains("this is a directory, not a file", e.Message, StringComparison.Ordinal);
        string missing = Path.Combine(folder, $"simzsl-missing-{Guid.NewGuid():N}.npy");
        var notFound = Assert.Throws<FileNotFoundException>(() => NpyFile.Read(missing));
        Assert.Equal($"The file '{missing}' does not exist.", notFound.Message);
    }

    [Fact]
    public void AWellFormedFileBuiltTheSameWayReads()
    {
        // The control for the cases above: the same builder with a complete header and data reads back.
        var data = new byte[32];
        for (int k = 0; k < 4; k++)
        {
            BitConverter.TryWriteBytes(data.AsSpan(k * 8), k - 1.5);
        }

        foreach (bool seekable in new[] { true, false })
        {
            var bytes = Npy(Vector4, data);
            var array = NpyFile.Read(seekable ? new MemoryStream(bytes) : new ForwardOnly(bytes), "x.npy");
            Assert.Equal([-1.5, -0.5, 0.5, 1.5], array.Values.ToArray());
        }
    }

    // magic, version, header length (2 bytes for version 1, 4 for 2 and 3), the header with its newline, the data.
    private static byte[] Npy(string dict, byte[] data, byte major = 1, int? announced = null)
    {
        var header = Encoding.Latin1.GetBytes(dict + "\n");
        uint length = (uint)(announced ?? header.Length);
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.Add(major);
        bytes.Add(0);
        bytes.AddRange(major == 1 ? BitConverter.GetBytes((ushort)length) : BitConverter.GetBytes(length));
        bytes.AddRange(header);
        bytes.AddRange(data);
        return [.. bytes];
    }

    // A stream that cannot seek and has no length (a pipe): the reader cannot compare the header with the file's size.
    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
