using SimZsl.Embedding;
using SimZsl.ZeroShot;

namespace SimZsl.Tests.ZeroShot;

/// <summary>The Xian et al. metrics on hand-made scores: per-class means (not overall accuracy), H, top-k, calibrated
/// stacking, the confusion matrix and the errors.</summary>
public class MetricsTests
{
    private static readonly string[] Seen = ["A", "B"];
    private static readonly string[] Unseen = ["C", "D"];

    // Columns A, B, C, D. GZSL predictions: A, A, B, B, C, A, C; ZSL (C, D only): C, C, C.
    private static readonly string[] Labels = ["A", "A", "A", "B", "C", "C", "D"];
    private static readonly double[] Scores =
    [
        5, 0, 0, 0,
        5, 0, 0, 0,
        0, 5, 0, 0,
        0, 5, 0, 0,
        1, 0, 2, 0,
        3, 0, 2, 0,
        0, 0, 2, 1,
    ];

    [Fact]
    public void AccuraciesArePerClassMeans()
    {
        var m = ZeroShotEvaluator.FromScores(Scores, Seen, Unseen, Labels, new ZeroShotEvaluationOptions { TopK = 2 });
        Assert.Equal(0.5, m.ZslTop1, 12);                     // C 2/2, D 0/1 (overall would be 2/3)
        Assert.Equal(1.0, m.ZslTopK, 12);                     // D's class is second
        Assert.Equal(2, m.TopK);
        Assert.Equal((2.0 / 3 + 1) / 2, m.GzslSeen, 12);      // A 2/3, B 1/1 (overall would be 3/4)
        Assert.Equal(0.25, m.GzslUnseen, 12);                 // C 1/2, D 0/1
        double s = 5.0 / 6, u = 0.25;
        Assert.Equal(2 * s * u / (s + u), m.GzslH, 12);
        Assert.Equal(4, m.TestSeenCount);
        Assert.Equal(3, m.TestUnseenCount);
        Assert.Equal(0.5, m.GzslPerClass["C"], 12);
        Assert.Equal(1.0, m.ZslPerClass["C"], 12);
    }

    [Fact]
    public void ConfusionMatrixCountsGzslPredictions()
    {
        var m = ZeroShotEvaluator.FromScores(Scores, Seen, Unseen, Labels);
        Assert.Equal(2, m.GzslConfusion["A", "A"]);
        Assert.Equal(1, m.GzslConfusion["A", "B"]);
        Assert.Equal(1, m.GzslConfusion["C", "A"]);
        Assert.Equal(1, m.GzslConfusion["D", "C"]);
        Assert.Equal(0, m.GzslConfusion["D", "D"]);
    }

    [Fact]
    public void CalibratedStackingSubtractsGammaFromSeenScores()
    {
        // γ = 1.5 moves row 6 (A 3 − 1.5 < C 2) to C; nothing else changes: u = (1 + 0)/2.
        var m = ZeroShotEvaluator.FromScores(Scores, Seen, Unseen, Labels, new ZeroShotEvaluationOptions { CalibrationGamma = 1.5 });
        Assert.Equal(5.0 / 6, m.GzslSeen, 12);
        Assert.Equal(0.5, m.GzslUnseen, 12);
        Assert.Equal(0.625, m.GzslH, 12);
        Assert.Equal(1.5, m.CalibrationGamma);
    }

    [Fact]
    public void ChosenGammaMaximisesH()
    {
        // Margins (best seen − best unseen): 5, 5, 5, 5, −1, 1, −2. H is 0.625 for γ in (1, 5], lower elsewhere.
        double gamma = CalibratedStacking.ChooseGamma(Scores, Seen, Unseen, Labels);
        Assert.InRange(gamma, 1.0001, 5);
        var m = ZeroShotEvaluator.FromScores(Scores, Seen, Unseen, Labels, new ZeroShotEvaluationOptions { CalibrationGamma = gamma });
        Assert.Equal(0.625, m.GzslH, 12);
    }

