namespace SimZsl.IO;

/// <summary>A MATLAB struct array: for each element, one array per field.</summary>
public sealed class MatStructArray : MatArray
{
    private readonly string[] _fieldNames;
    private readonly MatArray[] _values;

    internal MatStructArray(MatArrayInfo info, string[] fieldNames, MatArray[] values)
        : base(info)
    {
        _fieldNames = fieldNames;
        _values = values;
    }

    /// <summary>The field names, in file order.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames;

    /// <summary>The value of a field of one element (elements counted column-major from 0).</summary>
    public MatArray this[int element, string field]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(element);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(element, ElementCount);
            int f = Array.IndexOf(_fieldNames, field);
            if (f < 0)
            {
                throw new ArgumentException($"The struct '{Name}' has no field '{field}'; it has: {string.Join(", ", _fieldNames)}.", nameof(field));
            }

            return _values[(element * _fieldNames.Length) + f];
        }
    }
}
