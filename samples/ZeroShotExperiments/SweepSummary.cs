using System.Globalization;
using System.Text;
using SimZsl.IO;
using SimZsl.Plotting;
using SimZsl.Samples.Shared;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>The sweep's table: per k and method, ZSL top-1 and calibrated GZSL H over all runs (splits × seeds) as the
/// mean with its 95 % interval and the sd (mostly the spread between splits), the win rate against the best
/// closed-form peer of the same geometry (runs on the same split and seed where the method is at or above it), and
/// the runs below chance (1/k). The table has a "###" title so that samples/Results can read it back.</summary>
internal sealed class SweepSummary
{
    private readonly List<SweepRecord> _records;

    private SweepSummary(List<SweepRecord> records) => _records = records;

    public static SweepSummary Create(IEnumerable<SweepRecord> records) => new([.. records]);

    public void Write(string path, string title, string description, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {title}: ZSL top-1 and calibrated H (%), mean [95 % interval] and sd over the runs (splits × training seeds)");
        text.AppendLine();
        text.AppendLine(elapsed > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"{description}; {_records.Count} runs in {elapsed.TotalMinutes:F1} min.")
            : description + ".");
        text.AppendLine();
        text.AppendLine("| k | method | runs | ZSL top-1 | sd | best peer (same κ) | at or above it | below chance | cal. H | sd | peer's cal. H | s per run |");
        text.AppendLine("|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in _records.GroupBy(r => (r.K, r.Method, r.Curvature)).OrderBy(g => g.Key.K).ThenBy(g => g.First().IsPeer).ThenBy(g => g.Key.Method).ThenBy(g => g.Key.Curvature))
        {
            var runs = group.ToArray();
            var peer = BestPeer(group.Key.K, group.Key.Curvature);
            string wins = "–", peerName = "–", peerH = "–";
            if (peer is not null && !runs[0].IsPeer)
            {
                var peerRuns = peer.ToDictionary(r => (string.Join(",", r.Unseen), r.Seed));
                int won = runs.Count(r => r.ZslTop1 >= peerRuns[(string.Join(",", r.Unseen), r.Seed)].ZslTop1);
                wins = string.Create(CultureInfo.InvariantCulture, $"{won}/{runs.Length} ({100.0 * won / runs.Length:F0} %)");
                peerName = string.Create(CultureInfo.InvariantCulture, $"{peer[0].Method} {MeanSd(peer.Select(r => r.ZslTop1))}");
                peerH = MeanSd(peer.Select(r => r.CalibratedH));
            }

            int below = runs.Count(r => r.ZslTop1 < (1.0 / r.K) - 1e-12);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key.K} | {Label(runs[0])} | {runs.Length} | {Interval(runs.Select(r => r.ZslTop1))} | {Sd(runs.Select(r => r.ZslTop1))} | {peerName} | {wins} | {below} | {Interval(runs.Select(r => r.CalibratedH))} | {Sd(runs.Select(r => r.CalibratedH))} | {peerH} | {runs.Average(r => r.Seconds):F1} |");
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>What the table's win rates ask, as a picture: each trained head minus the best closed-form peer of its
    /// geometry (ZSL top-1, percentage points, paired by split and seed) against k, with the 95 % interval of the
    /// paired differences as a band; a head above the zero line beats that peer on average.</summary>
    public void Plot(string path, string title)
    {
        var ks = _records.Select(r => r.K).Distinct().Order().ToArray();
        var curves = _records.Where(r => !r.IsPeer).GroupBy(r => (r.Method, r.Curvature)).Select(g =>
        {
            var cells = ks.Select(k =>
            {
                var runs = g.Where(r => r.K == k).ToArray();
                var peer = BestPeer(k, g.Key.Curvature)!.ToDictionary(r => (string.Join(",", r.Unseen), r.Seed));
                return PairedDifference.Of([.. runs.Select(r => r.ZslTop1)], [.. runs.Select(r => peer[(string.Join(",", r.Unseen), r.Seed)].ZslTop1)]);
            }).ToArray();
            return IntervalCurve.Of(Label(g.First()), ks.Select(k => (double)k).ToArray(), cells, 100);
        }).Append(new Curve("best closed-form peer of the same geometry", ks.Select(k => (double)k).ToArray(), ks.Select(_ => 0.0).ToArray())).ToArray();
        AtomicFile.Write(path, stream => CurvePlot.Write(stream, ScottPlot.ImageFormat.Png,
            $"{title}: each head minus the best peer, ZSL top-1",
            "unseen classes k", "head − best peer (points, 95 % interval)", curves));
    }

    private SweepRecord[]? BestPeer(int k, double curvature) => _records
        .Where(r => r.IsPeer && r.K == k && r.Curvature == curvature)
        .GroupBy(r => r.Method)
        .OrderByDescending(g => g.Average(r => r.ZslTop1))
        .FirstOrDefault()?.ToArray();

    private static string Label(SweepRecord r) => string.Create(CultureInfo.InvariantCulture, $"{r.Method} (κ = {r.Curvature:+0;-0;0})");

    private static string Interval(IEnumerable<double> values) => MeanInterval.Of(values).Format("F1", 100);

    private static string Sd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        double mean = v.Average();
        double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return (100 * sd).ToString("F1", CultureInfo.InvariantCulture);
    }

    private static string MeanSd(IEnumerable<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{MeanInterval.Of(values).Mean * 100:F1} ± {Sd(values)}");
}
