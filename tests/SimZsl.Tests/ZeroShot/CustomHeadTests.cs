using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Tests.Infrastructure;
using SimZsl.ZeroShot;
using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.Tests.ZeroShot;

/// <summary>A head a user writes: defined here, outside the library, trained and evaluated through the public API,
/// and saved and loaded once its kind is registered (one definition, one <see cref="ZeroShotHeadKind.Register"/>).</summary>
[Collection(LibTorchGlobalState.Name)]
public class CustomHeadTests
{
    private static readonly ZeroShotTrainerOptions Options = new()
    {
        Epochs = 40,
        BatchSize = 32,
        LearningRate = 0.02,
        Seed = 3,
        Threads = 1,
        Device = ComputeDevice.Cpu,
    };

    [Fact]
    public void TheTrainerTrainsAHeadOfTheUsersOwn()
    {
        var data = SyntheticZeroShotData.Create(0);
        var seen = data.SeenRows;
        var head = new ScaledDistanceHead(2);
        using var model = new ZeroShotTrainer(Options)
            .Fit(RowSelection.Select(data.Features, seen), RowSelection.Select(data.Labels, seen), data.Prototypes, head: head);

        var unseenRows = Enumerable.Range(0, data.Labels.Length).Where(i => data.Unseen.Contains(data.Labels[i])).ToArray();
        var test = seen.Take(30).Concat(unseenRows).ToArray();
        var metrics = model.Evaluate(RowSelection.Select(data.Features, test), RowSelection.Select(data.Labels, test), data.Unseen);
        // The same linear, nearly noise-free problem on which every built-in head reaches ZSL top-1 ≥ 0.9 (TrainerTests).
        Assert.True(metrics.ZslTop1 >= 0.9, $"ZSL top-1 {metrics.ZslTop1}");
        Assert.Same(head, model.Head);   // the model scores with the trained head itself, not a rebuilt one
        Assert.Null(model.HeadOptions);   // not registered: no settings to store
    }

    [Fact]
    public void AnUnregisteredHeadHasNoModelFileARegisteredOneRoundTrips()
    {
        var data = SyntheticZeroShotData.Create(0);
        var seen = data.SeenRows;
        var x = RowSelection.Select(data.Features, seen);
        var y = RowSelection.Select(data.Labels, seen);
        string path = Path.Combine(Path.GetTempPath(), $"simzsl-custom-{Guid.NewGuid():N}.szm");
        try
        {
            using (var unregistered = new ZeroShotTrainer(Options with { Epochs = 1 }).Fit(x, y, data.Prototypes, head: new ScaledDistanceHead(2)))
            {
                var error = Assert.Throws<SimZslException>(() => unregistered.Save(path));
                Assert.Contains("not of a registered kind", error.Message, StringComparison.Ordinal);
            }

            ZeroShotHeadKind.Register(ScaledDistanceHead.Kind);
            using var model = new ZeroShotTrainer(Options with { Epochs = 2 }).Fit(x, y, data.Prototypes, head: new ScaledDistanceHead(3));
            Assert.Equal(3, model.HeadOptions?.Parameters?["scale"]);
            model.Save(path);
            using var loaded = ZeroShotModel.Load(path, ComputeDevice.Cpu);
            Assert.Equal(3, Assert.IsType<ScaledDistanceHead>(loaded.Head).Scale);
            Assert.Equal(model.Scores(data.Features, data.Prototypes.ClassNames), loaded.Scores(data.Features, data.Prototypes.ClassNames));

            // Registered, the head is also named by options.
            var byName = new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Find("test-scaled-distance")!, Parameters = new Dictionary<string, double> { ["scale"] = 5 } };
            Assert.Equal(5, Assert.IsType<ScaledDistanceHead>(byName.Create(data.Prototypes)).Scale);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Softmax over s·(−‖e − t‖²) with a fixed scale s: a head the library does not have.</summary>
    private sealed class ScaledDistanceHead(double scale) : IZeroShotHead
    {
        public static ZeroShotHeadKind Kind { get; } = ZeroShotHeadKind.Define("test-scaled-distance",
            (options, _) => new ScaledDistanceHead(options.Parameters?["scale"] ?? 1),
            head => new ZeroShotHeadOptions { Parameters = new Dictionary<string, double> { ["scale"] = head.Scale } });

        public double Scale { get; } = scale;

        public string Name => Kind.Name;

        public void EnsureGeometry(ClassPrototypes prototypes)
        {
            if (prototypes.Curvature != 0)
            {
                throw new SimZslException("The scaled-distance head needs Euclidean prototypes.");
            }
        }

        public Tensor Embed(Tensor projected) => projected.alias();

        public Tensor Scores(Tensor embedded, Tensor prototypes) => cdist(embedded, prototypes).pow(2).mul(-Scale);

        public Tensor Loss(Tensor embedded, Tensor prototypes, Tensor targets) =>
            nn.functional.cross_entropy(Scores(embedded, prototypes), targets);

        public Tensor SquaredDistances(Tensor embedded, Tensor targetPrototypes) => embedded.sub(targetPrototypes).pow(2).sum(1);
    }
}
