namespace SimZsl;

/// <summary>A matrix has a value that the operation cannot accept (asymmetry, NaN, ∞, a similarity outside the
/// transform's domain, overflow). <see cref="Row"/> and <see cref="Column"/> give the place, zero-based.</summary>
public sealed class InvalidMatrixException : SimZslException
{
    /// <summary>Creates an exception with no message.</summary>
    public InvalidMatrixException() { }

    /// <summary>Creates an exception that is not tied to one entry.</summary>
    public InvalidMatrixException(string message) : base(message) { }

    /// <summary>Creates an exception that wraps the lower-level cause.</summary>
    public InvalidMatrixException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates an exception about the entry (row, column).</summary>
    public InvalidMatrixException(string message, int row, int column) : base(message)
    {
        Row = row;
        Column = column;
    }

    /// <summary>Zero-based row of the offending entry, when the problem is one entry.</summary>
    public int? Row { get; }

    /// <summary>Zero-based column of the offending entry, when the problem is one entry.</summary>
    public int? Column { get; }
}
