using SimZsl.Embedding;
using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>DeViSE (Frome et al. 2013): hinge rank loss Σ_{j≠y} max(0, m − s(f(v), t_y) + s(f(v), t_j)), predict the
/// largest compatibility s. Works on Euclidean prototypes and on the sphere's ambient coordinates. The default
/// compatibility is −‖f(v) − t‖² (<see cref="Compatibility.Distance"/>); the published dot product is
/// <see cref="Compatibility.Dot"/>.</summary>
/// <param name="margin">The margin m.</param>
/// <param name="compatibility">Distance, dot product or cosine.</param>
public sealed class DeViSEHead(double margin = 0.1, Compatibility compatibility = Compatibility.Distance) : IZeroShotHead
{
    /// <summary>Its registry entry: "devise", the natural head of κ = 0, settings margin and compatibility.</summary>
    public static ZeroShotHeadKind Kind { get; } = ZeroShotHeadKind.Define("devise",
        (options, _) => new DeViSEHead(options.Margin, options.Compatibility),
        head => new ZeroShotHeadOptions { Margin = head.Margin, Compatibility = head.Compatibility },
        naturalCurvatureSign: 0);

    /// <summary>The margin m.</summary>
    public double Margin { get; } = margin;

    /// <summary>Distance, dot product or cosine.</summary>
    public Compatibility Compatibility { get; } = compatibility;

    /// <inheritdoc />
    public string Name => Kind.Name;

    /// <inheritdoc />
    public void EnsureGeometry(ClassPrototypes prototypes) => VectorSpaceGeometry.Ensure("DeViSE", prototypes);

    /// <inheritdoc />
    public Tensor Embed(Tensor projected) => projected.alias();

    /// <inheritdoc />
    public Tensor Scores(Tensor embedded, Tensor prototypes) => VectorCompatibility.Scores(embedded, prototypes, Compatibility);

    /// <inheritdoc />
    public Tensor Loss(Tensor embedded, Tensor prototypes, Tensor targets) =>
        HingeRank(Scores(embedded, prototypes), targets, Margin);

    /// <inheritdoc />
    public Tensor SquaredDistances(Tensor embedded, Tensor targetPrototypes) =>
        VectorCompatibility.PairedSquaredDistances(embedded, targetPrototypes);

    /// <summary>Σ_{j≠y} max(0, m − s_y + s_j), averaged over the batch; the j = y term is masked out.</summary>
    internal static Tensor HingeRank(Tensor scores, Tensor targets, double margin)
    {
        var correct = scores.gather(1, targets.unsqueeze(1));
        var violations = nn.functional.relu(scores.sub(correct).add(Kept(margin), One));   // margin − correct + score
        var others = nn.functional.one_hot(targets, scores.shape[1]).to(scores.dtype).neg().add(One, One);
        return violations.mul(others).sum(1).mean();
    }
}
