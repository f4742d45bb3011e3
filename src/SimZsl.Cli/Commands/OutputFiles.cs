using SimZsl.IO;

namespace SimZsl.Cli.Commands;

/// <summary>The output files of one command, written as one (<see cref="AtomicFileSet"/>): every file is written
/// to a temporary file first and all are moved into place together, so a report that cannot be written no longer
/// leaves the coordinates already replaced. IO failures become an <see cref="OutputException"/> (exit 5) naming
/// the option and the file.</summary>
internal sealed class OutputFiles : IDisposable
{
    private readonly AtomicFileSet _set = new();

    /// <summary>Writes one output to its temporary file; a null path (an option not given) is skipped.</summary>
    public void Add(string? path, string option, Action<Stream> write)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            _set.Add(path, write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write {option} '{path}': {e.Message} Nothing was written.", e);
        }
    }

    /// <summary>Moves every output into place.</summary>
    public void Commit()
    {
        try
        {
            _set.Commit();
        }
        catch (IOException e)
        {
            throw new OutputException($"cannot write the outputs: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _set.Dispose();
}
