using System.CommandLine;
using System.CommandLine.Help;

namespace SimZsl.Cli;

/// <summary>The tool's help text: System.CommandLine's, with the usage line naming the command a user types.
/// System.CommandLine takes the root's name from the entry assembly (SimZsl.Cli), which is not what the installed
/// tool is called. Renaming the assembly is no way out (.NET compares assembly names without case, and the library
/// is SimZsl), and the help builder cannot write a section elsewhere, so the finished text is corrected.</summary>
internal static class ToolHelp
{
    /// <summary>The name in every usage line.</summary>
    public const string ToolName = "simzsl";

    /// <summary>True when the parse asks for help.</summary>
    public static bool IsHelp(ParseResult parse) => parse.Action is HelpAction;

    /// <summary>Writes the help the parse asks for to <paramref name="output"/>, with the tool's name in the usage line.</summary>
    public static int Write(ParseResult parse, TextWriter output)
    {
        using var text = new StringWriter();
        int code = parse.Invoke(new InvocationConfiguration { Output = text, Error = text });
        output.Write(Rename(text.ToString(), parse.RootCommandResult.Command.Name));
        return code;
    }

    /// <summary>Replaces the root's name at the start of the usage line (the line after "Usage:").</summary>
    public static string Rename(string help, string rootName)
    {
        string[] lines = help.Split('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            string prefix = "  " + rootName;
            if (lines[i - 1].TrimEnd() == "Usage:" && lines[i].StartsWith(prefix, StringComparison.Ordinal)
                && (lines[i].Length == prefix.Length || lines[i][prefix.Length] is ' ' or '\r'))
            {
                lines[i] = "  " + ToolName + lines[i][prefix.Length..];
            }
        }

        return string.Join('\n', lines);
    }
}
