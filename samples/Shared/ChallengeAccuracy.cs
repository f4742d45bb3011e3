using System.Diagnostics;
using System.Globalization;
using SimZsl.Embedding;
using SimZsl.Similarity;

namespace SimZsl.Samples.Shared;

/// <summary>The accuracy half of challenges III and IV on one data set: for every point of the challenge's axis
/// (missing fraction, number of landmarks; the complete matrix first, as the reference) and every run r, the knowledge
/// the point leaves is embedded by the same pipeline (κ-MDS: imputation, strain, stress refinement with seed + r) in
/// each geometry, and every method is trained and tested on unseen split r. The tables give each cell as a mean with
/// its 95 % interval over the runs, so that the interval covers both the split and the draw.</summary>
internal sealed class ChallengeAccuracy
{
    private readonly double[,,] _zsl, _h;

    private ChallengeAccuracy(ChallengeDataSet set, IReadOnlyList<ZeroShotMethod> methods, IReadOnlyList<string> points, int runs)
    {
        Set = set;
        Methods = methods;
        Points = points;
        _zsl = new double[methods.Count, points.Count, runs];
        _h = new double[methods.Count, points.Count, runs];
    }

    public ChallengeDataSet Set { get; }

    public IReadOnlyList<ZeroShotMethod> Methods { get; }

    /// <summary>How each point is named, the reference (complete matrix) first, then from the easiest to the hardest.</summary>
    public IReadOnlyList<string> Points { get; }

    /// <summary>The compared methods: each trained head in its natural geometry (softmax at κ = 0, prototype at
    /// κ = +1, hyperbolic at κ = −1) with the library's model selection over its default grid (anchor weight ×
    /// epochs {10, <paramref name="epochs"/>}), and the closed-form peers ridge, ESZSL and SAE at κ = 0.</summary>
    public static IReadOnlyList<ZeroShotMethod> ComparedMethods(int epochs) =>
        [.. ZeroShotMethod.All(o => o with { Epochs = epochs }).Where(m => m.IsPeer ? m.Curvature == 0 : m.Curvature == NaturalCurvature(m.Name))];

    /// <summary>The model selection of <see cref="ComparedMethods"/> in words, for a table's title.</summary>
    public static string SelectionText(int epochs) =>
        $"heads chosen by the library's model selection over anchor weight {{0.1, 0.3, 1}} × epochs {{{string.Join(", ", new[] { Math.Min(10, epochs), epochs }.Distinct())}}}, peers over their penalties";

    /// <summary>Runs every method at every point over <paramref name="runs"/> runs.</summary>
    /// <param name="set">The data set.</param>
    /// <param name="methods">The methods (<see cref="ComparedMethods"/>).</param>
    /// <param name="points">The points' names, the reference first.</param>
    /// <param name="runs">Run r uses unseen split r and the challenge's draw r.</param>
    /// <param name="seed">Run r seeds the draw, the refinement, the training subsample and the training with seed + r.</param>
    /// <param name="perClass">Training instances per seen class, at most.</param>
    /// <param name="iterations">Stress-refinement iterations of every embedding.</param>
    /// <param name="knowledge">The distances a point leaves: (point, unseen classes of the run, draw seed) → matrix.</param>
    /// <param name="clock">For the progress lines on stderr.</param>
    public static ChallengeAccuracy Measure(ChallengeDataSet set, IReadOnlyList<ZeroShotMethod> methods, IReadOnlyList<string> points, int runs, int seed,
        int perClass, int iterations, Func<int, string[], int, DistanceMatrix> knowledge, Stopwatch clock)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(clock);
        var splits = set.Splits(runs);
        if (splits.Count < runs)
        {
            throw new ArgumentException($"{set.Name} has only {splits.Count} unseen splits of {set.UnseenPerSplit}; asked for {runs} runs.", nameof(runs));
        }

        var result = new ChallengeAccuracy(set, methods, points, runs);
        for (int r = 0; r < runs; r++)
        {
            var data = set.Capped(perClass, seed + r);
            var unseen = splits[r];
            for (int p = 0; p < points.Count; p++)
            {
                var distances = knowledge(p, unseen, seed + r);
                var prototypes = methods.Select(m => m.Curvature).Distinct().ToDictionary(k => k, k => new KappaMds(new KappaMdsOptions
                {
                    Dimension = set.Dimension, Curvature = k, Refine = true, MaxIterations = iterations, Seed = seed + r,
                }).Fit(distances).Prototypes);
                for (int m = 0; m < methods.Count; m++)
                {
                    var outcome = methods[m].Evaluate(data, prototypes[methods[m].Curvature], unseen, seed + r);
                    result._zsl[m, p, r] = outcome.Plain.ZslTop1;
                    result._h[m, p, r] = outcome.Calibrated.GzslH;
                }

                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{set.Name} run {r + 1}/{runs} {points[p]}: ZSL top-1 {string.Join(", ", methods.Select((m, i) => $"{m.Name} {100 * result._zsl[i, p, r]:F1}"))} ({clock.Elapsed.TotalSeconds:F0} s)"));
            }
        }

