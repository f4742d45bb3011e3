using System.Globalization;
using SimZsl.Embedding;
using SimZsl.Geometry;
using TorchSharp;
using static TorchSharp.torch;
using static SimZsl.KeptScalars;

namespace SimZsl.ZeroShot;

/// <summary>The simple peer every head must beat: closed-form ridge regression from (standardized) features to the
/// prototype of each instance's class, then the nearest prototype by geodesic distance. On the sphere the
/// regression targets are the ambient coordinates and the prediction is projected onto the sphere; in the Poincaré
/// ball the targets are the prototypes' tangent vectors at 0 (log map) and the prediction is mapped back with the
/// exponential map, so that regression happens in a vector space in every geometry.</summary>
public sealed class RidgeRegressionBaseline : IZeroShotScorer
{
    private readonly double[] _weights;
    private readonly double[] _bias;
    private readonly FeatureScaling _scaling;

    private RidgeRegressionBaseline(ClassPrototypes prototypes, IReadOnlyList<string> seen, FeatureScaling scaling, double[] weights, double[] bias, double lambda)
    {
        Prototypes = prototypes;
        SeenClasses = seen;
        _scaling = scaling;
        _weights = weights;
        _bias = bias;
        Lambda = lambda;
    }

    /// <inheritdoc />
    public ClassPrototypes Prototypes { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SeenClasses { get; }

    /// <inheritdoc />
    public int FeatureCount => _scaling.Mean.Length;

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
        ArgumentNullException.ThrowIfNull(prototypes);
        if (!(lambda > 0) || !double.IsFinite(lambda))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The ridge penalty must be a finite number > 0 (got {lambda})."), nameof(lambda));
        }

        ZeroShotInput.CheckFeatures(features, "training");
        ZeroShotInput.CheckLabels(features, labels, "training");
        var seen = seenClasses ?? labels.Distinct(StringComparer.Ordinal).ToArray();
        var seenRows = ZeroShotInput.PrototypeRows(prototypes, seen, "seen");
        var targets = ZeroShotInput.LabelIndices(labels, seen, "training", "seen classes");
        var all = TensorData.AllRows(features.Rows);
        var scaling = FeatureScaling.Fit(features, all, pooled: false);
        int f = features.Columns, p = prototypes.Coordinates.Columns;

        using var scope = NewDisposeScope();
        var x = TensorData.Features(features, all, scaling, CPU).to(float64);
        var t = tensor(targets.SelectMany(k => Target(prototypes, seenRows[k])).ToArray(), [features.Rows, p], float64);
        var tMean = t.mean([0], keepdim: true);
        var xCentred = x - x.mean([0], keepdim: true);
        using var penalty = Local(lambda);
        var gram = xCentred.t().matmul(xCentred).add(eye(f, dtype: float64), penalty);
        var w = linalg.solve(gram, xCentred.t().matmul(t - tMean));
        var b = tMean - x.mean([0], keepdim: true).matmul(w);
        return new RidgeRegressionBaseline(prototypes, [.. seen], scaling, TensorData.ToDoubles(w), TensorData.ToDoubles(b), lambda);
    }

    /// <inheritdoc />
    public double[] Scores(RowMatrix features, IReadOnlyList<int> prototypeRows)
    {
        ArgumentNullException.ThrowIfNull(prototypeRows);
        ZeroShotInput.CheckFeatures(features, "scored");
        ZeroShotInput.CheckFeatureCount(features, FeatureCount, "scored");
        int f = FeatureCount, p = Prototypes.Coordinates.Columns, c = prototypeRows.Count;
        var result = new double[features.Rows * c];
        var prediction = new double[p];
        for (int i = 0; i < features.Rows; i++)
        {
            Predict(features.Row(i), f, p, prediction);
            var point = ToManifold(prediction);
            for (int k = 0; k < c; k++)
            {
                result[(i * c) + k] = -PairwiseDistances.Distance(point, Prototypes.Coordinates.Row(prototypeRows[k]), Prototypes.Curvature);
            }
        }

        return result;
    }

    private void Predict(ReadOnlySpan<double> row, int f, int p, double[] prediction)
    {
        _bias.CopyTo(prediction, 0);
        for (int j = 0; j < f; j++)
        {
            double v = (row[j] - _scaling.Mean[j]) / _scaling.Deviation[j];
            for (int k = 0; k < p; k++)
            {
                prediction[k] += v * _weights[(j * p) + k];
            }
        }
    }

    private static double[] Target(ClassPrototypes prototypes, int row) =>
        prototypes.Curvature < 0 ? PoincareBall.LogMap0(prototypes.Coordinates.Row(row), -prototypes.Curvature) : prototypes.Coordinates.RowArray(row);

    // Sphere: the nearest point of the sphere is the radial projection; ball: exp₀ of the predicted tangent vector.
    private double[] ToManifold(double[] v)
    {
        double kappa = Prototypes.Curvature;
        double norm = Math.Sqrt(v.Sum(a => a * a));
        if (kappa == 0 || norm < 1e-300)
        {
            return v;
        }

        double sqrtC = Math.Sqrt(Math.Abs(kappa));
        double scale = kappa > 0 ? 1 / (sqrtC * norm) : Math.Min(Math.Tanh(sqrtC * norm), 1 - PoincareBall.BoundaryGap) / (sqrtC * norm);
        return v.Select(a => a * scale).ToArray();
    }
}
