namespace SimZsl.ZeroShot;

/// <summary>Calibrated stacking (Chao et al. 2016): GZSL models favour the seen classes they were trained on, so a
/// constant γ is subtracted from every seen-class score. γ is chosen to maximise H on validation data.</summary>
public static class CalibratedStacking
{
    private const int MaxCandidates = 2000;

    /// <summary>The unit in which γ moves from one model to another: the median gap between the best and the
    /// second-best seen-class score over every ⌊N/1000⌋-th instance the model was fitted on (1000 to 1999 of them
    /// when N ≥ 1000). γ is chosen on
    /// models fitted during model selection, on fewer classes and instances than the final model; a final model that
    /// fits its seen classes more tightly has larger gaps and needs a larger γ, so γ travels as a multiple of this
    /// scale (measured: fold γ applied unscaled left the trained heads' calibrated H below the closed-form peers').</summary>
    /// <param name="scorer">A fitted scorer with at least two seen classes.</param>
    /// <param name="fitted">Instances it was fitted on.</param>
    internal static double SeenScoreScale(IZeroShotScorer scorer, RowMatrix fitted)
    {
        int step = Math.Max(1, fitted.Rows / 1000);
        var rows = Enumerable.Range(0, (fitted.Rows + step - 1) / step).Select(i => i * step).ToArray();
        int s = scorer.SeenClasses.Count;
        var seenRows = ZeroShotInput.PrototypeRows(scorer.Prototypes, scorer.SeenClasses, "seen");
        var scores = scorer.Scores(RowSelection.Select(fitted, rows), seenRows);
        var gaps = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = scores.AsSpan(i * s, s);
            int best = ScoreMath.ArgMax(row);
            double second = double.NegativeInfinity;
            for (int k = 0; k < s; k++)
            {
                if (k != best && row[k] > second)
                {
                    second = row[k];
                }
            }

            gaps[i] = row[best] - second;
        }

        Array.Sort(gaps);
        double median = gaps[gaps.Length / 2];
        return median > 0 && double.IsFinite(median) ? median : 1;
    }

    /// <summary>The γ that maximises H on labelled validation instances of seen and unseen classes.</summary>
    public static double ChooseGamma(IZeroShotScorer scorer, RowMatrix features, IReadOnlyList<string> labels, IReadOnlyList<string> unseenClasses)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var scores = ZeroShotEvaluator.ScoreCandidates(scorer, features, labels, unseenClasses);
        return ChooseGamma(scores, scorer.SeenClasses, unseenClasses, labels);
    }

    /// <summary>The γ that maximises H on a score table (columns: seen, then unseen classes). H changes only where
    /// γ crosses some instance's margin (best seen score − best unseen score), so the midpoints between sorted
    /// margins (and one value beyond each end) are all the candidates; on ties the smallest |γ| wins.</summary>
    public static double ChooseGamma(ReadOnlySpan<double> scores, IReadOnlyList<string> seenClasses, IReadOnlyList<string> unseenClasses, IReadOnlyList<string> labels)
    {
        var table = ScoreTable.Create(scores, seenClasses, unseenClasses, labels);
        int s = table.SeenCount, c = table.Classes.Length;
        if (!table.Labels.Any(l => l < s))
        {
            throw new SimZslException("Choosing γ needs validation instances of seen classes too (H needs both accuracies).");
        }

        var margin = new double[table.Rows];
        var bestSeen = new int[table.Rows];
        var bestUnseen = new int[table.Rows];
        for (int i = 0; i < table.Rows; i++)
        {
            var row = scores.Slice(i * c, c);
            bestSeen[i] = ScoreMath.ArgMax(row[..s]);
            bestUnseen[i] = s + ScoreMath.ArgMax(row[s..]);
            margin[i] = row[bestSeen[i]] - row[bestUnseen[i]];
        }

        var counts = new ClassCounts(table);
        double bestGamma = 0, bestH = double.NegativeInfinity;
        foreach (double gamma in Candidates(margin))
        {
            double h = counts.HarmonicMeanAt(gamma, margin, bestSeen, bestUnseen);
            if (h > bestH || (h == bestH && Math.Abs(gamma) < Math.Abs(bestGamma)))
            {
                bestH = h;
                bestGamma = gamma;
            }
        }

        return bestGamma;
    }

    private static IEnumerable<double> Candidates(double[] margin)
    {
        var sorted = margin.Distinct().Order().ToArray();
        if (sorted.Length > MaxCandidates)
        {
            sorted = Enumerable.Range(0, MaxCandidates).Select(q => sorted[(int)((long)q * (sorted.Length - 1) / (MaxCandidates - 1))]).Distinct().ToArray();
        }

        yield return 0;
        yield return sorted[0] - 1;
        yield return sorted[^1] + 1;
        for (int k = 0; k + 1 < sorted.Length; k++)
        {
            yield return 0.5 * (sorted[k] + sorted[k + 1]);
        }
    }

    /// <summary>H at one γ in one pass over the instances: each candidate γ used to cost a pass per class (the
    /// per-class mean of <see cref="ZeroShotEvaluator.PerClassMeanAccuracy"/>), which made choosing γ the slowest
    /// step of model selection for the closed-form peers (measured: simzsl gbu with ridge, ESZSL and SAE on a synthetic
    /// AWA2, ~9 000 validation instances of 40 classes, took 120 s before and 6 s after, with the same γ and
    /// figures). The accuracies are the same numbers, averaged in the same class order.</summary>
    private sealed class ClassCounts
    {
        private readonly int[] _labels;
        private readonly int[] _total;
        private readonly int[] _correct;
        private readonly int[] _seenPresent;
        private readonly int _seenCount;

        public ClassCounts(ScoreTable table)
        {
            _labels = table.Labels;
            _seenCount = table.SeenCount;
            _total = new int[table.Classes.Length];
            _correct = new int[table.Classes.Length];
            foreach (int label in _labels)
            {
                _total[label]++;
            }

            // Every unseen class has an instance (ScoreTable.Create checks); seen classes without one are left out.
            _seenPresent = Enumerable.Range(0, _seenCount).Where(k => _total[k] > 0).ToArray();
        }

        // An instance goes to its best seen class when margin ≥ γ (ties go to the earlier, seen, column).
        public double HarmonicMeanAt(double gamma, double[] margin, int[] bestSeen, int[] bestUnseen)
        {
            Array.Clear(_correct);
            for (int i = 0; i < margin.Length; i++)
            {
                int predicted = margin[i] >= gamma ? bestSeen[i] : bestUnseen[i];
                if (predicted == _labels[i])
                {
                    _correct[predicted]++;
                }
            }

            double s = _seenPresent.Select(k => (double)_correct[k] / _total[k]).ToArray().Average();
            double u = Enumerable.Range(_seenCount, _total.Length - _seenCount).Select(k => (double)_correct[k] / _total[k]).ToArray().Average();
            return ZeroShotEvaluator.HarmonicMean(s, u);
        }
    }
}
