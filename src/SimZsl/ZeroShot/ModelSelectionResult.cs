namespace SimZsl.ZeroShot;

/// <summary>What <see cref="ModelSelection.Select"/> found.</summary>
/// <param name="Best">The candidate with the highest mean validation-unseen ZSL top-1 (ties: higher calibrated H).</param>
/// <param name="RelativeGamma">The calibrated-stacking γ for <paramref name="Best"/> in units of the fitted model's
/// seen-score scale: the mean over the folds of the γ that maximised its validation H, each divided by the scale of
/// that fold's model. Multiply by the final model's scale (as <see cref="ZeroShotExperiment"/> does).</param>
/// <param name="Candidates">Every candidate's validation figures, in the order given.</param>
/// <param name="Folds">The validation-unseen classes of each fold.</param>
public sealed record ModelSelectionResult(ZeroShotCandidate Best, double RelativeGamma, IReadOnlyList<CandidateValidation> Candidates, IReadOnlyList<IReadOnlyList<string>> Folds);

/// <summary>One candidate's figures on the held-out classes, averaged over the folds.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="ZslTop1">Mean validation-unseen ZSL top-1 (search among each fold's held-out classes).</param>
/// <param name="CalibratedH">Mean GZSL harmonic mean with each fold's best γ.</param>
/// <param name="RelativeGamma">Mean of each fold's best γ over that fold's seen-score scale.</param>
public sealed record CandidateValidation(ZeroShotCandidate Candidate, double ZslTop1, double CalibratedH, double RelativeGamma);

/// <summary>Progress of a model selection: one report per fitted candidate and fold.</summary>
/// <param name="Done">Fits done.</param>
/// <param name="Total">Fits in all.</param>
/// <param name="Candidate">The candidate just fitted.</param>
public sealed record ModelSelectionProgress(int Done, int Total, ZeroShotCandidate Candidate);
