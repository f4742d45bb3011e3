using System.Diagnostics;
using System.Globalization;
using SimZsl.Embedding;
using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>Trains a projection from features onto fixed class prototypes with a zero-shot head:
/// <c>new ZeroShotTrainer(options).Fit(features, labels, prototypes, seenClasses)</c> trains the head that
/// <see cref="ZeroShotTrainerOptions.Head"/> names; <c>Fit(…, head: myHead)</c> trains any <see cref="IZeroShotHead"/>.</summary>
/// <remarks>The optimiser is AdamW on the projection's weights in their Euclidean parameterisation. That is
/// correct for every geometry here: the weights are ordinary matrices in ℝ^(F×P); only the projection's
/// outputs are mapped onto the manifold (normalised onto the sphere, or sent through the exponential map at 0 into
/// the Poincaré ball), and that map is part of the differentiated function. No parameter lives on a manifold, so
/// no Riemannian optimiser is needed.</remarks>
public sealed class ZeroShotTrainer
{
    /// <summary>Creates a trainer; the options are validated here, once, naming every violation.</summary>
    public ZeroShotTrainer(ZeroShotTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The settings.</summary>
    public ZeroShotTrainerOptions Options { get; }

    /// <summary>Trains on the instances of the seen classes.</summary>
    /// <param name="features">One row per instance (N × F).</param>
    /// <param name="labels">One class name per row; every label must be a seen class.</param>
    /// <param name="prototypes">Prototypes of all classes, seen and unseen (fixed during training).</param>
    /// <param name="seenClasses">The classes to train on; null: the distinct labels.</param>
    /// <param name="progress">Receives one report per epoch.</param>
    /// <param name="head">The head to train with, built for <paramref name="prototypes"/> (its geometry is checked);
    /// null: the head of <see cref="ZeroShotTrainerOptions.Head"/>. Of the head settings only
    /// <see cref="ZeroShotHeadOptions.AnchorWeight"/> applies to a given head. A model trained with a head of an
    /// unregistered kind scores, predicts and evaluates, but has no model file (see <see cref="ZeroShotHeadKind"/>).</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <remarks>One signature, the head an optional parameter before the token: an overload without it made
    /// <c>Fit(x, y, prototypes, null)</c> ambiguous.</remarks>
    public ZeroShotModel Fit(RowMatrix features, IReadOnlyList<string> labels, ClassPrototypes prototypes,
        IReadOnlyList<string>? seenClasses = null, IProgress<TrainingProgress>? progress = null, IZeroShotHead? head = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        ZeroShotInput.CheckFeatures(features, "training");
        ZeroShotInput.CheckLabels(features, labels, "training");
        var seen = seenClasses ?? labels.Distinct(StringComparer.Ordinal).ToArray();
        var seenRows = ZeroShotInput.PrototypeRows(prototypes, seen, "seen");
        var targets = ZeroShotInput.LabelIndices(labels, seen, "training", "seen classes");
        // The head is built (or checked) here, once, and the model keeps this same instance.
        ZeroShotHeadOptions? headOptions;
        if (head is null)
        {
            head = Options.Head.Create(prototypes);
            headOptions = Options.Head;
        }
        else
        {
            head.EnsureGeometry(prototypes);
            headOptions = ZeroShotHeadKind.SettingsOf(head) is { } settings ? settings with { AnchorWeight = Options.Head.AnchorWeight } : null;
        }

        CheckImageShape(features.Columns);

        if (Options.Threads is { } threads)
        {
            torch.set_num_threads(threads);
        }

        var device = ComputeDevices.Resolve(Options.Device);
        var random = new Random(Options.Seed);
        var (trainRows, validationRows) = Options.ValidationFraction > 0
            ? ZeroShotSplit.Stratified(targets, Options.ValidationFraction, random)
            : (TensorData.AllRows(features.Rows), []);
        var scaling = Options.Standardize
            ? FeatureScaling.Fit(features, trainRows, pooled: Options.Encoder == EncoderKind.SmallCnn)
            : FeatureScaling.Identity(features.Columns);

        torch.manual_seed(Options.Seed);
        var spec = new EncoderSpec(Options.Encoder, features.Columns, prototypes.Coordinates.Columns, Options.HiddenDimension, Options.ImageHeight, Options.ImageWidth);
        var encoder = spec.Build().to(device);
        var model = new ZeroShotModel(spec, encoder, head, headOptions, prototypes, [.. seen], scaling, device);
        try
        {
            Train(new TrainingData(features, targets, trainRows, validationRows, scaling, seenRows, prototypes, device), encoder, head, random, progress, cancellationToken);
            encoder.eval();
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private void Train(TrainingData data, nn.Module<Tensor, Tensor> encoder, IZeroShotHead head, Random random,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Every tensor of the training lives in a dispose scope (one here, one per step): a temporary that nothing
        // references may otherwise be finalised, and its native tensor freed, while libtorch still uses it.
        using var scope = NewDisposeScope();
        using var x = data.Features(data.TrainRows);
        using var y = tensor(data.TrainRows.Select(r => (long)data.Targets[r]).ToArray(), device: data.Device);
        using var validationX = data.ValidationRows.Length > 0 ? data.Features(data.ValidationRows) : null;
        using var prototypes = TensorData.Rows(data.Prototypes.Coordinates, data.SeenRows, data.Device);
        using var optimizer = new DecoupledAdam(encoder.parameters(), Options.WeightDecay);
        var order = TensorData.AllRows(data.TrainRows.Length);
        Dictionary<string, Tensor>? best = null;
        double bestAccuracy = double.NegativeInfinity;
        int epochsWithoutGain = 0;
        try
        {
            for (int epoch = 0; epoch < Options.Epochs; epoch++)
            {
                double rate = LearningRateAt(epoch);
                encoder.train();
                random.Shuffle(order);
                double loss = RunEpoch(encoder, head, optimizer, x, y, prototypes, order, epoch, rate, cancellationToken);
                double accuracy = validationX is null ? double.NaN : ValidationAccuracy(encoder, head, validationX, prototypes, data);
                progress?.Report(new TrainingProgress(epoch + 1, Options.Epochs, loss, accuracy, rate, clock.Elapsed));
                if (validationX is null)
                {
                    continue;
                }

                if (accuracy > bestAccuracy)
                {
                    bestAccuracy = accuracy;
                    epochsWithoutGain = 0;
                    Release(best);
                    best = Snapshot(encoder);
                }
                else if (Options.Patience > 0 && ++epochsWithoutGain >= Options.Patience)
                {
                    break;
                }
            }

            if (best is not null)
            {
                Restore(encoder, best);
            }
        }
        finally
        {
            Release(best);
        }
    }

    private double RunEpoch(nn.Module<Tensor, Tensor> encoder, IZeroShotHead head, DecoupledAdam optimizer, Tensor x, Tensor y,
        Tensor prototypes, int[] order, int epoch, double rate, CancellationToken cancellationToken)
    {
        double total = 0;
        int steps = 0;
        for (int start = 0; start < order.Length; start += Options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var batch = tensor(order.AsSpan(start, Math.Min(Options.BatchSize, order.Length - start)).ToArray().Select(i => (long)i).ToArray(), device: x.device);
            optimizer.ZeroGrad();
            var targets = y.index_select(0, batch);
            var embedded = head.Embed(encoder.call(x.index_select(0, batch)));
            var loss = head.Loss(embedded, prototypes, targets);
            if (Options.Head.AnchorWeight > 0)
            {
                loss = loss.add(head.SquaredDistances(embedded, prototypes.index_select(0, targets)).mean(), Kept(Options.Head.AnchorWeight));
            }

            double value = loss.item<float>();
            if (!double.IsFinite(value))
            {
                throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                    $"The training loss became {value} at epoch {epoch + 1}, step {steps + 1} ({head.Name} head, learning rate {rate:G3}). Lower the learning rate (e.g. to {rate / 10:G3}), or check that the features are standardized."));
            }

            loss.backward();
            optimizer.Step(rate);
            total += value;
            steps++;
        }

        return total / Math.Max(steps, 1);
    }

    private static double ValidationAccuracy(nn.Module<Tensor, Tensor> encoder, IZeroShotHead head, Tensor validationX, Tensor prototypes, TrainingData data)
    {
        encoder.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var predicted = head.Scores(head.Embed(encoder.call(validationX)), prototypes).argmax(1).cpu().data<long>().ToArray();
        var actual = data.ValidationRows.Select(r => data.Targets[r]).ToArray();
        return ZeroShotEvaluator.PerClassMeanAccuracy(actual, predicted.Select(p => (int)p).ToArray(), actual.Distinct());
    }

    /// <summary>The learning rate of an epoch (zero-based) under the schedule.</summary>
    internal double LearningRateAt(int epoch) => Options.Schedule switch
    {
        LearningRateSchedule.Cosine => Options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * epoch / Options.Epochs)),
        LearningRateSchedule.Step => Options.LearningRate * Math.Pow(Options.StepGamma, epoch / Options.StepEpochs),
        _ => Options.LearningRate,
    };

    private void CheckImageShape(int featureCount)
    {
        if (Options.Encoder == EncoderKind.SmallCnn && featureCount != Options.ImageHeight * Options.ImageWidth)
        {
            throw new SimZslException($"The CNN encoder reads each row as a {Options.ImageHeight} × {Options.ImageWidth} image ({Options.ImageHeight * Options.ImageWidth} pixels), but the features have {featureCount} columns. Set ImageHeight and ImageWidth, or use a vector encoder.");
        }
    }

    private static Dictionary<string, Tensor> Snapshot(nn.Module<Tensor, Tensor> encoder)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return encoder.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
    }

    private static void Restore(nn.Module<Tensor, Tensor> encoder, Dictionary<string, Tensor> weights)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        foreach (var (name, value) in encoder.state_dict())
        {
            value.copy_(weights[name]);
        }
    }

    private static void Release(Dictionary<string, Tensor>? weights)
    {
        foreach (var t in weights?.Values ?? Enumerable.Empty<Tensor>())
        {
            t.Dispose();
        }
    }

    private sealed record TrainingData(RowMatrix AllFeatures, int[] Targets, int[] TrainRows, int[] ValidationRows,
        FeatureScaling Scaling, int[] SeenRows, ClassPrototypes Prototypes, Device Device)
    {
        public Tensor Features(int[] rows) => TensorData.Features(AllFeatures, rows, Scaling, Device);
    }
}
