using System.Globalization;
using SimZsl.Embedding;
using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>Hyperbolic head (HZSL style): the projection's output is a tangent vector at the origin, mapped into the
/// Poincaré ball of the prototypes' curvature by the exponential map at 0; the loss is a cross-entropy over
/// −d_B(t_c, z)/τ or the hinge max(0, m + d_B(t_y, z) − d_B(t_j, z)); the prediction is the nearest prototype. At
/// κ = 0 the ball is flat space: exp₀ is the identity and d_B the Euclidean distance of κ = 0 prototypes, so the
/// same head also runs on Euclidean prototypes (the comparison that isolates what the curvature adds).</summary>
public sealed class HyperbolicHead : IZeroShotHead
{
    private readonly double _c;

    /// <summary>Its registry entry: "hyperbolic", the natural head of κ &lt; 0, built for the prototypes' curvature;
    /// settings loss, margin and temperature (its own default τ = 0.1).</summary>
    public static ZeroShotHeadKind Kind { get; } = ZeroShotHeadKind.Define("hyperbolic",
        (options, prototypes) => new HyperbolicHead(prototypes.Curvature, options.HyperbolicLoss, options.Margin, options.Temperature ?? 0.1),
        head => new ZeroShotHeadOptions { HyperbolicLoss = head.LossKind, Margin = head.Margin, Temperature = head.Temperature },
        naturalCurvatureSign: -1);

    /// <summary>Creates the head for the ball of curvature <paramref name="curvature"/> (≤ 0).</summary>
    /// <param name="curvature">κ ≤ 0; the ball has radius 1/√|κ| (κ = 0: flat space).</param>
    /// <param name="loss">Cross-entropy or hinge.</param>
    /// <param name="margin">Hinge margin m.</param>
    /// <param name="temperature">Cross-entropy temperature τ.</param>
    public HyperbolicHead(double curvature, HyperbolicLoss loss = HyperbolicLoss.CrossEntropy, double margin = 0.1, double temperature = 0.1)
    {
        RequireBallOrFlat(curvature);

        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be a finite number > 0.");
        }

        Curvature = curvature;
        LossKind = loss;
        Margin = margin;
        Temperature = temperature;
        _c = Math.Abs(curvature);
    }

    /// <summary>The curvature κ of the ball.</summary>
    public double Curvature { get; }

    /// <summary>Cross-entropy or hinge.</summary>
    public HyperbolicLoss LossKind { get; }

    /// <summary>Hinge margin m.</summary>
    public double Margin { get; }

    /// <summary>Cross-entropy temperature τ.</summary>
    public double Temperature { get; }

    /// <inheritdoc />
    public string Name => Kind.Name;

    /// <inheritdoc />
    public void EnsureGeometry(ClassPrototypes prototypes)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        RequireBallOrFlat(prototypes.Curvature);

        if (Math.Abs(prototypes.Curvature - Curvature) > 1e-12 * Math.Max(1, Math.Abs(Curvature)))
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                $"The hyperbolic head was built for curvature {Curvature}, the prototypes have curvature {prototypes.Curvature}. Build the head from the prototypes' curvature."));
        }
    }

    /// <inheritdoc />
    public Tensor Embed(Tensor projected) => _c == 0 ? projected.alias() : PoincareBall.ExpMap0(projected, _c);

    /// <inheritdoc />
    public Tensor Scores(Tensor embedded, Tensor prototypes) =>
        _c == 0
            ? VectorCompatibility.PairwiseSquaredDistances(embedded, prototypes).clamp_min(Kept(1e-12)).sqrt().neg()
            : PoincareBall.Distances(embedded, PoincareBall.Clip(prototypes, _c), _c).neg();

    /// <inheritdoc />
    public Tensor Loss(Tensor embedded, Tensor prototypes, Tensor targets)
    {
        var negativeDistances = Scores(embedded, prototypes);
        return LossKind == HyperbolicLoss.Hinge
            ? DeViSEHead.HingeRank(negativeDistances, targets, Margin)
            : nn.functional.cross_entropy(negativeDistances.div(Kept(Temperature)), targets);
    }

    /// <inheritdoc />
    public Tensor SquaredDistances(Tensor embedded, Tensor targetPrototypes) =>
        _c == 0
            ? VectorCompatibility.PairedSquaredDistances(embedded, targetPrototypes)
            : PoincareBall.PairedDistances(embedded, PoincareBall.Clip(targetPrototypes, _c), _c).pow(Two);

    private static void RequireBallOrFlat(double curvature)
    {
        if (!(curvature <= 0) || !double.IsFinite(curvature))
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                $"The hyperbolic head needs hyperbolic (curvature < 0, Poincaré ball) or flat (curvature 0) prototypes; the curvature is {curvature}. Embed with curvature ≤ 0, or use the DeViSE, prototype or softmax head."));
        }
    }
}
