using System.Diagnostics;
using SimZsl.Embedding;

namespace SimZsl.ZeroShot;

/// <summary>One call from a labelled data set to zero-shot metrics: the seeded stratified split
/// (<see cref="ZeroShotSplit"/>), training on the seen classes, evaluation on test-seen and test-unseen, and
/// optionally calibrated stacking with γ chosen on a held-out part of the test data.</summary>
public static class ZeroShotExperiment
{
    /// <summary>Runs the experiment.</summary>
    /// <param name="features">All instances (N × F).</param>
    /// <param name="labels">One class name per row.</param>
    /// <param name="prototypes">Prototypes of every labelled class.</param>
    /// <param name="unseenClasses">Classes held out from training.</param>
    /// <param name="trainerOptions">How to train (its seed also seeds the split).</param>
    /// <param name="testFraction">Fraction of each seen class's instances kept for test-seen.</param>
    /// <param name="calibrationFraction">When &gt; 0, this fraction of each test class (seen and unseen) is used to
    /// choose the calibrated-stacking γ, and <see cref="ZeroShotExperimentResult.CalibratedMetrics"/> reports the
    /// rest with that γ.</param>
    /// <param name="progress">Per-epoch training progress.</param>
    /// <param name="cancellationToken">Stops training.</param>
    public static ZeroShotExperimentResult Run(RowMatrix features, IReadOnlyList<string> labels, ClassPrototypes prototypes,
        IReadOnlyList<string> unseenClasses, ZeroShotTrainerOptions trainerOptions, double testFraction = 0.2, double calibrationFraction = 0,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainerOptions);
        ArgumentOutOfRangeException.ThrowIfNegative(calibrationFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(calibrationFraction, 1);
        var trainer = new ZeroShotTrainer(trainerOptions);
        ZeroShotInput.CheckLabels(features, labels, "experiment");
        var clock = Stopwatch.StartNew();
        var split = ZeroShotSplit.Create(labels, unseenClasses, testFraction, trainerOptions.Seed);
        var model = trainer.Fit(RowSelection.Select(features, split.Train), RowSelection.Select(labels, split.Train), prototypes, split.SeenClasses, progress, cancellationToken);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        var test = split.Test;
        var metrics = model.Evaluate(RowSelection.Select(features, test), RowSelection.Select(labels, test), unseenClasses);
        ZeroShotMetrics? calibrated = null;
        if (calibrationFraction > 0)
        {
            var classIndex = ZeroShotInput.Index([.. split.SeenClasses, .. unseenClasses]);
            var classOfRow = test.Select(r => classIndex[labels[r]]).ToArray();
            var (report, calibration) = ZeroShotSplit.Stratified(classOfRow, calibrationFraction, new Random(trainerOptions.Seed + 1));
            var calibrationRows = calibration.Select(i => test[i]).ToArray();
            var reportRows = report.Select(i => test[i]).ToArray();
            double gamma = model.ChooseCalibration(RowSelection.Select(features, calibrationRows), RowSelection.Select(labels, calibrationRows), unseenClasses);
            calibrated = model.Evaluate(RowSelection.Select(features, reportRows), RowSelection.Select(labels, reportRows), unseenClasses,
                new ZeroShotEvaluationOptions { CalibrationGamma = gamma });
        }

        return new ZeroShotExperimentResult(model, split, metrics, calibrated, trainSeconds, clock.Elapsed.TotalSeconds);
    }
}

/// <summary>What <see cref="ZeroShotExperiment.Run"/> produced.</summary>
/// <param name="Model">The trained model (dispose it when done).</param>
/// <param name="Split">Which rows were train, test-seen and test-unseen.</param>
/// <param name="Metrics">Uncalibrated metrics on all test rows.</param>
/// <param name="CalibratedMetrics">With calibration: metrics with the chosen γ on the test rows not used to choose it.</param>
/// <param name="TrainSeconds">Training time.</param>
/// <param name="Seconds">Total time.</param>
public sealed record ZeroShotExperimentResult(ZeroShotModel Model, ZeroShotSplit Split, ZeroShotMetrics Metrics, ZeroShotMetrics? CalibratedMetrics, double TrainSeconds, double Seconds);
