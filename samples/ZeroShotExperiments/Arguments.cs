using System.Globalization;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>A command followed by `--name value` pairs.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public Arguments(string[] args)
    {
        Command = args.Length > 0 ? args[0] : "";
        // `--name value` pairs; a `--name` followed by another option or by nothing is a switch.
        for (int i = 1; i < args.Length; i++)
        {
            bool hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _options[args[i].TrimStart('-')] = hasValue ? args[++i] : "true";
        }
    }

    public string Command { get; }

    public int Int(string name, int fallback) => _options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => _options.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => _options.GetValueOrDefault(name);

    public bool Switch(string name) => _options.TryGetValue(name, out var v) && v == "true";

    /// <summary>The repository root (the folder holding SimZsl.sln), searched upward from the working folder.</summary>
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
