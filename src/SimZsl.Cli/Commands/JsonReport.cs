using System.Text.Json;
using SimZsl.IO;
using SimZsl.ZeroShot;

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

    /// <summary>The metric fields every zero-shot report carries (zsl and evaluate), under the contract's names.
    /// zsl_topk is null when k reaches the number of unseen classes: every instance is then trivially in the top k.</summary>
    public static Dictionary<string, object?> Metrics(ZeroShotMetrics m) => new()
    {
        ["zsl_top1"] = m.ZslTop1,
        ["zsl_topk"] = m.TopK < m.ZslPerClass.Count ? m.ZslTopK : null,
        ["top_k"] = m.TopK,
        ["gzsl_seen"] = m.GzslSeen,
        ["gzsl_unseen"] = m.GzslUnseen,
        ["gzsl_h"] = m.GzslH,
        ["test_seen_instances"] = m.TestSeenCount,
        ["test_unseen_instances"] = m.TestUnseenCount,
        ["zsl_per_class"] = m.ZslPerClass,
        ["gzsl_per_class"] = m.GzslPerClass,
    };

    private static string Text(IReadOnlyDictionary<string, object?> fields) => JsonSerializer.Serialize(Sanitize(fields), Indented) + "\n";

    // JSON has no NaN or ∞: write them as null so every reader can parse the report.
    private static Dictionary<string, object?> Sanitize(IReadOnlyDictionary<string, object?> fields) =>
        fields.ToDictionary(kv => kv.Key, kv => kv.Value is double d && !double.IsFinite(d) ? null : kv.Value);
}
