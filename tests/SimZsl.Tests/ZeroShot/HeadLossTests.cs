using SimZsl.Embedding;
using SimZsl.Geometry;
using SimZsl.ZeroShot;
using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.Tests.ZeroShot;

/// <summary>Each head's loss and scores against values computed by hand.</summary>
public class HeadLossTests
{
    private static Tensor T(double[,] values) => tensor(values).to(float64);

    private static Tensor Targets(params long[] t) => tensor(t);

    private static double Loss(IZeroShotHead head, double[,] embedded, double[,] prototypes, params long[] targets)
    {
        using var loss = head.Loss(T(embedded), T(prototypes), Targets(targets));
        return loss.item<double>();
    }

    [Fact]
    public void DeViSEDotHingeRankLossMatchesHand()
    {
        // Row 1: scores (0.2, 0.6, 0.4), y = 0: (0.1 − 0.2 + 0.6) + (0.1 − 0.2 + 0.4) = 0.8; row 2: scores (1, 0, 0.5): 0.
        var head = new DeViSEHead(0.1, Compatibility.Dot);
        double loss = Loss(head, new double[,] { { 0.2, 0.6 }, { 1, 0 } }, new double[,] { { 1, 0 }, { 0, 1 }, { 0.5, 0.5 } }, 0, 0);
        Assert.Equal(0.4, loss, 12);
    }

    [Fact]
    public void DeViSECosineUsesAnglesOnly()
    {
        // cos((3,4),(2,0)) = 0.6, cos((3,4),(0,7)) = 0.8: 0.1 − 0.6 + 0.8 = 0.3.
        var head = new DeViSEHead(0.1, Compatibility.Cosine);
        Assert.Equal(0.3, Loss(head, new double[,] { { 3, 4 } }, new double[,] { { 2, 0 }, { 0, 7 } }, 0), 12);
    }

    [Fact]
    public void HypersphericalLossIsSquaredOneMinusCosine()
    {
        // (1 − 0.6)² = 0.16 and (1 − 0.8)² = 0.04, mean 0.1.
        var head = new HypersphericalHead();
        Assert.Equal(0.1, Loss(head, new double[,] { { 3, 4 }, { 3, 4 } }, new double[,] { { 2, 0 }, { 0, 5 } }, 0, 1), 12);
    }

    [Fact]
    public void SoftmaxLossIsCrossEntropyOverBilinearLogits()
    {
        // logits (1, 2), y = 0: −log(e/(e + e²)) = log(1 + e).
        var head = new SoftmaxCompatibilityHead(Compatibility.Dot);
        Assert.Equal(Math.Log(1 + Math.E), Loss(head, new double[,] { { 1, 2 } }, new double[,] { { 1, 0 }, { 0, 1 } }, 0), 12);
    }

    [Fact]
    public void SoftmaxDefaultLogitsAreMinusSquaredDistancesOverTemperature()
    {
        // f = (1, 2): ‖f − (1, 0)‖² = 4, ‖f − (0, 1)‖² = 2; τ = 2: logits (−2, −1), y = 0: log(1 + e).
        var head = new SoftmaxCompatibilityHead(temperature: 2);
        Assert.Equal(Math.Log(1 + Math.E), Loss(head, new double[,] { { 1, 2 } }, new double[,] { { 1, 0 }, { 0, 1 } }, 0), 12);
    }

    [Fact]
    public void DeViSEDefaultHingeUsesSquaredDistances()
    {
        // f = (1, 2), scores (−4, −2); y = 0: max(0, 0.5 + (−2) − (−4)) = 2.5.
        Assert.Equal(2.5, Loss(new DeViSEHead(0.5), new double[,] { { 1, 2 } }, new double[,] { { 1, 0 }, { 0, 1 } }, 0), 12);
    }

