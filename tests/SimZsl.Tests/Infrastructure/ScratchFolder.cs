namespace SimZsl.Tests.Infrastructure;

/// <summary>A fresh folder under the temporary path for one test's output, deleted with everything in it on
/// dispose (<c>using var scratch = new ScratchFolder("simzsl-results-");</c>).</summary>
public sealed class ScratchFolder : IDisposable
{
    /// <summary>A new, not yet created, uniquely named folder path starting with <paramref name="prefix"/>.</summary>
    public ScratchFolder(string prefix) => Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
