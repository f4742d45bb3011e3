namespace SimZsl.ZeroShot;

/// <summary>Zero-shot results in the protocol of Xian et al. ("Zero-shot learning — the good, the bad and the
/// ugly"): every accuracy is a per-class mean (each class weighs the same, however many instances it has).</summary>
public sealed record ZeroShotMetrics
{
    /// <summary>ZSL: per-class mean top-1 accuracy on the unseen classes, searching only unseen prototypes.</summary>
    public required double ZslTop1 { get; init; }

    /// <summary>ZSL: per-class mean top-k accuracy on the unseen classes (k = <see cref="TopK"/>).</summary>
    public required double ZslTopK { get; init; }

    /// <summary>The k of <see cref="ZslTopK"/> (the requested k, capped at the number of unseen classes).</summary>
    public required int TopK { get; init; }

    /// <summary>GZSL: per-class mean accuracy on test-seen instances, searching all seen and unseen classes
    /// (NaN when there are no test-seen instances).</summary>
    public required double GzslSeen { get; init; }

    /// <summary>GZSL: per-class mean accuracy on test-unseen instances, searching all classes.</summary>
    public required double GzslUnseen { get; init; }

    /// <summary>GZSL harmonic mean H = 2su/(s + u) (0 when s + u = 0).</summary>
    public required double GzslH { get; init; }

    /// <summary>The calibrated-stacking γ used in the GZSL search (0: uncalibrated).</summary>
    public required double CalibrationGamma { get; init; }

    /// <summary>ZSL top-1 accuracy of each unseen class.</summary>
    public required IReadOnlyDictionary<string, double> ZslPerClass { get; init; }

    /// <summary>GZSL accuracy of each class that has test instances.</summary>
    public required IReadOnlyDictionary<string, double> GzslPerClass { get; init; }

    /// <summary>GZSL confusion matrix over all seen and unseen classes (rows: true class, columns: predicted).</summary>
    public required ConfusionMatrix GzslConfusion { get; init; }

    /// <summary>Number of test-seen instances.</summary>
    public required int TestSeenCount { get; init; }

    /// <summary>Number of test-unseen instances.</summary>
    public required int TestUnseenCount { get; init; }
}
