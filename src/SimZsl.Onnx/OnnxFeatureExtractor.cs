using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SimZsl.IO;

namespace SimZsl.Onnx;

/// <summary>Image features from an ONNX image network (a ResNet, CLIP's image encoder, your own CNN) run with ONNX
/// Runtime: the problem (model, output, device) is set up once, then <see cref="Extract"/> streams the features of an
/// <see cref="ImageSource"/> to a float32 <c>.npy</c> batch by batch, so memory does not grow with the number of
/// images. The network takes one float32 input of shape N × C × H × W (C = 1 or 3).</summary>
/// <example><code>
/// using var extractor = new OnnxFeatureExtractor("resnet50.onnx", new OnnxFeatureExtractorOptions { BatchSize = 64 });
/// using var outputs = new AtomicFileSet();
/// var images = new ImageFolder("photos");   // photos/cat/*.jpg, photos/dog/*.jpg, …
/// outputs.Add("features.npy", s => extractor.Extract(images, s));
/// outputs.Add("labels.csv", images.WriteLabels);
/// outputs.Commit();
/// </code></example>
public sealed class OnnxFeatureExtractor : IDisposable
{
    private readonly InferenceSession _session;
    private readonly long[] _inputShape;
    private bool _disposed;

    /// <summary>Loads the model and checks that it is an image network.</summary>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    /// <exception cref="DataFormatException">ONNX Runtime cannot load it, or its input is not one float32
    /// N × C × H × W tensor; the message names the file.</exception>
    /// <exception cref="ArgumentException">The options are invalid, or <see cref="OnnxFeatureExtractorOptions.OutputNode"/>
    /// names no output (the message lists them).</exception>
    /// <exception cref="SimZslException">CUDA was asked for and ONNX Runtime has none, or its native library is missing.</exception>
    public OnnxFeatureExtractor(string modelPath, OnnxFeatureExtractorOptions? options = null)
    {
        options ??= new OnnxFeatureExtractorOptions();
        options.Validate();
        InputFile.Require(modelPath, "ONNX model");
        (_session, Device) = OnnxSession.Open(modelPath, options.Device, options.Threads);
        try
        {
            ModelPath = modelPath;
            Options = options;
            (InputName, _inputShape) = ImageInput(_session, modelPath);
            OutputNames = [.. _session.OutputNames];
            OutputNode = options.OutputNode ?? OutputNames[0];
            if (!OutputNames.Contains(OutputNode, StringComparer.Ordinal))
            {
                throw new ArgumentException($"The model {modelPath} has no output '{OutputNode}'; its outputs are {string.Join(", ", OutputNames.Select(n => $"'{n}'"))}.");
            }

            DefaultPreprocessing = ImagePreprocessing.ForInputShape(_inputShape);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>The model file.</summary>
    public string ModelPath { get; }

    /// <summary>The settings, as given.</summary>
    public OnnxFeatureExtractorOptions Options { get; }

    /// <summary>Where the network runs: "cpu" or "cuda".</summary>
    public string Device { get; }

    /// <summary>The name of the model's image input.</summary>
    public string InputName { get; }

    /// <summary>The input's shape N × C × H × W, −1 for a size the model leaves free (usually N).</summary>
    public IReadOnlyList<long> InputShape => _inputShape;

    /// <summary>The model's outputs, in order.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The output the features are taken from.</summary>
    public string OutputNode { get; }

    /// <summary>The preprocessing used when <see cref="Extract"/> is given none: sizes from the model's input,
    /// ImageNet's mean and standard deviation (<see cref="ImagePreprocessing.ForInputShape"/>).</summary>
    public ImagePreprocessing DefaultPreprocessing { get; }

    /// <summary>Writes the features of every image of <paramref name="images"/> to <paramref name="features"/> as a
    /// float32 <c>.npy</c> of <c>images.Count</c> rows: the header as soon as the first batch gives the number of
    /// columns, then each batch's rows. Decoding and preprocessing run on all cores, the network on the device.</summary>
    /// <param name="images">The images, in row order.</param>
    /// <param name="features">Where the <c>.npy</c> goes (commit the file with <see cref="AtomicFile"/> or
    /// <see cref="AtomicFileSet"/>, so that an error leaves no half-written features).</param>
    /// <param name="preprocessing">How images become inputs, or null for <see cref="DefaultPreprocessing"/>.</param>
    /// <param name="progress">Told after every batch.</param>
    /// <param name="cancellationToken">Stops between batches (and inside a run of the network).</param>
    /// <exception cref="ArgumentException">The preprocessing is invalid or does not fit the model's input.</exception>
    /// <exception cref="DataFormatException">An image cannot be decoded or is smaller than the crop; the message
    /// names it.</exception>
    /// <exception cref="SimZslException">The network failed on a batch or gave an output that is not float32.</exception>
    public FeatureExtractionResult Extract(ImageSource images, Stream features, ImagePreprocessing? preprocessing = null,
        IProgress<FeatureExtractionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(features);
        ObjectDisposedException.ThrowIf(_disposed, this);
        preprocessing ??= DefaultPreprocessing;
        CheckFits(preprocessing);
        if (images.Count == 0)
        {
            throw new ArgumentException("There are no images to extract features from.", nameof(images));
        }

        var clock = Stopwatch.StartNew();
        int total = images.Count;
        int batch = _inputShape[0] > 0 ? (int)_inputShape[0] : Math.Min(Options.BatchSize, total);
        int perImage = preprocessing.Channels * preprocessing.CropHeight * preprocessing.CropWidth;
        var input = new float[(long)batch * perImage];
        int columns = -1;
        using var run = new RunOptions();
        using var stop = cancellationToken.Register(() => run.Terminate = true);
        for (int start = 0; start < total; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batch, total - start);
            Preprocess(images, start, count, preprocessing, input, perImage, cancellationToken);
            // A model with a fixed batch size runs a full batch even at the end: the rows past count still hold the
            // previous batch's images, and their outputs are not written.
            int rows = _inputShape[0] > 0 ? batch : count;
            long[] shape = [rows, preprocessing.Channels, preprocessing.CropHeight, preprocessing.CropWidth];
            using var tensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, rows * perImage), shape);
            using var outputs = RunBatch(run, tensor, images, start, count, cancellationToken);
            var values = Rows(outputs[0], rows, start, count, images, ref columns);
            if (start == 0)
            {
                NpyFile.WriteHeader(features, [total, columns], asFloat32: true);
            }

            Write(features, values[..(count * columns)]);
            progress?.Report(new FeatureExtractionProgress(start + count, total, clock.Elapsed));
        }

