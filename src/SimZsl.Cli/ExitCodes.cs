namespace SimZsl.Cli;

/// <summary>Exit codes of the <c>simzsl</c> tool (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected internal error (a bug): rerun with <c>--verbose</c> and report the stack trace.</summary>
    public const int InternalError = 1;

    /// <summary>The command line is wrong: unknown command or option, missing required option, value out of range.</summary>
    public const int UsageError = 2;

    /// <summary>An input file is missing, unreadable or in the wrong format.</summary>
    public const int InputFileError = 3;

    /// <summary>The data is readable but invalid for the request (asymmetric matrix, NaN, out-of-domain similarity,
    /// unknown class name, overflow).</summary>
    public const int InvalidData = 4;

    /// <summary>An output file could not be written (folder missing, no permission, disk full).</summary>
    public const int OutputError = 5;

    /// <summary>The run was cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
