using BenchmarkDotNet.Attributes;
using SimZsl;
using SimZsl.IO;
using SimZsl.Samples.Shared;

namespace SimZsl.Benchmarks;

/// <summary>Reading a res101.mat-shaped MAT v5 file: 2048 × 18 000 doubles (295 MB of data, ResNet-like: float32
/// precision, about half zeros after the ReLU) plus an 18 000 × 1 label vector, written in GlobalSetup to a temp
/// folder. Throughput = file size / mean time.</summary>
[MemoryDiagnoser]
public class MatReadBenchmarks
{
    private const int Features = 2048;
    private const int Instances = 18_000;
    private string _folder = string.Empty;
    private string _path = string.Empty;

    /// <summary>Whether the variables are zlib-compressed elements (MATLAB's -v7 default) or plain (-v6).</summary>
    [Params(false, true)]
    public bool Compressed { get; set; }

    [GlobalSetup]
    public void WriteFile()
    {
        _folder = Directory.CreateTempSubdirectory("simzsl-matbench-").FullName;
        _path = Path.Combine(_folder, "res101.mat");
        var random = new Random(42);
        var values = new double[(long)Features * Instances];
        for (long k = 0; k < values.LongLength; k++)
        {
            values[k] = Math.Max(0, (float)(random.NextDouble() * 2 - 1));
        }

        var labels = Enumerable.Range(0, Instances).Select(i => (double)(1 + (i % 50))).ToArray();
        new MatFileWriter(Compressed)
            .AddNumeric("features", [Features, Instances], values)
            .AddNumeric("labels", [Instances, 1], labels)
            .Save(_path);
        Console.WriteLine($"// MAT file: {new FileInfo(_path).Length / 1e6:F1} MB, {values.LongLength * 8 / 1e6:F1} MB of doubles, compressed={Compressed}");
    }

    [GlobalCleanup]
    public void DeleteFile() => Directory.Delete(_folder, recursive: true);

    /// <summary>Read the file and take the features as one row per instance (no reordering needed).</summary>
    [Benchmark]
    public RowMatrix ReadFeatures() => MatFile.Read(_path).GetNumeric("features").ToTransposedRowMatrix();

    /// <summary>The same, plus a copy into MATLAB's shape (2048 × N, row-major): the cost of the transpose.</summary>
    [Benchmark]
    public RowMatrix ReadFeaturesAsStored() => MatFile.Read(_path).GetMatrix("features");
}
