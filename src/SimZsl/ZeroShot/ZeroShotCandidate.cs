using SimZsl.Embedding;

namespace SimZsl.ZeroShot;

/// <summary>One way to fit a zero-shot scorer with fixed settings: a trained head with its trainer options, or a
/// closed-form peer with its penalties. <see cref="ModelSelection"/> compares candidates on held-out seen classes.</summary>
/// <param name="Method">The method's short name ("devise", "ridge", …), the same for every candidate of a grid.</param>
/// <param name="Settings">The settings that distinguish this candidate, by name (reported when it is chosen).</param>
/// <param name="Fit">Fits the scorer on features, labels, prototypes and the seen classes; a scorer that is
/// <see cref="IDisposable"/> is disposed by whoever no longer needs it.</param>
public sealed record ZeroShotCandidate(
    string Method,
    IReadOnlyDictionary<string, double> Settings,
    Func<RowMatrix, IReadOnlyList<string>, ClassPrototypes, IReadOnlyList<string>, CancellationToken, IZeroShotScorer> Fit)
{
    /// <summary>"method (name = value, …)".</summary>
    public override string ToString() =>
        Settings.Count == 0 ? Method : $"{Method} ({string.Join(", ", Settings.Select(s => FormattableString.Invariant($"{s.Key} = {s.Value:G4}")))})";
}
