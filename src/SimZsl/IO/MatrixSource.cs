using System.Globalization;

namespace SimZsl.IO;

/// <summary>A matrix of class rows named on a command line: <c>file.mat:variable</c> (a MAT v5 variable, e.g.
/// xlsa17's <c>att_splits.mat:att</c>) or <c>file.npy</c>. For a <c>.mat</c> file the class names come from its
/// <c>allclasses_names</c> when that has one name per class; otherwise classes are named by their row index
/// ("0", "1", …), as for <c>.npy</c>.</summary>
/// <param name="ClassNames">One name per row of <paramref name="Matrix"/>.</param>
/// <param name="Matrix">One row per class.</param>
/// <param name="Path">The file read.</param>
/// <param name="Variable">The MAT variable read, or null for <c>.npy</c>.</param>
internal sealed record MatrixSource(IReadOnlyList<string> ClassNames, RowMatrix Matrix, string Path, string? Variable)
{
    /// <summary>The variable holding class names in the xlsa17 files.</summary>
    public const string ClassNamesVariable = "allclasses_names";

    /// <summary>Reads the matrix a source names. With <paramref name="columnsAreClasses"/> the stored matrix is
    /// transposed first, so that each stored column becomes a class row (xlsa17 stores <c>att</c> as attributes ×
    /// classes). A <c>.mat</c> source without a variable is accepted when the file has exactly one numeric matrix.</summary>
    /// <exception cref="ArgumentException">The source is not of a supported kind.</exception>
    /// <exception cref="DataFormatException">The file, the variable or the names are not usable; the message says why.</exception>
    public static MatrixSource Load(string source, bool columnsAreClasses = false)
    {
        var (path, variable) = Parse(source);
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            var npy = NpyFile.Read(path).ToMatrixInPlace();
            var matrix = columnsAreClasses ? npy.Transpose() : npy;
            RequireValues(matrix, path, "the array");
            return new MatrixSource(IndexNames(matrix.Rows), matrix, path, null);
        }

        var mat = MatFile.Read(path);
        variable ??= SingleMatrix(mat);
        var array = mat.GetNumeric(variable);
        var classRows = columnsAreClasses ? array.ToTransposedRowMatrix() : array.ToRowMatrix();
        RequireValues(classRows, path, $"variable '{variable}'");
        return new MatrixSource(Names(mat, array, classRows, columnsAreClasses), classRows, path, variable);
    }

    /// <summary>Splits <c>path:variable</c>; the variable is null when there is none. Only a colon after a
    /// <c>.mat</c> extension separates a variable, so that Windows drive letters (<c>C:\…</c>) stay in the path.</summary>
    public static (string Path, string? Variable) Parse(string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        int mat = source.LastIndexOf(".mat:", StringComparison.OrdinalIgnoreCase);
        if (mat >= 0)
        {
            string variable = source[(mat + 5)..];
            if (variable.Length == 0)
            {
                throw new ArgumentException($"'{source}' names no variable after the colon; write file.mat:variable (e.g. att_splits.mat:att).", nameof(source));
            }

            return (source[..(mat + 4)], variable);
        }

        if (source.EndsWith(".mat", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            return (source, null);
        }

        int npy = source.LastIndexOf(".npy:", StringComparison.OrdinalIgnoreCase);
        if (npy >= 0)
        {
            throw new ArgumentException($"'{source}': a .npy file holds one array; drop ':{source[(npy + 5)..]}'.", nameof(source));
        }

        throw new ArgumentException($"'{source}' is neither file.mat:variable nor file.npy.", nameof(source));
    }

    private static string SingleMatrix(MatFile mat)
    {
        var candidates = mat.Arrays.Where(a => a is MatNumericArray { IsComplex: false, Dimensions.Count: 2 } && a.Dimensions.All(d => d > 1)).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0].Name;
        }

        throw new DataFormatException(mat.Source, $"name the variable to read as {mat.Source}:variable; the file holds {string.Join(", ", mat.Arrays.Select(a => a.Describe()))}.", offset: 0);
    }

    private static IReadOnlyList<string> Names(MatFile mat, MatArray array, RowMatrix classRows, bool columnsAreClasses)
    {
        if (!mat.TryGet(ClassNamesVariable, out var namesArray))
        {
            return IndexNames(classRows.Rows);
        }

        var names = mat.GetStrings(ClassNamesVariable);
        if (names.Count == classRows.Rows)
        {
            return names;
        }

        if (names.Count == classRows.Columns)
        {
            string fix = columnsAreClasses ? "drop --columns-are-classes" : "add --columns-are-classes (xlsa17 stores att as attributes × classes)";
            throw new DataFormatException(mat.Source, $"{array.Describe()} read as {classRows.Rows} class rows, but {ClassNamesVariable} names {names.Count} classes, which is its column count: {fix}.", offset: namesArray.Offset);
        }

        return IndexNames(classRows.Rows);
    }

    // An empty array may still announce a huge dimension, e.g. shape (2147483647, 0): refuse it before naming its
    // rows, not by running out of memory on two billion names.
    private static void RequireValues(RowMatrix matrix, string path, string what)
    {
        if (matrix.Rows == 0 || matrix.Columns == 0)
        {
            throw new DataFormatException(path, $"{what} is {matrix.Rows} × {matrix.Columns} and holds no values; a class matrix needs at least one class row and one column.");
        }
    }

    private static string[] IndexNames(int count) =>
        Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

}
