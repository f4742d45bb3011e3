using SimZsl.IO;
using SimZsl.Samples.Shared;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.IO;

/// <summary><c>file.mat:variable</c> sources as the CLI's <c>embed --input</c> takes them.</summary>
public class MatrixSourceTests
{
    [Theory]
    [InlineData("att_splits.mat:att", "att_splits.mat", "att")]
    [InlineData(@"C:\data\att_splits.MAT:original_att", @"C:\data\att_splits.MAT", "original_att")]
    [InlineData("x.mat", "x.mat", null)]
    [InlineData("dir.mat/a:b.npy", "dir.mat/a:b.npy", null)]
    [InlineData(".mat:att", ".mat", "att")]   // a separator at the very start still separates
    public void ParsesPathAndVariable(string source, string path, string? variable) =>
        Assert.Equal((path, variable), MatrixSource.Parse(source));

    [Theory]
    [InlineData("x.mat:")]
    [InlineData("x.csv")]
    public void RejectsWhatItCannotRead(string source) =>
        Assert.Throws<ArgumentException>(() => MatrixSource.Parse(source));

    [Fact]
    public void XlsaAttWithColumnsAreClassesGivesNamedClassRows()
    {
        string path = RepositoryPaths.Data("xlsa17", "AWA2", "att_splits.mat");
        var source = MatrixSource.Load(path + ":att", columnsAreClasses: true);
        var mat = MatFile.Read(path);
        Assert.Equal(mat.GetStrings("allclasses_names"), source.ClassNames);
        Assert.Equal((50, 85), (source.Matrix.Rows, source.Matrix.Columns));
        var att = mat.GetMatrix("att");
        Assert.Equal(att[7, 3], source.Matrix[3, 7]);
        Assert.Equal("att", source.Variable);
    }

