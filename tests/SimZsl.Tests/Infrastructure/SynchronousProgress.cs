namespace SimZsl.Tests.Infrastructure;

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread, so a test sees every report before the
/// call returns (<see cref="Progress{T}"/> posts to the thread pool and may deliver them late).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
