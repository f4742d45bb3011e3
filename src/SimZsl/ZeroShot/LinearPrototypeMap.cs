using SimZsl.Embedding;
using SimZsl.Geometry;
using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>What the closed-form peers share: the regression targets in a vector space (Euclidean coordinates, the
/// sphere's ambient coordinates, the ball's tangent vectors at 0), the standardized training features (standardized
/// in float32 exactly as the trained heads see them, then solved in double precision), and the prediction of a linear
/// map x ↦ xW + b sent back onto the manifold and scored by minus its geodesic distance to each prototype.</summary>
internal sealed class LinearPrototypeMap
{
    private readonly double[] _weights;   // F × P, row-major
    private readonly double[] _bias;      // P
    private readonly FeatureScaling _scaling;
    private readonly ClassPrototypes _prototypes;

    public LinearPrototypeMap(ClassPrototypes prototypes, FeatureScaling scaling, double[] weights, double[] bias)
    {
        _prototypes = prototypes;
        _scaling = scaling;
        _weights = weights;
        _bias = bias;
    }

    /// <summary>The checked training problem of a closed-form peer.</summary>
    /// <param name="Features">Standardized features (N × F, float64).</param>
    /// <param name="Targets">The target vector of each instance's class (N × P, float64).</param>
    /// <param name="ClassTargets">The target vector of each seen class (S × P, float64).</param>
    /// <param name="Labels">Each instance's seen-class index.</param>
    /// <param name="Scaling">The standardization fitted on the training features.</param>
    /// <param name="Seen">The seen classes.</param>
    public sealed record Problem(Tensor Features, Tensor Targets, Tensor ClassTargets, int[] Labels, FeatureScaling Scaling, string[] Seen);

    /// <summary>Checks the inputs and builds the problem's tensors (inside the caller's dispose scope).</summary>
    public static Problem Prepare(RowMatrix features, IReadOnlyList<string> labels, ClassPrototypes prototypes, IReadOnlyList<string>? seenClasses)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        ZeroShotInput.CheckFeatures(features, "training");
        ZeroShotInput.CheckLabels(features, labels, "training");
        var seen = seenClasses ?? labels.Distinct(StringComparer.Ordinal).ToArray();
        var seenRows = ZeroShotInput.PrototypeRows(prototypes, seen, "seen");
        var classOfRow = ZeroShotInput.LabelIndices(labels, seen, "training", "seen classes");
        var all = TensorData.AllRows(features.Rows);
        var scaling = FeatureScaling.Fit(features, all, pooled: false);
        int p = prototypes.Coordinates.Columns;
        var x = TensorData.Features(features, all, scaling, CPU).to(float64);
        var classTargets = tensor(seenRows.SelectMany(r => Target(prototypes, r)).ToArray(), [seenRows.Length, p], float64);
        var targets = classTargets.index_select(0, tensor(classOfRow.Select(k => (long)k).ToArray()));
        return new Problem(x, targets, classTargets, classOfRow, scaling, [.. seen]);
    }

    /// <summary>The vector a class's prototype is regressed to: its coordinates, or in the ball its tangent vector at
    /// the origin (<see cref="KappaSpace.LogAtOrigin(ReadOnlySpan{double})"/>), so that the regression happens in a
    /// vector space in every geometry.</summary>
    public static double[] Target(ClassPrototypes prototypes, int row) =>
        prototypes.Curvature < 0
            ? new KappaSpace(prototypes.Curvature).LogAtOrigin(prototypes.Coordinates.Row(row))
            : prototypes.Coordinates.RowArray(row);

    /// <summary>−d_κ(map(x_i), t_c) for every row and every prototype in <paramref name="prototypeRows"/>.</summary>
    public double[] Scores(RowMatrix features, IReadOnlyList<int> prototypeRows)
    {
        int p = _prototypes.Coordinates.Columns, c = prototypeRows.Count;
        var result = new double[features.Rows * c];
        var prediction = new double[p];
        for (int i = 0; i < features.Rows; i++)
        {
            Predict(features.Row(i), prediction);
            var point = ToManifold(prediction);
            for (int k = 0; k < c; k++)
            {
                result[(i * c) + k] = -PairwiseDistances.Distance(point, _prototypes.Coordinates.Row(prototypeRows[k]), _prototypes.Curvature);
            }
        }

        return result;
    }

    /// <summary>x ↦ standardize(x) W + b for one feature row, into <paramref name="prediction"/> (length P).</summary>
    public void Predict(ReadOnlySpan<double> row, double[] prediction)
    {
        int f = _scaling.Mean.Length, p = prediction.Length;
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

    // Sphere: the nearest point of the sphere is the radial projection; ball: exp₀ of the predicted tangent vector,
    // kept as far inside the boundary as the trained hyperbolic head keeps its points.
    private double[] ToManifold(double[] v)
    {
        double kappa = _prototypes.Curvature;
        if (kappa > 0)
        {
            SphereModel.Project(v, v, KappaSpace.RadiusOf(kappa));
        }
        else if (kappa < 0)
        {
            var space = new KappaSpace(kappa);
            space.ExpAtOrigin(v, v);
            space.Project(v, v, PoincareBall.BoundaryGap);
        }

        return v;
    }
}
