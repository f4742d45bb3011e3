using SimZsl.Embedding;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.Shared;

/// <summary>One method of a zero-shot comparison (a row of the sweep and of the challenges' accuracy tables): a
/// trained head at its library defaults (with the default model selection) or a closed-form peer with its penalties
/// selected the same way, in one geometry.</summary>
/// <param name="Name">"devise", "ridge", …</param>
/// <param name="Curvature">The prototypes' κ.</param>
/// <param name="IsPeer">A closed-form peer.</param>
/// <param name="Candidates">The candidates model selection chooses from, for a training seed.</param>
internal sealed record ZeroShotMethod(string Name, double Curvature, bool IsPeer, Func<int, IReadOnlyList<ZeroShotCandidate>> Candidates)
{
    public string Label => $"{Name} (κ = {Curvature:+0;-0;0})";

    /// <summary>Model selection on held-out seen classes, the chosen candidate refitted on all seen training
    /// instances, then the test metrics, plainly and with calibrated stacking (<see cref="ZeroShotExperiment"/>).</summary>
    /// <param name="data">The instances.</param>
    /// <param name="prototypes">Prototypes of every class, at this method's curvature.</param>
    /// <param name="unseen">The unseen classes.</param>
    /// <param name="seed">Seeds the selection folds and the training.</param>
    public ZeroShotOutcome Evaluate(ZeroShotData data, ClassPrototypes prototypes, string[] unseen, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (x, y, testX, testY) = data.Split(unseen);
        using var result = ZeroShotExperiment.Run(x, y, testX, testY, prototypes, unseen, Candidates(seed), new ModelSelectionOptions { Seed = seed });
        return new ZeroShotOutcome(result.Metrics, result.CalibratedMetrics!, result.Chosen.ToString());
    }

    /// <summary>Every head in its natural geometry and in κ = 0, and the three peers in every geometry.</summary>
    public static IReadOnlyList<ZeroShotMethod> All(Func<ZeroShotTrainerOptions, ZeroShotTrainerOptions> configure) =>
    [
        Head(ZeroShotHeadKind.DeViSE, 0, configure),
        Head(ZeroShotHeadKind.Softmax, 0, configure),
        Head(ZeroShotHeadKind.Prototype, 1, configure),
        Head(ZeroShotHeadKind.Prototype, 0, configure),
        Head(ZeroShotHeadKind.Hyperbolic, -1, configure),
        Head(ZeroShotHeadKind.Hyperbolic, 0, configure),
        .. new[] { 0.0, 1, -1 }.SelectMany(k => new[]
        {
            new ZeroShotMethod("ridge", k, true, _ => ZeroShotCandidates.Ridge()),
            new ZeroShotMethod("eszsl", k, true, _ => ZeroShotCandidates.Eszsl()),
            new ZeroShotMethod("sae", k, true, _ => ZeroShotCandidates.Sae()),
        }),
    ];

    private static ZeroShotMethod Head(ZeroShotHeadKind kind, double curvature, Func<ZeroShotTrainerOptions, ZeroShotTrainerOptions> configure) =>
        new(kind.ToString().ToLowerInvariant(), curvature, false,
            seed => ZeroShotCandidates.HeadGrid(configure(new ZeroShotTrainerOptions { Head = new ZeroShotHeadOptions { Kind = kind }, Seed = seed, Threads = 1 })));
}
