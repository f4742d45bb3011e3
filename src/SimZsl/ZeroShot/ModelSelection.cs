using SimZsl.Embedding;

namespace SimZsl.ZeroShot;

/// <summary>Model selection on held-out classes, the protocol of Xian et al. ("the good, the bad and the ugly"): the
/// seen classes are split into folds (or a benchmark's own validation classes form the one fold, see
/// <see cref="ModelSelectionOptions.ValidationClasses"/>); for each fold its classes play the unseen ones, every candidate is fitted on
/// the other seen classes and scored by ZSL top-1 on the held-out classes (and by calibrated GZSL H, with
/// validation-seen instances of the fitting classes; γ is kept in units of each fitted model's seen-score scale, see
/// <see cref="CalibratedStacking.SeenScoreScale"/>). The candidate with the best mean is returned; refit it on all
/// seen classes. Accuracy on the seen classes says little about the unseen ones, which is why the selection holds
/// out classes, not instances.</summary>
public static class ModelSelection
{
    /// <summary>Scores every candidate on held-out classes and returns the best.</summary>
    /// <param name="candidates">The candidates (at least one).</param>
    /// <param name="features">Training instances of the seen classes (N × F).</param>
    /// <param name="labels">One seen class per row.</param>
    /// <param name="prototypes">Prototypes of (at least) the seen classes.</param>
    /// <param name="seenClasses">The seen classes; null: the distinct labels.</param>
    /// <param name="options">Folds, validation fraction, subsample and seed; null: the defaults.</param>
    /// <param name="progress">One report per fit.</param>
    /// <param name="cancellationToken">Checked between fits (and inside each).</param>
    /// <exception cref="SimZslException">Fewer than four seen classes (each fold needs two held-out classes and two to
    /// fit on).</exception>
    public static ModelSelectionResult Select(IReadOnlyList<ZeroShotCandidate> candidates, RowMatrix features, IReadOnlyList<string> labels,
        ClassPrototypes prototypes, IReadOnlyList<string>? seenClasses = null, ModelSelectionOptions? options = null,
        IProgress<ModelSelectionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(prototypes);
        options ??= new ModelSelectionOptions();
        options.Validate();
        if (candidates.Count == 0)
        {
            throw new ArgumentException("Model selection needs at least one candidate.", nameof(candidates));
        }

        ZeroShotInput.CheckFeatures(features, "training");
        ZeroShotInput.CheckLabels(features, labels, "training");
        var seen = seenClasses ?? labels.Distinct(StringComparer.Ordinal).ToArray();
        var classOfRow = ZeroShotInput.LabelIndices(labels, seen, "training", "seen classes");
        var folds = Folds(seen, options);
        var random = new Random(options.Seed);
        var rows = Subsample(classOfRow, seen.Count, options.MaxInstancesPerClass, random);
        var zsl = new double[candidates.Count, folds.Count];
        var h = new double[candidates.Count, folds.Count];
        var gamma = new double[candidates.Count, folds.Count];
        int done = 0, total = candidates.Count * folds.Count;
        for (int f = 0; f < folds.Count; f++)
        {
            var heldOut = new HashSet<string>(folds[f], StringComparer.Ordinal);
            var fitClasses = seen.Where(c => !heldOut.Contains(c)).ToArray();
            var fitClassOfRow = rows.Select(r => heldOut.Contains(labels[r]) ? -1 : classOfRow[r]).ToArray();
            var (fitPositions, validationSeenPositions) = ZeroShotSplit.Stratified(fitClassOfRow, options.ValidationSeenFraction, random);
            var fitRows = fitPositions.Select(i => rows[i]).ToArray();
            var validationRows = validationSeenPositions.Select(i => rows[i]).Concat(rows.Where(r => heldOut.Contains(labels[r]))).ToArray();
            var fitX = RowSelection.Select(features, fitRows);
            var fitY = RowSelection.Select(labels, fitRows);
            var validationX = RowSelection.Select(features, validationRows);
            var validationY = RowSelection.Select(labels, validationRows);
            for (int c = 0; c < candidates.Count; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scorer = candidates[c].Fit(fitX, fitY, prototypes, fitClasses, cancellationToken);
                try
                {
                    (zsl[c, f], h[c, f], gamma[c, f]) = Validate(scorer, validationX, validationY, folds[f]);
                    gamma[c, f] /= CalibratedStacking.SeenScoreScale(scorer, fitX);
                }
                finally
                {
                    (scorer as IDisposable)?.Dispose();
                }

                progress?.Report(new ModelSelectionProgress(++done, total, candidates[c]));
            }
        }

        var table = Enumerable.Range(0, candidates.Count)
            .Select(c => new CandidateValidation(candidates[c], Mean(zsl, c), Mean(h, c), Mean(gamma, c))).ToArray();
        var best = table.Aggregate((a, b) => b.ZslTop1 > a.ZslTop1 || (b.ZslTop1 == a.ZslTop1 && b.CalibratedH > a.CalibratedH) ? b : a);
        return new ModelSelectionResult(best.Candidate, best.RelativeGamma, table, folds);
    }

