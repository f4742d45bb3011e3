using SimZsl.Embedding;
using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>Softmax compatibility (ALE / VGSE style): logits s(f(v), t_c)/τ with the learned projection f, loss the
/// cross-entropy over the seen classes. Works on Euclidean prototypes and on the sphere's ambient coordinates. The
/// default compatibility is −‖f(v) − t‖² (<see cref="Compatibility.Distance"/>); ALE's bilinear form (x W)·Tᵀ is
/// <see cref="Compatibility.Dot"/> with τ = 1.</summary>
/// <param name="compatibility">Distance, dot product or cosine.</param>
/// <param name="temperature">The temperature τ &gt; 0 that divides the logits.</param>
public sealed class SoftmaxCompatibilityHead(Compatibility compatibility = Compatibility.Distance, double temperature = 1) : IZeroShotHead
{
    /// <summary>Its registry entry: "softmax", settings compatibility and temperature (its own default τ = 1).</summary>
    public static ZeroShotHeadKind Kind { get; } = ZeroShotHeadKind.Define("softmax",
        (options, _) => new SoftmaxCompatibilityHead(options.Compatibility, options.Temperature ?? 1),
        head => new ZeroShotHeadOptions { Compatibility = head.Compatibility, Temperature = head.Temperature });

    /// <summary>Distance, dot product or cosine.</summary>
    public Compatibility Compatibility { get; } = compatibility;

    /// <summary>The temperature τ.</summary>
    public double Temperature { get; } = temperature > 0 && double.IsFinite(temperature)
        ? temperature
        : throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be a finite number > 0.");

    /// <inheritdoc />
    public string Name => Kind.Name;

    /// <inheritdoc />
    public void EnsureGeometry(ClassPrototypes prototypes) => VectorSpaceGeometry.Ensure("softmax compatibility", prototypes);

    /// <inheritdoc />
    public Tensor Embed(Tensor projected) => projected.alias();

    /// <inheritdoc />
    public Tensor Scores(Tensor embedded, Tensor prototypes) => VectorCompatibility.Scores(embedded, prototypes, Compatibility);

    /// <inheritdoc />
    public Tensor Loss(Tensor embedded, Tensor prototypes, Tensor targets) =>
        nn.functional.cross_entropy(Scores(embedded, prototypes).div(Kept(Temperature)), targets);

    /// <inheritdoc />
    public Tensor SquaredDistances(Tensor embedded, Tensor targetPrototypes) =>
        VectorCompatibility.PairedSquaredDistances(embedded, targetPrototypes);
}