        return new FeatureExtractionResult(total, columns, OutputNode, Device, clock.Elapsed);
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose()
    {
        _disposed = true;
        _session.Dispose();
    }

    private static (string Name, long[] Shape) ImageInput(InferenceSession session, string modelPath)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw new DataFormatException(modelPath, $"the model has {session.InputMetadata.Count} inputs ({string.Join(", ", session.InputMetadata.Keys.Select(n => $"'{n}'"))}); a feature extractor feeds one image tensor. Export the image encoder alone (for CLIP, model.visual).");
        }

        var (name, input) = session.InputMetadata.Single();
        long[] shape = input.IsTensor ? input.Dimensions.Select(d => (long)d).ToArray() : [];
        if (!input.IsTensor || input.ElementDataType != TensorElementType.Float || shape.Length != 4 || shape[1] is not (1 or 3 or <= 0))
        {
            string has = input.IsTensor ? $"{input.ElementDataType} of shape {Shape(shape)}" : "not a tensor";
            throw new DataFormatException(modelPath, $"the input '{name}' is {has}; an image network here takes float32 N × C × H × W with C = 1 or 3. Export it with such an input (torch.onnx.export with a dummy torch.zeros(1, 3, 224, 224)).");
        }

        return (name, shape);
    }

    private void CheckFits(ImagePreprocessing preprocessing)
    {
        preprocessing.Validate();
        long c = _inputShape[1], h = _inputShape[2], w = _inputShape[3];
        new OptionViolations("image preprocessing")
            .Require(c <= 0 || preprocessing.Channels == c, $"the model takes {c} channel(s), not {preprocessing.Channels}.")
            .Require(h <= 0 || preprocessing.CropHeight == h, $"the model takes images {h} high, but the crop is {preprocessing.CropHeight} (CropHeight; --crop in the tool).")
            .Require(w <= 0 || preprocessing.CropWidth == w, $"the model takes images {w} wide, but the crop is {preprocessing.CropWidth} (CropWidth; --crop in the tool).")
            .ThrowIfAny();
    }

    // Decoding and preprocessing run in parallel; of several failures, the first image's is reported, so that a
    // folder with two broken files always names the same one.
    private static void Preprocess(ImageSource images, int start, int count, ImagePreprocessing preprocessing, float[] input, int perImage, CancellationToken cancellationToken)
    {
        var errors = new Exception?[count];
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, k =>
        {
            try
            {
                ImageTransform.Apply(images.Read(start + k), preprocessing, input.AsSpan(k * perImage, perImage), images.NameOf(start + k));
            }
            catch (Exception e)
            {
                errors[k] = e;
            }
        });
        if (Array.Find(errors, e => e is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }

    private IDisposableReadOnlyCollection<OrtValue> RunBatch(RunOptions run, OrtValue tensor, ImageSource images, int start, int count, CancellationToken cancellationToken)
    {
        try
        {
            return _session.Run(run, [InputName], [tensor], [OutputNode]);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException e)
        {
            throw new SimZslException($"ONNX Runtime failed on images {start + 1} to {start + count} ({images.NameOf(start)} …): {e.Message.Trim()} Check that the preprocessing gives the input the model expects.", e);
        }
    }

    private ReadOnlySpan<float> Rows(OrtValue output, int rows, int start, int count, ImageSource images, ref int columns)
    {
        var info = output.GetTensorTypeAndShape();
        long[] shape = info.Shape;
        if (info.ElementDataType != TensorElementType.Float)
        {
            throw new SimZslException($"The output '{OutputNode}' of {ModelPath} is {info.ElementDataType}; features are read from float32 outputs. Export the model in float32.");
        }

        long perRow = shape.Length < 1 || shape[0] != rows ? -1 : shape.Skip(1).Aggregate(1L, (a, b) => a * b);
        if (perRow < 1 || perRow > int.MaxValue || (columns >= 0 && perRow != columns))
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture, $"The output '{OutputNode}' of {ModelPath} has shape {Shape(shape)} for images {start + 1} to {start + count} ({images.NameOf(start)} …); features need {rows} × F{(columns >= 0 ? $" with F = {columns} as in the first batch" : string.Empty)}. Pick another output (OutputNode; --output-node in the tool)."));
        }

        columns = (int)perRow;
        return output.GetTensorDataAsSpan<float>();
    }

    private static void Write(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        var bytes = new byte[values.Length * sizeof(float)];
        for (int k = 0; k < values.Length; k++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(k * sizeof(float)), values[k]);
        }

        stream.Write(bytes);
    }

    private static string Shape(IEnumerable<long> shape) => "(" + string.Join(", ", shape) + ")";
}
