using SimZsl.ZeroShot;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>One row of the sweep: a trained head at its library defaults (with the default model selection) or a
/// closed-form peer with its penalties selected the same way, in one geometry.</summary>
/// <param name="Name">"devise", "ridge", …</param>
/// <param name="Curvature">The prototypes' κ.</param>
/// <param name="IsPeer">A closed-form peer.</param>
/// <param name="Candidates">The candidates model selection chooses from, for a training seed.</param>
internal sealed record SweepMethod(string Name, double Curvature, bool IsPeer, Func<int, IReadOnlyList<ZeroShotCandidate>> Candidates)
{
    public string Label => $"{Name} (κ = {Curvature:+0;-0;0})";

    /// <summary>Every head in its natural geometry and in κ = 0, and the three peers in every geometry.</summary>
    public static IReadOnlyList<SweepMethod> All(Func<ZeroShotTrainerOptions, ZeroShotTrainerOptions> configure) =>
    [
        Head(ZeroShotHeadKind.DeViSE, 0, configure),
        Head(ZeroShotHeadKind.Softmax, 0, configure),
        Head(ZeroShotHeadKind.Prototype, 1, configure),
        Head(ZeroShotHeadKind.Prototype, 0, configure),
        Head(ZeroShotHeadKind.Hyperbolic, -1, configure),
        Head(ZeroShotHeadKind.Hyperbolic, 0, configure),
        .. new[] { 0.0, 1, -1 }.SelectMany(k => new[]
        {
            new SweepMethod("ridge", k, true, _ => ZeroShotCandidates.Ridge()),
            new SweepMethod("eszsl", k, true, _ => ZeroShotCandidates.Eszsl()),
            new SweepMethod("sae", k, true, _ => ZeroShotCandidates.Sae()),
        }),
    ];

    private static SweepMethod Head(ZeroShotHeadKind kind, double curvature, Func<ZeroShotTrainerOptions, ZeroShotTrainerOptions> configure) =>
        new(kind.ToString().ToLowerInvariant(), curvature, false,
            seed => ZeroShotCandidates.HeadGrid(configure(new ZeroShotTrainerOptions { Head = new ZeroShotHeadOptions { Kind = kind }, Seed = seed, Threads = 1 })));
}