    [Fact]
    public void ForgettingColumnsAreClassesSaysSo()
    {
        string path = RepositoryPaths.Data("xlsa17", "AWA2", "att_splits.mat");
        var error = Assert.Throws<DataFormatException>(() => MatrixSource.Load(path + ":att"));
        Assert.Contains("--columns-are-classes", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void WithoutNamesClassesAreNumberedAndASingleMatrixNeedsNoVariable()
    {
        var source = MatrixSource.Load(RepositoryPaths.Data("xlsa17", "FLO", "att_splits.mat"), columnsAreClasses: true);
        Assert.Equal("att", source.Variable);   // the only matrix: the *_loc arrays are vectors
        Assert.Equal(102, source.ClassNames.Count);
        Assert.Equal("101", source.ClassNames[^1]);
        var missing = Assert.Throws<DataFormatException>(() => MatrixSource.Load(RepositoryPaths.Data("xlsa17", "FLO", "att_splits.mat") + ":nope"));
        Assert.Contains("att (double 1024×102)", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AmbiguousFileWithoutVariableListsTheCandidates()
    {
        var error = Assert.Throws<DataFormatException>(() => MatrixSource.Load(RepositoryPaths.Data("xlsa17", "CUB", "att_splits.mat")));
        Assert.Contains("original_att", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(2147483647, 0)", "<f8")]
    [InlineData("(0, 5)", "<f2")]
    [InlineData("(0,)", "<i4")]
    public void AnEmptyArrayIsRefusedWhateverItsOtherDimension(string shape, string dtype)
    {
        // Found by the tool fuzz: (2147483647, 0) holds no bytes, passed every size check and then ran out of memory
        // numbering two billion classes.
        string path = Path.Combine(Cli.CliRunner.TempFolder(), "empty.npy");
        File.WriteAllBytes(path, Cli.BadInputCatalogueTests.Npy(1, $"{{'descr': '{dtype}', 'fortran_order': True, 'shape': {shape}, }}", []));
        var error = Assert.Throws<DataFormatException>(() => MatrixSource.Load(path));
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("holds no values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRefusalOfASourceSaysWhatToWriteInstead()
    {
        Assert.Equal("'x.csv' is neither file.mat:variable nor file.npy. (Parameter 'source')", Assert.Throws<ArgumentException>(() => MatrixSource.Parse("x.csv")).Message);
        Assert.StartsWith("'x.mat:' names no variable after the colon; write file.mat:variable (e.g. att_splits.mat:att).", Assert.Throws<ArgumentException>(() => MatrixSource.Parse("x.mat:")).Message, StringComparison.Ordinal);
        Assert.StartsWith("The value cannot be an empty string.", Assert.Throws<ArgumentException>(() => MatrixSource.Parse("")).Message, StringComparison.Ordinal);
        Assert.Equal("'a.npy:att': a .npy file holds one array; drop ':att'. (Parameter 'source')", Assert.Throws<ArgumentException>(() => MatrixSource.Load("a.npy:att")).Message);
        Assert.StartsWith("'.npy:att': a .npy file", Assert.Throws<ArgumentException>(() => MatrixSource.Parse(".npy:att")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANpyArrayIsTransposedWhenItsColumnsAreTheClasses()
    {
        using var scratch = new ScratchFolder("simzsl-source-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "att.npy");
        NpyFile.Write(path, [2, 3], [1, 2, 3, 4, 5, 6]);
        var rows = MatrixSource.Load(path);
        Assert.Equal(["0", "1"], rows.ClassNames);
        Assert.Equal([4.0, 5, 6], rows.Matrix.Row(1).ToArray());
        Assert.Null(rows.Variable);
        var columns = MatrixSource.Load(path, columnsAreClasses: true);
        Assert.Equal(["0", "1", "2"], columns.ClassNames);
        Assert.Equal([3.0, 6], columns.Matrix.Row(2).ToArray());
    }

    [Fact]
    public void EmptyArraysAndMisreadNamesAreRefusedByWhatWasRead()
    {
        using var scratch = new ScratchFolder("simzsl-source-");
        Directory.CreateDirectory(scratch.Path);
        string npy = Path.Combine(scratch.Path, "empty.npy");
        NpyFile.Write(npy, [0, 3], []);
        Assert.Equal($"{npy}: the array is 0 × 3 and holds no values; a class matrix needs at least one class row and one column.",
            Assert.Throws<DataFormatException>(() => MatrixSource.Load(npy)).Message);

        string mat = Path.Combine(scratch.Path, "m.mat");
        new MatFileWriter()
            .AddNumeric("att", [2, 3], [1, 2, 3, 4, 5, 6])
            .AddNumeric("none", [0, 4], [])
            .AddNumeric("other", [2, 2], [1, 0, 0, 1])
            .AddStrings("allclasses_names", ["a", "b", "c"])
            .Save(mat);
        Assert.Equal($"{mat}: variable 'none' is 0 × 4 and holds no values; a class matrix needs at least one class row and one column.",
            Assert.Throws<DataFormatException>(() => MatrixSource.Load(mat + ":none")).Message);
        Assert.Equal($"{mat} at byte offset 0: name the variable to read as {mat}:variable; the file holds att (double 2×3), none (double 0×4), other (double 2×2), allclasses_names (cell 3×1).",
            Assert.Throws<DataFormatException>(() => MatrixSource.Load(mat)).Message);
        Assert.EndsWith("read as 2 class rows, but allclasses_names names 3 classes, which is its column count: add --columns-are-classes (xlsa17 stores att as attributes × classes).",
            Assert.Throws<DataFormatException>(() => MatrixSource.Load(mat + ":att")).Message, StringComparison.Ordinal);
        Assert.Equal(["a", "b", "c"], MatrixSource.Load(mat + ":att", columnsAreClasses: true).ClassNames);

        string wide = Path.Combine(scratch.Path, "wide.mat");
        new MatFileWriter().AddNumeric("att", [3, 2], [1, 2, 3, 4, 5, 6]).AddStrings("allclasses_names", ["a", "b", "c"]).Save(wide);
        Assert.EndsWith("read as 2 class rows, but allclasses_names names 3 classes, which is its column count: drop --columns-are-classes.",
            Assert.Throws<DataFormatException>(() => MatrixSource.Load(wide + ":att", columnsAreClasses: true)).Message, StringComparison.Ordinal);
    }
}