    private static (double Zsl, double H, double Gamma) Validate(IZeroShotScorer scorer, RowMatrix x, IReadOnlyList<string> y, IReadOnlyList<string> heldOut)
    {
        var scores = ZeroShotEvaluator.ScoreCandidates(scorer, x, y, heldOut);
        double gamma = CalibratedStacking.ChooseGamma(scores, scorer.SeenClasses, heldOut, y);
        var metrics = ZeroShotEvaluator.FromScores(scores, scorer.SeenClasses, heldOut, y, new ZeroShotEvaluationOptions { CalibrationGamma = gamma });
        return (metrics.ZslTop1, metrics.GzslH, gamma);
    }

    /// <summary>The seen classes, shuffled with the seed and dealt into min(Folds, ⌊S/2⌋) groups of at least two,
    /// leaving at least two classes to fit on in every fold; or the one fold of
    /// <see cref="ModelSelectionOptions.ValidationClasses"/> when given.</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> Folds(IReadOnlyList<string> seen, ModelSelectionOptions options)
    {
        if (options.ValidationClasses is { } validation)
        {
            return [ValidationFold(seen, validation)];
        }

        if (seen.Count < 4)
        {
            throw new SimZslException($"Model selection on held-out classes needs at least 4 seen classes (2 to hold out, 2 to fit on); there are {seen.Count}. Turn selection off (no ModelSelectionOptions; simzsl zsl --no-selection) and set the hyperparameters yourself.");
        }

        var order = seen.ToArray();
        new Random(options.Seed).Shuffle(order);
        // A single fold holds out ⌈S/3⌉ classes (at least 2) so that enough classes remain to fit on.
        int folds = Math.Min(options.Folds, seen.Count / 2);
        int perFold = folds == 1 ? Math.Max(2, (seen.Count + 2) / 3) : 0;
        return folds == 1
            ? [order[..perFold]]
            : Enumerable.Range(0, folds).Select(f => (IReadOnlyList<string>)order.Where((_, i) => i % folds == f).ToArray()).ToArray();
    }

    // A benchmark's own validation classes: checked against the seen classes here, where both are known.
    private static string[] ValidationFold(IReadOnlyList<string> seen, IReadOnlyList<string> validation)
    {
        var seenSet = seen.ToHashSet(StringComparer.Ordinal);
        var unknown = validation.Where(c => !seenSet.Contains(c)).ToArray();
        if (unknown.Length > 0)
        {
            throw new SimZslException($"The validation class(es) {string.Join(", ", unknown.Select(c => $"'{c}'"))} are not among the {seen.Count} seen classes; validation classes are seen classes held out during model selection. Give seen classes only.");
        }

        if (seen.Count - validation.Count < 2)
        {
            throw new SimZslException($"Holding out the {validation.Count} validation classes leaves {seen.Count - validation.Count} of the {seen.Count} seen classes to fit on; at least 2 are needed. Give fewer validation classes.");
        }

        return [.. validation];
    }

    private static int[] Subsample(int[] classOfRow, int classes, int? maxPerClass, Random random)
    {
        if (maxPerClass is not { } max)
        {
            return TensorData.AllRows(classOfRow.Length);
        }

        var kept = new List<int>();
        for (int k = 0; k < classes; k++)
        {
            var rows = Enumerable.Range(0, classOfRow.Length).Where(i => classOfRow[i] == k).ToArray();
            random.Shuffle(rows);
            kept.AddRange(rows.Take(max));
        }

        kept.Sort();
        return [.. kept];
    }

    private static double Mean(double[,] values, int row) =>
        Enumerable.Range(0, values.GetLength(1)).Average(f => values[row, f]);
}
