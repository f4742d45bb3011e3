namespace SimZsl.IO;

/// <summary>An array read from a <c>.npy</c> file: its shape and its values as doubles in C (row-major) order.</summary>
public sealed class NpyArray
{
    private readonly double[] _values;

    internal NpyArray(int[] shape, double[] values, string dtype, string source)
    {
        Shape = shape;
        _values = values;
        DType = dtype;
        Source = source;
    }

    /// <summary>The file (or stream name) the array was read from, for error messages.</summary>
    public string Source { get; }

    /// <summary>The dimensions, outermost first.</summary>
    public IReadOnlyList<int> ShapeList => Shape;

    /// <summary>The numpy dtype string of the file, e.g. <c>&lt;f4</c>.</summary>
    public string DType { get; }

    internal int[] Shape { get; }

    /// <summary>The values in row-major order, widened to double.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>A copy of the values.</summary>
    public double[] ToDoubles() => (double[])_values.Clone();

    /// <summary>The array as a matrix; a 1-d array becomes one column.</summary>
    /// <exception cref="DataFormatException">The array has another number of dimensions; the message names the file.</exception>
    public RowMatrix ToMatrix() => AsMatrix(ToDoubles());

    /// <summary>The array as a matrix over its own values, for a reader that drops the array at once: a 200 MB matrix is
    /// not copied again.</summary>
    internal RowMatrix ToMatrixInPlace() => AsMatrix(_values);

    private RowMatrix AsMatrix(double[] values) => Shape.Length switch
    {
        1 => RowMatrix.Wrap(Shape[0], 1, values),
        2 => RowMatrix.Wrap(Shape[0], Shape[1], values),
        _ => throw new DataFormatException(Source, $"the array is {Shape.Length}-d (shape ({string.Join(", ", Shape)})); a matrix must be 1-d or 2-d. Reshape it in NumPy, e.g. x.reshape(len(x), -1), and save it again."),
    };
}