    [Fact]
    public void AnchorDistancesMatchEachGeometry()
    {
        var embedded = T(new double[,] { { 3, 4 }, { 0.5, 0 } });
        var targets = T(new double[,] { { 0, 0 }, { 0, 0.5 } });
        double[] Anchor(IZeroShotHead head)
        {
            using var d = head.SquaredDistances(embedded, targets);
            return d.data<double>().ToArray();
        }

        static void Close(double[] expected, double[] actual) =>
            Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 12));

        Close([25, 0.5], Anchor(new DeViSEHead()));
        Close([25, 0.5], Anchor(new SoftmaxCompatibilityHead()));
        Close([25, 0.5], Anchor(new HyperbolicHead(0)));   // the flat limit
        // Chords between directions: (0.6, 0.8) vs normalize(0, 0) = 0 → 1; (1, 0) vs (0, 1) → 2.
        Close([1, 2], Anchor(new HypersphericalHead()));
        // Ball, c = 1: the second row is d((0.5, 0), (0, 0.5)) = acosh(25/9), as in the distance test below.
        var ball = new HyperbolicHead(-1).SquaredDistances(T(new double[,] { { 0.5, 0 } }), T(new double[,] { { 0, 0.5 } }));
        Assert.Equal(Math.Pow(Math.Acosh(25.0 / 9.0), 2), ball.data<double>()[0], 5);
    }

    // d(z, 0) for z = (0.5, 0), c = 1: acosh(1 + 2·0.25/0.75) = acosh(5/3) = ln 3.
    // d(z, (0, 0.5)): acosh(1 + 2·0.5/(0.75·0.75)) = acosh(25/9).
    private static readonly double NearDistance = Math.Log(3);
    private static readonly double FarDistance = Math.Acosh(25.0 / 9.0);

    [Fact]
    public void HyperbolicScoresArePoincareDistances()
    {
        var head = new HyperbolicHead(-1);
        using var scores = head.Scores(T(new double[,] { { 0.5, 0 } }), T(new double[,] { { 0, 0 }, { 0, 0.5 } }));
        var values = scores.data<double>().ToArray();
        Assert.Equal(-NearDistance, values[0], 5);  // acosh's guard adds < 1e-6
        Assert.Equal(-FarDistance, values[1], 5);
    }

    [Fact]
    public void HyperbolicCrossEntropyAndHingeMatchHand()
    {
        var embedded = new double[,] { { 0.5, 0 } };
        var prototypes = new double[,] { { 0, 0 }, { 0, 0.5 } };
        double ce = Loss(new HyperbolicHead(-1, HyperbolicLoss.CrossEntropy, temperature: 0.1), embedded, prototypes, 0);
        Assert.Equal(Math.Log(1 + Math.Exp(-10 * (FarDistance - NearDistance))), ce, 5);
        double hinge = Loss(new HyperbolicHead(-1, HyperbolicLoss.Hinge, margin: 0.1), embedded, prototypes, 1);
        Assert.Equal(0.1 + FarDistance - NearDistance, hinge, 5);
    }

    // Points at 0.1 to 0.8 of the ball's radius, in three dimensions, the same for every curvature once scaled.
    private static readonly double[,] UnitBallPoints = { { 0.1, 0, 0 }, { 0, 0.5, -0.2 }, { -0.45, 0.3, 0.2 }, { 0.2, -0.6, 0.5 } };

    private static double[,] ScaledPoints(double curvature, int from, int count)
    {
        double radius = 1 / Math.Sqrt(-curvature);
        var points = new double[count, 3];
        for (int i = 0; i < count; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                points[i, k] = radius * UnitBallPoints[from + i, k];
            }
        }

        return points;
    }

    /// <summary>Ball curvatures for the hyperbolic head's checks: c = 4, 1 and 0.25, so a wrong power of √c shows.</summary>
    public static TheoryData<double> BallCurvatures => [-4.0, -1.0, -0.25];

    private static double[] Row(double[,] m, int i) => Enumerable.Range(0, m.GetLength(1)).Select(k => m[i, k]).ToArray();

    [Theory]
    [MemberData(nameof(BallCurvatures))]
    public void HyperbolicHeadDistancesAreTheBallDistancesOfItsCurvature(double curvature)
    {
        // Against Geometry's double-precision ball distance (an independent formula: 2 artanh of the Möbius gap);
        // the scale 1/√c of the distance is what a c = 1 test cannot see.
        var embedded = ScaledPoints(curvature, 0, 2);
        var prototypes = ScaledPoints(curvature, 2, 2);
        var head = new HyperbolicHead(curvature);
        using var scores = head.Scores(T(embedded), T(prototypes));
        using var paired = head.SquaredDistances(T(embedded), T(prototypes));
        var values = scores.data<double>().ToArray();
        var pairedValues = paired.data<double>().ToArray();
        var space = new KappaSpace(curvature);
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                double expected = space.Distance(Row(embedded, i), Row(prototypes, j));
                Assert.Equal(-expected, values[(i * 2) + j], 5);
            }

            Assert.Equal(Math.Pow(space.Distance(Row(embedded, i), Row(prototypes, i)), 2), pairedValues[i], 5);
        }
    }

    [Theory]
    [MemberData(nameof(BallCurvatures))]
    public void HyperbolicHeadEmbedsThroughTheExponentialMapOfItsCurvature(double curvature)
    {
        double[] u = [0.7, -1.1, 0.4];
        using var z = new HyperbolicHead(curvature).Embed(T(new double[,] { { u[0], u[1], u[2] } }));
        var expected = new KappaSpace(curvature).ExpAtOrigin(u);
        Assert.All(expected.Zip(z.data<double>().ToArray()), p => Assert.Equal(p.First, p.Second, 12));
    }

    [Theory]
    [MemberData(nameof(BallCurvatures))]
    public void HyperbolicLossesAtEachCurvatureMatchTheDistances(double curvature)
    {
        // One embedded point, two prototypes: CE = log(1 + exp(−(d₁ − d₀)/τ)) for target 0; hinge = max(0, m + d₀ − d₁)
        // for target 1 (scores are −d).
        var embedded = ScaledPoints(curvature, 1, 1);
        var prototypes = ScaledPoints(curvature, 2, 2);
        var space = new KappaSpace(curvature);
        double d0 = space.Distance(Row(embedded, 0), Row(prototypes, 0)), d1 = space.Distance(Row(embedded, 0), Row(prototypes, 1));
        double ce = Loss(new HyperbolicHead(curvature, HyperbolicLoss.CrossEntropy, temperature: 0.5), embedded, prototypes, 0);
        Assert.Equal(Math.Log(1 + Math.Exp(-(d1 - d0) / 0.5)), ce, 5);
        double hinge = Loss(new HyperbolicHead(curvature, HyperbolicLoss.Hinge, margin: 0.3), embedded, prototypes, 1);
        Assert.Equal(Math.Max(0, 0.3 + d1 - d0), hinge, 5);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void HypersphericalHeadComparesDirectionsWhateverTheSphereCurvature(double curvature)
    {
        // Prototypes on a sphere of radius 1/√κ; the loss is (1 − cos)² of the angle, so the radius must not matter.
        double r = 1 / Math.Sqrt(curvature);
        var head = new HypersphericalHead();
        head.EnsureGeometry(new ClassPrototypes(["a", "b"], RowMatrix.FromArray(new double[,] { { r, 0 }, { 0, r } }), curvature));
        double loss = Loss(head, new double[,] { { 3, 4 }, { 3, 4 } }, new double[,] { { 2 * r, 0 }, { 0, 5 * r } }, 0, 1);
        Assert.Equal(0.1, loss, 12);
    }

    [Fact]
    public void ExponentialMapAtZeroMatchesTanhFormula()
    {
        // exp₀(u) = tanh(√c‖u‖) u/(√c‖u‖): c = 4, u = (1, 0) → (tanh(2)/2, 0).
        var head = new HyperbolicHead(-4);
        using var z = head.Embed(T(new double[,] { { 1, 0 } }));
        Assert.Equal(Math.Tanh(2) / 2, z.data<double>()[0], 12);
    }

    [Fact]
    public void HyperbolicHeadStaysFiniteAtTheBoundary()
    {
        var head = new HyperbolicHead(-1, HyperbolicLoss.CrossEntropy);
        using var u = tensor(new float[] { 1e6f, 0, 0, 1e-30f }, [2, 2]).requires_grad_();
        var z = head.Embed(u);
        Assert.True(z.norm(1).max().item<float>() <= 1 - 1e-5 + 1e-6);
        var loss = head.Loss(z, tensor(new float[] { 0.99999f, 0, 0, 0 }, [2, 2]), Targets(0, 1));
        loss.backward();
        Assert.True(float.IsFinite(loss.item<float>()));
        Assert.All(u.grad!.data<float>().ToArray(), g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void HeadsRefusePrototypesOfAnotherGeometry()
    {
        var euclidean = new ClassPrototypes(["a", "b"], RowMatrix.FromArray(new double[,] { { 0, 1 }, { 1, 0 } }), 0);
        var ball = euclidean with { Curvature = -1 };
        var sphere = euclidean with { Curvature = 1 };
        var hyperbolicError = Assert.Throws<SimZslException>(() => new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Hyperbolic }.Create(sphere));
        Assert.Contains("hyperbolic (curvature < 0", hyperbolicError.Message, StringComparison.Ordinal);
        Assert.Throws<SimZslException>(() => new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Prototype }.Create(ball));
        Assert.Throws<SimZslException>(() => new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.DeViSE }.Create(ball));
        Assert.Throws<SimZslException>(() => new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Softmax }.Create(ball));
        Assert.IsType<HyperbolicHead>(new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Hyperbolic }.Create(ball));
        // κ = 0 is the flat limit of the ball, and Euclidean directions are prototypes for the hyperspherical head.
        Assert.IsType<HyperbolicHead>(new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Hyperbolic }.Create(euclidean));
        Assert.IsType<HypersphericalHead>(new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Prototype }.Create(euclidean));
    }
}
