using Spectre.Console;

namespace SimZsl.Cli;

/// <summary>Where a command writes and how chatty it is: <c>--quiet</c> silences progress and summaries;
/// <c>--verbose</c> adds stack traces to errors.</summary>
public sealed class CliContext
{
    /// <summary>Creates a context writing to the given writers.</summary>
    public CliContext(TextWriter output, TextWriter error, bool quiet, bool verbose)
    {
        Output = output;
        Error = error;
        Quiet = quiet;
        Verbose = verbose;
        Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
    }

    /// <summary>Standard output (results, summaries).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error (one-line error messages).</summary>
    public TextWriter Error { get; }

    /// <summary>Print nothing but errors.</summary>
    public bool Quiet { get; }

    /// <summary>Print stack traces with errors.</summary>
    public bool Verbose { get; }

    /// <summary>Spectre console over <see cref="Output"/> for progress bars and tables.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Whether a live progress bar makes sense (not quiet, and the output is an interactive terminal).</summary>
    public bool ShowProgress => !Quiet && Console.Profile.Capabilities.Interactive;

    /// <summary>Writes a line unless quiet.</summary>
    public void Say(string line)
    {
        if (!Quiet)
        {
            Output.WriteLine(line);
        }
    }

    /// <summary>Runs <paramref name="work"/> under a progress bar with one task (or silently), reporting fractions.</summary>
    public T WithProgress<T>(string title, Func<IProgress<(string Stage, double Fraction, string Detail)>, T> work)
    {
        if (!ShowProgress)
        {
            return work(new Progress<(string, double, string)>(_ => { }));
        }

        T result = default!;
        Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1.0);
                var reporter = new SynchronousProgress<(string Stage, double Fraction, string Detail)>(p =>
                {
                    task.Description = Markup.Escape($"{title}: {p.Stage} {p.Detail}".Trim());
                    if (double.IsFinite(p.Fraction))
                    {
                        task.Value = Math.Clamp(p.Fraction, 0, 1);
                    }
                });
                result = work(reporter);
                task.Value = 1.0;
            });
        return result;
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (no posting to a context).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
