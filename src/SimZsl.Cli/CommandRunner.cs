using System.Globalization;

namespace SimZsl.Cli;

/// <summary>Runs a command body and turns every failure into one clear line on standard error and a documented
/// exit code; a stack trace only with <c>--verbose</c>.</summary>
internal static class CommandRunner
{
    /// <summary>Cancelled by Ctrl+C.</summary>
    public static CancellationToken Cancellation { get; set; }

    public static int Run(CliContext context, Func<CancellationToken, int> body)
    {
        try
        {
            return body(Cancellation);
        }
        catch (Exception e)
        {
            var (code, message) = Classify(e);
            context.Error.WriteLine($"simzsl: {FirstLine(message)}");
            if (context.Verbose)
            {
                context.Error.WriteLine(e.ToString());
            }

            return code;
        }
    }

    // Errors are one line (README): native libraries (libtorch) put a stack dump into their messages.
    private static string FirstLine(string message)
    {
        int end = message.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? message : message[..end].TrimEnd() + " (rerun with --verbose for the details)";
    }

    // "(Parameter 'source')" names a C# parameter, which means nothing on a command line.
    private static string WithoutParameterName(ArgumentException e) =>
        e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;

    private static (int Code, string Message) Classify(Exception e) => e switch
    {
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled."),
        UsageException u => (ExitCodes.UsageError, u.Message),
        DataFormatException or FileNotFoundException or DirectoryNotFoundException when e is not OutputException => (ExitCodes.InputFileError, e.Message),
        OutputException o => (ExitCodes.OutputError, o.Message),
        SimZslException => (ExitCodes.InvalidData, e.Message),
        ArgumentException a => (ExitCodes.UsageError, WithoutParameterName(a)),
        IOException or UnauthorizedAccessException => (ExitCodes.InputFileError, e.Message),
        _ => (ExitCodes.InternalError, string.Create(CultureInfo.InvariantCulture, $"internal error ({e.GetType().Name}): {e.Message}. Rerun with --verbose and report it.")),
    };
}

/// <summary>A command-line value that is valid to the parser but not to the command (out of range, conflicting).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>An output file could not be written.</summary>
internal sealed class OutputException : Exception
{
    public OutputException(string message)
        : base(message)
    {
    }

    public OutputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
