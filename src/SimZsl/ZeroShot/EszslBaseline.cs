using SimZsl.Embedding;
using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>ESZSL, "An embarrassingly simple approach to zero-shot learning" (Romera-Paredes &amp; Torr, ICML 2015), a
/// closed-form peer: the bilinear compatibility xᵀ V s with
/// V = (XᵀX + γI)⁻¹ Xᵀ Y S (SᵀS + λI)⁻¹, where X holds the standardized training features (one row per instance),
/// Y ∈ {−1, 1}^(N × classes) marks each instance's class, and S holds the seen classes' signatures (one row per
/// class: the prototypes' coordinates, or in the Poincaré ball their tangent vectors at 0). A test instance gets the
/// class whose signature s has the largest xᵀ V s. This is the published form: like every dot-product compatibility,
/// it cannot rank first a prototype that lies inside the convex hull of the others.</summary>
public sealed class EszslBaseline : IZeroShotScorer
{
    private readonly LinearPrototypeMap _projection;   // x ↦ standardize(x) V, no bias

    private EszslBaseline(ClassPrototypes prototypes, IReadOnlyList<string> seen, int featureCount, LinearPrototypeMap projection, double gamma, double lambda)
    {
        Prototypes = prototypes;
        SeenClasses = seen;
        FeatureCount = featureCount;
        _projection = projection;
        Gamma = gamma;
        Lambda = lambda;
    }

    /// <inheritdoc />
    public ClassPrototypes Prototypes { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SeenClasses { get; }

    /// <inheritdoc />
    public int FeatureCount { get; }

    /// <summary>The penalty γ on the feature side.</summary>
    public double Gamma { get; }

    /// <summary>The penalty λ on the signature side.</summary>
    public double Lambda { get; }

    /// <summary>Computes V in closed form.</summary>
    /// <param name="features">Training features (standardized internally).</param>
    /// <param name="labels">One seen class per row.</param>
    /// <param name="prototypes">Prototypes of all classes.</param>
    /// <param name="seenClasses">The seen classes; null: the distinct labels.</param>
    /// <param name="gamma">γ &gt; 0. Default 1.</param>
    /// <param name="lambda">λ &gt; 0. Default 1.</param>
    public static EszslBaseline Fit(RowMatrix features, IReadOnlyList<string> labels, ClassPrototypes prototypes, IReadOnlyList<string>? seenClasses = null, double gamma = 1, double lambda = 1)
    {
        ClosedFormPenalty.Check(gamma, nameof(gamma), "ESZSL penalty γ");
        ClosedFormPenalty.Check(lambda, nameof(lambda), "ESZSL penalty λ");
        using var scope = NewDisposeScope();
        var problem = LinearPrototypeMap.Prepare(features, labels, prototypes, seenClasses);
        var x = problem.Features;
        var s = problem.ClassTargets;
        var classes = tensor(problem.Labels.Select(k => (long)k).ToArray());
        var y = nn.functional.one_hot(classes, s.shape[0]).to(float64).mul(Two).sub(One);   // {−1, 1}
        using var g = Local(gamma);
        using var l = Local(lambda);
        var left = linalg.solve(x.t().matmul(x).add(eye(x.shape[1], dtype: float64), g), x.t().matmul(y).matmul(s));   // (XᵀX + γI)⁻¹ XᵀY S
        var right = s.t().matmul(s).add(eye(s.shape[1], dtype: float64), l);                                          // SᵀS + λI (symmetric)
        var v = linalg.solve(right, left.t()).t();                                                                     // left · right⁻¹
        var projection = new LinearPrototypeMap(prototypes, problem.Scaling, TensorData.ToDoubles(v), new double[s.shape[1]]);
        return new EszslBaseline(prototypes, problem.Seen, features.Columns, projection, gamma, lambda);
    }

    /// <inheritdoc />
    public double[] Scores(RowMatrix features, IReadOnlyList<int> prototypeRows)
    {
        ArgumentNullException.ThrowIfNull(prototypeRows);
        ZeroShotInput.CheckFeatures(features, "scored");
        ZeroShotInput.CheckFeatureCount(features, FeatureCount, "scored");
        int p = Prototypes.Coordinates.Columns, c = prototypeRows.Count;
        var signatures = prototypeRows.Select(r => LinearPrototypeMap.Target(Prototypes, r)).ToArray();
        var result = new double[features.Rows * c];
        var projected = new double[p];
        for (int i = 0; i < features.Rows; i++)
        {
            _projection.Predict(features.Row(i), projected);
            for (int k = 0; k < c; k++)
            {
                result[(i * c) + k] = System.Numerics.Tensors.TensorPrimitives.Dot(projected, signatures[k]);
            }
        }

        return result;
    }
}