        return result;
    }

    /// <summary>ZSL top-1 of a method at a point, over the runs.</summary>
    public MeanInterval Zsl(int method, int point) => MeanInterval.Of(Runs(_zsl, method, point));

    /// <summary>Calibrated GZSL H of a method at a point, over the runs.</summary>
    public MeanInterval H(int method, int point) => MeanInterval.Of(Runs(_h, method, point));


    /// <summary>Prints the ZSL top-1 and the calibrated H table, each followed by its verdicts.</summary>
    /// <param name="challenge">"Challenge IV", …</param>
    /// <param name="axis">The first column's header, e.g. "missing pairs".</param>
    /// <param name="protocol">What every row runs, for the title.</param>
    public void Print(string challenge, string axis, string protocol)
    {
        Print(challenge, axis, protocol, "ZSL top-1", Set.ZslChance, $"1/{Set.UnseenPerSplit}", _zsl);
        Print(challenge, axis, protocol, "calibrated GZSL H", Set.GzslChance, $"1/{Set.Data.ClassNames.Count}", _h);
    }

    private void Print(string challenge, string axis, string protocol, string metric, double chance, string chanceRule, double[,,] values)
    {
        string chanceText = (100 * chance).ToString("F1", CultureInfo.InvariantCulture);
        int runs = values.GetLength(2);
        var table = new MarkdownTable(
            $"{challenge} on {Set.Name} ({Set.Data.ClassNames.Count} classes, {Set.UnseenPerSplit} unseen per split, d = {Set.Dimension}): {metric} (%), mean [95 % interval] over {runs} runs; {protocol}; chance {chanceText} % ({chanceRule})",
            [axis, .. Methods.Select(m => m.Label)]);
        for (int p = 0; p < Points.Count; p++)
        {
            table.Add([Points[p], .. Methods.Select((_, m) => MeanInterval.Of(Runs(values, m, p)).Format("F1", 100))]);
        }

        table.Print();
        var along = Points.Skip(1).ToArray();
        for (int m = 0; m < Methods.Count; m++)
        {
            var intervals = Points.Select((_, p) => MeanInterval.Of(Runs(values, m, p))).ToArray();
            Console.WriteLine("- Verdict: " + ClaimVerdict.Along($"{Methods[m].Label}: {metric} above chance ({chanceText} %, lower end of the interval)",
                Points, [.. intervals.Select(i => i.Lower > chance)]));
            Console.WriteLine("- Verdict: " + ClaimVerdict.Along($"{Methods[m].Label}: {metric} within the {Points[0]} interval (intervals overlap)",
                along, [.. intervals.Skip(1).Select(i => i.Upper >= intervals[0].Lower && i.Lower <= intervals[0].Upper)]));
        }

        Console.WriteLine("- Verdict: " + HeadAgainstPeer(metric, values));
        Console.WriteLine();
    }

    // At each point the head and the peer with the best mean, compared run by run: a head "separates" where the paired
    // difference's interval lies above 0.
    private string HeadAgainstPeer(string metric, double[,,] values)
    {
        var details = new List<string>();
        var above = new List<bool>();
        for (int p = 0; p < Points.Count; p++)
        {
            int head = Best(p, peer: false), peer = Best(p, peer: true);
            var difference = Shared.PairedDifference.Of(Runs(values, head, p), Runs(values, peer, p));
            above.Add(difference.Lower > 0);
            string reading = difference.Lower > 0 ? "head above" : difference.Upper < 0 ? "peer above" : "not separated";
            details.Add($"{Points[p]}: {Methods[head].Name} − {Methods[peer].Name} {difference.Format("+0.0;-0.0;0.0", 100)} ({reading})");
        }

        return ClaimVerdict.Along($"best head above the best peer in {metric} (paired run-by-run difference, interval above 0; best by mean at each point)", Points, above)
            + "; " + string.Join("; ", details);

        int Best(int p, bool peer) => Enumerable.Range(0, Methods.Count).Where(m => Methods[m].IsPeer == peer)
            .MaxBy(m => MeanInterval.Of(Runs(values, m, p)).Mean);
    }

    private static double[] Runs(double[,,] values, int method, int point) =>
        [.. Enumerable.Range(0, values.GetLength(2)).Select(r => values[method, point, r])];

    private static double NaturalCurvature(string head) => head switch { "prototype" => 1, "hyperbolic" => -1, "softmax" => 0, _ => double.NaN };
}
