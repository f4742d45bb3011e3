using SimZsl.Embedding;

namespace SimZsl.ZeroShot;

/// <summary>Anything that scores instances against class prototypes (a trained <see cref="ZeroShotModel"/>, the
/// <see cref="RidgeRegressionBaseline"/>): what <see cref="ZeroShotEvaluator"/> needs.</summary>
public interface IZeroShotScorer
{
    /// <summary>The class prototypes, seen and unseen.</summary>
    ClassPrototypes Prototypes { get; }

    /// <summary>The classes the scorer was trained on.</summary>
    IReadOnlyList<string> SeenClasses { get; }

    /// <summary>The feature count F the scorer expects.</summary>
    int FeatureCount { get; }

    /// <summary>Scores of every row of <paramref name="features"/> against the prototypes at
    /// <paramref name="prototypeRows"/> (N × C, row-major); higher is better.</summary>
    double[] Scores(RowMatrix features, IReadOnlyList<int> prototypeRows);
}
