using System.CommandLine;
using System.Globalization;

namespace SimZsl.Cli.Commands;

/// <summary>Option builders shared by the commands, with range checks the parser reports as usage errors.</summary>
internal static class CliOptions
{
    public static Option<string> RequiredPath(string name, string description) => new(name) { Description = description, Required = true, HelpName = "FILE" };

    public static Option<int> Positive(string name, string description, int? defaultValue = null, int minimum = 1)
    {
        var option = new Option<int>(name) { Description = description, Required = defaultValue is null, HelpName = "N" };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }

        option.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v < minimum)
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be ≥ {minimum} (got {v})."));
            }
        });
        return option;
    }

    /// <summary>A curvature: a finite number, or "auto" (null) to choose by stress.</summary>
    public static Option<double?> Curvature(bool allowAuto)
    {
        var option = new Option<double?>("--curvature", "-k")
        {
            Description = allowAuto ? "Curvature κ: 0 Euclidean, > 0 sphere of radius 1/√κ, < 0 hyperbolic; 'auto' chooses κ by stress. Default auto." : "Curvature κ of the prototypes: 0 Euclidean, > 0 sphere, < 0 hyperbolic.",
            Required = !allowAuto,
            HelpName = "K",
            CustomParser = r =>
            {
                string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "auto";
                if (allowAuto && text.Equals("auto", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double k) && double.IsFinite(k))
                {
                    return k;
                }

                r.AddError($"--curvature must be a finite number{(allowAuto ? " or 'auto'" : string.Empty)} (got '{text}').");
                return null;
            },
        };
        return option;
    }

    public static Option<int> Seed() => new("--seed") { Description = "Seed of every random choice: same seed, same result. Default 0.", DefaultValueFactory = _ => 0, HelpName = "S" };

    /// <summary>Fails early (before long work) when the folder of an output file does not exist.</summary>
    public static void CheckOutputFolder(string? path, string option)
    {
        if (path is null)
        {
            return;
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"{option} '{path}': the folder '{folder}' does not exist; create it first.");
        }
    }

    /// <summary>Writes an output file, turning IO failures into a clear output error.</summary>
    public static void Write(string path, string option, Action<string> write)
    {
        try
        {
            write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write {option} '{path}': {e.Message}", e);
        }
    }
}
