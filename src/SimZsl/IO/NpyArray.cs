namespace SimZsl.IO;

/// <summary>An array read from a <c>.npy</c> file: its shape and its values as doubles in C (row-major) order.</summary>
public sealed class NpyArray
{
    private readonly double[] _values;

    internal NpyArray(int[] shape, double[] values, string dtype)
    {
        Shape = shape;
        _values = values;
        DType = dtype;
    }

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
    public RowMatrix ToMatrix() => Shape.Length switch
    {
        1 => RowMatrix.Wrap(Shape[0], 1, ToDoubles()),
        2 => RowMatrix.Wrap(Shape[0], Shape[1], ToDoubles()),
        _ => throw new SimZslException($"A {Shape.Length}-d array cannot be used as a matrix; expected 1-d or 2-d."),
    };
}
