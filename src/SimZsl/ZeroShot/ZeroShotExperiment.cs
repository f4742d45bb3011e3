using System.Diagnostics;
using SimZsl.Embedding;

namespace SimZsl.ZeroShot;

/// <summary>From labelled data to zero-shot metrics in one call: model selection on held-out seen classes
/// (<see cref="ModelSelection"/>), the chosen candidate refitted on all training instances, evaluation on test-seen
/// and test-unseen instances, and calibrated stacking with the γ chosen on the held-out classes (no test instance
/// takes part in any choice).</summary>
public static class ZeroShotExperiment
{
    /// <summary>Splits the data (<see cref="ZeroShotSplit.Create"/>: unseen-class rows to test, each seen class
    /// stratified into train and test-seen), then runs <see cref="Run(RowMatrix, IReadOnlyList{string}, RowMatrix, IReadOnlyList{string}, ClassPrototypes, IReadOnlyList{string}, IReadOnlyList{ZeroShotCandidate}, ModelSelectionOptions?, IProgress{ModelSelectionProgress}?, CancellationToken)"/>.</summary>
    /// <param name="features">All instances (N × F).</param>
    /// <param name="labels">One class name per row.</param>
    /// <param name="prototypes">Prototypes of every labelled class.</param>
    /// <param name="unseenClasses">Classes held out from training.</param>
    /// <param name="candidates">What to fit: a grid (<see cref="ZeroShotCandidates"/>) or a single candidate.</param>
    /// <param name="testFraction">Fraction of each seen class's instances kept for test-seen.</param>
    /// <param name="seed">Seed of the train/test split.</param>
    /// <param name="selection">How to select among the candidates; null: no selection (exactly one candidate, no
    /// calibrated metrics).</param>
    /// <param name="progress">One report per fit during selection.</param>
    /// <param name="cancellationToken">Stops selection and training.</param>
    public static ZeroShotExperimentResult Run(RowMatrix features, IReadOnlyList<string> labels, ClassPrototypes prototypes,
        IReadOnlyList<string> unseenClasses, IReadOnlyList<ZeroShotCandidate> candidates, double testFraction = 0.2, int seed = 0,
        ModelSelectionOptions? selection = null, IProgress<ModelSelectionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ZeroShotInput.CheckLabels(features, labels, "experiment");
        var split = ZeroShotSplit.Create(labels, unseenClasses, testFraction, seed);
        // The split puts every unseen-class row in test, so the training labels hold no unseen class: no second check.
        return Fit(RowSelection.Select(features, split.Train), RowSelection.Select(labels, split.Train), RowSelection.Select(features, split.Test),
            RowSelection.Select(labels, split.Test), prototypes, unseenClasses, candidates, selection, progress, cancellationToken) with { Split = split };
    }

