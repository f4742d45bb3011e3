namespace SimZsl.Samples.Shared;

/// <summary>A part of a Markdown document that a command writes, between two HTML comments that name it, so that the
/// hand-written text around it survives every regeneration:
/// "&lt;!-- generated: NAME --&gt;" … "&lt;!-- end generated: NAME --&gt;".</summary>
internal static class GeneratedBlock
{
    public static string Begin(string name) => $"<!-- generated: {name} -->";

    public static string End(string name) => $"<!-- end generated: {name} -->";

    /// <summary>The document with the block <paramref name="name"/> holding <paramref name="content"/>.</summary>
    /// <exception cref="InvalidOperationException">The document lacks either marker, or has them in the wrong order;
    /// the message says which marker to add.</exception>
    public static string Replace(string document, string name, string content)
    {
        string begin = Begin(name), end = End(name);
        int start = document.IndexOf(begin, StringComparison.Ordinal);
        int stop = document.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            throw new InvalidOperationException($"The document has no block '{name}': put the lines '{begin}' and '{end}' where its tables belong.");
        }

        return document[..(start + begin.Length)] + "\n" + content.TrimEnd('\n') + "\n" + document[stop..];
    }
}
