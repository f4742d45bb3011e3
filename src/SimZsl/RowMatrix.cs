namespace SimZsl;

/// <summary>A dense matrix of doubles stored row by row: coordinates (one row per class), feature tables
/// (one row per instance). Read-only to its users; the library fills it once and hands it out.</summary>
public sealed class RowMatrix
{
    private readonly double[] _data;

    /// <summary>Copies <paramref name="data"/> (row-major, <paramref name="rows"/> × <paramref name="columns"/>).</summary>
    public RowMatrix(int rows, int columns, ReadOnlySpan<double> data)
        : this(rows, columns, data.ToArray(), validate: true)
    {
    }

    private RowMatrix(int rows, int columns, double[] data, bool validate)
    {
        if (validate)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rows);
            ArgumentOutOfRangeException.ThrowIfNegative(columns);
            if ((long)rows * columns != data.Length)
            {
                throw new ArgumentException($"A {rows} × {columns} matrix needs {(long)rows * columns} values, got {data.Length}.", nameof(data));
            }
        }

        Rows = rows;
        Columns = columns;
        _data = data;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>The entry at (row, column).</summary>
    public double this[int row, int column] => _data[(row * Columns) + column];

    /// <summary>One row as a span.</summary>
    public ReadOnlySpan<double> Row(int row) => _data.AsSpan(row * Columns, Columns);

    /// <summary>All entries, row-major.</summary>
    public ReadOnlySpan<double> AsSpan() => _data;

    /// <summary>Builds a matrix from jagged rows, which must all have the same length.</summary>
    public static RowMatrix FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int columns = rows.Count == 0 ? 0 : rows[0].Length;
        var data = new double[rows.Count * columns];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values; row 0 has {columns}.", nameof(rows));
            }

            rows[i].CopyTo(data, i * columns);
        }

        return new RowMatrix(rows.Count, columns, data, validate: false);
    }

    /// <summary>Builds a matrix from a rectangular array.</summary>
    public static RowMatrix FromArray(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var data = new double[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                data[(i * columns) + j] = values[i, j];
            }
        }

        return new RowMatrix(rows, columns, data, validate: false);
    }

    /// <summary>A copy as a rectangular array.</summary>
    public double[,] ToArray()
    {
        var result = new double[Rows, Columns];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                result[i, j] = _data[(i * Columns) + j];
            }
        }

        return result;
    }

    /// <summary>The transpose (columns become rows), as a new matrix.</summary>
    public RowMatrix Transpose()
    {
        var t = new double[_data.Length];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                t[(j * Rows) + i] = _data[(i * Columns) + j];
            }
        }

        return new RowMatrix(Columns, Rows, t, validate: false);
    }

    /// <summary>A copy of one row.</summary>
    public double[] RowArray(int row) => Row(row).ToArray();

    /// <summary>Wraps an array the caller gives up (no copy): for the library's own results.</summary>
    internal static RowMatrix Wrap(int rows, int columns, double[] data) => new(rows, columns, data, validate: true);

    /// <summary>The backing array, for the library's kernels only.</summary>
    internal double[] Data => _data;
}
