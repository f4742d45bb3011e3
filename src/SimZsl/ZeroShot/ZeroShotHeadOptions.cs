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

    /// <summary>DeViSE compatibility. Default <see cref="ZeroShot.Compatibility.Dot"/>.</summary>
    public Compatibility Compatibility { get; init; } = Compatibility.Dot;

    /// <summary>Loss of the hyperbolic head. Default cross-entropy.</summary>
    public HyperbolicLoss HyperbolicLoss { get; init; } = HyperbolicLoss.CrossEntropy;

    /// <summary>Temperature τ of the hyperbolic cross-entropy (logits −d/τ). Default 0.1.</summary>
    public double Temperature { get; init; } = 0.1;

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

        if (!(Temperature > 0) || !double.IsFinite(Temperature))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Head.Temperature must be a finite number > 0 (got {Temperature})."));
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
            ZeroShotHeadKind.Hyperbolic => new HyperbolicHead(prototypes.Curvature, HyperbolicLoss, Margin, Temperature),
            ZeroShotHeadKind.Softmax => new SoftmaxCompatibilityHead(),
            _ => throw new ArgumentException($"Unknown head kind {Kind}.", nameof(prototypes)),
        };
        head.EnsureGeometry(prototypes);
        return head;
    }
}
