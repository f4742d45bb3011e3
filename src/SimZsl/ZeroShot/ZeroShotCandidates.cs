namespace SimZsl.ZeroShot;

/// <summary>The default hyperparameter grids that <see cref="ModelSelection"/> searches: for a trained head, its
/// prototype-anchor weight and number of epochs (a sweep over Fashion-MNIST splits found these two the settings that
/// matter once the learning rate is 1e-2; see docs/results.md); for each closed-form peer, its penalties. Every grid
/// is small on purpose: each candidate is fitted once per fold.</summary>
public static class ZeroShotCandidates
{
    /// <summary>The closed-form peers' penalty values, 10⁻² … 10³ on standardized features.</summary>
    public static IReadOnlyList<double> Penalties { get; } = [0.01, 0.1, 1, 10, 100, 1000];

    /// <summary>The grid of a trained head around <paramref name="baseline"/>: the anchor weights
    /// {0.1, 0.3, 1} × epochs {10, <c>baseline.Epochs</c>}, other settings as in the baseline.</summary>
    public static IReadOnlyList<ZeroShotCandidate> HeadGrid(ZeroShotTrainerOptions baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        // No baseline.Validate() here: every candidate's options are validated once, by its ZeroShotTrainer.
        var candidates = new List<ZeroShotCandidate>();
        foreach (int epochs in new[] { Math.Min(10, baseline.Epochs), baseline.Epochs }.Distinct())
        {
            foreach (double anchor in new[] { 0.1, 0.3, 1.0 })
            {
                candidates.Add(Head(baseline with { Epochs = epochs, Head = baseline.Head with { AnchorWeight = anchor } }));
            }
        }

        return candidates;
    }

    /// <summary>The candidate that trains with exactly <paramref name="options"/>.</summary>
    public static ZeroShotCandidate Head(ZeroShotTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var trainer = new ZeroShotTrainer(options);
        var settings = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["learning_rate"] = options.LearningRate,
            ["epochs"] = options.Epochs,
            ["weight_decay"] = options.WeightDecay,
            ["anchor_weight"] = options.Head.AnchorWeight,
        };
        return new ZeroShotCandidate(options.Head.Kind.Name, settings,
            (x, y, prototypes, seen, ct) => trainer.Fit(x, y, prototypes, seen, cancellationToken: ct));
    }

    /// <summary>Ridge regression for every λ of <see cref="Penalties"/>.</summary>
    public static IReadOnlyList<ZeroShotCandidate> Ridge() => Penalties.Select(Ridge).ToArray();

    /// <summary>Ridge regression with penalty <paramref name="lambda"/>.</summary>
    public static ZeroShotCandidate Ridge(double lambda) =>
        new("ridge", Setting("lambda", lambda), (x, y, p, seen, _) => RidgeRegressionBaseline.Fit(x, y, p, seen, lambda));

    /// <summary>SAE for every λ of <see cref="Penalties"/>.</summary>
    public static IReadOnlyList<ZeroShotCandidate> Sae() => Penalties.Select(Sae).ToArray();

    /// <summary>SAE with weight <paramref name="lambda"/>.</summary>
    public static ZeroShotCandidate Sae(double lambda) =>
        new("sae", Setting("lambda", lambda), (x, y, p, seen, _) => SemanticAutoencoderBaseline.Fit(x, y, p, seen, lambda));

    /// <summary>ESZSL for every pair (γ, λ) of <see cref="Penalties"/>.</summary>
    public static IReadOnlyList<ZeroShotCandidate> Eszsl() => Penalties.SelectMany(g => Penalties.Select(l => Eszsl(g, l))).ToArray();

    /// <summary>ESZSL with penalties <paramref name="gamma"/> and <paramref name="lambda"/>.</summary>
    public static ZeroShotCandidate Eszsl(double gamma, double lambda) =>
        new("eszsl", new Dictionary<string, double>(StringComparer.Ordinal) { ["gamma"] = gamma, ["lambda"] = lambda },
            (x, y, p, seen, _) => EszslBaseline.Fit(x, y, p, seen, gamma, lambda));

    private static Dictionary<string, double> Setting(string name, double value) => new(StringComparer.Ordinal) { [name] = value };
}
