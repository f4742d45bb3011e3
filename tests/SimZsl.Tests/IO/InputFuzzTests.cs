using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using SimZsl.Cli;
using SimZsl.IO;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;
using SimZsl.Tests.Cli;

namespace SimZsl.Tests.IO;

/// <summary>Seeded fuzzing of the readers that issue 12 found wanting, in-process so that thousands of cases take
/// seconds: compressed MAT elements with damage the zlib checksum must catch, .npy headers of versions 1–3 with
/// lying lengths and shapes, and CSV files with invalid UTF-8. Readers may only succeed correctly or throw the
/// documented exceptions; a share of each kind also goes through the tool, which may only exit with the documented
/// codes for bad input (never 1, "internal error") and one line on standard error.</summary>
public class InputFuzzTests
{
    private static readonly int[] InputCodes = [ExitCodes.Success, ExitCodes.UsageError, ExitCodes.InputFileError, ExitCodes.InvalidData];

    /// <summary>Damage inside compressed elements: either the reader refuses the file, or what it reads is exactly
    /// what the undamaged file holds (a change zlib cannot see, such as the unused bits of the last byte). Never a
    /// different matrix without a word.</summary>
    [Fact]
    public void DamagedCompressedElementsAreRefusedOrReadUnchanged()
    {
        var seeds = new[] { "APY", "AWA1", "SUN" }
            .Select(d => (Name: d + "/att_splits.mat", Bytes: File.ReadAllBytes(RepositoryPaths.Data("xlsa17", d, "att_splits.mat"))))
            .Append((Name: "scipy_types_compressed.mat", Bytes: File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "mat", "scipy_types_compressed.mat"))))
            .Append((Name: "large-compressed.mat", Bytes: LargeCompressed()))
            .Select(s => (s.Name, s.Bytes, Content: Content(MatFile.Read(s.Bytes, s.Name)), Elements: CompressedElements(s.Bytes)))
            .ToList();
        var random = new Random(20261205);
        int refused = 0;
        const int Cases = 1500;
        for (int c = 0; c < Cases; c++)
        {
            var seed = seeds[random.Next(seeds.Count)];
            var (start, length) = seed.Elements[random.Next(seed.Elements.Count)];
            byte[] bytes = seed.Bytes.ToArray();
            for (int e = 1 + random.Next(4); e > 0; e--)
            {
                // Half of the damage lands in the last 8 bytes: the end of the deflate data and the checksum.
                int at = random.Next(2) == 0 ? start + length - 1 - random.Next(Math.Min(8, length)) : start + random.Next(length);
                bytes[at] = random.Next(3) == 0 ? (byte)(bytes[at] ^ (1 << random.Next(8))) : (byte)random.Next(256);
            }

            try
            {
                Assert.True(seed.Content == Content(MatFile.Read(bytes, seed.Name)), $"case {c} ({seed.Name}): damage read as different data without an error");
            }
            catch (DataFormatException e)
            {
                Assert.StartsWith(seed.Name + " at byte offset ", e.Message, StringComparison.Ordinal);
                refused++;
            }
        }

        Assert.InRange(refused, Cases * 9 / 10, Cases);
    }

    /// <summary>.npy headers of versions 1, 2 and 3 with random and lying lengths, shapes (huge, wrapping around 64
    /// bits, 0-d, 4-d), dtypes and data sizes: either an array whose values fill its shape, or a
    /// <see cref="DataFormatException"/> that names the file.</summary>
    [Fact]
    public void NpyHeadersThatLieAreRefusedNamingTheFile()
    {
        var random = new Random(20261206);
        int read = 0;
        for (int c = 0; c < 4000; c++)
        {
            byte[] bytes = RandomNpy(random);
            try
            {
                var array = NpyFile.Read(new MemoryStream(bytes), "fuzz.npy");
                Assert.Equal(array.ShapeList.Aggregate(1L, (a, b) => a * b), array.Values.Length);
                read++;
                try
                {
                    var matrix = array.ToMatrix();
                    Assert.Equal(array.Values.Length, (long)matrix.Rows * matrix.Columns);
                }
                catch (DataFormatException e)
                {
                    Assert.StartsWith("fuzz.npy", e.Message, StringComparison.Ordinal);
                }
            }
            catch (DataFormatException e)
            {
                Assert.StartsWith("fuzz.npy", e.Message, StringComparison.Ordinal);
            }
        }

        Assert.InRange(read, 200, 3800);   // both outcomes are exercised
    }

    /// <summary>Class-matrix CSVs with non-ASCII names and injected invalid UTF-8: a file with invalid bytes is never
    /// accepted, and when the error is about them it gives the line and the byte offset of the first one.</summary>
    [Fact]
    public void CsvWithInvalidUtf8IsNeverAcceptedAndTheOffsetIsExact()
    {
        var random = new Random(20261207);
        string dir = CliRunner.TempFolder();
        int utf8Errors = 0;
        for (int c = 0; c < 2000; c++)
        {
            byte[] bytes = RandomCsv(random);
            string path = Path.Combine(dir, $"s{c % 8}.csv");
            File.WriteAllBytes(path, bytes);
            int? firstInvalid = FirstInvalidUtf8(bytes);
            try
            {
                ClassMatrixFile.ReadSimilarityCsv(path);
                Assert.True(firstInvalid is null, $"case {c}: accepted a file with invalid UTF-8 at byte {firstInvalid}");
            }
            catch (DataFormatException e) when (e.Message.Contains("UTF-8", StringComparison.Ordinal))
            {
                Assert.Equal(firstInvalid, (int?)e.Offset);
                Assert.Equal(LineOf(bytes, firstInvalid!.Value), e.Line);
                utf8Errors++;
            }
            catch (SimZslException e)
            {
                Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
            }
        }

        Assert.InRange(utf8Errors, 500, 2000);
    }

    /// <summary>The same kinds of damage through <c>simzsl embed</c> (in-process): only the documented codes for bad
    /// input, one line on standard error, and no output written on failure.</summary>
    [Fact]
    public void TheToolAnswersFuzzedInputsWithDocumentedCodesOnly()
    {
        var random = new Random(20261208);
        string dir = CliRunner.TempFolder();
        string output = Path.Combine(dir, "out.csv");
        var apy = File.ReadAllBytes(RepositoryPaths.Data("xlsa17", "APY", "att_splits.mat"));
        var elements = CompressedElements(apy);
        for (int c = 0; c < 450; c++)
        {
            string[] args;
            switch (c % 3)
            {
                case 0:
                    File.WriteAllBytes(Path.Combine(dir, "x.npy"), RandomNpy(random));
                    args = ["embed", "--input", Path.Combine(dir, "x.npy"), "--input-kind", "distance", "--curvature", "0", "--dim", "1"];
                    break;
                case 1:
                    File.WriteAllBytes(Path.Combine(dir, "x.csv"), RandomCsv(random));
                    args = ["embed", "--input", Path.Combine(dir, "x.csv"), "--curvature", "-1", "--dim", "1"];
                    break;
                default:
                    byte[] mat = apy.ToArray();
                    var (start, length) = elements[random.Next(elements.Count)];
                    mat[start + random.Next(length)] ^= (byte)(1 + random.Next(255));
                    File.WriteAllBytes(Path.Combine(dir, "x.mat"), mat);
                    args = ["embed", "--input", Path.Combine(dir, "x.mat") + ":att", "--input-kind", "vectors", "--columns-are-classes", "--curvature", "1", "--dim", "3"];
                    break;
            }

            File.Delete(output);
            var (code, _, error) = CliRunner.Run([.. args, "--output", output, "--quiet"]);
            Assert.True(InputCodes.Contains(code), $"case {c}: exit {code}: {error}");
            if (code != ExitCodes.Success)
            {
                Assert.Single(error.TrimEnd('\n').Split('\n'));
                Assert.False(File.Exists(output), $"case {c}: a failed run wrote its output");
            }
        }

        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    private static byte[] RandomNpy(Random random)
    {
        int major = 1 + random.Next(3);
        string[] dtypes = ["<f8", "<f4", ">f8", "<i4", "|u1", "|b1", "<i8", "<f2", "<c16", "O", ""];
        string dtype = dtypes[random.Next(dtypes.Length)];
        long[] interesting = [0, 1, 2, 3, 7, 2147352580, 1073807362, 2000000000, int.MaxValue, 3000000000, 4294967296];
        int rank = random.Next(5);
        var shape = Enumerable.Range(0, rank).Select(_ => random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : random.Next(6)).ToArray();
        string shapeText = rank == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        string dict = $"{{'descr': '{dtype}', 'fortran_order': {(random.Next(2) == 0 ? "False" : "True")}, 'shape': {shapeText}, }}";
        var data = new byte[random.Next(3) == 0 ? random.Next(200) : Math.Max(0, (int)Math.Min(256, shape.Aggregate(1L, (a, b) => Math.Min(a * Math.Max(b, 1), 1 << 20)) * 8))];
        random.NextBytes(data);
        uint? headerLength = random.Next(6) switch
        {
            0 => (uint)random.Next(),
            1 => 0xFFFFFFF0,
            2 => 0x7FFFFFF0,
            _ => null,
        };
        byte[] bytes = BadInputCatalogueTests.Npy(major, dict, data, major == 1 && headerLength is { } h ? h & 0xFFFF : headerLength);
        if (random.Next(5) == 0)
        {
            bytes[random.Next(Math.Min(bytes.Length, 80))] = (byte)random.Next(256);   // damage the header itself
        }

        return random.Next(8) == 0 ? bytes[..random.Next(bytes.Length)] : bytes;
    }

    private static byte[] RandomCsv(Random random)
    {
        string[] names = ["cat", "café", "naïve", "Ελάφι", "鹿", "dog", "e\u0301", "zebra"];
        int n = 2 + random.Next(3);
        var chosen = names.OrderBy(_ => random.Next()).Take(n).ToArray();
        var text = new StringBuilder("class," + string.Join(',', chosen) + "\n");
        for (int i = 0; i < n; i++)
        {
            text.Append(chosen[i]);
            for (int j = 0; j < n; j++)
            {
                text.Append(',').Append((i == j ? 1 : 0.5).ToString(CultureInfo.InvariantCulture));
            }

            text.Append(random.Next(4) == 0 ? "\r\n" : "\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).ToList();
        byte[][] invalid = [[0xE9], [0xC3], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]];
        for (int k = random.Next(3); k > 0; k--)
        {
            bytes.InsertRange(random.Next(bytes.Count + 1), invalid[random.Next(invalid.Length)]);
        }

        return bytes.ToArray();
    }

    // One-based line of a byte, with \n, \r\n and a lone \r as line breaks (as StreamReader.ReadLine has them).
    private static int LineOf(byte[] bytes, int offset)
    {
        int line = 1;
        for (int k = 0; k < offset; k++)
        {
            line += bytes[k] == (byte)'\n' || (bytes[k] == (byte)'\r' && (k + 1 >= bytes.Length || bytes[k + 1] != (byte)'\n')) ? 1 : 0;
        }

        return line;
    }

    private static int? FirstInvalidUtf8(byte[] bytes)
    {
        int at = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        while (at < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(at), out _, out int consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return null;
    }

    // The data of every top-level miCOMPRESSED element (type 15): start and length in the file.
    private static List<(int Start, int Length)> CompressedElements(byte[] file)
    {
        var result = new List<(int, int)>();
        for (int at = 128; at + 8 <= file.Length;)
        {
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at)), size = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 4));
            if (type == 15)
            {
                result.Add((at + 8, (int)size));
            }

            at += 8 + (int)(type == 15 ? size : (size + 7) & ~7u);
        }

        return result;
    }

    // Everything a user reads from the file, as one comparable string.
    private static string Content(MatFile mat)
    {
        var text = new StringBuilder();
        foreach (var array in mat.Arrays)
        {
            text.Append(array.Describe()).Append(':');
            if (array is MatNumericArray numeric)
            {
                foreach (double v in numeric.Real)
                {
                    text.Append(BitConverter.DoubleToInt64Bits(v)).Append(',');
                }
            }
            else if (array is MatCharArray or MatCellArray)
            {
                try
                {
                    text.AppendJoin('|', mat.GetStrings(array.Name));
                }
                catch (DataFormatException)
                {
                    text.Append("(not strings)");
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static byte[] LargeCompressed()
    {
        var noisy = new Random(7);
        return new MatFileWriter(compress: true).AddNumeric("features", [200, 100], Enumerable.Range(0, 20_000).Select(_ => noisy.NextDouble()).ToArray()).ToArray();
    }
}
