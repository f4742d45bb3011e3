using SimZsl.Embedding;
using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>Softmax compatibility (ALE / VGSE style): logits (x W)·Tᵀ with a learned W (the projection), loss the
/// cross-entropy over the seen classes. Works on Euclidean prototypes and on the sphere's ambient coordinates.</summary>
public sealed class SoftmaxCompatibilityHead : IZeroShotHead
{
    /// <inheritdoc />
    public string Name => "softmax";

    /// <inheritdoc />
    public void EnsureGeometry(ClassPrototypes prototypes) => VectorSpaceGeometry.Ensure("softmax compatibility", prototypes);

    /// <inheritdoc />
    public Tensor Embed(Tensor projected) => projected.alias();

    /// <inheritdoc />
    public Tensor Scores(Tensor embedded, Tensor prototypes) => embedded.matmul(prototypes.t());

    /// <inheritdoc />
    public Tensor Loss(Tensor embedded, Tensor prototypes, Tensor targets) =>
        nn.functional.cross_entropy(Scores(embedded, prototypes), targets);
}
