using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SimZsl.Embedding;
using SimZsl.ZeroShot;
using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.IO;

/// <summary>The versioned file of a trained <see cref="ZeroShotModel"/>: an 8-byte magic string, a format version,
/// a JSON header (encoder and head settings, curvature, class names, prototypes, seen classes, feature scaling),
/// the encoder's tensors by name (shape, then float32 values), and a SHA-256 of everything before it, so that a
/// truncated or damaged file is detected instead of loaded. The head is stored by its registered name
/// (<see cref="ZeroShotHeadKind"/>) with its settings, and found again in the registry on load.</summary>
/// <remarks>Model files depend on the zero-shot types, never the reverse: <c>model.Save(path)</c> and
/// <c>ZeroShotModel.Load(path)</c> are extension members declared here (<c>using SimZsl.IO;</c>).</remarks>
public static class ZeroShotModelFile
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int Version = 1;

    private static readonly byte[] Magic = "SIMZSLZM"u8.ToArray();

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Converters = { new JsonStringEnumConverter() } };

    extension(ZeroShotModel model)
    {
        /// <summary>Writes the model (weights, prototypes, class names, curvature, head and encoder settings, feature
        /// scaling) to <paramref name="path"/>, atomically.</summary>
        public void Save(string path) => Save(path, model);

        /// <summary>Reads a model written by <see cref="Save(string, ZeroShotModel)"/>.</summary>
        public static ZeroShotModel Load(string path, ComputeDevice device = ComputeDevice.Auto) => Read(path, device);
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, ZeroShotModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, stream => Save(stream, model));
    }

    /// <summary>Writes <paramref name="model"/> to a stream (for a caller that commits several files together).</summary>
    public static void Save(Stream stream, ZeroShotModel model)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(model);
        if (model.HeadOptions is null)
        {
            throw new SimZslException($"The model's '{model.Head.Name}' head is not of a registered kind, so a model file could not load it again. Register its kind (ZeroShotHeadKind.Register) to save it.");
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            var header = JsonSerializer.SerializeToUtf8Bytes(ModelHeader.From(model, model.HeadOptions), Json);
            writer.Write(header.Length);
            writer.Write(header);
            // A dispose scope keeps every temporary tensor reachable until the scope ends: a temporary that nothing
            // references may otherwise be finalised, and its native tensor freed, while libtorch still reads it.
            using var scope = NewDisposeScope();
            var tensors = model.Module.state_dict();
            writer.Write(tensors.Count);
            foreach (var (name, value) in tensors)
            {
                WriteTensor(writer, name, value);
            }
        }

        var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(hash);
        stream.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Reads a model file; a file of another version, or a damaged one, raises a <see cref="SimZslException"/>.</summary>
    public static ZeroShotModel Read(string path, ComputeDevice device = ComputeDevice.Auto)
    {
        InputFile.Require(path, "model file");

        var bytes = File.ReadAllBytes(path);
        CheckEnvelope(path, bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - SHA256.HashSizeInBytes), Encoding.UTF8);
            reader.ReadBytes(Magic.Length + sizeof(int));
            var header = JsonSerializer.Deserialize<ModelHeader>(reader.ReadBytes(reader.ReadInt32()), Json)
                ?? throw new DataFormatException(path, "the model header is empty.");
            var headOptions = header.HeadOptions(path);
            var prototypes = header.Prototypes();
            var head = headOptions.Create(prototypes);
            var torchDevice = ComputeDevices.Resolve(device);
            var spec = header.Spec();
            var module = spec.Build();
            LoadTensors(path, reader, module);
            return new ZeroShotModel(spec, module.to(torchDevice), head, headOptions, prototypes, header.SeenClasses, header.Scaling(), torchDevice);
        }
        catch (Exception e) when (e is JsonException or EndOfStreamException or ArgumentException)
        {
            throw new DataFormatException(path, $"the model file is not readable ({e.Message}). It was probably written by another program; save it again with ZeroShotModel.Save.", innerException: e);
        }
    }

    private static void CheckEnvelope(string path, byte[] bytes)
    {
        if (bytes.Length < Magic.Length + sizeof(int) || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new DataFormatException(path, "this is not a SimZsl model file (the magic string SIMZSLZM is missing). Write models with ZeroShotModel.Save.", offset: 0);
        }

        int version = BitConverter.ToInt32(bytes, Magic.Length);
        if (version != Version)
        {
            throw new DataFormatException(path, $"the model file has format version {version}; this SimZsl reads version {Version}. Retrain, or load it with the SimZsl release that wrote it.", offset: Magic.Length);
        }

        int body = bytes.Length - SHA256.HashSizeInBytes;
        if (body < Magic.Length + sizeof(int) || !SHA256.HashData(bytes.AsSpan(0, body)).AsSpan().SequenceEqual(bytes.AsSpan(body)))
        {
            throw new DataFormatException(path, "the model file is corrupted (its SHA-256 checksum does not match: truncated or modified). Save the model again.");
        }
    }

    private static void WriteTensor(BinaryWriter writer, string name, Tensor value)
    {
        using var cpu = value.detach().to(float32).cpu().contiguous();
        writer.Write(name);
        writer.Write(cpu.shape.Length);
        foreach (long d in cpu.shape)
        {
            writer.Write(d);
        }

        foreach (float v in cpu.data<float>())
        {
            writer.Write(v);
        }
    }

    private static void LoadTensors(string path, BinaryReader reader, nn.Module<Tensor, Tensor> module)
    {
        using var scope = NewDisposeScope();
        var targets = module.state_dict();
        int count = reader.ReadInt32();
        if (count != targets.Count)
        {
            throw new DataFormatException(path, $"the file has {count} weight tensors; the model it describes has {targets.Count}.");
        }

        using var noGrad = no_grad();
        for (int t = 0; t < count; t++)
        {
            string name = reader.ReadString();
            var shape = new long[reader.ReadInt32()];
            for (int d = 0; d < shape.Length; d++)
            {
                shape[d] = reader.ReadInt64();
            }

            if (!targets.TryGetValue(name, out var target) || !target.shape.SequenceEqual(shape))
            {
                throw new DataFormatException(path, $"the weight tensor '{name}' ({string.Join(" × ", shape)}) does not fit the model it describes.");
            }

            var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
            for (long k = 0; k < values.LongLength; k++)
            {
                values[k] = reader.ReadSingle();
            }

            using var loaded = tensor(values, shape);
            target.copy_(loaded);
        }
    }

    // Temperature (now nullable: the head's own default), AnchorWeight (training only) and HeadParameters (settings
    // of a registered head of one's own) joined the header without a version bump on purpose: enums are stored by
    // name, and a version-1 file without them still loads (null, 0, null). Head was an enum stored by name
    // ("DeViSE"); it is now the registered name ("devise"), and names are matched in any case, both ways.
    private sealed record ModelHeader(
        EncoderKind Encoder, int InputDimension, int OutputDimension, int HiddenDimension, int ImageHeight, int ImageWidth,
        string Head, double Margin, Compatibility Compatibility, HyperbolicLoss HyperbolicLoss, double? Temperature, double AnchorWeight,
        double Curvature, string[] ClassNames, double[][] Coordinates, string[] SeenClasses, double[] ScalingMean, double[] ScalingDeviation,
        Dictionary<string, double>? HeadParameters)
    {
        public static ModelHeader From(ZeroShotModel m, ZeroShotHeadOptions h) => new(
            m.Spec.Kind, m.Spec.InputDimension, m.Spec.OutputDimension, m.Spec.HiddenDimension, m.Spec.ImageHeight, m.Spec.ImageWidth,
            h.Kind.Name, h.Margin, h.Compatibility, h.HyperbolicLoss, h.Temperature, h.AnchorWeight,
            m.Prototypes.Curvature, [.. m.Prototypes.ClassNames],
            Enumerable.Range(0, m.Prototypes.Coordinates.Rows).Select(m.Prototypes.Coordinates.RowArray).ToArray(),
            [.. m.SeenClasses], m.Scaling.Mean, m.Scaling.Deviation,
            h.Parameters is null ? null : new Dictionary<string, double>(h.Parameters, StringComparer.Ordinal));

        public EncoderSpec Spec() => new(Encoder, InputDimension, OutputDimension, HiddenDimension, ImageHeight, ImageWidth);

        public ZeroShotHeadOptions HeadOptions(string path) => new()
        {
            Kind = ZeroShotHeadKind.Find(Head ?? string.Empty)
                ?? throw new DataFormatException(path, $"the model's head '{Head}' is not a registered kind ({string.Join(", ", ZeroShotHeadKind.All)}). Register its kind (ZeroShotHeadKind.Register) before loading."),
            Margin = Margin, Compatibility = Compatibility, HyperbolicLoss = HyperbolicLoss, Temperature = Temperature, AnchorWeight = AnchorWeight,
            Parameters = HeadParameters,
        };

        public ClassPrototypes Prototypes() => new(ClassNames, RowMatrix.FromRows(Coordinates), Curvature);

        public FeatureScaling Scaling() => new(ScalingMean, ScalingDeviation);
    }
}
