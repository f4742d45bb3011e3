namespace SimZsl.IO;

/// <summary>A numeric or logical array of any class (double, single, int8 … uint64, logical), its values
/// converted to double and kept in MATLAB's column-major order. Integers beyond 2^53 are rounded.</summary>
public sealed class MatNumericArray : MatArray
{
    private readonly double[] _real;
    private readonly double[]? _imaginary;

    internal MatNumericArray(MatArrayInfo info, double[] real, double[]? imaginary, bool isLogical)
        : base(info)
    {
        _real = real;
        _imaginary = imaginary;
        IsLogical = isLogical;
    }

    /// <summary>True for a MATLAB <c>logical</c> array (values 0 and 1).</summary>
    public bool IsLogical { get; }

    /// <summary>True when the array has an imaginary part.</summary>
    public bool IsComplex => _imaginary is not null;

    /// <summary>The real part, column-major (element (i, j) of an m × n matrix is at i + m·j).</summary>
    public ReadOnlySpan<double> Real => _real;

    /// <summary>The imaginary part, column-major; empty for a real array.</summary>
    public ReadOnlySpan<double> Imaginary => _imaginary;

    /// <summary>The m × n matrix as a row-major <see cref="RowMatrix"/> of the same shape (a copy, reordered).
    /// Throws <see cref="DataFormatException"/> for a complex array or one with more than two dimensions.</summary>
    public RowMatrix ToRowMatrix()
    {
        var (rows, columns) = MatrixShape();
        var data = new double[_real.Length];
        Transpose(_real, data, rows, columns);
        return RowMatrix.Wrap(rows, columns, data);
    }

    /// <summary>The transposed n × m matrix, one row per MATLAB column: what a feature matrix stored as
    /// features × instances (xlsa17 <c>res101.mat</c>) or attributes × classes (<c>att</c>) needs. No copy is made:
    /// MATLAB's column-major order is the transpose's row-major order.</summary>
    public RowMatrix ToTransposedRowMatrix()
    {
        var (rows, columns) = MatrixShape();
        return RowMatrix.Wrap(columns, rows, _real);
    }

    /// <summary>The values as integers (column-major), for index and label arrays; throws when a value is not
    /// a whole number in the range of <see cref="int"/>.</summary>
    public int[] ToInt32Array()
    {
        RequireReal();
        var result = new int[_real.Length];
        for (int k = 0; k < _real.Length; k++)
        {
            double v = _real[k];
            if (v != Math.Floor(v) || v < int.MinValue || v > int.MaxValue)
            {
                throw Error($"element {k + 1} is {v}, not a whole number; an index or label array was expected.");
            }

            result[k] = (int)v;
        }

        return result;
    }

    /// <inheritdoc />
    private protected override string ClassLabel =>
        IsLogical ? "logical" : (IsComplex ? "complex " : string.Empty) + base.ClassLabel;

    private (int Rows, int Columns) MatrixShape()
    {
        RequireReal();
        if (Dimensions.Count != 2)
        {
            throw Error($"has {Dimensions.Count} dimensions; a matrix needs 2. Reshape it in MATLAB (reshape(x, m, [])) before saving.");
        }

        return (Dimensions[0], Dimensions[1]);
    }

    private void RequireReal()
    {
        if (IsComplex)
        {
            throw Error("is complex; only real matrices are read as matrices. Save real(x) (or use Real and Imaginary).");
        }
    }

    // Cache-blocked transpose: column-major (rows × columns) to row-major.
    private static void Transpose(double[] source, double[] target, int rows, int columns)
    {
        const int Block = 64;
        for (int j0 = 0; j0 < columns; j0 += Block)
        {
            int j1 = Math.Min(j0 + Block, columns);
            for (int i0 = 0; i0 < rows; i0 += Block)
            {
                int i1 = Math.Min(i0 + Block, rows);
                for (int j = j0; j < j1; j++)
                {
                    for (int i = i0; i < i1; i++)
                    {
                        target[((long)i * columns) + j] = source[i + ((long)rows * j)];
                    }
                }
            }
        }
    }
}
