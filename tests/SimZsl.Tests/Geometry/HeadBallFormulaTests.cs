using SimZsl.Geometry;
using SimZsl.ZeroShot;
using TorchSharp;
using static SimZsl.Tests.Geometry.KappaDraws;
using static TorchSharp.torch;

namespace SimZsl.Tests.Geometry;

/// <summary>The hyperbolic head's tensor formulas (<see cref="PoincareBall"/>, float32 as it trains) against the
/// double-precision formulas of Geometry they are written from, over the κ sweep: ball distance
/// (<see cref="PairwiseDistances.Ball"/>), exp₀ and clipping (<see cref="KappaSpace.ExpAtOrigin(ReadOnlySpan{double}, Span{double})"/>,
/// <see cref="KappaSpace.Project(ReadOnlySpan{double}, Span{double}, double)"/>) and log₀ as their inverse.</summary>
public class HeadBallFormulaTests
{
    private const int Dimension = 3;

    // Float32 keeps ~7 digits; the distances and maps lose a few more to 1 − c‖x‖² at 0.9 of the radius.
    private const double Float32Tolerance = 2e-5;

    [Theory]
    [MemberData(nameof(NegativeCurvatures), MemberType = typeof(KappaDraws))]
    public void DistancesAreTheGeometryBallFormula(double curvature)
    {
        double c = -curvature, scale = Scale(curvature);
        var random = Random(curvature, 40);
        var points = Rows(random, 12, curvature);
        var prototypes = Rows(random, 5, curvature);
        points[3] = (double[])prototypes[2].Clone();   // a point on a prototype: distance 0, not noise
        using var scope = NewDisposeScope();
        var x = Float32(points);
        var y = Float32(prototypes);
        var all = Doubles(PoincareBall.Distances(x, y, c));
        var paired = Doubles(PoincareBall.PairedDistances(x.narrow(0, 0, 5), y, c));
        var xs = Rounded(points);
        var ys = Rounded(prototypes);
        for (int i = 0; i < points.Length; i++)
        {
            for (int j = 0; j < prototypes.Length; j++)
            {
                double expected = PairwiseDistances.Distance(xs[i], ys[j], curvature);
                Assert.Equal(expected, new KappaSpace(curvature).Distance(xs[i], ys[j]), 1e-12 * (scale + expected));
                Within(expected, all[(i * prototypes.Length) + j], scale, $"d(x{i}, t{j}), κ={curvature}");
                if (i == j)
                {
                    Within(expected, paired[i], scale, $"paired d(x{i}, t{i}), κ={curvature}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(NegativeCurvatures), MemberType = typeof(KappaDraws))]
    public void ExpAtTheOriginIsTheGeometryExpThenProject(double curvature)
    {
        var space = new KappaSpace(curvature);
        double scale = Scale(curvature);
        var random = Random(curvature, 41);

        // Tangent vectors from short to far past the saturation of tanh, where the clip takes over.
        var vectors = Enumerable.Range(0, 16).Select(t => Point(random, Dimension, Math.Pow(10, (t % 4) - 1) * scale)).ToArray();
        vectors[0] = new double[Dimension];
        using var scope = NewDisposeScope();
        var mapped = Doubles(PoincareBall.ExpMap0(Float32(vectors), -curvature));
        var rounded = Rounded(vectors);
        for (int i = 0; i < vectors.Length; i++)
        {
            var expected = space.Project(space.ExpAtOrigin(rounded[i]), PoincareBall.BoundaryGap);
            for (int k = 0; k < Dimension; k++)
            {
                Within(expected[k], mapped[(i * Dimension) + k], scale, $"exp₀(v{i})[{k}], κ={curvature}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(NegativeCurvatures), MemberType = typeof(KappaDraws))]
    public void ExpAtTheOriginInvertsTheGeometryLog(double curvature)
    {
        // The closed-form peers regress to log₀ of the prototypes (KappaSpace.LogAtOrigin); the head maps back
        // with its own exp₀, which must land on the prototype again.
        var space = new KappaSpace(curvature);
        double scale = Scale(curvature);
        var random = Random(curvature, 42);
        var prototypes = Rows(random, 10, curvature);
        var tangents = prototypes.Select(p => space.LogAtOrigin(p)).ToArray();
        using var scope = NewDisposeScope();
        var back = Doubles(PoincareBall.ExpMap0(Float32(tangents), -curvature));
        for (int i = 0; i < prototypes.Length; i++)
        {
            for (int k = 0; k < Dimension; k++)
            {
                Within(prototypes[i][k], back[(i * Dimension) + k], scale, $"exp₀(log₀(t{i}))[{k}], κ={curvature}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(NegativeCurvatures), MemberType = typeof(KappaDraws))]
    public void DistanceGradientsAreTheGeometryFormulasAndFiniteOnAPrototype(double curvature)
    {
        // Autograd through the tensor formula (in float64, so that the comparison is not float32's) against central
        // differences of PairwiseDistances.Ball; a point sitting on a prototype must still give a finite gradient.
        double c = -curvature, scale = Scale(curvature);
        var random = Random(curvature, 43);
        var points = Rows(random, 6, curvature);
        var prototypes = Rows(random, 4, curvature);
        points[5] = (double[])prototypes[1].Clone();
        using var scope = NewDisposeScope();
        var x = tensor(points.SelectMany(p => p).ToArray(), [points.Length, Dimension], float64).requires_grad_();
        var y = tensor(prototypes.SelectMany(p => p).ToArray(), [prototypes.Length, Dimension], float64);
        PoincareBall.Distances(x, y, c).sum().backward();
        var gradient = Doubles(x.grad!);
        Assert.All(gradient, g => Assert.True(double.IsFinite(g), $"gradient {g}, κ={curvature}"));
        double step = 1e-6 * scale;
        for (int i = 0; i < points.Length - 1; i++)
        {
            for (int k = 0; k < Dimension; k++)
            {
                var plus = (double[])points[i].Clone();
                var minus = (double[])points[i].Clone();
                plus[k] += step;
                minus[k] -= step;
                double expected = prototypes.Sum(t => PairwiseDistances.Distance(plus, t, curvature) - PairwiseDistances.Distance(minus, t, curvature)) / (2 * step);
                Close(expected, gradient[(i * Dimension) + k], 1e-5, $"∂/∂x{i}[{k}] Σ d, κ={curvature}");
            }
        }
    }

    // Points of the ball at the sweep's scale (see KappaDraws.Scale), well inside the boundary.
    private static double[][] Rows(Random random, int count, double curvature) =>
        Enumerable.Range(0, count).Select(_ => SpacePoint(random, Dimension, curvature)).ToArray();

    private static Tensor Float32(double[][] rows) =>
        tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length], float64).to(float32);

    // The float32 inputs the tensors saw, back in double: the Geometry side is evaluated on exactly those.
    private static double[][] Rounded(double[][] rows) => rows.Select(r => r.Select(v => (double)(float)v).ToArray()).ToArray();

    private static double[] Doubles(Tensor t) => t.to(float64).cpu().data<double>().ToArray();

    private static void Within(double expected, double actual, double scale, string what) =>
        Assert.True(Math.Abs(actual - expected) <= Float32Tolerance * (scale + Math.Abs(expected)), $"{what}: Geometry {expected:R}, head {actual:R}");
}
