using SimZsl.ZeroShot;

namespace SimZsl.Samples.Shared;

/// <summary>What one <see cref="ZeroShotMethod.Evaluate"/> measured.</summary>
/// <param name="Plain">Test metrics without calibration.</param>
/// <param name="Calibrated">Test metrics with calibrated stacking (γ chosen on held-out seen classes).</param>
/// <param name="Chosen">The selected candidate, as its description.</param>
internal sealed record ZeroShotOutcome(ZeroShotMetrics Plain, ZeroShotMetrics Calibrated, string Chosen);
