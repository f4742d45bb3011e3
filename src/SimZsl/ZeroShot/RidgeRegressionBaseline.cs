using SimZsl.Embedding;
using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>The simplest closed-form peer: ridge regression from (standardized) features to the prototype of each
/// instance's class, then the nearest prototype by geodesic distance. On the sphere the regression targets are the
/// ambient coordinates and the prediction is projected onto the sphere; in the Poincaré ball the targets are the
/// prototypes' tangent vectors at 0 (log map) and the prediction is mapped back with the exponential map, so that
/// regression happens in a vector space in every geometry.</summary>
public sealed class RidgeRegressionBaseline : IZeroShotScorer
{
    private readonly LinearPrototypeMap _map;

    private RidgeRegressionBaseline(ClassPrototypes prototypes, IReadOnlyList<string> seen, int featureCount, LinearPrototypeMap map, double lambda)
    {
        Prototypes = prototypes;
        SeenClasses = seen;
        FeatureCount = featureCount;
        _map = map;
        Lambda = lambda;
    }

    /// <inheritdoc />
    public ClassPrototypes Prototypes { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SeenClasses { get; }

    /// <inheritdoc />
    public int FeatureCount { get; }

    /// <summary>The ridge penalty λ.</summary>
    public double Lambda { get; }

    /// <summary>Solves min_W ‖X W + b − T‖² + λ‖W‖² in closed form: W = (XᵀX + λI)⁻¹ XᵀT on centred X and T.</summary>
    /// <param name="features">Training features (standardized internally).</param>
    /// <param name="labels">One seen class per row.</param>
    /// <param name="prototypes">Prototypes of all classes.</param>
    /// <param name="seenClasses">The seen classes; null: the distinct labels.</param>
    /// <param name="lambda">The ridge penalty λ &gt; 0 (on standardized features). Default 1.</param>
    public static RidgeRegressionBaseline Fit(RowMatrix features, IReadOnlyList<string> labels, ClassPrototypes prototypes, IReadOnlyList<string>? seenClasses = null, double lambda = 1)
    {
        ClosedFormPenalty.Check(lambda, nameof(lambda), "ridge penalty λ");
        using var scope = NewDisposeScope();
        var problem = LinearPrototypeMap.Prepare(features, labels, prototypes, seenClasses);
        var x = problem.Features;
        var t = problem.Targets;
        var xMean = x.mean([0], keepdim: true);
        var tMean = t.mean([0], keepdim: true);
        var xCentred = x - xMean;
        int f = features.Columns;
        using var penalty = Local(lambda);
        var gram = xCentred.t().matmul(xCentred).add(eye(f, dtype: float64), penalty);
        var w = linalg.solve(gram, xCentred.t().matmul(t - tMean));
        var map = new LinearPrototypeMap(prototypes, problem.Scaling, TensorData.ToDoubles(w), TensorData.ToDoubles(tMean - xMean.matmul(w)));
        return new RidgeRegressionBaseline(prototypes, problem.Seen, f, map, lambda);
    }

    /// <inheritdoc />
    public double[] Scores(RowMatrix features, IReadOnlyList<int> prototypeRows)
    {
        ArgumentNullException.ThrowIfNull(prototypeRows);
        ZeroShotInput.CheckFeatures(features, "scored");
        ZeroShotInput.CheckFeatureCount(features, FeatureCount, "scored");
        return _map.Scores(features, prototypeRows);
    }
}
