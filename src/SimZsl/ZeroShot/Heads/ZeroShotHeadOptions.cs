using SimZsl.Embedding;

namespace SimZsl.ZeroShot;

/// <summary>Which head to train and its settings; <see cref="Create"/> builds the head for given prototypes.</summary>
public sealed record ZeroShotHeadOptions
{
    /// <summary>The head, one of the registered kinds (<see cref="ZeroShotHeadKind.All"/>). Default
    /// <see cref="ZeroShotHeadKind.DeViSE"/>.</summary>
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

    /// <summary>Settings of a head that the shared ones above do not cover, by name (a registered head of your own
    /// reads its settings here, and a model file stores them). Null (the default): none.</summary>
    public IReadOnlyDictionary<string, double>? Parameters { get; init; }

    /// <summary>The natural head of a geometry (<see cref="ZeroShotHeadKind.ForCurvature"/>): hyperbolic for κ &lt; 0,
    /// hyperspherical prototypes for κ &gt; 0, DeViSE for κ = 0.</summary>
    public static ZeroShotHeadOptions ForCurvature(double curvature) => new() { Kind = ZeroShotHeadKind.ForCurvature(curvature) };

    /// <summary>The violations of these settings (empty when valid); <see cref="ZeroShotTrainerOptions.Validate"/>
    /// reports them with its own.</summary>
    public IReadOnlyList<string> Violations() => new OptionViolations("head")
        .Require(Kind is not null, $"Head.Kind must not be null.")
        .Require(Margin >= 0 && double.IsFinite(Margin), $"Head.Margin must be a finite number ≥ 0 (got {Margin}).")
        .Require(Enum.IsDefined(Compatibility), $"Head.Compatibility must be Distance, Dot or Cosine (got {(int)Compatibility}).")
        .Require(Temperature is not { } t || (t > 0 && double.IsFinite(t)), $"Head.Temperature must be a finite number > 0 or null (got {Temperature}).")
        .Require(AnchorWeight >= 0 && double.IsFinite(AnchorWeight), $"Head.AnchorWeight must be a finite number ≥ 0 (got {AnchorWeight}).")
        .Problems;

    /// <summary>Builds the head of <see cref="Kind"/> for <paramref name="prototypes"/>; throws a
    /// <see cref="SimZslException"/> when the head cannot work in their geometry.</summary>
    public IZeroShotHead Create(ClassPrototypes prototypes) => Kind.Create(this, prototypes);
}
