using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Cli.Inputs;

/// <summary>Matrix inputs that name a MATLAB variable (<c>file.mat:variable</c>) or a <c>.npy</c> file, read through
/// <see cref="MatrixSource"/> (class names from <c>allclasses_names</c> when the file has them).</summary>
internal static class MatInput
{
    public static DistanceMatrix Distances(string source)
    {
        var m = MatrixSource.Load(source);
        var (values, observed) = Square(m);
        return DistanceMatrix.FromFile(m.ClassNames, values, observed, symmetryTolerance: 1e-8, cells: null);
    }

    public static SimilarityMatrix Similarities(string source)
    {
        var m = MatrixSource.Load(source);
        var (values, observed) = Square(m);
        return SimilarityMatrix.FromFile(m.ClassNames, values, observed, symmetryTolerance: 1e-8, cells: null);
    }

    public static (IReadOnlyList<string> Names, RowMatrix Vectors) Vectors(string source, bool columnsAreClasses)
    {
        var m = MatrixSource.Load(source, columnsAreClasses);
        return (m.ClassNames, m.Matrix);
    }

    // A NaN cell of a stored matrix marks a missing entry (ClassMatrixFile.ObservedWhereNotNaN).
    private static (double[] Values, bool[]? Observed) Square(MatrixSource m)
    {
        if (m.Matrix.Rows != m.Matrix.Columns)
        {
            throw new DataFormatException(m.Path, $"{m.Variable ?? "the array"} is {m.Matrix.Rows} × {m.Matrix.Columns}; a class matrix must be square (for one vector per class use --input-kind vectors).");
        }

        // The source's array is taken over, not copied: the source is dropped after this (a 5000-class matrix is 200 MB).
        var values = m.Matrix.Data;
        return (values, ClassMatrixFile.ObservedWhereNotNaN(values));
    }
}
