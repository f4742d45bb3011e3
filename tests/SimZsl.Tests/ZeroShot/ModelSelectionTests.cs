using SimZsl.Tests.Infrastructure;
using SimZsl.ZeroShot;

namespace SimZsl.Tests.ZeroShot;

/// <summary>Model selection on held-out classes: the folds, and a grid whose right setting is known.</summary>
[Collection(LibTorchGlobalState.Name)]
public class ModelSelectionTests
{
    [Fact]
    public void FoldsHoldOutEverySeenClassOnceInGroupsOfAtLeastTwo()
    {
        var seen = Enumerable.Range(0, 8).Select(i => $"c{i}").ToArray();
        var folds = ModelSelection.Folds(seen, new ModelSelectionOptions { Seed = 3 });
        Assert.Equal(3, folds.Count);
        Assert.Equal(seen.Order(), folds.SelectMany(f => f).Order());
        Assert.All(folds, f => Assert.InRange(f.Count, 2, 3));
        Assert.Equal(folds, ModelSelection.Folds(seen, new ModelSelectionOptions { Seed = 3 }));
        // Five seen classes: two folds (3 + 2), so at least two classes are left to fit on.
        Assert.Equal([3, 2], ModelSelection.Folds(seen[..5], new ModelSelectionOptions()).Select(f => f.Count));
        var error = Assert.Throws<SimZslException>(() => ModelSelection.Folds(seen[..3], new ModelSelectionOptions()));
        Assert.Contains("at least 4 seen classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PicksTheRidgePenaltyThatRecoversHeldOutClasses()
    {
        // The features are an exact linear image of the prototypes: a tiny λ recovers every held-out class, a huge λ
        // shrinks every prediction to the mean prototype.
        var data = SyntheticZeroShotData.Create(0, noise: 0.01);
        var rows = data.SeenRows;
        var grid = new[] { 1e6, 1e-3, 1e3 }.Select(l => new ZeroShotCandidate("ridge", new Dictionary<string, double> { ["lambda"] = l },
            (x, y, p, seen, _) => RidgeRegressionBaseline.Fit(x, y, p, seen, l))).ToArray();
        var result = ModelSelection.Select(grid, RowSelection.Select(data.Features, rows), RowSelection.Select(data.Labels, rows), data.Prototypes);
        Assert.Equal(1e-3, result.Best.Settings["lambda"]);
        Assert.Equal(1.0, result.Candidates[1].ZslTop1, 12);
        Assert.True(result.Candidates[0].ZslTop1 < 0.9, $"λ = 1e6 reached {result.Candidates[0].ZslTop1}");
        Assert.Equal(3, result.Candidates.Count);
        Assert.Equal(3, result.Folds.Count);
    }

    [Fact]
    public void PicksTheTrainingThatConvergesOverOneThatCannot()
    {
        var data = SyntheticZeroShotData.Create(0, noise: 0.01);
        var rows = data.SeenRows;
        var baseline = new ZeroShotTrainerOptions { Epochs = 40, BatchSize = 32, LearningRate = 0.02, Seed = 2, Threads = 1, Device = ComputeDevice.Cpu };
        var grid = new[]
        {
            ZeroShotCandidates.Head(baseline with { LearningRate = 1e-6, Epochs = 1 }),   // barely moves from its random start
            ZeroShotCandidates.Head(baseline),
        };
        var progress = new List<ModelSelectionProgress>();
        var result = ModelSelection.Select(grid, RowSelection.Select(data.Features, rows), RowSelection.Select(data.Labels, rows), data.Prototypes,
            progress: new SynchronousProgress<ModelSelectionProgress>(progress.Add));
        Assert.Same(grid[1], result.Best);
        Assert.Equal(Enumerable.Range(1, 6), progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Equal(6, p.Total));
    }

    [Fact]
    public void SameSeedSameChoiceAndFigures()
    {
        var data = SyntheticZeroShotData.Create(-1);
        var rows = data.SeenRows;
        ModelSelectionResult Run() => ModelSelection.Select(ZeroShotCandidates.Sae(), RowSelection.Select(data.Features, rows), RowSelection.Select(data.Labels, rows),
            data.Prototypes, options: new ModelSelectionOptions { Seed = 4, MaxInstancesPerClass = 12 });
        var first = Run();
        var second = Run();
        Assert.Equal(first.Candidates.Select(c => (c.ZslTop1, c.CalibratedH, c.RelativeGamma)), second.Candidates.Select(c => (c.ZslTop1, c.CalibratedH, c.RelativeGamma)));
        Assert.Equal(first.Best.Settings, second.Best.Settings);
    }

    [Fact]
    public void GivenValidationClassesAreTheOneFoldAndNeverFittedOn()
    {
        // A benchmark's own split (xlsa17's val classes): those classes are held out, every other seen class is fitted
        // on, whatever Folds says.
        var data = SyntheticZeroShotData.Create(0, noise: 0.01);
        var rows = data.SeenRows;
        var labels = RowSelection.Select(data.Labels, rows);
        var seen = labels.Distinct().ToArray();
        string[] validation = [seen[5], seen[1], seen[3]];
        var fitted = new List<(string[] Seen, string[] Labels)>();
        var probe = new ZeroShotCandidate("ridge", new Dictionary<string, double> { ["lambda"] = 1e-3 }, (x, y, p, fitSeen, _) =>
        {
            fitted.Add(([.. fitSeen], [.. y.Distinct()]));
            return RidgeRegressionBaseline.Fit(x, y, p, fitSeen, 1e-3);
        });
        var result = ModelSelection.Select([probe], RowSelection.Select(data.Features, rows), labels, data.Prototypes,
            options: new ModelSelectionOptions { ValidationClasses = validation, Folds = 5 });
        var fold = Assert.Single(result.Folds);
        Assert.Equal(validation, fold);
        var fit = Assert.Single(fitted);
        Assert.Equal(seen.Except(validation).Order(), fit.Seen.Order());
        Assert.Equal(seen.Except(validation).Order(), fit.Labels.Order());
        Assert.Equal(1.0, result.Candidates[0].ZslTop1, 12);   // an exact linear image: every held-out instance recovered

        var notSeen = Assert.Throws<SimZslException>(() => ModelSelection.Select([probe], RowSelection.Select(data.Features, rows), labels, data.Prototypes,
            options: new ModelSelectionOptions { ValidationClasses = [seen[0], data.Unseen[0]] }));
        Assert.Contains($"'{data.Unseen[0]}'", notSeen.Message, StringComparison.Ordinal);
        var tooMany = Assert.Throws<SimZslException>(() => ModelSelection.Select([probe], RowSelection.Select(data.Features, rows), labels, data.Prototypes,
            options: new ModelSelectionOptions { ValidationClasses = seen[1..] }));
        Assert.Contains("leaves 1 of the", tooMany.Message, StringComparison.Ordinal);
        var invalid = Assert.Throws<ArgumentException>(() => new ModelSelectionOptions { ValidationClasses = [seen[0]] }.Validate());
        Assert.Contains("at least two classes", invalid.Message, StringComparison.Ordinal);
        var repeated = Assert.Throws<ArgumentException>(() => new ModelSelectionOptions { ValidationClasses = [seen[0], seen[1], seen[0]] }.Validate());
        Assert.Contains($"'{seen[0]}' more than once", repeated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidOptionsAreNamedTogether()
    {
        var e = Assert.Throws<ArgumentException>(() => new ModelSelectionOptions { Folds = 0, ValidationSeenFraction = 1, MaxInstancesPerClass = 1 }.Validate());
        foreach (var name in new[] { "Folds", "ValidationSeenFraction", "MaxInstancesPerClass" })
        {
            Assert.Contains(name, e.Message, StringComparison.Ordinal);
        }
    }
}