    [Fact]
    public void TiesInHGoToTheSmallestGamma()
    {
        // Seen A; unseen B, C. Margins 5 (an A), −1 (a B), −1 (a C) and 2 (a B whose best unseen score is C: wrong on
        // either side of γ = 2). So γ = 0, 0.5 and 3.5 (the midpoints 0.5 and 3.5 are candidates) all give H = 6/7;
        // the rule picks the one closest to 0, which is 0 itself, not the last or the largest.
        string[] seen = ["A"], unseen = ["B", "C"], labels = ["A", "B", "C", "B"];
        double[] scores =
        [
            5, 0, 0,
            0, 1, 0,
            0, 0, 1,
            3, 0, 1,
        ];
        Assert.Equal(0, CalibratedStacking.ChooseGamma(scores, seen, unseen, labels));
        double h = ZeroShotEvaluator.FromScores(scores, seen, unseen, labels, new ZeroShotEvaluationOptions { CalibrationGamma = 0 }).GzslH;
        Assert.Equal(6.0 / 7.0, h, 12);   // s = 1, u = (1/2 + 1)/2 = 0.75: H = 2·0.75/1.75
        foreach (double other in new[] { 0.5, 3.5 })
        {
            Assert.Equal(h, ZeroShotEvaluator.FromScores(scores, seen, unseen, labels, new ZeroShotEvaluationOptions { CalibrationGamma = other }).GzslH, 12);
        }

        // Shift every margin by +2 (add 2 to the seen score): γ = 0 now sends the first B to A, and the tie is between
        // the midpoints 2.5 and 5.5; 2.5 wins.
        double[] shifted = [.. scores.Select((v, k) => k % 3 == 0 ? v + 2 : v)];
        Assert.Equal(2.5, CalibratedStacking.ChooseGamma(shifted, seen, unseen, labels));
    }

    [Fact]
    public void HarmonicMeanEdgeCases()
    {
        Assert.Equal(0, ZeroShotEvaluator.HarmonicMean(0, 0));
        Assert.Equal(0.5, ZeroShotEvaluator.HarmonicMean(0.5, 0.5), 12);
        Assert.True(double.IsNaN(ZeroShotEvaluator.HarmonicMean(double.NaN, 0.5)));
    }

    [Fact]
    public void UnseenClassWithoutTestInstanceIsAnError()
    {
        var error = Assert.Throws<SimZslException>(() => ZeroShotEvaluator.FromScores(Scores.AsSpan(0, 24), Seen, Unseen, Labels[..6]));
        Assert.Contains("'D'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no test instance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelOutsideTheClassesIsAnError()
    {
        string[] labels = [.. Labels[..6], "E"];
        var error = Assert.Throws<SimZslException>(() => ZeroShotEvaluator.FromScores(Scores, Seen, Unseen, labels));
        Assert.Contains("'E' at row 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreTableOfTheWrongSizeIsAnError() =>
        Assert.Throws<ArgumentException>(() => ZeroShotEvaluator.FromScores(Scores.AsSpan(1), Seen, Unseen, Labels));

    [Fact]
    public void SeenScoreScaleIsTheMedianGapBetweenTheTwoBestSeenScores()
    {
        // Gaps 2, 0.5 and 0: the median is 0.5. Only seen prototypes are scored, in their order.
        var scorer = new FixedScorer([3, 1, 0, 5, 4.5, 0, 2, 2, -1]);
        Assert.Equal(0.5, CalibratedStacking.SeenScoreScale(scorer, RowMatrix.FromArray(new double[3, 1])), 12);
        Assert.Equal([0, 1, 2], scorer.LastRows);
        // No gap at all (every seen score tied): the unit stays 1.
        Assert.Equal(1, CalibratedStacking.SeenScoreScale(new FixedScorer([1, 1, 1]), RowMatrix.FromArray(new double[1, 1])));
    }

    private sealed class FixedScorer(double[] scores) : IZeroShotScorer
    {
        public ClassPrototypes Prototypes { get; } = new(["x", "y", "z", "u"], RowMatrix.FromArray(new double[4, 1]), 0);

        public IReadOnlyList<string> SeenClasses { get; } = ["x", "y", "z"];

        public int FeatureCount => 1;

        public IReadOnlyList<int>? LastRows { get; private set; }

        public double[] Scores(RowMatrix features, IReadOnlyList<int> prototypeRows)
        {
            LastRows = prototypeRows;
            return scores;
        }
    }
}
