using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SimZsl.IO;
using SimZsl.Tests.Infrastructure;
using SimZsl.Tests.ZeroShot;
using SimZsl.ZeroShot;

namespace SimZsl.Tests.IO;

/// <summary>Every refusal of the model-file reader by its whole message. The damaged files are rewritten with a
/// valid checksum, so that each reaches the check it is for: the envelope (magic, version, checksum), the header,
/// and the weight tensors' count, names and shapes.</summary>
[Collection(LibTorchGlobalState.Name)]
public class ZeroShotModelFileErrorTests
{
    private const int Envelope = 12;   // "SIMZSLZM" and the format version

    private static byte[] SavedModel()
    {
        var data = SyntheticZeroShotData.Create(0);
        var options = new ZeroShotTrainerOptions { Epochs = 1, BatchSize = 32, Seed = 3, Threads = 1, Device = ComputeDevice.Cpu };
        using var model = new ZeroShotTrainer(options).Fit(data.Features, data.Labels, data.Prototypes);
        using var stream = new MemoryStream();
        ZeroShotModelFile.Save(stream, model);
        return stream.ToArray();
    }

    /// <summary>The body (everything before the checksum) with a fresh SHA-256 after it.</summary>
    private static byte[] Sealed(byte[] body) => [.. body, .. SHA256.HashData(body)];

    private static (int HeaderLength, JsonObject Header, byte[] Tensors) Split(byte[] file)
    {
        var body = file.AsSpan(0, file.Length - SHA256.HashSizeInBytes);
        int length = BinaryPrimitives.ReadInt32LittleEndian(body[Envelope..]);
        var header = (JsonObject)JsonNode.Parse(body.Slice(Envelope + 4, length))!;
        return (length, header, body[(Envelope + 4 + length)..].ToArray());
    }

    private static byte[] WithHeader(byte[] file, byte[] header)
    {
        var (_, _, rest) = Split(file);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, header.Length);
        return Sealed([.. file.AsSpan(0, Envelope), .. length, .. header, .. rest]);
    }

    private static byte[] WithTensors(byte[] file, byte[] tensors)
    {
        var (length, _, _) = Split(file);
        return Sealed([.. file.AsSpan(0, Envelope + 4 + length), .. tensors]);
    }

    private static DataFormatException Refusal(byte[] bytes)
    {
        using var scratch = new ScratchFolder("simzsl-model-");
        Directory.CreateDirectory(scratch.Path);
        string path = Path.Combine(scratch.Path, "m.szm");
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<DataFormatException>(() => ZeroShotModel.Load(path, ComputeDevice.Cpu));
        Assert.Equal(path, error.File);
        return error;
    }

    private const string NotAModel = "this is not a SimZsl model file (the magic string SIMZSLZM is missing). Write models with ZeroShotModel.Save.";
    private const string Corrupted = "the model file is corrupted (its SHA-256 checksum does not match: truncated or modified). Save the model again.";

    [Fact]
    public void TheEnvelopeIsCheckedBeforeAnythingIsParsed()
    {
        byte[] magic = "SIMZSLZM"u8.ToArray();
        Assert.Equal(NotAModel, ErrorDetail.Of(Refusal([.. magic, 1, 0])));                              // too short for a version
        Assert.Equal(NotAModel, ErrorDetail.Of(Refusal("SIMZSLZN followed by enough bytes"u8.ToArray())));   // long enough, wrong magic
        Assert.Equal(0, Refusal("hello"u8.ToArray()).Offset);
        Assert.Equal(Corrupted, ErrorDetail.Of(Refusal([.. magic, 1, 0, 0, 0])));                      // magic and version, no checksum

        // A checksum that matches a body of just the envelope: the envelope is sound, the body cannot be read.
        var empty = Refusal(Sealed([.. magic, 1, 0, 0, 0]));
        Assert.StartsWith("the model file is not readable (", ErrorDetail.Of(empty), StringComparison.Ordinal);
        Assert.EndsWith("). It was probably written by another program; save it again with ZeroShotModel.Save.", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableHeaderIsRefusedWithTheParsersReason()
    {
        var file = SavedModel();
        var garbage = Refusal(WithHeader(file, "{not json"u8.ToArray()));
        Assert.StartsWith("the model file is not readable (", ErrorDetail.Of(garbage), StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(garbage.InnerException);

        Assert.Equal("the model header is empty.", ErrorDetail.Of(Refusal(WithHeader(file, "null"u8.ToArray()))));
    }

    [Fact]
    public void AHeadOfNoRegisteredKindIsRefusedWithTheKindsThereAre()
    {
        var file = SavedModel();
        var (_, header, _) = Split(file);
        header["Head"] = "no-such-head";
        var error = Refusal(WithHeader(file, Encoding.UTF8.GetBytes(header.ToJsonString())));
        Assert.Equal($"the model's head 'no-such-head' is not a registered kind ({string.Join(", ", ZeroShotHeadKind.All)}). Register its kind (ZeroShotHeadKind.Register) before loading.", ErrorDetail.Of(error));
    }

    [Fact]
    public void WeightTensorsThatDoNotFitTheDescribedModelAreRefusedByNameAndShape()
    {
        var file = SavedModel();
        var (_, _, tensors) = Split(file);
        int count = BinaryPrimitives.ReadInt32LittleEndian(tensors);
        using var reader = new BinaryReader(new MemoryStream(tensors, 4, tensors.Length - 4));
        string name = reader.ReadString();
        int rank = reader.ReadInt32();
        long[] shape = [.. Enumerable.Range(0, rank).Select(_ => reader.ReadInt64())];
        int nameStart = 4 + 1;   // the count, then the name's one-byte length (names are short)
        int shapeStart = nameStart + name.Length + 4;

        var moreTensors = tensors.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(moreTensors, count + 1);
        Assert.Equal($"the file has {count + 1} weight tensors; the model it describes has {count}.", ErrorDetail.Of(Refusal(WithTensors(file, moreTensors))));

        var renamed = tensors.ToArray();
        renamed[nameStart] = (byte)'Q';   // same length, a name the encoder does not have
        string other = "Q" + name[1..];
        Assert.Equal($"the weight tensor '{other}' ({string.Join(" × ", shape)}) does not fit the model it describes.", ErrorDetail.Of(Refusal(WithTensors(file, renamed))));

        var reshaped = tensors.ToArray();
        BinaryPrimitives.WriteInt64LittleEndian(reshaped.AsSpan(shapeStart), shape[0] + 1);
        long[] wrong = [shape[0] + 1, .. shape[1..]];
        Assert.Equal($"the weight tensor '{name}' ({string.Join(" × ", wrong)}) does not fit the model it describes.", ErrorDetail.Of(Refusal(WithTensors(file, reshaped))));
    }

    [Fact]
    public void MissingFilesAndNullArgumentsAreRefusedByName()
    {
        using var scratch = new ScratchFolder("simzsl-model-");
        string missing = Path.Combine(scratch.Path, "m.szm");
        Assert.Equal($"The model file '{missing}' does not exist.", Assert.Throws<FileNotFoundException>(() => ZeroShotModel.Load(missing, ComputeDevice.Cpu)).Message);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => ZeroShotModelFile.Save(missing, null!)).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => ZeroShotModelFile.Save(new MemoryStream(), null!)).ParamName);
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => ZeroShotModelFile.Save((Stream)null!, null!)).ParamName);
    }
}
