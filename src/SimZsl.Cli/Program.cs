using System.CommandLine;
using SimZsl.Cli.Commands;

namespace SimZsl.Cli;

/// <summary>Entry point of the <c>simzsl</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the tool with the process's console.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the tool with the given writers (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors.", Recursive = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print stack traces with errors.", Recursive = true };
        var root = new RootCommand("simzsl: similarity-based zero-shot learning. κ-MDS embeds a class similarity matrix in Euclidean, spherical or hyperbolic space; zero-shot heads map image features onto the class prototypes.")
        {
            quiet,
            verbose,
        };

        CliContext Context(ParseResult parse) => new(output, error, parse.GetValue(quiet), parse.GetValue(verbose));
        root.Subcommands.Add(EmbedCommand.Create(Context));
        root.Subcommands.Add(ZslCommand.Create(Context));
        root.Subcommands.Add(PredictCommand.Create(Context));
        root.Subcommands.Add(EvaluateCommand.Create(Context));
        root.Subcommands.Add(PlotCommand.Create(Context));
        root.Subcommands.Add(JoinCommand.Create(Context));
        root.Subcommands.Add(FeaturesCommand.Create(Context));
        root.Subcommands.Add(GbuCommand.Create(Context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, as the README promises for every error: all problems, then where the help is.
            string command = parse.CommandResult.Command == root ? "simzsl" : "simzsl " + parse.CommandResult.Command.Name;
            error.WriteLine($"simzsl: {string.Join(" ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" ").Trim()))} Run '{command} --help' for usage and examples.");
            return ExitCodes.UsageError;
        }

        if (ToolHelp.IsHelp(parse))
        {
            return ToolHelp.Write(parse, output);
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            CommandRunner.Cancellation = cancel.Token;
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
