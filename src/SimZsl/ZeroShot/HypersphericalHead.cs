using System.Globalization;
using SimZsl.Embedding;
using TorchSharp;
using static TorchSharp.torch;
using static SimZsl.KeptScalars;

namespace SimZsl.ZeroShot;

/// <summary>Hyperspherical prototype head (Mettes et al. 2019): loss (1 − cos(f(v), p_y))², predict the largest
/// cosine. Needs prototypes on a sphere (κ &gt; 0); only directions matter, so the sphere's radius does not.</summary>
public sealed class HypersphericalHead : IZeroShotHead
{
    /// <inheritdoc />
    public string Name => "prototype";

    /// <inheritdoc />
    public void EnsureGeometry(ClassPrototypes prototypes)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        if (!(prototypes.Curvature > 0))
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                $"The hyperspherical prototype head needs prototypes on a sphere (curvature > 0); these have curvature {prototypes.Curvature}. Embed with a positive curvature, or use the DeViSE or softmax head."));
        }
    }

    /// <inheritdoc />
    public Tensor Embed(Tensor projected) => nn.functional.normalize(projected, dim: 1);

    /// <inheritdoc />
    public Tensor Scores(Tensor embedded, Tensor prototypes) =>
        nn.functional.normalize(embedded, dim: 1).matmul(nn.functional.normalize(prototypes, dim: 1).t());

    /// <inheritdoc />
    public Tensor Loss(Tensor embedded, Tensor prototypes, Tensor targets)
    {
        var cosine = Scores(embedded, prototypes).gather(1, targets.unsqueeze(1));
        return cosine.neg().add(One, One).pow(Two).mean();   // (1 − cos)²
    }
}