    /// <summary>Selects among <paramref name="candidates"/> on held-out seen classes of the training data, refits the
    /// best on all of it and evaluates it on the test data, plainly and with calibrated stacking.</summary>
    /// <param name="trainFeatures">Training instances (seen classes only).</param>
    /// <param name="trainLabels">Their classes; the distinct labels are the seen classes.</param>
    /// <param name="testFeatures">Test instances of seen and unseen classes.</param>
    /// <param name="testLabels">Their classes.</param>
    /// <param name="prototypes">Prototypes of every class.</param>
    /// <param name="unseenClasses">The unseen classes.</param>
    /// <param name="candidates">What to fit.</param>
    /// <param name="selection">How to select; null: no selection (exactly one candidate, no calibrated metrics).</param>
    /// <param name="progress">One report per fit during selection.</param>
    /// <param name="cancellationToken">Stops selection and training.</param>
    public static ZeroShotExperimentResult Run(RowMatrix trainFeatures, IReadOnlyList<string> trainLabels, RowMatrix testFeatures, IReadOnlyList<string> testLabels,
        ClassPrototypes prototypes, IReadOnlyList<string> unseenClasses, IReadOnlyList<ZeroShotCandidate> candidates,
        ModelSelectionOptions? selection = null, IProgress<ModelSelectionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainLabels);
        // Before any fitting: an unseen class among the training labels would make the evaluation meaningless.
        ZeroShotInput.CheckUnseenDisjoint(unseenClasses, trainLabels.Distinct(StringComparer.Ordinal));
        return Fit(trainFeatures, trainLabels, testFeatures, testLabels, prototypes, unseenClasses, candidates, selection, progress, cancellationToken);
    }

    private static ZeroShotExperimentResult Fit(RowMatrix trainFeatures, IReadOnlyList<string> trainLabels, RowMatrix testFeatures, IReadOnlyList<string> testLabels,
        ClassPrototypes prototypes, IReadOnlyList<string> unseenClasses, IReadOnlyList<ZeroShotCandidate> candidates,
        ModelSelectionOptions? selection, IProgress<ModelSelectionProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (selection is null && candidates.Count != 1)
        {
            throw new ArgumentException($"Without model selection exactly one candidate is fitted; {candidates.Count} were given.", nameof(candidates));
        }

        var clock = Stopwatch.StartNew();
        var seen = trainLabels.Distinct(StringComparer.Ordinal).ToArray();
        var selected = selection is null ? null : ModelSelection.Select(candidates, trainFeatures, trainLabels, prototypes, seen, selection, progress, cancellationToken);
        var chosen = selected?.Best ?? candidates[0];
        var fitClock = Stopwatch.StartNew();
        var scorer = chosen.Fit(trainFeatures, trainLabels, prototypes, seen, cancellationToken);
        double trainSeconds = fitClock.Elapsed.TotalSeconds;
        try
        {
            var metrics = ZeroShotEvaluator.Evaluate(scorer, testFeatures, testLabels, unseenClasses);
            var calibrated = selected is null ? null : ZeroShotEvaluator.Evaluate(scorer, testFeatures, testLabels, unseenClasses,
                new ZeroShotEvaluationOptions { CalibrationGamma = selected.RelativeGamma * CalibratedStacking.SeenScoreScale(scorer, trainFeatures) });
            return new ZeroShotExperimentResult(scorer, chosen, selected, null, metrics, calibrated, trainSeconds, clock.Elapsed.TotalSeconds);
        }
        catch
        {
            (scorer as IDisposable)?.Dispose();
            throw;
        }
    }
}

/// <summary>What <see cref="ZeroShotExperiment.Run(RowMatrix, IReadOnlyList{string}, ClassPrototypes, IReadOnlyList{string}, IReadOnlyList{ZeroShotCandidate}, double, int, ModelSelectionOptions?, IProgress{ModelSelectionProgress}?, CancellationToken)"/>
/// produced. Dispose it to free a trained model's native weights.</summary>
/// <param name="Scorer">The fitted scorer (a <see cref="ZeroShotModel"/> for a trained head).</param>
/// <param name="Chosen">The candidate that was fitted.</param>
/// <param name="Selection">The model selection, or null without one.</param>
/// <param name="Split">Which rows were train, test-seen and test-unseen (null when the caller gave the parts).</param>
/// <param name="Metrics">Uncalibrated metrics on all test rows.</param>
/// <param name="CalibratedMetrics">Metrics with the γ chosen on held-out classes (null without selection).</param>
/// <param name="TrainSeconds">Time of the final fit.</param>
/// <param name="Seconds">Total time, selection included.</param>
public sealed record ZeroShotExperimentResult(IZeroShotScorer Scorer, ZeroShotCandidate Chosen, ModelSelectionResult? Selection, ZeroShotSplit? Split,
    ZeroShotMetrics Metrics, ZeroShotMetrics? CalibratedMetrics, double TrainSeconds, double Seconds) : IDisposable
{
    /// <summary>Disposes the scorer when it holds native weights.</summary>
    public void Dispose() => (Scorer as IDisposable)?.Dispose();
}
