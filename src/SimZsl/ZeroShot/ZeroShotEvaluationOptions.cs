namespace SimZsl.ZeroShot;

/// <summary>Settings of a zero-shot evaluation.</summary>
public sealed record ZeroShotEvaluationOptions
{
    /// <summary>k of the ZSL top-k accuracy (capped at the number of unseen classes). Default 5.</summary>
    public int TopK { get; init; } = 5;

    /// <summary>Calibrated stacking: γ subtracted from every seen-class score in the GZSL search (choose it on
    /// validation data with <see cref="CalibratedStacking.ChooseGamma(IZeroShotScorer, RowMatrix, IReadOnlyList{string}, IReadOnlyList{string})"/>).
    /// Default 0 (no calibration).</summary>
    public double CalibrationGamma { get; init; }
}
