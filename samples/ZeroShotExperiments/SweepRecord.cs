namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>One run of the sweep (a method on one split with one training seed), one JSON line in the results file.</summary>
internal sealed record SweepRecord(
    string Features, int K, string[] Unseen, string Method, double Curvature, bool IsPeer, int Seed,
    double ZslTop1, double GzslSeen, double GzslUnseen, double GzslH, double CalibratedH, double Gamma,
    string Selected, double Seconds);
