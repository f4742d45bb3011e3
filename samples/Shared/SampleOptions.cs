using System.Globalization;

namespace SimZsl.Samples.Shared;

/// <summary>The challenge samples' command line (`--name value` pairs and `--switch` flags: a `--name` followed by
/// another `--name` or by nothing is a switch) and the shipped data under samples/data, found by walking up from the
/// working folder to SimZsl.sln.</summary>
internal sealed class SampleOptions
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);

    public SampleOptions(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected `--name value` pairs or `--switch` flags; '{args[i]}' has no leading '--'.");
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                _switches.Add(args[i][2..]);
            }
            else
            {
                _options[args[i][2..]] = args[++i];
            }
        }
    }

    /// <summary>Whether `--name` was given as a switch (without a value).</summary>
    public bool Flag(string name) => _switches.Contains(name);

    public int Int(string name, int fallback) => _options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => _options.GetValueOrDefault(name);

    /// <summary>Where PNGs go: `--out`, else ./sample-output (never the repository's tracked docs/img: a run must not
    /// rewrite the pictures the docs show; copy them there when the docs are regenerated).</summary>
    public string OutputFolder()
    {
        var folder = Text("out") ?? "sample-output";
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SimZsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the SimZsl repository (SimZsl.sln not found above the working folder).");
    }

    public static string Data(params string[] parts) => Path.Combine([RepositoryRoot(), "samples", "data", .. parts]);
}
