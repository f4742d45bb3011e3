using BenchmarkDotNet.Attributes;
using SimZsl;
using SimZsl.Embedding;
using SimZsl.ZeroShot;

namespace SimZsl.Benchmarks;

/// <summary>DeViSE training speed: a linear 2048 → 300 projection, hinge rank loss (margin 0.1, dot product), AdamW,
/// batch 256, 4096 samples of 40 classes, 4 epochs per call, no validation. The peer is
/// benchmarks/peers/devise_torch_peer.py (same model and sizes in PyTorch). Samples/second = 4096·4 / mean time.</summary>
[MemoryDiagnoser(false)]
public class TrainingBenchmarks
{
    private const int Samples = 4096, Features = 2048, Dimension = 300, Classes = 40, Epochs = 4;
    private RowMatrix _features = null!;
    private string[] _labels = null!;
    private ClassPrototypes _prototypes = null!;
    private ZeroShotTrainer _trainer = null!;

    /// <summary>libtorch CPU threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(0);
        var names = Enumerable.Range(0, Classes).Select(c => $"c{c}").ToArray();
        _features = new RowMatrix(Samples, Features, Enumerable.Range(0, Samples * Features).Select(_ => random.NextDouble() - 0.5).ToArray());
        _labels = Enumerable.Range(0, Samples).Select(_ => names[random.Next(Classes)]).ToArray();
        _prototypes = new ClassPrototypes(names, new RowMatrix(Classes, Dimension, Enumerable.Range(0, Classes * Dimension).Select(_ => random.NextDouble() - 0.5).ToArray()), 0);
        _trainer = new ZeroShotTrainer(new ZeroShotTrainerOptions
        {
            Head = new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.DeViSE },
            Encoder = EncoderKind.Linear,
            Epochs = Epochs,
            BatchSize = 256,
            LearningRate = 1e-3,
            WeightDecay = 1e-4,
            Schedule = LearningRateSchedule.Constant,
            ValidationFraction = 0,
            Standardize = false,
            Device = ComputeDevice.Cpu,
            Threads = Threads,
        });
    }

    /// <summary>Four epochs of DeViSE training over 4096 samples (16 384 samples).</summary>
    [Benchmark]
    public int DeViSETrainFourEpochs()
    {
        using var model = _trainer.Fit(_features, _labels, _prototypes);
        return model.FeatureCount;
    }
}
