using System.Globalization;

namespace SimZsl.IO;

/// <summary>One array read from a MAT v5 file: a variable, or an element of a cell or struct array. The concrete
/// type says what it holds: <see cref="MatNumericArray"/>, <see cref="MatCharArray"/>, <see cref="MatCellArray"/>,
/// <see cref="MatStructArray"/>, or <see cref="MatUnsupportedArray"/> for classes this reader does not decode.</summary>
public abstract class MatArray
{
    private readonly int[] _dimensions;

    private protected MatArray(MatArrayInfo info)
    {
        Name = info.Name;
        Class = info.Class;
        _dimensions = info.Dimensions;
        Source = info.Source;
        Offset = info.Offset;
        ElementCount = info.Dimensions.Aggregate(1L, (a, b) => a * b);
    }

    /// <summary>The variable name; for an array inside a cell or struct, a MATLAB-style path such as
    /// <c>allclasses_names{3}</c> or <c>s(1).field</c>.</summary>
    public string Name { get; }

    /// <summary>The MATLAB class.</summary>
    public MatClass Class { get; }

    /// <summary>The dimensions, as MATLAB reports them with <c>size</c> (at least two).</summary>
    public IReadOnlyList<int> Dimensions => _dimensions;

    /// <summary>Number of elements (the product of the dimensions).</summary>
    public long ElementCount { get; }

    /// <summary>The file (or the name given to <see cref="MatFile.Read(byte[], string)"/>) the array came from.</summary>
    public string Source { get; }

    /// <summary>Byte offset in the file of the top-level data element that holds this array (for a compressed
    /// variable, the compressed element).</summary>
    public long Offset { get; }

    /// <summary>A short description for messages, e.g. <c>att (double 85×50)</c>.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({ClassLabel} {string.Join('×', _dimensions)})");

    /// <inheritdoc />
    public override string ToString() => Describe();

    /// <summary>The class as a user would name it (<c>logical</c> rather than <c>uint8</c>).</summary>
    private protected virtual string ClassLabel => Class.ToString().ToLowerInvariant();

    /// <summary>An exception about this array that names the file, the offset and the array.</summary>
    private protected DataFormatException Error(string message) =>
        new(Source, $"variable '{Name}': {message}", offset: Offset);
}

/// <summary>What every array has, gathered while parsing its element.</summary>
internal readonly record struct MatArrayInfo(string Name, MatClass Class, int[] Dimensions, string Source, long Offset);
