namespace SimZsl;

/// <summary>Base type of every error SimZsl raises about the data it was given (as opposed to a bug or an
/// invalid argument, which raise the usual <see cref="ArgumentException"/>). Catch this to report bad input.</summary>
public class SimZslException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public SimZslException() { }

    /// <summary>Creates an exception that says what is wrong, where and what to do.</summary>
    public SimZslException(string message) : base(message) { }

    /// <summary>Creates an exception that wraps the lower-level cause.</summary>
    public SimZslException(string message, Exception innerException) : base(message, innerException) { }
}
