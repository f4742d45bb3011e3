using SimZsl.Embedding;
using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>SAE, the semantic autoencoder (Kodirov, Xiang &amp; Gong, CVPR 2017), a closed-form peer: the encoder W
/// minimises ‖X − S W‖² + λ‖X Wᵀ − S‖² (instances as rows: X the standardized features, S the targets of their
/// classes, centred), whose optimum solves the Sylvester equation SᵀS W + W (λ XᵀX) = (1 + λ) Sᵀ X. A test instance
/// is encoded, s = W x + the targets' mean, sent onto the manifold (as for ridge regression) and given the nearest
/// prototype (the paper's "F → S" direction; its targets are not centred because its features are not).</summary>
public sealed class SemanticAutoencoderBaseline : IZeroShotScorer
{
    private readonly LinearPrototypeMap _map;

    private SemanticAutoencoderBaseline(ClassPrototypes prototypes, IReadOnlyList<string> seen, int featureCount, LinearPrototypeMap map, double lambda)
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

    /// <summary>The weight λ of the encoding term.</summary>
    public double Lambda { get; }

    /// <summary>Solves for the encoder W in closed form.</summary>
    /// <param name="features">Training features (standardized internally).</param>
    /// <param name="labels">One seen class per row.</param>
    /// <param name="prototypes">Prototypes of all classes.</param>
    /// <param name="seenClasses">The seen classes; null: the distinct labels.</param>
    /// <param name="lambda">λ &gt; 0. Default 1.</param>
    public static SemanticAutoencoderBaseline Fit(RowMatrix features, IReadOnlyList<string> labels, ClassPrototypes prototypes, IReadOnlyList<string>? seenClasses = null, double lambda = 1)
    {
        ClosedFormPenalty.Check(lambda, nameof(lambda), "SAE weight λ");
        using var scope = NewDisposeScope();
        var problem = LinearPrototypeMap.Prepare(features, labels, prototypes, seenClasses);
        var xMean = problem.Features.mean([0], keepdim: true);
        var sMean = problem.Targets.mean([0], keepdim: true);
        var x = problem.Features - xMean;
        var s = problem.Targets - sMean;
        using var l = Local(lambda);
        using var onePlusLambda = Local(1 + lambda);
        var w = Sylvester(s.t().matmul(s), x.t().matmul(x).mul(l), s.t().matmul(x).mul(onePlusLambda));   // P × F
        var weights = w.t();                                                                                // F × P
        var map = new LinearPrototypeMap(prototypes, problem.Scaling, TensorData.ToDoubles(weights), TensorData.ToDoubles(sMean - xMean.matmul(weights)));
        return new SemanticAutoencoderBaseline(prototypes, problem.Seen, features.Columns, map, lambda);
    }

    /// <inheritdoc />
    public double[] Scores(RowMatrix features, IReadOnlyList<int> prototypeRows)
    {
        ArgumentNullException.ThrowIfNull(prototypeRows);
        ZeroShotInput.CheckFeatures(features, "scored");
        ZeroShotInput.CheckFeatureCount(features, FeatureCount, "scored");
        return _map.Scores(features, prototypeRows);
    }

    /// <summary>Solves A W + W B = C for symmetric positive semi-definite A and B: in the eigenbases
    /// A = Qa Da Qaᵀ, B = Qb Db Qbᵀ the equation is elementwise, W̃_ij (a_i + b_j) = (Qaᵀ C Qb)_ij. Where a_i + b_j
    /// vanishes (to roundoff), the equation says nothing about W̃_ij and the minimum-norm solution, 0, is taken. That
    /// happens in SAE whenever SᵀS is rank-deficient (as many prototype coordinates as fitting classes or more; the
    /// centred targets have rank at most classes − 1) while a feature is constant (XᵀX singular): 0/0 otherwise.</summary>
    internal static Tensor Sylvester(Tensor a, Tensor b, Tensor c)
    {
        var (da, qa) = linalg.eigh(a);
        var (db, qb) = linalg.eigh(b);
        var rotated = qa.t().matmul(c).matmul(qb);
        var sums = da.unsqueeze(1).add(db.unsqueeze(0), One);
        using var tolerance = Local(1e-12 * (da.abs().max().item<double>() + db.abs().max().item<double>()));
        var solved = where(sums.abs().gt(tolerance), rotated.div(sums), zeros_like(rotated));
        return qa.matmul(solved).matmul(qb.t());
    }
}
