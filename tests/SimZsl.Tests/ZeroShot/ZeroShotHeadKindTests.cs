using System.Security.Cryptography;
using System.Text;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Tests.Infrastructure;
using SimZsl.ZeroShot;

namespace SimZsl.Tests.ZeroShot;

/// <summary>The head registry: names, natural curvatures, lookup, and model files written before it existed.</summary>
[Collection(LibTorchGlobalState.Name)]
public class ZeroShotHeadKindTests
{
    [Fact]
    public void TheBuiltInHeadsAndPeersAreRegisteredUnderTheirCliNames()
    {
        string[] heads = ["devise", "prototype", "hyperbolic", "softmax"];
        Assert.Equal(heads, ZeroShotHeadKind.All.Select(k => k.Name).Take(4));
        Assert.Equal(["ridge", "eszsl", "sae"], ClosedFormPeer.All.Select(p => p.Name).Take(3));
        Assert.Same(ZeroShotHeadKind.DeViSE, ZeroShotHeadKind.Find("DeViSE"));   // the enum name older model files hold
        Assert.Same(ZeroShotHeadKind.Prototype, ZeroShotHeadKind.Find("Prototype"));
        Assert.Null(ZeroShotHeadKind.Find("svm"));
        Assert.Same(ClosedFormPeer.Eszsl, ClosedFormPeer.Find("ESZSL"));
        Assert.Equal(-1, ZeroShotHeadKind.Hyperbolic.NaturalCurvatureSign);
        Assert.Null(ZeroShotHeadKind.Softmax.NaturalCurvatureSign);
    }

    [Fact]
    public void EveryBuiltInHeadIsRebuiltFromTheSettingsItReports()
    {
        var ball = new ClassPrototypes(["a", "b"], RowMatrix.FromRows([[0.1, 0.2], [-0.3, 0.1]]), -2);
        var flat = new ClassPrototypes(["a", "b"], RowMatrix.FromRows([[0.1, 0.2], [-0.3, 0.1]]), 0);
        var hyperbolic = new HyperbolicHead(-2, HyperbolicLoss.Hinge, margin: 0.4, temperature: 0.2);
        var rebuilt = Assert.IsType<HyperbolicHead>(ZeroShotHeadKind.SettingsOf(hyperbolic)!.Create(ball));
        Assert.Equal((HyperbolicLoss.Hinge, 0.4, 0.2, -2.0), (rebuilt.LossKind, rebuilt.Margin, rebuilt.Temperature, rebuilt.Curvature));
        var devise = Assert.IsType<DeViSEHead>(ZeroShotHeadKind.SettingsOf(new DeViSEHead(0.7, Compatibility.Cosine))!.Create(flat));
        Assert.Equal((0.7, Compatibility.Cosine), (devise.Margin, devise.Compatibility));
        var softmax = Assert.IsType<SoftmaxCompatibilityHead>(ZeroShotHeadKind.SettingsOf(new SoftmaxCompatibilityHead(Compatibility.Dot, 3))!.Create(flat));
        Assert.Equal((Compatibility.Dot, 3.0), (softmax.Compatibility, softmax.Temperature));
        Assert.IsType<HypersphericalHead>(ZeroShotHeadKind.SettingsOf(new HypersphericalHead())!.Create(flat));
    }

    [Fact]
    public void ANameIsRegisteredOnce()
    {
        var twin = ZeroShotHeadKind.Define("devise", (o, _) => new DeViSEHead(o.Margin), h => new ZeroShotHeadOptions());
        var error = Assert.Throws<ArgumentException>(() => ZeroShotHeadKind.Register(twin));
        Assert.StartsWith("A zero-shot head named 'devise' is already registered.", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, ZeroShotHeadKind.All.Count(k => k.Name == "devise"));
        Assert.Same(ZeroShotHeadKind.DeViSE, ZeroShotHeadKind.Register(ZeroShotHeadKind.DeViSE));   // registering again is harmless
    }

    [Fact]
    public void AModelFileThatNamesItsHeadByTheOldEnumNameStillLoads()
    {
        var data = SyntheticZeroShotData.Create(0);
        var options = new ZeroShotTrainerOptions { Epochs = 1, Threads = 1, Device = ComputeDevice.Cpu, Head = new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Softmax } };
        using var model = new ZeroShotTrainer(options).Fit(data.Features, data.Labels, data.Prototypes);
        string path = Path.Combine(Path.GetTempPath(), $"simzsl-oldhead-{Guid.NewGuid():N}.szm");
        try
        {
            model.Save(path);
            var bytes = File.ReadAllBytes(path);
            int headerLength = BitConverter.ToInt32(bytes, 12);
            string header = Encoding.UTF8.GetString(bytes, 16, headerLength);
            Assert.Contains("\"Head\":\"softmax\"", header, StringComparison.Ordinal);
            // Rewrite the header as the enum-based writer did ("Softmax", no HeadParameters), with a fresh checksum.
            byte[] old = Encoding.UTF8.GetBytes(header.Replace("\"Head\":\"softmax\"", "\"Head\":\"Softmax\"", StringComparison.Ordinal)
                .Replace(",\"HeadParameters\":null", string.Empty, StringComparison.Ordinal));
            var body = bytes[..12].Concat(BitConverter.GetBytes(old.Length)).Concat(old).Concat(bytes[(16 + headerLength)..^SHA256.HashSizeInBytes]).ToArray();
            File.WriteAllBytes(path, [.. body, .. SHA256.HashData(body)]);

            using var loaded = ZeroShotModel.Load(path, ComputeDevice.Cpu);
            Assert.Same(ZeroShotHeadKind.Softmax, loaded.HeadOptions?.Kind);
            Assert.Equal(model.Scores(data.Features, data.Prototypes.ClassNames), loaded.Scores(data.Features, data.Prototypes.ClassNames));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
