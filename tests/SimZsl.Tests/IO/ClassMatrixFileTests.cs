using SimZsl.IO;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.IO;

/// <summary>Square <c>.npy</c> class matrices (NaN as a missing entry, classes named by index) and the file's name
/// in front of every matrix error that does not yet name it.</summary>
public sealed class ClassMatrixFileTests : IDisposable
{
    private readonly ScratchFolder _scratch = new("simzsl-classmatrix-");

    public ClassMatrixFileTests() => Directory.CreateDirectory(_scratch.Path);

    public void Dispose() => _scratch.Dispose();

    private string Npy(int[] shape, double[] values)
    {
        string path = Path.Combine(_scratch.Path, $"m{Guid.NewGuid():N}.npy");
        NpyFile.Write(path, shape, values);
        return path;
    }

    [Theory]
    [InlineData(new[] { 2, 3 }, "(2, 3)")]
    [InlineData(new[] { 4 }, "(4)")]
    [InlineData(new[] { 1, 2, 2 }, "(1, 2, 2)")]
    public void ANpyMatrixMustBeSquare(int[] shape, string written)
    {
        string path = Npy(shape, new double[shape.Aggregate(1, (a, b) => a * b)]);
        Assert.Equal($"{path}: expected a square 2-d array, found shape {written}.", Assert.Throws<DataFormatException>(() => ClassMatrixFile.ReadDistanceNpy(path)).Message);
    }

    [Fact]
    public void NaNMarksAMissingPairAndAMatrixWithoutNaNIsComplete()
    {
        var missing = ClassMatrixFile.ReadSimilarityNpy(Npy([3, 3], [1, double.NaN, 0.5, double.NaN, 1, 0.25, 0.5, 0.25, 1]));
        Assert.Equal(["0", "1", "2"], missing.ClassNames);
        Assert.Equal(1, missing.MissingPairCount);
        Assert.False(missing.IsObserved(0, 1));
        Assert.True(missing.IsObserved(1, 2));
        Assert.Equal(0.25, missing[1, 2]);

        var complete = ClassMatrixFile.ReadDistanceNpy(Npy([2, 2], [0, 3, 3, 0]));
        Assert.True(complete.IsComplete);
        Assert.Equal(3.0, complete[0, 1]);
    }

    [Fact]
    public void AMatrixErrorNamesTheFileOnce()
    {
        string npy = Npy([2, 2], [0, 1, 2, 0]);
        var fromNpy = Assert.Throws<InvalidMatrixException>(() => ClassMatrixFile.ReadDistanceNpy(npy));
        Assert.StartsWith($"{npy}: ", fromNpy.Message, StringComparison.Ordinal);
        Assert.NotNull(fromNpy.Row);
        Assert.NotNull(fromNpy.Column);

        // An error of the matrix as a whole (no row or column) keeps the original as its cause.
        string empty = Npy([0, 0], []);
        var whole = Assert.Throws<InvalidMatrixException>(() => ClassMatrixFile.ReadDistanceNpy(empty));
        Assert.Equal($"{empty}: The distance matrix is empty: it needs at least one class.", whole.Message);
        Assert.IsType<InvalidMatrixException>(whole.InnerException);
        Assert.Null(whole.Row);

        // A CSV's errors already name the file, at each cell's line: no name in front as well.
        string csv = Path.Combine(_scratch.Path, "m.csv");
        File.WriteAllText(csv, "class,a,b\na,0,1\nb,2,0\n");
        var fromCsv = Assert.Throws<InvalidMatrixException>(() => ClassMatrixFile.ReadDistanceCsv(csv));
        Assert.StartsWith("The distance matrix is not symmetric: ", fromCsv.Message, StringComparison.Ordinal);
        Assert.Contains($"1 at line 2, column 3 of {csv} versus 2 at line 3, column 2 of {csv} ", fromCsv.Message, StringComparison.Ordinal);
    }
}
