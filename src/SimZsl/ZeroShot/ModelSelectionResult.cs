namespace SimZsl.ZeroShot;

/// <summary>What <see cref="ModelSelection.Select"/> found.</summary>
/// <param name="Best">The candidate with the highest mean validation-unseen ZSL top-1 (ties: higher calibrated H).</param>
/// <param name="CalibrationGamma">The calibrated-stacking γ for <paramref name="Best"/>: the mean over the folds of
/// the γ that maximised its validation H.</param>
/// <param name="Candidates">Every candidate's validation figures, in the order given.</param>
/// <param name="Folds">The validation-unseen classes of each fold.</param>
public sealed record ModelSelectionResult(ZeroShotCandidate Best, double CalibrationGamma, IReadOnlyList<CandidateValidation> Candidates, IReadOnlyList<IReadOnlyList<string>> Folds);

/// <summary>One candidate's figures on the held-out classes, averaged over the folds.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="ZslTop1">Mean validation-unseen ZSL top-1 (search among each fold's held-out classes).</param>
/// <param name="CalibratedH">Mean GZSL harmonic mean with each fold's best γ.</param>
/// <param name="CalibrationGamma">Mean of each fold's best γ.</param>
public sealed record CandidateValidation(ZeroShotCandidate Candidate, double ZslTop1, double CalibratedH, double CalibrationGamma);

/// <summary>Progress of a model selection: one report per fitted candidate and fold.</summary>
/// <param name="Done">Fits done.</param>
/// <param name="Total">Fits in all.</param>
/// <param name="Candidate">The candidate just fitted.</param>
public sealed record ModelSelectionProgress(int Done, int Total, ZeroShotCandidate Candidate);
