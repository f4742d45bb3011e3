namespace SimZsl.ZeroShot;

/// <summary>The evaluation protocol of Xian et al.: ZSL per-class mean top-1 over the unseen classes with the search
/// restricted to unseen prototypes; GZSL per-class accuracy on test-seen (s) and test-unseen (u) with the search
/// over all classes, H = 2su/(s + u); optional calibrated stacking; top-k; confusion matrix.</summary>
public static class ZeroShotEvaluator
{
    /// <summary>Scores the test instances with <paramref name="scorer"/> against its seen classes and
    /// <paramref name="unseenClasses"/>, then computes every metric.</summary>
    public static ZeroShotMetrics Evaluate(IZeroShotScorer scorer, RowMatrix testFeatures, IReadOnlyList<string> testLabels,
        IReadOnlyList<string> unseenClasses, ZeroShotEvaluationOptions? options = null)
    {
        var scores = ScoreCandidates(scorer, testFeatures, testLabels, unseenClasses);
        return FromScores(scores, scorer.SeenClasses, unseenClasses, testLabels, options);
    }

    /// <summary>Metrics from a score table whose columns are the seen classes, then the unseen classes
    /// (N × (S + U), row-major, higher is better).</summary>
    public static ZeroShotMetrics FromScores(ReadOnlySpan<double> scores, IReadOnlyList<string> seenClasses, IReadOnlyList<string> unseenClasses,
        IReadOnlyList<string> labels, ZeroShotEvaluationOptions? options = null)
    {
        options ??= new ZeroShotEvaluationOptions();
        var table = ScoreTable.Create(scores, seenClasses, unseenClasses, labels);
        int s = table.SeenCount, c = table.Classes.Length;
        var zslActual = new List<int>();
        var zslPredicted = new List<int>();
        int topK = Math.Clamp(options.TopK, 1, unseenClasses.Count);
        var topKHits = new List<int>();
        var gzslPredicted = new int[table.Rows];
        for (int i = 0; i < table.Rows; i++)
        {
            var row = scores.Slice(i * c, c);
            gzslPredicted[i] = table.GzslPrediction(row, options.CalibrationGamma);
            if (table.Labels[i] >= s)
            {
                var unseenRow = row[s..];
                zslActual.Add(table.Labels[i]);
                zslPredicted.Add(s + ScoreMath.ArgMax(unseenRow));
                topKHits.Add(ScoreMath.InTopK(unseenRow, table.Labels[i] - s, topK) ? table.Labels[i] : -1);
            }
        }

        var unseenIndices = Enumerable.Range(s, unseenClasses.Count).ToArray();
        var seenPresent = Enumerable.Range(0, s).Where(k => table.Labels.Contains(k)).ToArray();
        double seen = seenPresent.Length == 0 ? double.NaN : PerClassMeanAccuracy(table.Labels, gzslPredicted, seenPresent);
        double unseen = PerClassMeanAccuracy(table.Labels, gzslPredicted, unseenIndices);
        return new ZeroShotMetrics
        {
            ZslTop1 = PerClassMeanAccuracy(zslActual, zslPredicted, unseenIndices),
            ZslTopK = PerClassMeanAccuracy(zslActual, topKHits, unseenIndices),
            TopK = topK,
            GzslSeen = seen,
            GzslUnseen = unseen,
            GzslH = HarmonicMean(seen, unseen),
            CalibrationGamma = options.CalibrationGamma,
            ZslPerClass = PerClass(zslActual, zslPredicted, unseenIndices, table.Classes),
            GzslPerClass = PerClass(table.Labels, gzslPredicted, [.. seenPresent, .. unseenIndices], table.Classes),
            GzslConfusion = new ConfusionMatrix(table.Classes, table.Labels, gzslPredicted),
            TestSeenCount = table.Labels.Count(l => l < s),
            TestUnseenCount = zslActual.Count,
        };
    }

    /// <summary>Mean over <paramref name="classes"/> of each class's accuracy (correct / instances of that class);
    /// every class must have at least one instance.</summary>
    public static double PerClassMeanAccuracy(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, IEnumerable<int> classes)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(classes);
        var accuracies = classes.Select(k => ClassAccuracy(actual, predicted, k)).ToArray();
        return accuracies.Length == 0 ? double.NaN : accuracies.Average();
    }

    /// <summary>H = 2su/(s + u); 0 when both are 0; NaN when either is NaN.</summary>
    public static double HarmonicMean(double seen, double unseen) =>
        double.IsNaN(seen) || double.IsNaN(unseen) ? double.NaN : seen + unseen > 0 ? 2 * seen * unseen / (seen + unseen) : 0;

    /// <summary>Scores against the seen classes, then the unseen ones, after checking the inputs.</summary>
    internal static double[] ScoreCandidates(IZeroShotScorer scorer, RowMatrix features, IReadOnlyList<string> labels, IReadOnlyList<string> unseenClasses)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ZeroShotInput.CheckFeatures(features, "test");
        ZeroShotInput.CheckLabels(features, labels, "test");
        ZeroShotInput.CheckFeatureCount(features, scorer.FeatureCount, "test");
        ZeroShotInput.CheckUnseenDisjoint(unseenClasses, scorer.SeenClasses);

        var candidates = scorer.SeenClasses.Concat(unseenClasses).ToArray();
        return scorer.Scores(features, ZeroShotInput.PrototypeRows(scorer.Prototypes, candidates, "evaluated"));
    }

    private static double ClassAccuracy(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int k)
    {
        int total = 0, correct = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            if (actual[i] == k)
            {
                total++;
                correct += predicted[i] == k ? 1 : 0;
            }
        }

        if (total == 0)
        {
            throw new ArgumentException($"Class {k} has no instance; a per-class mean needs at least one per class.", nameof(actual));
        }

        return (double)correct / total;
    }

    private static Dictionary<string, double> PerClass(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, IEnumerable<int> classes, string[] names) =>
        classes.ToDictionary(k => names[k], k => ClassAccuracy(actual, predicted, k), StringComparer.Ordinal);
}
