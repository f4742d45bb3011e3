using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SimZsl.Cli;

namespace SimZsl.Tests.Cli;

/// <summary>The bad inputs and faults of issue 12, each run through the tool: the exit code is the documented one,
/// standard error is exactly one line that names the file or the option, and no output file changed (the case's
/// folder holds the same files with the same bytes afterwards: no half-written output, no temporary file).</summary>
public partial class BadInputCatalogueTests
{
    private const string OldOutput = "old output\n";
    private const string OldReport = "old report\n";
    private static readonly string WordNet = RepositoryPaths.Data("WordNet", "FashionMNIST_wup.csv");

    /// <summary>One case: writes its inputs into the folder and returns the arguments; then the expected exit code
    /// and the text standard error must contain (the file or the option, and the point).</summary>
    public sealed record BadInput(Func<Folder, string[]> Setup, int Code, params string[] Needles);

    /// <summary>A case's folder, with an existing output and report that a failed run must leave alone.</summary>
    public sealed class Folder(string path)
    {
        public string Path { get; } = path;

        public string Output => File(Path, "out.csv");

        public string Report => File(Path, "r.json");

        public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

        public string Write(string name, byte[] bytes)
        {
            string file = File(Path, name);
            System.IO.File.WriteAllBytes(file, bytes);
            return file;
        }

        private static string File(string folder, string name) => System.IO.Path.Combine(folder, name);
    }

    private static string[] Embed(Folder f, string input, params string[] extra) =>
        ["embed", "--input", input, "--output", f.Output, "--report", f.Report, .. extra];

    private static string[] Zsl(Folder f, string features, string labels, params string[] extra) =>
        ["zsl", "--features", features, "--labels", labels, "--similarity", WordNet, "--unseen", "Sandal,Shirt", "--curvature", "0", "--dim", "3", "--epochs", "1", "--report", f.Report, .. extra];

    private static string[] Plot(Folder f, string coords, string curvature, params string[] extra) =>
        ["plot", "--coords", coords, "--curvature", curvature, "--output", System.IO.Path.Combine(f.Path, "p.png"), .. extra];

