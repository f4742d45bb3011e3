using SimZsl.Embedding;

namespace SimZsl.ZeroShot;

/// <summary>A kind of zero-shot head and the registry of every kind: its name (the CLI's <c>--head</c> value and the
/// model file's), how to build it from <see cref="ZeroShotHeadOptions"/> for given prototypes, which curvature it is
/// the natural head of, and how to read its settings back from a built head (what a model file stores). The options,
/// the model file, the CLI's <c>--head</c> parsing and its help all read this registry, so a head is added by one
/// file (the head class with its <c>Kind</c>) and one <see cref="Register"/> line below.</summary>
/// <remarks>A head needs no registration to be trained: <see cref="ZeroShotTrainer.Fit"/> takes any
/// <see cref="IZeroShotHead"/>. Registration is what lets options name it and a model file save and load it.</remarks>
public sealed class ZeroShotHeadKind
{
    private static readonly Lock Gate = new();
    private static readonly List<ZeroShotHeadKind> Registered = [];

    private readonly Func<ZeroShotHeadOptions, ClassPrototypes, IZeroShotHead> _create;
    private readonly Func<IZeroShotHead, ZeroShotHeadOptions?> _settingsOf;

    private ZeroShotHeadKind(string name, string? summary, int? naturalCurvatureSign,
        Func<ZeroShotHeadOptions, ClassPrototypes, IZeroShotHead> create, Func<IZeroShotHead, ZeroShotHeadOptions?> settingsOf)
    {
        Name = name;
        Summary = summary;
        NaturalCurvatureSign = naturalCurvatureSign;
        _create = create;
        _settingsOf = settingsOf;
    }

    /// <summary>DeViSE: hinge rank loss on a compatibility (Euclidean or spherical prototypes).</summary>
    public static ZeroShotHeadKind DeViSE { get; } = Register(DeViSEHead.Kind);

    /// <summary>Hyperspherical prototypes: (1 − cos)² loss, predict the largest cosine (spherical prototypes).</summary>
    public static ZeroShotHeadKind Prototype { get; } = Register(HypersphericalHead.Kind);

    /// <summary>Hyperbolic: exponential map at 0 into the Poincaré ball, distance-based loss (hyperbolic prototypes).</summary>
    public static ZeroShotHeadKind Hyperbolic { get; } = Register(HyperbolicHead.Kind);

    /// <summary>Softmax compatibility (ALE style): cross-entropy over compatibilities (Euclidean or spherical prototypes).</summary>
    public static ZeroShotHeadKind Softmax { get; } = Register(SoftmaxCompatibilityHead.Kind);

    /// <summary>Every registered kind, in registration order (the order of the CLI's help).</summary>
    public static IReadOnlyList<ZeroShotHeadKind> All
    {
        get
        {
            lock (Gate)
            {
                return [.. Registered];
            }
        }
    }

    /// <summary>The head's name, lower case: what <see cref="IZeroShotHead.Name"/> returns, <c>--head</c> takes and a
    /// model file stores.</summary>
    public string Name { get; }

    /// <summary>A few words the CLI's help puts after the name when the name alone does not say what the head is
    /// ("hyperspherical" for prototype), or null.</summary>
    public string? Summary { get; }

    /// <summary>The sign of the curvatures whose natural head this is (−1 hyperbolic, 0 Euclidean, +1 spherical), or
    /// null when it is no geometry's default.</summary>
    public int? NaturalCurvatureSign { get; }

    /// <summary>Defines a kind; <see cref="Register"/> it to make it known by name.</summary>
    /// <typeparam name="THead">The head class.</typeparam>
    /// <param name="name">The head's name (<see cref="IZeroShotHead.Name"/> of the heads it builds), lower case.</param>
    /// <param name="create">Builds the head from the settings for the prototypes (the geometry is checked after).</param>
    /// <param name="settingsOf">The settings that rebuild a given head (its loss settings; <see cref="ZeroShotHeadOptions.Kind"/>
    /// and <see cref="ZeroShotHeadOptions.AnchorWeight"/> are filled in by the caller).</param>
    /// <param name="naturalCurvatureSign">See <see cref="NaturalCurvatureSign"/>.</param>
    /// <param name="summary">See <see cref="Summary"/>.</param>
    public static ZeroShotHeadKind Define<THead>(string name, Func<ZeroShotHeadOptions, ClassPrototypes, THead> create,
        Func<THead, ZeroShotHeadOptions> settingsOf, int? naturalCurvatureSign = null, string? summary = null)
        where THead : IZeroShotHead
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(settingsOf);
        if (naturalCurvatureSign is { } sign && sign is < -1 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(naturalCurvatureSign), sign, "The sign of a curvature is −1, 0 or +1.");
        }

        return new ZeroShotHeadKind(name.ToLowerInvariant(), summary, naturalCurvatureSign,
            (options, prototypes) => create(options, prototypes), head => head is THead typed ? settingsOf(typed) : null);
    }

    /// <summary>Makes <paramref name="kind"/> known by name (options, model files, the CLI); returns it.</summary>
    /// <exception cref="ArgumentException">Another kind already has that name.</exception>
    public static ZeroShotHeadKind Register(ZeroShotHeadKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        lock (Gate)
        {
            if (Registered.Any(k => k.Name == kind.Name && !ReferenceEquals(k, kind)))
            {
                throw new ArgumentException($"A zero-shot head named '{kind.Name}' is already registered.", nameof(kind));
            }

            if (!Registered.Contains(kind))
            {
                Registered.Add(kind);
            }
        }

        return kind;
    }

    /// <summary>The registered kind called <paramref name="name"/> (any case), or null.</summary>
    public static ZeroShotHeadKind? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The natural head of a curvature: hyperbolic for κ &lt; 0, hyperspherical prototypes for κ &gt; 0,
    /// DeViSE for κ = 0 (the first registered kind whose <see cref="NaturalCurvatureSign"/> is κ's sign).</summary>
    public static ZeroShotHeadKind ForCurvature(double curvature)
    {
        int sign = curvature < 0 ? -1 : curvature > 0 ? 1 : 0;
        return All.First(k => k.NaturalCurvatureSign == sign);
    }

    /// <summary>Builds the head with <paramref name="options"/> for <paramref name="prototypes"/> and checks that
    /// it can work in their geometry (a <see cref="SimZslException"/> when not).</summary>
    public IZeroShotHead Create(ZeroShotHeadOptions options, ClassPrototypes prototypes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prototypes);
        var head = _create(options, prototypes);
        head.EnsureGeometry(prototypes);
        return head;
    }

    /// <summary>The settings of a built head (with <see cref="ZeroShotHeadOptions.Kind"/> set), or null when the head
    /// is not of a registered kind.</summary>
    public static ZeroShotHeadOptions? SettingsOf(IZeroShotHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return Find(head.Name) is { } kind && kind._settingsOf(head) is { } settings ? settings with { Kind = kind } : null;
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
