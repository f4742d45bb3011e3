namespace SimZsl.IO;

/// <summary>The check every reader makes before it opens an input file, so that all of them say the same thing:
/// a missing file is a <see cref="FileNotFoundException"/>; a folder given where a file is expected is a
/// <see cref="DataFormatException"/> that says so (not "does not exist", which sends the user looking for a typo).</summary>
internal static class InputFile
{
    /// <summary>Throws unless <paramref name="path"/> names an existing file (not a folder).</summary>
    /// <param name="path">The path given by the user.</param>
    /// <param name="what">What the file is, for the message ("file", "label file", …).</param>
    /// <exception cref="FileNotFoundException">Nothing exists at the path.</exception>
    /// <exception cref="DataFormatException">The path is a folder.</exception>
    public static void Require(string path, string what = "file")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new DataFormatException(path, $"this is a directory, not a {what}; give the path of the {what} itself.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The {what} '{path}' does not exist.", path);
        }
    }
}