    /// <summary>WordNet distances (1 − similarity) times a factor, as a distance CSV.</summary>
    private static string ScaledWordNet(Folder f, double factor)
    {
        var lines = File.ReadAllLines(WordNet);
        var scaled = lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            return string.Join(',', cells.Take(1).Concat(cells.Skip(1).Select(c => ((1 - double.Parse(c, CultureInfo.InvariantCulture)) * factor).ToString("R", CultureInfo.InvariantCulture))));
        });
        return f.Write("d.csv", string.Join('\n', lines.Take(1).Concat(scaled)) + "\n");
    }

    /// <summary>A .npy file with the given header dict, version and data; <paramref name="headerLength"/> overrides
    /// the announced header length.</summary>
    internal static byte[] Npy(int major, string dict, byte[] data, uint? headerLength = null)
    {
        int prefix = major == 1 ? 10 : 12;
        string header = dict.PadRight(((prefix + dict.Length + 1 + 63) / 64 * 64) - prefix - 1) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0 };
        var length = new byte[major == 1 ? 2 : 4];
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)(headerLength ?? (uint)header.Length));
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, headerLength ?? (uint)header.Length);
        }

        bytes.AddRange(length);
        bytes.AddRange(Encoding.Latin1.GetBytes(header));
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    private static (string Features, string Labels) Features(Folder f, int rows, int columns, Action<double[,]>? poison = null, Func<int, string>? label = null)
    {
        var names = File.ReadLines(WordNet).First().Split(',').Skip(1).ToArray();
        var x = new double[rows, columns];
        var random = new Random(1);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                x[i, j] = random.NextDouble();
            }
        }

        poison?.Invoke(x);
        var values = new double[rows * columns];
        Buffer.BlockCopy(x, 0, values, 0, values.Length * sizeof(double));
        string features = System.IO.Path.Combine(f.Path, "f.npy");
        SimZsl.IO.NpyFile.Write(features, [rows, columns], values);
        string labels = f.Write("labels.csv", string.Join('\n', Enumerable.Range(0, rows).Select(i => label?.Invoke(i) ?? names[i % names.Length]).Select(n => n.Contains('/', StringComparison.Ordinal) ? $"\"{n}\"" : n)) + "\n");
        return (features, labels);
    }

    private static string Coordinates(Folder f, string text) => f.Write("c.csv", text);

    public static readonly Dictionary<string, BadInput> Cases = new()
    {
        // 1. A damaged compressed .mat: zlib's checksum fails; exit 3 with the variable and the offset.
        ["damaged compressed mat"] = new(f =>
        {
            var bytes = File.ReadAllBytes(RepositoryPaths.Data("xlsa17", "APY", "att_splits.mat"));
            bytes.AsSpan(1184, 4).Fill(0xFF);
            bytes[1187] = 0x7F;
            return Embed(f, f.Write("att_splits.mat", bytes) + ":att", "--input-kind", "vectors", "--columns-are-classes", "--curvature", "1", "--dim", "3");
        }, ExitCodes.InputFileError, "att_splits.mat at byte offset", "variable 'att'"),

        // 2. A device as output: written in place (here it fails: the device is full), never replaced.
        ["output /dev/full"] = new(f => ["embed", "--input", WordNet, "--curvature", "-1", "--dim", "2", "--output", "/dev/full"], ExitCodes.OutputError, "/dev/full"),

        // 4. Numeric overflow: exit 4 and the range that works, before the eigensolver.
        ["curvature 1e20"] = new(f => Embed(f, WordNet, "--curvature", "1e20", "--dim", "2"), ExitCodes.InvalidData, "κ ≤"),
        ["curvature 1e300"] = new(f => Embed(f, WordNet, "--curvature", "1e300", "--dim", "2"), ExitCodes.InvalidData, "κ ≤"),
        ["distances x 1e300 at 0"] = new(f => Embed(f, ScaledWordNet(f, 1e300), "--input-kind", "distance", "--curvature", "0", "--dim", "2"), ExitCodes.InvalidData, "Rescale"),
        ["distances x 1e300 at 1"] = new(f => Embed(f, ScaledWordNet(f, 1e300), "--input-kind", "distance", "--curvature", "1", "--dim", "2"), ExitCodes.InvalidData, "κ ≤ 0"),
        ["distances x 1e300 at -1"] = new(f => Embed(f, ScaledWordNet(f, 1e300), "--input-kind", "distance", "--curvature", "-1", "--dim", "2"), ExitCodes.InvalidData, "Rescale"),

        // 5. .npy headers that lie: exit 3, naming the file.
        ["npy shape 2e9 x 2e9"] = new(f => Embed(f, f.Write("s.npy", Npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2000000000, 2000000000), }", new byte[64])), "--dim", "1"), ExitCodes.InputFileError, "s.npy"),
        ["npy v2 header length 0xFFFFFFF0"] = new(f => Embed(f, f.Write("s.npy", Npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", new byte[32], 0xFFFFFFF0)), "--dim", "1"), ExitCodes.InputFileError, "s.npy"),
        ["npy v2 header length 0x7FFFFFF0"] = new(f => Embed(f, f.Write("s.npy", Npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", new byte[32], 0x7FFFFFF0)), "--dim", "1"), ExitCodes.InputFileError, "s.npy"),
        ["npy count wraps 64 bits"] = new(f => Embed(f, f.Write("s.npy", Npy(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (2147352580, 1073807362), }", new byte[64])), "--dim", "1"), ExitCodes.InputFileError, "s.npy"),
        ["npy 3-d"] = new(f => { var (_, y) = Features(f, 20, 2); return Zsl(f, f.Write("f3.npy", Npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2, 2), }", new byte[64])), y); }, ExitCodes.InputFileError, "f3.npy", "3-d"),
        ["npy 0-d"] = new(f => { var (_, y) = Features(f, 20, 2); return Zsl(f, f.Write("f0.npy", Npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", new byte[8])), y); }, ExitCodes.InputFileError, "f0.npy", "0-d"),

        // 6. and 9. zsl: N × 0 features; a NaN named by the file's row, not the training subset's.
        ["zsl N x 0 features"] = new(f => { var (x, y) = Features(f, 40, 1); return Zsl(f, f.Write("f0.npy", Npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (40, 0), }", [])), y); }, ExitCodes.InvalidData, "f0.npy", "40 × 0"),
        ["zsl NaN at file row 5000"] = new(f => { var (x, y) = Features(f, 6000, 3, m => m[4999, 1] = double.NaN); return Zsl(f, x, y); }, ExitCodes.InvalidData, "f.npy", "row 5000 of 6000, column 2"),

        // 7. plot.
        ["plot coordinates 1e308"] = new(f => Plot(f, Coordinates(f, "class,x0,x1\na,1e308,-1e308\nb,0,1\n"), "0"), ExitCodes.InvalidData, "c.csv:2", "'a'"),
        ["plot size 100000"] = new(f => Plot(f, Coordinates(f, "class,x0,x1\na,0.1,0\nb,0,0.2\n"), "-1", "--size", "100000"), ExitCodes.UsageError, "--size"),
        ["plot outside the ball"] = new(f => Plot(f, Coordinates(f, "class,x0,x1\na,0.1,0\nb,0.9,0.9\n"), "-1"), ExitCodes.InvalidData, "c.csv:3", "outside the Poincaré ball"),
        ["plot wrong columns for the sphere"] = new(f => Plot(f, Coordinates(f, "class,x0\na,0.1\nb,0.5\n"), "1"), ExitCodes.InvalidData, "c.csv", "1 column"),
        ["plot off the sphere"] = new(f => Plot(f, Coordinates(f, "class,x0,x1\na,0.1,0\nb,0,0.2\n"), "1"), ExitCodes.InvalidData, "c.csv:2", "not on the sphere"),
        ["plot label of an unknown class"] = new(f => Plot(f, Coordinates(f, "class,x0,x1\na,0.1,0\nb,0,0.2\n"), "-1", "--labels", f.Write("g.csv", "class,group\na,seen\nc,unseen\n")), ExitCodes.InvalidData, "g.csv:3", "'c'"),
        ["plot gif"] = new(f => ["plot", "--coords", Coordinates(f, "class,x0,x1\na,0.1,0\nb,0,0.2\n"), "--curvature", "-1", "--output", System.IO.Path.Combine(f.Path, "p.gif")], ExitCodes.UsageError, "--output", "p.gif"),

        // 8. Asymmetry: both values as given, with line and column.
        ["asymmetric matrix"] = new(f => Embed(f, f.Write("s.csv", "class,a,b,c\na,1,0.5,0.1\nb,0.5,1,0.2\nc,0.6316,0.2,1\n"), "--dim", "1"), ExitCodes.InvalidData, "0.1 at line 2, column 4 of", "0.6316 at line 4, column 2 of", "s.csv"),

        // 10. Outputs as one set.
        ["report cannot be written"] = new(f => ["embed", "--input", WordNet, "--curvature", "-1", "--dim", "2", "--output", f.Output, "--report", "/dev/full"], ExitCodes.OutputError, "/dev/full"),
        ["output and report the same file"] = new(f => ["embed", "--input", WordNet, "--curvature", "-1", "--dim", "2", "--output", f.Output, "--report", f.Output], ExitCodes.UsageError, "--output and --report", "out.csv"),

        // 12. A directory given as input.
        ["input is a directory"] = new(f => Embed(f, Directory.CreateDirectory(System.IO.Path.Combine(f.Path, "in.csv")).FullName, "--dim", "1"), ExitCodes.InputFileError, "in.csv", "directory"),

        // 13. The smaller ones.
        ["one class"] = new(f => Embed(f, f.Write("s.csv", "class,a\na,1\n"), "--dim", "1"), ExitCodes.InvalidData, "at least 2"),
        ["cosh overflow has a finite bound"] = new(f => Embed(f, f.Write("d.csv", "class,a,b,c\na,0,9e200,9e200\nb,9e200,0,9e200\nc,9e200,9e200,0\n"), "--input-kind", "distance", "--curvature", "-1", "--dim", "1"), ExitCodes.InvalidData, "Rescale the distances"),
        ["empty class name"] = new(f => Embed(f, f.Write("s.csv", "class,a,,c\na,1,0.5,0.1\nb,0.5,1,0.2\nc,0.1,0.2,1\n"), "--dim", "1"), ExitCodes.InputFileError, "s.csv:1", "column 3"),
        ["empty output path"] = new(f => ["embed", "--input", WordNet, "--dim", "1", "--output", ""], ExitCodes.UsageError, "--output"),
        ["unknown label with its line"] = new(f => { var (x, y) = Features(f, 40, 2, label: i => i == 17 ? "Sandle" : null!); return Zsl(f, x, y); }, ExitCodes.InvalidData, "labels.csv:18", "'Sandle'"),
        ["Latin-1 class names"] = new(f => Embed(f, f.Write("s.csv", [.. "class,caf"u8, 0xE9, .. ",na"u8, 0xEF, .. "ve\nx,1,0.5\ny,0.5,1\n"u8]), "--dim", "1"), ExitCodes.InputFileError, "s.csv:1", "byte offset 9"),
        ["unknown option is one line"] = new(f => ["embed", "--input", WordNet, "--dim", "1", "--output", f.Output, "--bogus"], ExitCodes.UsageError, "--bogus"),
        ["mat variable left empty"] = new(f => Embed(f, f.Write("a.mat", [0]) + ":", "--dim", "1"), ExitCodes.UsageError, "a.mat:", "names no variable"),
        ["unknown landmark with its line"] = new(f => Embed(f, WordNet, "--curvature", "-1", "--dim", "2", "--landmarks", f.Write("lm.txt", "Sandal\nSandle\nShirt\n")), ExitCodes.InvalidData, "lm.txt:2", "'Sandle'"),
        ["missing output folder"] = new(f => ["embed", "--input", WordNet, "--dim", "1", "--output", System.IO.Path.Combine(f.Path, "none", "o.csv")], ExitCodes.OutputError, "--output", "none"),

        // 14. Curvatures that do not fit the distances.
        ["sphere far too small for the distances"] = new(f => Embed(f, ScaledWordNet(f, 5.55), "--input-kind", "distance", "--curvature", "10", "--dim", "2"), ExitCodes.InvalidData, "diameter", "κ ≤"),
        ["curvature 5e-324"] = new(f => Embed(f, WordNet, "--curvature", "5e-324", "--dim", "2"), ExitCodes.InvalidData, "κ = 0"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EachCaseIsOneLineTheDocumentedCodeAndChangesNoOutput(string name)
    {
        var (folder, _) = Prepare();
        var c = Cases[name];
        string[] args = c.Setup(folder);
        var inputs = Snapshot(folder.Path);
        var (code, _, error) = CliRunner.Run(args);

        Assert.True(c.Code == code, $"{name}: exit {code}, expected {c.Code}; stderr: {error}");
        string[] lines = error.TrimEnd('\n', '\r').Split('\n');
        Assert.True(lines.Length == 1, $"{name}: standard error has {lines.Length} lines:\n{error}");
        Assert.StartsWith("simzsl: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", lines[0], StringComparison.Ordinal);   // a C# parameter name means nothing here
        foreach (string needle in c.Needles)
        {
            Assert.True(lines[0].Contains(needle, StringComparison.Ordinal), $"{name}: '{needle}' is not in: {lines[0]}");
        }

        Assert.Equal(inputs, Snapshot(folder.Path));
        Assert.Equal(OldOutput, File.ReadAllText(folder.Output));
        Assert.Equal(OldReport, File.ReadAllText(folder.Report));
    }

    [Fact]
    public void ReadmeExitCodeTableMatchesTheCodeAndTheCatalogue()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var table = ExitCodeLine().Matches(readme[readme.IndexOf("Exit codes:", StringComparison.Ordinal)..].Split("\n\n")[0])
            .ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => Regex.Replace(m.Groups[2].Value, @"\s+", " ").Trim());
        var constants = typeof(ExitCodes).GetFields().ToDictionary(f => (int)f.GetValue(null)!, f => f.Name);
        Assert.Equal(constants.Keys.Order(), table.Keys.Order());
        Assert.Contains("wrong command line", table[ExitCodes.UsageError], StringComparison.Ordinal);
        Assert.Contains("input file", table[ExitCodes.InputFileError], StringComparison.Ordinal);
        Assert.Contains("invalid", table[ExitCodes.InvalidData], StringComparison.Ordinal);
        Assert.Contains("output", table[ExitCodes.OutputError], StringComparison.Ordinal);
        Assert.Contains("folder", table[ExitCodes.OutputError], StringComparison.Ordinal);   // a missing output folder is 5, as the code says
        Assert.All(Cases.Values, c => Assert.Contains(c.Code, table.Keys));
        Assert.Equal(ExitCodes.OutputError, Cases["missing output folder"].Code);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("AUTO")]
    [InlineData("=auto")]
    public void CurvatureAutoChoosesByStress(string value)
    {
        var (folder, _) = Prepare();
        string[] args = value.StartsWith('=') ? ["embed", "--input", WordNet, "--curvature" + value, "--dim", "2", "--output", folder.Output, "-q"]
            : ["embed", "--input", WordNet, "--curvature", value, "--dim", "2", "--output", folder.Output, "-q"];
        var (code, _, error) = CliRunner.Run(args);
        Assert.True(code == ExitCodes.Success, error);
        Assert.StartsWith("class,x0", File.ReadAllText(folder.Output), StringComparison.Ordinal);
    }

    [Fact]
    public void CurvatureSlightlyBeyondTheSphereWarnsOnStderrAndInTheReport()
    {
        var (folder, _) = Prepare();
        // The largest 1 − wup is 0.444; at κ = 80 the diameter is 0.351: beyond it, not twice beyond.
        var (code, _, error) = CliRunner.Run("embed", "--input", WordNet, "--transform", "one-minus", "--curvature", "80", "--dim", "2", "--output", folder.Output, "--report", folder.Report, "-q");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("simzsl: warning: The largest distance", error, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(folder.Report));
        Assert.Contains("diameter", json.RootElement.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PlotWritesJpegBytesForAJpgName()
    {
        var (folder, _) = Prepare();
        string jpg = Path.Combine(folder.Path, "p.jpg");
        var (code, _, error) = CliRunner.Run("plot", "--coords", Coordinates(folder, "class,x0,x1\na,0.1,0\nb,0,0.2\n"), "--curvature", "-1", "--output", jpg, "-q");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal([0xFF, 0xD8, 0xFF], File.ReadAllBytes(jpg)[..3]);
    }

    [Fact]
    public void OutputThroughASymbolicLinkReplacesTheTargetAndKeepsTheLink()
    {
        var (folder, _) = Prepare();
        string target = folder.Write("target.csv", "old\n"), link = Path.Combine(folder.Path, "link.csv");
        File.CreateSymbolicLink(link, "target.csv");
        var (code, _, error) = CliRunner.Run("embed", "--input", WordNet, "--curvature", "-1", "--dim", "2", "--output", link, "-q");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal("target.csv", new FileInfo(link).LinkTarget);
        Assert.StartsWith("class,x0,x1", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task OutputToAFifoFeedsItsReaderAndLeavesTheFifo()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (folder, _) = Prepare();
        string fifo = Path.Combine(folder.Path, "fifo.csv");
        MakeFifo(fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var (code, _, error) = CliRunner.Run("embed", "--input", WordNet, "--curvature", "-1", "--dim", "2", "--output", fifo, "-q");
        Assert.True(code == ExitCodes.Success, error);
        string received = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("class,x0,x1", received, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(fifo).Length);   // still a FIFO: a replaced one would be a file of coordinates
    }

    private static unsafe void MakeFifo(string path)
    {
        fixed (byte* name = Encoding.UTF8.GetBytes(path + "\0"))
        {
            Assert.Equal(0, Tmds.Linux.LibC.mkfifo(name, 0x1B6));
        }
    }

    [Fact]
    public void DeviceOutputIsNeverReplaced()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        CliRunner.Run("embed", "--input", WordNet, "--curvature", "-1", "--dim", "2", "--output", "/dev/full", "-q");
        using var device = File.OpenRead("/dev/full");
        Assert.Equal(0, device.ReadByte());   // a character device of zeros, not a file of coordinates
    }

    [Fact]
    public void StaleTemporaryFilesOfAKilledRunAreRemovedByTheNextRun()
    {
        var (folder, _) = Prepare();
        string stale = folder.Write($".out.csv.{int.MaxValue - 1}.{Guid.NewGuid():N}.tmp", "half");
        string other = folder.Write($".other.csv.{int.MaxValue - 1}.{Guid.NewGuid():N}.tmp", "not ours");
        var (code, _, error) = CliRunner.Run("embed", "--input", WordNet, "--curvature", "-1", "--dim", "2", "--output", folder.Output, "-q");
        Assert.True(code == ExitCodes.Success, error);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(other));
    }

    private static (Folder Folder, Dictionary<string, string> Before) Prepare()
    {
        var folder = new Folder(CliRunner.TempFolder());
        folder.Write("out.csv", OldOutput);
        folder.Write("r.json", OldReport);
        return (folder, Snapshot(folder.Path));
    }

    // Every file under the folder with a hash of its bytes.
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Where(File.Exists)
            .ToDictionary(p => Path.GetRelativePath(folder, p), p => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p))));

    [GeneratedRegex(@"`(\d+)`\s+([^·`]+)")]
    private static partial Regex ExitCodeLine();
}
