using System.Globalization;
using System.Text.Json;
using SimZsl.IO;

namespace SimZsl.Tests.IO;

/// <summary>The shipped xlsa17 files, read by <see cref="MatFile"/>, against SciPy's reading of the same files
/// (data/mat/xlsa17_reference.json, written by data/mat/make_fixtures.py) and against the upstream attribute tables.</summary>
public class MatFileRealDataTests
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, JsonElement>>> Reference = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, JsonElement>>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "mat", "xlsa17_reference.json")))!);

    public static TheoryData<string> Files() => new(FileList());

    [Fact]
    public void EveryShippedFileHasAReference() =>
        Assert.Equal(Reference.Value.Keys.Order(StringComparer.Ordinal), FileList());

    private static string[] FileList() =>
        Directory.GetFiles(RepositoryPaths.Data("xlsa17"), "*.mat", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Data("xlsa17"), path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryVariableMatchesScipy(string file)
    {
        var mat = MatFile.Read(RepositoryPaths.Data("xlsa17", file));
        var expected = Reference.Value[file];
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), mat.Variables.Order(StringComparer.Ordinal));
        foreach (var (name, reference) in expected)
        {
            var array = mat.Get(name);
            int[] shape = reference.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(shape, array.Dimensions);
            if (reference.TryGetProperty("strings", out var strings))
            {
                Assert.Equal(strings.EnumerateArray().Select(e => e.GetString()!), mat.GetStrings(name));
                continue;
            }

            var numeric = Assert.IsType<MatNumericArray>(array);
            // MATLAB saved every numeric variable as class double, storing the *_loc arrays and the binary att compactly
            // as miUINT16 / miUINT8, which SciPy reports as their dtype; SciPy-written files (sent_splits) keep the dtype
            // as the class.
            string dtype = reference.GetProperty("dtype").GetString()!;
            bool scipyWritten = mat.HeaderText.Contains("Platform: posix", StringComparison.Ordinal);
            Assert.Equal(scipyWritten ? dtype : "double", numeric.Class == MatClass.Double && scipyWritten ? "float64" : numeric.Class.ToString().ToLowerInvariant());
            Assert.Equal(reference.GetProperty("first").GetDouble(), numeric.Real[0]);
            Assert.Equal(reference.GetProperty("last").GetDouble(), numeric.Real[^1]);
            double sum = 0;
            foreach (double v in numeric.Real)
            {
                sum += v;
            }

            double expectedSum = reference.GetProperty("sum").GetDouble();
            Assert.True(Math.Abs(sum - expectedSum) <= 1e-12 * Math.Max(1, Math.Abs(expectedSum)), $"{file}:{name} sum {sum} vs {expectedSum}");
        }
    }

    [Theory]
    [InlineData("AWA1/att_splits.mat")]
    [InlineData("AWA2/att_splits.mat")]
    [InlineData("SUN/att_splits.mat")]
    [InlineData("CUB/att_splits.mat")]
    [InlineData("APY/att_splits.mat")]
    [InlineData("APY/att_splits_cetinsamet.mat")]
    public void AttIsTheColumnNormalisedOriginalAtt(string file)
    {
        // att = original_att with each class column scaled to unit L2 norm (the files without original_att, FLO and
        // CUB/sent_splits (sentence embeddings) and AWA2/binaryAtt (0/1 attributes), have nothing to compare).
        var mat = MatFile.Read(RepositoryPaths.Data("xlsa17", file));
        var att = mat.GetMatrix("att");
        var normalised = NormaliseColumns(mat.GetMatrix("original_att"));
        Assert.Equal(att.Rows, normalised.GetLength(0));
        Assert.Equal(att.Columns, normalised.GetLength(1));
        Assert.True(MaxDifference(att, normalised) <= 1e-15, $"max |att - normalised| = {MaxDifference(att, normalised)}");
        Assert.True(MaxDifference(att, NormaliseColumns(Scaled(mat.GetMatrix("original_att"), 1.001))) <= 1e-15);   // scale-free
    }

    [Fact]
    public void CubAttributesEqualTheContinuousClassAttributesMatchedByName()
    {
        var mat = MatFile.Read(RepositoryPaths.Data("xlsa17", "CUB", "att_splits.mat"));
        var names = mat.GetStrings("allclasses_names");
        var continuous = ReadContinuousAttributes();   // class name → 312 values in [0, 100]
        Assert.Equal(200, names.Count);
        Assert.Equal("002.Laysan_Albatross", names[0]);   // the xlsa17 order is not classes.txt's order
        var original = mat.GetMatrix("original_att");   // 312 attributes × 200 classes
        var att = mat.GetMatrix("att");
        var byName = new double[312, 200];
        for (int c = 0; c < names.Count; c++)
        {
            double[] row = continuous[names[c]];
            for (int a = 0; a < 312; a++)
            {
                byName[a, c] = row[a];
            }
        }

        // original_att is the continuous table itself (same doubles, bit for bit); att its column-normalised form.
        Assert.Equal(0, MaxDifference(original, byName));
        Assert.True(MaxDifference(att, NormaliseColumns(original)) <= 1e-15);
        Assert.True(MaxDifference(att, NormaliseColumns(RowMatrix.FromArray(byName))) <= 1e-15);
        // Matching by position instead of by name would be wrong: the first xlsa17 class is classes.txt's second.
        var byPosition = new double[312, 200];
        var inFileOrder = continuous.Values.ToArray();
        for (int c = 0; c < 200; c++)
        {
            for (int a = 0; a < 312; a++)
            {
                byPosition[a, c] = inFileOrder[c][a];
            }
        }

        Assert.True(MaxDifference(original, byPosition) > 10);
    }

    [Fact]
    public void Awa2BinaryAttIsThePredicateMatrixTransposed()
    {
        var att = MatFile.Read(RepositoryPaths.Data("xlsa17", "AWA2", "binaryAtt_splits.mat")).GetNumeric("att");
        Assert.Equal(MatClass.Double, att.Class);   // stored as miUINT8, read as MATLAB sees it: double
        var matrix = att.ToRowMatrix();   // 85 predicates × 50 classes
        var lines = File.ReadAllLines(RepositoryPaths.Data("AWA2", "predicate-matrix-binary.txt"));
        Assert.Equal(50, lines.Length);
        for (int c = 0; c < 50; c++)
        {
            var values = lines[c].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(values, Enumerable.Range(0, 85).Select(a => matrix[a, c]));
        }
    }

    private static Dictionary<string, double[]> ReadContinuousAttributes()
    {
        var classes = File.ReadAllLines(RepositoryPaths.Data("CUB", "classes.txt")).Select(l => l.Split(' ')[1]).ToArray();
        var rows = File.ReadAllLines(RepositoryPaths.Data("CUB", "attributes", "class_attribute_labels_continuous.txt"));
        Assert.Equal(classes.Length, rows.Length);
        return classes.Select((name, i) => (name, values: rows[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()))
            .ToDictionary(x => x.name, x => x.values, StringComparer.Ordinal);
    }

    internal static double[,] NormaliseColumns(RowMatrix m)
    {
        var result = new double[m.Rows, m.Columns];
        for (int j = 0; j < m.Columns; j++)
        {
            double norm = Math.Sqrt(Enumerable.Range(0, m.Rows).Sum(i => m[i, j] * m[i, j]));
            for (int i = 0; i < m.Rows; i++)
            {
                result[i, j] = m[i, j] / norm;
            }
        }

        return result;
    }

    private static RowMatrix Scaled(RowMatrix m, double factor) =>
        new(m.Rows, m.Columns, m.AsSpan().ToArray().Select(v => v * factor).ToArray());

    private static double MaxDifference(RowMatrix a, double[,] b)
    {
        double max = 0;
        for (int i = 0; i < a.Rows; i++)
        {
            for (int j = 0; j < a.Columns; j++)
            {
                max = Math.Max(max, Math.Abs(a[i, j] - b[i, j]));
            }
        }

        return max;
    }
}
