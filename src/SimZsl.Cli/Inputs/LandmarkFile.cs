using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Cli.Inputs;

/// <summary>The <c>--landmarks</c> file: landmark class names, one per line (blank lines and '#' comments ignored).</summary>
internal static class LandmarkFile
{
    public static IReadOnlyList<string> Read(string path, DistanceMatrix distances) => Read(path, distances.Contains);

    /// <summary>As above, for the classes of a list of pairs.</summary>
    public static IReadOnlyList<string> Read(string path, PairDistances pairs) => Read(path, pairs.Contains);

    private static List<string> Read(string path, Func<string, bool> isClass)
    {
        InputFile.Require(path, "landmark file");
        var names = new List<string>();
        int line = 0;
        foreach (string raw in TextLines.Read(path))
        {
            line++;
            string name = raw.Trim();
            if (name.Length == 0 || name.StartsWith('#'))
            {
                continue;
            }

            if (!isClass(name))
            {
                // An unknown class is invalid data (exit 4, as for every other unknown class name), not a malformed file.
                throw new SimZslException($"{path}:{line}: landmark '{name}' is not a class of the input; check the spelling (names are case-sensitive).");
            }

            names.Add(name);
        }

        if (names.Count == 0)
        {
            throw new DataFormatException(path, "the landmark file names no classes.");
        }

        return names;
    }

    public static KappaMdsOptions Apply(KappaMdsOptions options, IReadOnlyList<string>? landmarks) =>
        landmarks is null ? options : options with { Landmarks = landmarks };
}
