using System.Globalization;
using SimZsl.Embedding;

namespace SimZsl.ZeroShot;

/// <summary>Which head to train and its settings; <see cref="Create"/> builds the head for given prototypes.</summary>
public sealed record ZeroShotHeadOptions
{
    /// <summary>The head. Default <see cref="ZeroShotHeadKind.DeViSE"/>.</summary>
    public ZeroShotHeadKind Kind { get; init; } = ZeroShotHeadKind.DeViSE;

    /// <summary>Margin m of the hinge losses (DeViSE, hyperbolic hinge). Default 0.1, as in DeViSE.</summary>
    public double Margin { get; init; } = 0.1;

    /// <summary>Compatibility of the DeViSE and softmax heads. Default <see cref="ZeroShot.Compatibility.Distance"/>
    /// (−‖f(v) − t‖²; the published dot product cannot rank a prototype that lies inside the others' convex hull
    /// first, and κ-MDS prototypes often do).</summary>
    public Compatibility Compatibility { get; init; } = Compatibility.Distance;

    /// <summary>Loss of the hyperbolic head. Default cross-entropy.</summary>
    public HyperbolicLoss HyperbolicLoss { get; init; } = HyperbolicLoss.CrossEntropy;

    /// <summary>Temperature τ of the cross-entropy losses: the hyperbolic head's logits −d_B/τ and the softmax head's
    /// logits s/τ. Null (the default): the head's own, 0.1 for hyperbolic and 1 for softmax.</summary>
    public double? Temperature { get; init; }

    /// <summary>Weight w of the prototype anchor added to every head's loss: w times the mean squared distance of
    /// each embedded training instance to its class prototype (<see cref="IZeroShotHead.SquaredDistances"/>). The
    /// discriminative losses alone are satisfied by any projection that separates the seen classes, and with few
    /// seen classes most such projections ignore where the unseen prototypes lie (measured on Fashion-MNIST splits
    /// with 4 unseen classes: ZSL top-1 0.27–0.30 without the anchor, below ridge regression's 0.48); the anchor
    /// keeps the projection semantic. 0 turns it off. Default 0.3.</summary>
    public double AnchorWeight { get; init; } = 0.3;

    /// <summary>The natural head of a geometry: hyperbolic for κ &lt; 0, hyperspherical prototypes for κ &gt; 0,
    /// DeViSE for κ = 0.</summary>
    public static ZeroShotHeadOptions ForCurvature(double curvature) => new()
    {
        Kind = curvature < 0 ? ZeroShotHeadKind.Hyperbolic : curvature > 0 ? ZeroShotHeadKind.Prototype : ZeroShotHeadKind.DeViSE,
    };

    /// <summary>The violations of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Violations()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Kind))
        {
            problems.Add($"Head.Kind {Kind} is not a head.");
        }

        if (!(Margin >= 0) || !double.IsFinite(Margin))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Head.Margin must be a finite number ≥ 0 (got {Margin})."));
        }

        if (!Enum.IsDefined(Compatibility))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Head.Compatibility must be Distance, Dot or Cosine (got {(int)Compatibility})."));
        }

        if (Temperature is { } temperature && (!(temperature > 0) || !double.IsFinite(temperature)))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Head.Temperature must be a finite number > 0 or null (got {temperature})."));
        }

        if (!(AnchorWeight >= 0) || !double.IsFinite(AnchorWeight))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Head.AnchorWeight must be a finite number ≥ 0 (got {AnchorWeight})."));
        }

        return problems;
    }

    /// <summary>Builds the head for <paramref name="prototypes"/>; throws a <see cref="SimZslException"/> when the
    /// head cannot work in their geometry.</summary>
    public IZeroShotHead Create(ClassPrototypes prototypes)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        IZeroShotHead head = Kind switch
        {
            ZeroShotHeadKind.DeViSE => new DeViSEHead(Margin, Compatibility),
            ZeroShotHeadKind.Prototype => new HypersphericalHead(),
            ZeroShotHeadKind.Hyperbolic => new HyperbolicHead(prototypes.Curvature, HyperbolicLoss, Margin, Temperature ?? 0.1),
            ZeroShotHeadKind.Softmax => new SoftmaxCompatibilityHead(Compatibility, Temperature ?? 1),
            _ => throw new ArgumentException($"Unknown head kind {Kind}.", nameof(prototypes)),
        };
        head.EnsureGeometry(prototypes);
        return head;
    }
}
