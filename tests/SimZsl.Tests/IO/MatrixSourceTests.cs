using SimZsl.IO;

namespace SimZsl.Tests.IO;

/// <summary><c>file.mat:variable</c> sources as the CLI's <c>embed --input</c> takes them.</summary>
public class MatrixSourceTests
{
    [Theory]
    [InlineData("att_splits.mat:att", "att_splits.mat", "att")]
    [InlineData(@"C:\data\att_splits.MAT:original_att", @"C:\data\att_splits.MAT", "original_att")]
    [InlineData("x.mat", "x.mat", null)]
    [InlineData("dir.mat/a:b.npy", "dir.mat/a:b.npy", null)]
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
}
