using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Tests.ZeroShot;

/// <summary>Training, scoring, saving and embedding give the same bits while other threads force garbage
/// collections without pause. TorchSharp frees a native tensor or scalar when its managed wrapper is finalised; a
/// wrapper that nothing references during the libtorch call it was passed to (an implicit scalar, a temporary
/// outside a dispose scope) was freed mid-call under such pressure: "Scalar.h toFloat" errors, wrong optimiser
/// steps and segmentation faults, seen in 6 processes side by side before the fix, none after.
/// Runs alone: its collections must not reach tests that drive TorchSharp directly (the tests' own code is not held
/// to SimZsl's rules).</summary>
[Collection(nameof(GarbageCollectionPressureTests))]
public class GarbageCollectionPressureTests
{
    [Fact]
    public void SameBitsWhileCollectionsRunOnOtherThreads()
    {
        var data = SyntheticZeroShotData.Create(1, classes: 12, perClass: 40);
        var hyperbolic = SyntheticZeroShotData.Create(-1, classes: 12, perClass: 40);
        var calm = Run(data, hyperbolic);

        using var stop = new CancellationTokenSource();
        var collectors = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        })).ToArray();
        foreach (var thread in collectors)
        {
            thread.Start();
        }

        try
        {
            for (int repeat = 0; repeat < 3; repeat++)
            {
                var pressed = Run(data, hyperbolic);
                Assert.Equal(calm.Scores, pressed.Scores);
                Assert.Equal(calm.Loaded, pressed.Loaded);
                Assert.Equal(calm.Hyperbolic, pressed.Hyperbolic);
                Assert.Equal(calm.Embedding, pressed.Embedding);
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var thread in collectors)
            {
                thread.Join();
            }
        }
    }

    private static (double[] Scores, double[] Loaded, double[] Hyperbolic, double[] Embedding) Run(SyntheticZeroShotData data, SyntheticZeroShotData hyperbolic)
    {
        var options = new ZeroShotTrainerOptions
        {
            Encoder = EncoderKind.Mlp,
            HiddenDimension = 32,
            Epochs = 8,
            BatchSize = 16,
            LearningRate = 0.01,
            ValidationFraction = 0.2,
            Patience = 0,
            Seed = 4,
            Threads = 1,
            Device = ComputeDevice.Cpu,
        };
        using var model = new ZeroShotTrainer(options with { Head = new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Prototype } })
            .Fit(data.Features, data.Labels, data.Prototypes);
        var scores = model.Scores(data.Features, data.Prototypes.ClassNames);
        string path = Path.Combine(Path.GetTempPath(), $"simzsl-gc-{Guid.NewGuid():N}.szm");
        double[] loadedScores;
        try
        {
            model.Save(path);
            using var loaded = ZeroShotModel.Load(path, ComputeDevice.Cpu);
            loadedScores = loaded.Scores(data.Features, data.Prototypes.ClassNames);
        }
        finally
        {
            File.Delete(path);
        }

        using var ball = new ZeroShotTrainer(options with { Head = new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Hyperbolic } })
            .Fit(hyperbolic.Features, hyperbolic.Labels, hyperbolic.Prototypes);
        var ballScores = ball.Scores(hyperbolic.Features, hyperbolic.Prototypes.ClassNames);

        var distances = DistanceMatrix.Create(data.Prototypes.ClassNames, SimZsl.Geometry.PairwiseDistances.All(data.Prototypes.Coordinates, 1.0));
        var embedding = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = 1, Seed = 2 }).Fit(distances).Prototypes.Coordinates.AsSpan().ToArray();
        return (scores, loadedScores, ballScores, embedding);
    }
}

/// <summary>The collection that runs <see cref="GarbageCollectionPressureTests"/> with no other test beside it.</summary>
[CollectionDefinition(nameof(GarbageCollectionPressureTests), DisableParallelization = true)]
public sealed class RunsAloneUnderGarbageCollectionPressure;
