using SimZsl.ZeroShot;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>Evaluates a scorer on a test set twice: uncalibrated on all of it, and with calibrated stacking whose γ is
/// chosen on a stratified half of the test set and reported on the other half.</summary>
internal static class Evaluation
{
    public static (ZeroShotMetrics Plain, ZeroShotMetrics Calibrated) Run(IZeroShotScorer scorer, RowMatrix features, string[] labels, IReadOnlyList<string> unseen, int seed)
    {
        var plain = ZeroShotEvaluator.Evaluate(scorer, features, labels, unseen);
        var classes = scorer.SeenClasses.Concat(unseen).ToList();
        var half = new Random(seed + 1);
        var byClass = labels.Select((l, i) => (l, i)).GroupBy(p => p.l).ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray());
        var calibration = new List<int>();
        var report = new List<int>();
        foreach (var c in classes.Where(byClass.ContainsKey))
        {
            var rows = byClass[c].ToArray();
            half.Shuffle(rows);
            calibration.AddRange(rows.Take(rows.Length / 2));
            report.AddRange(rows.Skip(rows.Length / 2));
        }

        double gamma = CalibratedStacking.ChooseGamma(scorer, RowSelection.Select(features, calibration), RowSelection.Select(labels, calibration), unseen);
        var calibrated = ZeroShotEvaluator.Evaluate(scorer, RowSelection.Select(features, report), RowSelection.Select(labels, report), unseen,
            new ZeroShotEvaluationOptions { CalibrationGamma = gamma });
        return (plain, calibrated);
    }
}
