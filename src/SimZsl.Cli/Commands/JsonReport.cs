using System.Text.Json;
using SimZsl.IO;

namespace SimZsl.Cli.Commands;

/// <summary>Writes a flat JSON report (snake_case keys) atomically.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(string path, IReadOnlyDictionary<string, object?> fields) =>
        CliOptions.Write(path, "--report", p => AtomicFile.WriteAllText(p, Text(fields)));

    /// <summary>Writes the report to a stream (one file of <see cref="OutputFiles"/>).</summary>
    public static void Write(Stream stream, IReadOnlyDictionary<string, object?> fields) =>
        stream.Write(new System.Text.UTF8Encoding(false).GetBytes(Text(fields)));

    private static string Text(IReadOnlyDictionary<string, object?> fields) => JsonSerializer.Serialize(Sanitize(fields), Indented) + "\n";

    // JSON has no NaN or ∞: write them as null so every reader can parse the report.
    private static Dictionary<string, object?> Sanitize(IReadOnlyDictionary<string, object?> fields) =>
        fields.ToDictionary(kv => kv.Key, kv => kv.Value is double d && !double.IsFinite(d) ? null : kv.Value);
}
