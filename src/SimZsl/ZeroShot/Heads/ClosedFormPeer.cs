namespace SimZsl.ZeroShot;

/// <summary>A closed-form peer of the trained heads (a baseline fitted by a linear solve, no training loop) and the
/// registry of every peer, beside <see cref="ZeroShotHeadKind"/>: its name (the CLI's <c>--head</c> value), its
/// penalty grid for <see cref="ModelSelection"/> and its fixed-settings candidate. A peer has no model file.</summary>
public sealed class ClosedFormPeer
{
    private static readonly Lock Gate = new();
    private static readonly List<ClosedFormPeer> Registered = [];

    /// <summary>Defines a peer; <see cref="Register"/> it to make it known by name.</summary>
    /// <param name="name">The peer's name, lower case (the <see cref="ZeroShotCandidate.Method"/> of its candidates).</param>
    /// <param name="grid">Its candidates for model selection.</param>
    /// <param name="fixedSettings">Its candidate when nothing is selected.</param>
    public ClosedFormPeer(string name, Func<IReadOnlyList<ZeroShotCandidate>> grid, Func<ZeroShotCandidate> fixedSettings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(fixedSettings);
        Name = name.ToLowerInvariant();
        Grid = grid;
        FixedSettings = fixedSettings;
    }

    /// <summary>Ridge regression onto the prototypes, every λ of <see cref="ZeroShotCandidates.Penalties"/>; λ = 1 fixed.</summary>
    public static ClosedFormPeer Ridge { get; } = Register(new("ridge", ZeroShotCandidates.Ridge, () => ZeroShotCandidates.Ridge(1)));

    /// <summary>ESZSL, every (γ, λ) pair of <see cref="ZeroShotCandidates.Penalties"/>; γ = λ = 1 fixed.</summary>
    public static ClosedFormPeer Eszsl { get; } = Register(new("eszsl", ZeroShotCandidates.Eszsl, () => ZeroShotCandidates.Eszsl(1, 1)));

    /// <summary>The semantic autoencoder, every λ of <see cref="ZeroShotCandidates.Penalties"/>; λ = 1 fixed.</summary>
    public static ClosedFormPeer Sae { get; } = Register(new("sae", ZeroShotCandidates.Sae, () => ZeroShotCandidates.Sae(1)));

    /// <summary>Every registered peer, in registration order.</summary>
    public static IReadOnlyList<ClosedFormPeer> All
    {
        get
        {
            lock (Gate)
            {
                return [.. Registered];
            }
        }
    }

    /// <summary>The peer's name, lower case.</summary>
    public string Name { get; }

    /// <summary>Its candidates for model selection.</summary>
    public Func<IReadOnlyList<ZeroShotCandidate>> Grid { get; }

    /// <summary>Its candidate when nothing is selected.</summary>
    public Func<ZeroShotCandidate> FixedSettings { get; }

    /// <summary>Makes <paramref name="peer"/> known by name; returns it.</summary>
    /// <exception cref="ArgumentException">Another peer or a head already has that name.</exception>
    public static ClosedFormPeer Register(ClosedFormPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (Gate)
        {
            if (Registered.Any(p => p.Name == peer.Name && !ReferenceEquals(p, peer)))
            {
                throw new ArgumentException($"A closed-form peer named '{peer.Name}' is already registered.", nameof(peer));
            }

            if (!Registered.Contains(peer))
            {
                Registered.Add(peer);
            }
        }

        return peer;
    }

    /// <summary>The registered peer called <paramref name="name"/> (any case), or null.</summary>
    public static ClosedFormPeer? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
