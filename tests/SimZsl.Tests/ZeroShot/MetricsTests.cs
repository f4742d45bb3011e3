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
        Assert.Equal("The test label 'E' at row 6 is not one of the seen or unseen classes ('A', 'B', 'C', 'D'). Check the labels against the class names.", error.Message);
    }

    [Fact]
    public void ScoreTableOfTheWrongSizeIsAnError() =>
        Assert.Throws<ArgumentException>(() => ZeroShotEvaluator.FromScores(Scores.AsSpan(1), Seen, Unseen, Labels));

    [Fact]
    public void SeenScoreScaleIsTheMedianGapBetweenTheTwoBestSeenScores()
    {
        // Gaps 0, 2 and 0.5 (neither the first nor the middle one is the median): the median is 0.5. Only seen
        // prototypes are scored, in their order.
        var scorer = new FixedScorer([2, 2, -1, 3, 1, 0, 5, 4.5, 0]);
        Assert.Equal(0.5, CalibratedStacking.SeenScoreScale(scorer, RowMatrix.FromArray(new double[3, 1])), 12);
        Assert.Equal([0, 1, 2], scorer.LastRows);
        // No gap at all (every seen score tied): the unit stays 1.
        Assert.Equal(1, CalibratedStacking.SeenScoreScale(new FixedScorer([1, 1, 1]), RowMatrix.FromArray(new double[1, 1])));
    }

    [Fact]
    public void TopKCountsEarlierTiesAgainstTheTargetAndIsCappedAtTheUnseenCount()
    {
        // Three tied scores: the first ranks first, the last third.
        double[] tied = [1, 1, 1];
        Assert.True(ScoreMath.InTopK(tied, 0, 1));
        Assert.False(ScoreMath.InTopK(tied, 1, 1));
        Assert.True(ScoreMath.InTopK(tied, 1, 2));
        Assert.False(ScoreMath.InTopK(tied, 2, 2));
        Assert.True(ScoreMath.InTopK(tied, 2, 3));
        Assert.True(ScoreMath.InTopK([0, 2, 1], 2, 2));   // only the strictly larger 2 is above
        Assert.False(ScoreMath.InTopK([3, 2, 1], 2, 2));  // the two larger values rank above the target
        Assert.Equal(0, ScoreMath.ArgMax(tied));
        Assert.Equal(2, ScoreMath.ArgMax([1, 2, 3]));
        Assert.Equal(1, ScoreMath.ArgMax([-1, 5, 5, 4]));

        var capped = ZeroShotEvaluator.FromScores(Scores, Seen, Unseen, Labels, new ZeroShotEvaluationOptions { TopK = 10 });
        Assert.Equal(2, capped.TopK);
        Assert.Equal(1.0, capped.ZslTopK, 12);
        var floor = ZeroShotEvaluator.FromScores(Scores, Seen, Unseen, Labels, new ZeroShotEvaluationOptions { TopK = 0 });
        Assert.Equal(1, floor.TopK);
        Assert.Equal(floor.ZslTop1, floor.ZslTopK, 12);
    }

    [Fact]
    public void GzslTiesGoToTheFirstClassAndASeenClassWithoutTestInstancesIsLeftOut()
    {
        // Row 0 ties A and C at γ = 0: A (the earlier column) wins. Row 1 is a C. No B instance: s is A's accuracy alone.
        string[] labels = ["A", "C", "D"];
        double[] scores =
        [
            2, 0, 2, 0,
            0, 0, 1, 0,
            0, 3, 0, 1,
        ];
        var m = ZeroShotEvaluator.FromScores(scores, Seen, Unseen, labels);
        Assert.Equal(1.0, m.GzslSeen, 12);
        Assert.Equal(0.5, m.GzslUnseen, 12);                 // C right, D taken by B
        Assert.Equal(3, m.GzslPerClass.Count);              // A, C, D; no B
        Assert.False(m.GzslPerClass.ContainsKey("B"));
        Assert.Equal(1, m.GzslConfusion["D", "B"]);
        Assert.Equal(1, m.TestSeenCount);
        Assert.Equal(2, m.TestUnseenCount);

        // γ just above 0 moves the tie to C; γ = 0 keeps it at A.
        var calibrated = ZeroShotEvaluator.FromScores(scores, Seen, Unseen, labels, new ZeroShotEvaluationOptions { CalibrationGamma = 1e-9 });
        Assert.Equal(0.0, calibrated.GzslSeen, 12);
        Assert.Equal(1, calibrated.GzslConfusion["A", "C"]);

        // With no test-seen instance at all, s is NaN and so is H.
        var unseenOnly = ZeroShotEvaluator.FromScores(scores.AsSpan(4), Seen, Unseen, labels[1..]);
        Assert.True(double.IsNaN(unseenOnly.GzslSeen));
        Assert.True(double.IsNaN(unseenOnly.GzslH));
        Assert.Equal(0, unseenOnly.TestSeenCount);
    }

    [Fact]
    public void PerClassMeansAndTheHarmonicMeanOnHandValues()
    {
        int[] actual = [0, 0, 0, 1, 2, 2];
        int[] predicted = [0, 1, 0, 1, 0, 2];
        Assert.Equal(((2.0 / 3) + 1 + 0.5) / 3, ZeroShotEvaluator.PerClassMeanAccuracy(actual, predicted, [0, 1, 2]), 12);
        Assert.Equal(0.75, ZeroShotEvaluator.PerClassMeanAccuracy(actual, predicted, [1, 2]), 12);
        Assert.True(double.IsNaN(ZeroShotEvaluator.PerClassMeanAccuracy(actual, predicted, [])));
        var error = Assert.Throws<ArgumentException>(() => ZeroShotEvaluator.PerClassMeanAccuracy(actual, predicted, [3]));
        Assert.StartsWith("Class 3 has no instance", error.Message, StringComparison.Ordinal);

        Assert.Equal(0.3, ZeroShotEvaluator.HarmonicMean(0.2, 0.6), 12);
        Assert.Equal(0, ZeroShotEvaluator.HarmonicMean(0, 0.7));
        Assert.True(double.IsNaN(ZeroShotEvaluator.HarmonicMean(0.5, double.NaN)));
    }

    [Fact]
    public void ScoreTablesNeedDistinctClassesAndAnUnseenOne()
    {
        var none = Assert.Throws<SimZslException>(() => ZeroShotEvaluator.FromScores(new double[2], Seen, [], ["A"]));
        Assert.Equal("No unseen classes were given; zero-shot evaluation needs at least one.", none.Message);
        var twice = Assert.Throws<SimZslException>(() => ZeroShotEvaluator.FromScores(new double[3], Seen, ["A"], ["A"]));
        Assert.StartsWith("A class appears twice among the seen and unseen classes", twice.Message, StringComparison.Ordinal);
        var size = Assert.Throws<ArgumentException>(() => ZeroShotEvaluator.FromScores(Scores.AsSpan(1), Seen, Unseen, Labels));
        Assert.StartsWith("The score table has 27 values; 7 instances × 4 classes need 28.", size.Message, StringComparison.Ordinal);
        var gammaWithoutSeen = Assert.Throws<SimZslException>(() => CalibratedStacking.ChooseGamma(Scores.AsSpan(16), Seen, Unseen, Labels[4..]));
        Assert.StartsWith("Choosing γ needs validation instances of seen classes too", gammaWithoutSeen.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConfusionMatrixIsIndexedByTrueThenPredictedClass()
    {
        // Pairs (true, predicted): (0,0), (0,2), (1,1), (2,2), (2,1), (2,2). Not symmetric: a swapped index fails.
        var matrix = new ConfusionMatrix(["x", "y", "z"], [0, 0, 1, 2, 2, 2], [0, 2, 1, 2, 1, 2]);
        Assert.Equal(["x", "y", "z"], matrix.Classes);
        Assert.Equal(1, matrix[0, 2]);
        Assert.Equal(0, matrix[2, 0]);
        Assert.Equal(1, matrix[2, 1]);
        Assert.Equal(0, matrix[1, 2]);
        Assert.Equal(1, matrix["z", "y"]);
        Assert.Equal(0, matrix["y", "z"]);
        Assert.Equal(2, matrix["z", "z"]);
        Assert.Equal(6, Enumerable.Range(0, 3).Sum(a => Enumerable.Range(0, 3).Sum(p => matrix[a, p])));
        var unknown = Assert.Throws<ArgumentException>(() => matrix["w", "x"]);
        Assert.StartsWith("'w' is not a class of this confusion matrix.", unknown.Message, StringComparison.Ordinal);
        var mismatch = Assert.Throws<ArgumentException>(() => new ConfusionMatrix(["x"], [0, 0], [0]));
        Assert.StartsWith("2 true classes but 1 predictions.", mismatch.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new ConfusionMatrix(null!, [], []));
        Assert.Throws<ArgumentNullException>(() => new ConfusionMatrix(["x"], null!, []));
        Assert.Throws<ArgumentNullException>(() => new ConfusionMatrix(["x"], [], null!));
    }

    [Fact]
    public void SeenScoreScaleSamplesEveryStepOfALargeFit()
    {
        // 2 500 fitted rows: every second one is scored (step ⌊2500/1000⌋ = 2), 1 250 rows.
        var scorer = new RecordingScorer();
        var fitted = RowMatrix.FromRows([.. Enumerable.Range(0, 2500).Select(i => new double[] { i })]);
        CalibratedStacking.SeenScoreScale(scorer, fitted);
        Assert.Equal(1250, scorer.LastFeatures!.Rows);
        Assert.Equal(2 * 1249, scorer.LastFeatures.Row(1249)[0]);
        CalibratedStacking.SeenScoreScale(scorer, RowMatrix.FromArray(new double[999, 1]));
        Assert.Equal(999, scorer.LastFeatures.Rows);
    }

    [Fact]
    public void ChoosingGammaAmongManyMarginsStillFindsTheBest()
    {
        // 3 000 instances with distinct margins (more than the 2 000 candidates kept): seen instances have margins
        // in [10, 20), unseen ones in [−20, −10); any γ in (−10, 10) separates them perfectly (H = 1), and the
        // smallest such |γ| is a candidate near 0: 0 itself.
        string[] seen = ["A"], unseen = ["B"];
        int n = 3000;
        var labels = new string[n];
        var scores = new double[2 * n];
        for (int i = 0; i < n; i++)
        {
            bool isSeen = i % 2 == 0;
            labels[i] = isSeen ? "A" : "B";
            double margin = (isSeen ? 10 : -20) + (10.0 * i / n);
            scores[2 * i] = margin;
        }

        Assert.Equal(0, CalibratedStacking.ChooseGamma(scores, seen, unseen, labels));
        // With 30 added to every seen score, the margins are 10…20 (unseen) and 40…50 (seen): only a γ in (20, 40]
        // separates them, and it is found among the kept candidates.
        var shifted = scores.Select((v, k) => k % 2 == 0 ? v + 30 : v).ToArray();
        double gamma = CalibratedStacking.ChooseGamma(shifted, seen, unseen, labels);
        Assert.InRange(gamma, 20, 40);
        Assert.Equal(1.0, ZeroShotEvaluator.FromScores(shifted, seen, unseen, labels, new ZeroShotEvaluationOptions { CalibrationGamma = gamma }).GzslH, 12);
    }

    [Fact]
    public void TopKMissesAreNotCountedAsHitsOfAnyClass()
    {
        // One seen class: the first unseen class sits at column 1. A B instance whose B score is not the best unseen one
        // is a miss, whatever column index a miss is recorded under.
        string[] seen = ["A"], unseen = ["B", "C"], labels = ["B", "C"];
        double[] scores = [0, 1, 2, 0, 0, 1];
        var m = ZeroShotEvaluator.FromScores(scores, seen, unseen, labels, new ZeroShotEvaluationOptions { TopK = 1 });
        Assert.Equal(0.5, m.ZslTopK, 12);
        Assert.Equal(0.0, m.ZslPerClass["B"]);
    }

    [Fact]
    public void GammaIsTheBestCandidateNotTheLastThatDiffersAndSeenClassesWithoutInstancesAreLeftOut()
    {
        // Seen A and Z (Z has no validation instance), unseen B. Margins: A 7 and 5, B 1. H = 1 for γ in (1, 5], and the
        // candidates in order are 0, 0, 8, 3, 6: γ = 3. The last candidate, 6, has H = 2/3.
        string[] seen = ["A", "Z"], unseen = ["B"], labels = ["A", "A", "B"];
        double[] scores =
        [
            7, -10, 0,
            5, -10, 0,
            1, -10, 0,
        ];
        Assert.Equal(3, CalibratedStacking.ChooseGamma(scores, seen, unseen, labels));

        // All margins 10 lower (A −3 and −5, B −9): H = 1 for γ in (−9, −5], found at the midpoint −7. The later
        // midpoint −4 is nearer 0 but has H = 2/3: a smaller |γ| wins only among equal H.
        double[] lower = [.. scores.Select((v, k) => k % 3 == 0 ? v - 10 : v)];
        Assert.Equal(-7, CalibratedStacking.ChooseGamma(lower, seen, unseen, labels));

        // Equal H at −3 and +3 (margins A −1 and 5, B −5 and 1): the first of equal |γ| stays.
        Assert.Equal(-3, CalibratedStacking.ChooseGamma([-1, 0, 5, 0, -5, 0, 1, 0], ["A"], ["B"], ["A", "A", "B", "B"]));

        // Margins A 1.5, B 0.2: H = 1 only for γ in (0.2, 1.5], found at the midpoint 0.85. The candidate beyond the
        // largest margin is 2.5 (H = 0); one inside the range would be found first.
        Assert.Equal(0.85, CalibratedStacking.ChooseGamma([1.5, 0, 0.2, 0], ["A"], ["B"], ["A", "B"]), 12);
        Assert.Throws<ArgumentNullException>(() => CalibratedStacking.ChooseGamma((IZeroShotScorer)null!, RowMatrix.FromArray(new double[1, 1]), ["A"], ["B"]));
    }

    [Fact]
    public void AMarginOfExactlyGammaGoesToTheSeenClass()
    {
        // An A instance whose seen and unseen scores tie (margin 0) and a B instance at margin −1: at γ = 0 the tie goes
        // to A, as in GZSL prediction, so γ = 0 already gives H = 1.
        string[] seen = ["A"], unseen = ["B"], labels = ["A", "B"];
        double[] scores = [2, 2, 0, 1];
        Assert.Equal(0, CalibratedStacking.ChooseGamma(scores, seen, unseen, labels));
        Assert.Equal(1.0, ZeroShotEvaluator.FromScores(scores, seen, unseen, labels).GzslH, 12);
    }

    [Fact]
    public void GammaWeighsEveryClassByItsMeanAccuracy()
    {
        // Seen A (margin 5) and Z (margin −8), unseen B twice (margins −10 and −3). H = 2/3 both for γ in (−10, −8]
        // (s = 1, u = 1/2) and for γ in (−3, 5] (s = mean of 1 and 0, u = 1): the tie goes to the smaller |γ|, 0. A
        // minimum over the seen classes instead of the mean, or counts that are not divided by the class sizes, would
        // pick the first interval.
        string[] seen = ["A", "Z"], unseen = ["B"], labels = ["A", "Z", "B", "B"];
        double[] scores =
        [
            5, 0, 0,
            -20, -8, 0,
            -10, -20, 0,
            -3, -20, 0,
        ];
        Assert.Equal(0, CalibratedStacking.ChooseGamma(scores, seen, unseen, labels));
        Assert.Equal(2.0 / 3, ZeroShotEvaluator.FromScores(scores, seen, unseen, labels).GzslH, 12);
    }

    [Fact]
    public void GammaWeighsEachSeenClassByItsAccuracy()
    {
        // Seen A (four instances, margins 5, −3, −3.5, −4) and Z (one, margin 6); unseen B (three, margins −10, −9, −2).
        // For γ in (−9, −4]: s = 1, u = 2/3, H = 0.8; for γ in (−2, 5]: s = (1/4 + 1)/2, u = 1, H = 0.769. So
        // γ = −6.5, the one candidate in the first interval. A class's correct count times its size, in place of
        // correct/size, would prefer the second.
        string[] seen = ["A", "Z"], unseen = ["B"], labels = ["A", "A", "A", "A", "Z", "B", "B", "B"];
        double[] scores =
        [
            5, -20, 0,
            -3, -20, 0,
            -3.5, -20, 0,
            -4, -20, 0,
            -20, 6, 0,
            -10, -20, 0,
            -9, -20, 0,
            -2, -20, 0,
        ];
        Assert.Equal(-6.5, CalibratedStacking.ChooseGamma(scores, seen, unseen, labels));
        Assert.Equal(0.8, ZeroShotEvaluator.FromScores(scores, seen, unseen, labels, new ZeroShotEvaluationOptions { CalibrationGamma = -6.5 }).GzslH, 12);
    }

    [Fact]
    public void EveryUnseenClassWithoutATestInstanceIsNamed()
    {
        var error = Assert.Throws<SimZslException>(() => ZeroShotEvaluator.FromScores(Scores.AsSpan(0, 16), Seen, Unseen, Labels[..4]));
        Assert.Equal("The unseen class(es) 'C', 'D' have no test instance, so their accuracy is undefined. Add test instances or remove them from the unseen classes.", error.Message);
    }

    [Fact]
    public void EvaluatingAScorerChecksTheTestInputsFirst()
    {
        var scorer = new FixedScorer([1, 0, 0, 0]);
        var features = RowMatrix.FromArray(new double[1, 1]);
        Assert.Equal("The test features have no rows.",
            Assert.Throws<SimZslException>(() => ZeroShotEvaluator.Evaluate(scorer, RowMatrix.FromArray(new double[0, 1]), [], ["u"])).Message);
        Assert.Equal("There are 1 test feature rows but 2 test labels; give one label per row.",
            Assert.Throws<SimZslException>(() => ZeroShotEvaluator.Evaluate(scorer, features, ["u", "u"], ["u"])).Message);
        Assert.Equal("The test features have 2 columns; the model was trained on 1. Use features from the same extractor.",
            Assert.Throws<SimZslException>(() => ZeroShotEvaluator.Evaluate(scorer, RowMatrix.FromArray(new double[1, 2]), ["u"], ["u"])).Message);
        Assert.StartsWith("The class(es) 'x' are listed as unseen but the model was trained on them.",
            Assert.Throws<SimZslException>(() => ZeroShotEvaluator.Evaluate(scorer, features, ["x"], ["x"])).Message, StringComparison.Ordinal);
        Assert.StartsWith("The evaluated class 'w' is not among the prototypes' 4 classes",
            Assert.Throws<SimZslException>(() => ZeroShotEvaluator.Evaluate(scorer, features, ["w"], ["w"])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => ZeroShotEvaluator.Evaluate(null!, features, ["u"], ["u"]));
        Assert.Throws<ArgumentNullException>(() => ZeroShotEvaluator.PerClassMeanAccuracy(null!, [], []));
        Assert.Throws<ArgumentNullException>(() => ZeroShotEvaluator.PerClassMeanAccuracy([], null!, []));
        Assert.Equal("classes", Assert.Throws<ArgumentNullException>(() => ZeroShotEvaluator.PerClassMeanAccuracy([], [], null!)).ParamName);
        Assert.Equal("seenClasses", Assert.Throws<ArgumentNullException>(() => ZeroShotEvaluator.FromScores(Scores, null!, Unseen, Labels)).ParamName);
        Assert.Throws<ArgumentNullException>(() => ZeroShotEvaluator.FromScores(Scores, Seen, null!, Labels));
        Assert.Throws<ArgumentNullException>(() => ZeroShotEvaluator.FromScores(Scores, Seen, Unseen, null!));

        // Nothing was scored before the checks refused; a valid call scores the seen classes, then the unseen ones, in
        // the prototypes' rows.
        Assert.Null(scorer.LastRows);
        var metrics = ZeroShotEvaluator.Evaluate(scorer, features, ["u"], ["u"]);
        Assert.Equal([0, 1, 2, 3], scorer.LastRows);
        Assert.Equal(1.0, metrics.ZslTop1);
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

    private sealed class RecordingScorer : IZeroShotScorer
    {
        public ClassPrototypes Prototypes { get; } = new(["x", "y"], RowMatrix.FromArray(new double[2, 1]), 0);

        public IReadOnlyList<string> SeenClasses { get; } = ["x", "y"];

        public int FeatureCount => 1;

        public RowMatrix? LastFeatures { get; private set; }

        public double[] Scores(RowMatrix features, IReadOnlyList<int> prototypeRows)
        {
            LastFeatures = features;
            return new double[features.Rows * prototypeRows.Count];
        }
    }
}
