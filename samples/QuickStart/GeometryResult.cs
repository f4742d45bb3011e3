using SimZsl.Embedding;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.QuickStart;

/// <summary>What one geometry gave: its prototypes, the zero-shot metrics on the test images (plain, and with
/// calibrated stacking on half of them), and the time taken.</summary>
public sealed record GeometryResult(GeometrySetting Setting, ClassPrototypes Prototypes, ZeroShotMetrics Metrics, ZeroShotMetrics CalibratedMetrics, double Seconds)
{
    /// <summary>Chance level of ZSL top-1: one over the number of unseen classes.</summary>
    public double Chance => 1.0 / FashionData.Unseen.Count;

    /// <summary>A head whose ZSL top-1 is not clearly above chance is reported as such, not hidden.</summary>
    public bool NearChance => Metrics.ZslTop1 < Chance + 0.1;
}
