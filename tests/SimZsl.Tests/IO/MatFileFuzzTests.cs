using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Tests.IO;

/// <summary>Thousands of damaged copies of real MAT-files (byte flips, overwritten words, truncations, inserted
/// bytes; seeded): the reader and its accessors may only succeed or throw <see cref="DataFormatException"/>,
/// each case within a time limit.</summary>
public class MatFileFuzzTests
{
    private const int Cases = 2500;
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);   // generous: the suite runs in parallel on 2 cores

    [Fact]
    public async Task DamagedFilesThrowOnlyTheDocumentedException()
    {
        var originals = Seeds();
        var random = new Random(20261127);
        int failedToRead = 0;
        for (int c = 0; c < Cases; c++)
        {
            var (name, source) = originals[random.Next(originals.Count)];
            byte[] bytes = Mutate(source, random);
            Exception? outcome = null;
            try
            {
                outcome = await Task.Run(() => Exercise(bytes, name)).WaitAsync(PerCase);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"case {c} ({name}) did not finish within {PerCase.TotalSeconds} s");
            }

            Assert.True(outcome is null or DataFormatException, $"case {c} ({name}) threw {outcome?.GetType().Name}: {outcome}");
            failedToRead += outcome is null ? 0 : 1;
        }

        Assert.InRange(failedToRead, Cases / 4, Cases);   // the mutations do damage: most copies are rejected
    }

    // Reads the bytes and touches every variable the way a user would; returns what was thrown, if anything.
    private static Exception? Exercise(byte[] bytes, string name)
    {
        try
        {
            var mat = MatFile.Read(bytes, name);
            Exception? first = null;
            foreach (var array in mat.Arrays)
            {
                first ??= Capture(() => mat.GetMatrix(array.Name));
                first ??= Capture(() => mat.GetStrings(array.Name));
                first ??= Capture(() => mat.GetNumeric(array.Name).ToInt32Array());
                first ??= Capture(() => mat.GetNumeric(array.Name).ToTransposedRowMatrix());
            }

            return first is DataFormatException ? null : first;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static Exception? Capture(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (DataFormatException)
        {
            return null;   // expected for variables of another kind
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        byte[] bytes = source.ToArray();
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && bytes.Length > 0; e++)
        {
            // Bias positions toward the header and element tags near the start, where the structure is.
            int position = random.Next(2) == 0 ? random.Next(Math.Min(bytes.Length, 1024)) : random.Next(bytes.Length);
            switch (random.Next(5))
            {
                case 0:
                    bytes[position] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[position] = (byte)random.Next(256);
                    break;
                case 2:
                    for (int k = 0; k < 4 && position + k < bytes.Length; k++)
                    {
                        bytes[position + k] = k == 3 ? (byte)random.Next(256) : (byte)0xFF;   // a huge size or dimension
                    }

                    break;
                case 3:
                    bytes = bytes[..position];
                    break;
                default:
                    var inserted = new byte[1 + random.Next(16)];
                    random.NextBytes(inserted);
                    bytes = [.. bytes.AsSpan(0, position), .. inserted, .. bytes.AsSpan(position)];
                    break;
            }
        }

        return bytes;
    }

    private static List<(string Name, byte[] Bytes)> Seeds()
    {
        var seeds = Directory.GetFiles(RepositoryPaths.Data("xlsa17"), "*.mat", SearchOption.AllDirectories)
            .Where(p => new FileInfo(p).Length < 1_000_000)
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(Path.GetDirectoryName(p)) + "/" + Path.GetFileName(p), File.ReadAllBytes(p)))
            .ToList();
        foreach (string fixture in new[] { "scipy_types.mat", "scipy_types_compressed.mat" })
        {
            seeds.Add((fixture, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "mat", fixture))));
        }

        // Uncompressed and big-endian re-encodings of a real file, so that flips reach the parser, not only zlib.
        var real = MatFile.Read(RepositoryPaths.Data("xlsa17", "APY", "att_splits_cetinsamet.mat"));
        foreach (bool bigEndian in new[] { false, true })
        {
            var writer = new MatFileWriter(compress: false, bigEndian)
                .AddMatrix("att", real.GetMatrix("att"))
                .AddStrings("allclasses_names", real.GetStrings("allclasses_names"));
            var loc = real.GetNumeric("test_seen_loc");
            writer.AddNumeric("test_seen_loc", loc.Dimensions, loc.Real.ToArray(), null, MatClass.Double, MatDataType.UInt16, logical: false);
            seeds.Add(($"APY-rewritten-{(bigEndian ? "be" : "le")}.mat", writer.ToArray()));
        }

        // A plain double matrix above 1 MB takes the direct-read path.
        var large = Enumerable.Range(0, 140_000).Select(k => k * 0.5).ToArray();
        seeds.Add(("large-plain.mat", new MatFileWriter().AddNumeric("features", [1000, 140], large).AddNumeric("labels", [1, 3], [1, 2, 3]).ToArray()));
        var noisy = new Random(7);
        var incompressible = Enumerable.Range(0, 20_000).Select(_ => noisy.NextDouble()).ToArray();   // > 64 KB compressed
        seeds.Add(("large-compressed.mat", new MatFileWriter(compress: true).AddNumeric("features", [200, 100], incompressible).ToArray()));
        return seeds;
    }
}
