using System.CommandLine;

namespace SimZsl.Cli.Commands;

/// <summary><c>simzsl zsl</c>: train a zero-shot head on seen classes and evaluate ZSL and GZSL.</summary>
internal static class ZslCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("zsl", "Train a zero-shot head on seen-class features and evaluate on unseen classes.");
        command.SetAction(parse => CommandRunner.Run(context(parse), _ => throw new UsageException("'zsl' is not available in this build yet.")));
        return command;
    }
}
