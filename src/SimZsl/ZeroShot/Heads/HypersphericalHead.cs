using System.Globalization;
using SimZsl.Embedding;
using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>Hyperspherical prototype head (Mettes et al. 2019): loss (1 − cos(f(v), p_y))², predict the largest
/// cosine. Made for prototypes on a sphere (κ &gt; 0); only directions matter, so the sphere's radius does not.</summary>
public sealed class HypersphericalHead : IZeroShotHead
{
    /// <summary>Its registry entry: "prototype" (hyperspherical), the natural head of κ &gt; 0; no settings.</summary>
    public static ZeroShotHeadKind Kind { get; } = ZeroShotHeadKind.Define("prototype",
        (_, _) => new HypersphericalHead(), _ => new ZeroShotHeadOptions(), naturalCurvatureSign: 1, summary: "hyperspherical");

    /// <inheritdoc />
    public string Name => Kind.Name;

    /// <inheritdoc />
    /// <remarks>Spherical prototypes are its natural home; Euclidean prototypes (κ = 0) are vectors too, so their
    /// directions can serve as prototypes. Poincaré-ball coordinates are not vectors, so κ &lt; 0 is refused.</remarks>
    public void EnsureGeometry(ClassPrototypes prototypes)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        if (!(prototypes.Curvature >= 0))
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                $"The hyperspherical prototype head compares directions, which have no meaning for hyperbolic prototypes (curvature {prototypes.Curvature}). Embed with curvature ≥ 0, or use the hyperbolic head."));
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

    /// <inheritdoc />
    /// <remarks>The squared chord between the directions, ‖ê − t̂‖² = 2 − 2 cos: the sphere's squared geodesic
    /// distance to second order, without arccos's infinite slope at 0.</remarks>
    public Tensor SquaredDistances(Tensor embedded, Tensor targetPrototypes) =>
        VectorCompatibility.PairedSquaredDistances(nn.functional.normalize(embedded, dim: 1), nn.functional.normalize(targetPrototypes, dim: 1));
}
