using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Cli.Inputs;

/// <summary>What an <c>--input</c> file holds.</summary>
public enum InputKind
{
    /// <summary>A square class-by-class similarity matrix.</summary>
    Similarity,

    /// <summary>A square class-by-class distance matrix.</summary>
    Distance,

    /// <summary>One vector per class (attributes, word vectors), turned into cosine similarity.</summary>
    Vectors,
}

/// <summary>Loads the <c>--input</c> of <c>simzsl embed</c>: CSV with class names, <c>.npy</c> (classes named by row
/// index), or a variable of a MATLAB file given as <c>file.mat:variable</c>.</summary>
public static class ClassMatrixInput
{
    /// <summary>Reads the input and returns its distance matrix (similarities go through <paramref name="transform"/>).</summary>
    public static DistanceMatrix LoadDistances(string input, InputKind kind, SimilarityTransform? transform, bool columnsAreClasses)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        if (kind == InputKind.Distance)
        {
            if (transform is { } t && t != SimilarityTransform.None)
            {
                throw new UsageException($"--transform {t.Name()} applies to similarities; an --input-kind distance input is used as it is (leave --transform out).");
            }

            return Split(input) switch
            {
                (var path, null) when IsNpy(path) => DistanceMatrix.FromNpy(path),
                (var path, null) => DistanceMatrix.FromCsv(path),
                var (path, variable) => MatInput.Distances(path, variable!),
            };
        }

        return LoadSimilarities(input, kind, columnsAreClasses).ToDistances(transform ?? SimilarityTransform.Arccos);
    }

    /// <summary>Reads a similarity (or vector) input as a similarity matrix.</summary>
    public static SimilarityMatrix LoadSimilarities(string input, InputKind kind, bool columnsAreClasses)
    {
        var (path, variable) = Split(input);
        if (kind == InputKind.Vectors)
        {
            var (names, vectors) = variable is not null ? MatInput.Vectors(path, variable, columnsAreClasses) : ReadVectors(path, columnsAreClasses);
            return SimilarityMatrix.FromVectors(names, vectors);
        }

        if (variable is not null)
        {
            return MatInput.Similarities(path, variable);
        }

        return IsNpy(path) ? SimilarityMatrix.FromNpy(path) : SimilarityMatrix.FromCsv(path);
    }

    private static (string[] Names, RowMatrix Vectors) ReadVectors(string path, bool columnsAreClasses)
    {
        if (IsNpy(path))
        {
            var m = NpyFile.Read(path).ToMatrix();
            if (columnsAreClasses)
            {
                m = Transpose(m);
            }

            return (Enumerable.Range(0, m.Rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), m);
        }

        var table = CsvMatrixFile.ReadTable(path);
        return columnsAreClasses ? (table.ColumnNames, Transpose(table.Values)) : (table.RowNames, table.Values);
    }

    internal static RowMatrix Transpose(RowMatrix m)
    {
        var t = new double[m.Rows * m.Columns];
        for (int i = 0; i < m.Rows; i++)
        {
            for (int j = 0; j < m.Columns; j++)
            {
                t[(j * m.Rows) + i] = m[i, j];
            }
        }

        return new RowMatrix(m.Columns, m.Rows, t);
    }

    // "file.mat:variable" names a MATLAB variable; anything else is a plain path (a ':' may occur in a Windows path).
    private static (string Path, string? Variable) Split(string input)
    {
        int at = input.LastIndexOf(".mat:", StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            return (input[..(at + 4)], input[(at + 5)..]);
        }

        if (input.EndsWith(".mat", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"'{input}' is a MATLAB file: name the variable as '{input}:variable' (e.g. att_splits.mat:att).");
        }

        return (input, null);
    }

    private static bool IsNpy(string path) => path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase);
}
