using SimZsl.ZeroShot;

namespace SimZsl.Cli.Commands;

/// <summary>One row of the <c>simzsl gbu</c> table: a method (the head or a closed-form peer), what its selection
/// chose and its test figures, plain and with calibrated stacking.</summary>
internal sealed record GbuResult(string Method, bool IsHead, ZeroShotCandidate Chosen, IReadOnlyList<string> Varied, ZeroShotMetrics Metrics,
    ZeroShotMetrics? Calibrated, double? ValidationZslTop1, double TrainSeconds, double Seconds)
{
    public static GbuResult From(string method, bool isHead, IReadOnlyList<ZeroShotCandidate> grid, ZeroShotExperimentResult result)
    {
        // The settings the grid varies are the ones worth a column; a single candidate shows them all.
        var varied = grid.Count == 1
            ? result.Chosen.Settings.Keys.ToArray()
            : result.Chosen.Settings.Keys.Where(key => grid.Select(c => c.Settings.GetValueOrDefault(key)).Distinct().Skip(1).Any()).ToArray();
        double? validation = result.Selection?.Candidates.First(c => ReferenceEquals(c.Candidate, result.Chosen)).ZslTop1;
        return new GbuResult(method, isHead, result.Chosen, varied, result.Metrics, result.CalibratedMetrics, validation, result.TrainSeconds, result.Seconds);
    }

    /// <summary>"name = value, …" of the varied settings.</summary>
    public string Settings => string.Join(", ", Varied.Select(key => FormattableString.Invariant($"{key} = {Chosen.Settings[key]:G4}")));

    public Dictionary<string, object?>? CalibratedReport() => Calibrated is null ? null : new()
    {
        ["gamma"] = Calibrated.CalibrationGamma,
        ["seen"] = Calibrated.GzslSeen,
        ["unseen"] = Calibrated.GzslUnseen,
        ["h"] = Calibrated.GzslH,
    };

    public Dictionary<string, object?> Report() => new()
    {
        ["method"] = Method,
        ["role"] = IsHead ? "head" : "closed-form peer",
        ["hyperparameters"] = Chosen.Settings,
        ["selected"] = Varied.ToDictionary(key => key, key => Chosen.Settings[key]),
        ["zsl_top1"] = Metrics.ZslTop1,
        ["gzsl_seen"] = Metrics.GzslSeen,
        ["gzsl_unseen"] = Metrics.GzslUnseen,
        ["gzsl_h"] = Metrics.GzslH,
        ["gzsl_calibrated"] = CalibratedReport(),
        ["validation_zsl_top1"] = ValidationZslTop1,
        ["train_seconds"] = TrainSeconds,
        ["seconds"] = Seconds,
    };
}
