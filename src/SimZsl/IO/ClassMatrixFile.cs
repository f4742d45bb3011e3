using System.Globalization;
using SimZsl.Similarity;

namespace SimZsl.IO;

/// <summary>Class matrices as files: a CSV with a header row of class names and the class name in the first column
/// (an empty cell or <c>NaN</c> is a missing entry; rows may come in any order), or a square <c>.npy</c> array whose
/// classes are named by their row index ("0", "1", …) and whose NaN entries are missing. The matrix types know
/// nothing of files; reading and writing them lives here.</summary>
public static class ClassMatrixFile
{
    /// <summary>Reads a similarity CSV. Errors about an entry name its line and column in the file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="symmetryTolerance">Largest accepted |S_ij − S_ji| relative to max(1, |S_ij|).</param>
    public static SimilarityMatrix ReadSimilarityCsv(string path, double symmetryTolerance = 1e-8)
    {
        var table = CsvMatrixFile.ReadSquare(path);
        return WithFileContext(path, () => SimilarityMatrix.FromFile(table.Names, table.Values, table.Observed, symmetryTolerance, new CellLocations(path, table.Lines)));
    }

    /// <summary>Reads a distance CSV (the layout of <see cref="ReadSimilarityCsv"/>).</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="symmetryTolerance">Largest accepted |D_ij − D_ji| relative to max(1, |D_ij|).</param>
    public static DistanceMatrix ReadDistanceCsv(string path, double symmetryTolerance = 1e-8)
    {
        var table = CsvMatrixFile.ReadSquare(path);
        return WithFileContext(path, () => DistanceMatrix.FromFile(table.Names, table.Values, table.Observed, symmetryTolerance, new CellLocations(path, table.Lines)));
    }

    /// <summary>Reads a square <c>.npy</c> similarity array.</summary>
    /// <param name="path">The <c>.npy</c> file.</param>
    /// <param name="symmetryTolerance">Largest accepted |S_ij − S_ji| relative to max(1, |S_ij|).</param>
    public static SimilarityMatrix ReadSimilarityNpy(string path, double symmetryTolerance = 1e-8)
    {
        var (names, values, observed) = SquareFromNpy(path);
        return WithFileContext(path, () => SimilarityMatrix.FromFile(names, values, observed, symmetryTolerance, cells: null));
    }

    /// <summary>Reads a square <c>.npy</c> distance array.</summary>
    /// <param name="path">The <c>.npy</c> file.</param>
    /// <param name="symmetryTolerance">Largest accepted |D_ij − D_ji| relative to max(1, |D_ij|).</param>
    public static DistanceMatrix ReadDistanceNpy(string path, double symmetryTolerance = 1e-8)
    {
        var (names, values, observed) = SquareFromNpy(path);
        return WithFileContext(path, () => DistanceMatrix.FromFile(names, values, observed, symmetryTolerance, cells: null));
    }

    /// <summary>Writes a class matrix as CSV (header of names, the name in the first column, an empty cell when
    /// missing), atomically.</summary>
    public static void WriteCsv(string path, ClassMatrix matrix) => CsvMatrixFile.WriteSquare(path, matrix);

    /// <summary>Writes a class matrix as CSV to a stream (as <see cref="WriteCsv(string, ClassMatrix)"/>), e.g. one
    /// file of an <see cref="AtomicFileSet"/>.</summary>
    public static void WriteCsv(Stream stream, ClassMatrix matrix) => CsvMatrixFile.WriteSquare(stream, matrix);

    private static (string[] Names, double[] Values, bool[]? Observed) SquareFromNpy(string path)
    {
        var array = NpyFile.Read(path);
        if (array.Shape.Length != 2 || array.Shape[0] != array.Shape[1])
        {
            throw new DataFormatException(path, $"expected a square 2-d array, found shape ({string.Join(", ", array.Shape)}).");
        }

        int n = array.Shape[0];
        var values = array.ToMatrixInPlace().Data;   // the array is dropped here: its values are not copied again
        var names = Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return (names, values, ObservedWhereNotNaN(values));
    }

    /// <summary>The mask of a stored square matrix, where a NaN cell marks a missing entry; null when none is missing.
    /// The scan is a plain loop (<c>Array.Exists</c>, a delegate call per entry, took 0.5 s for a complete 5000-class
    /// matrix); only a matrix with a missing entry pays for building the mask.</summary>
    internal static bool[]? ObservedWhereNotNaN(double[] values)
    {
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                return Array.ConvertAll(values, x => !double.IsNaN(x));
            }
        }

        return null;
    }

    // A matrix error that does not name the file yet gets the file's name in front, so that the message says where.
    private static T WithFileContext<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (InvalidMatrixException e) when (!e.Message.Contains(path, StringComparison.Ordinal))
        {
            throw e.Row is { } row && e.Column is { } column
                ? new InvalidMatrixException($"{path}: {e.Message}", row, column)
                : new InvalidMatrixException($"{path}: {e.Message}", e);
        }
    }
}
