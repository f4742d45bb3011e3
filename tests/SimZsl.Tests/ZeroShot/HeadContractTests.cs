using SimZsl.Embedding;
using SimZsl.ZeroShot;
using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.Tests.ZeroShot;

/// <summary>What the heads, their registry and their settings accept and refuse, each refusal by its words: the
/// contract a caller relies on, pinned where a mutation test found it unchecked.</summary>
public class HeadContractTests
{
    private static ClassPrototypes Prototypes(double curvature) =>
        new(["a", "b"], RowMatrix.FromRows([[0.1, 0.2], [-0.3, 0.1]]), curvature);

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void TheHyperbolicHeadIsBuiltOnlyForABallOrFlatSpace(double curvature)
    {
        var error = Assert.Throws<SimZslException>(() => new HyperbolicHead(curvature));
        Assert.Contains("needs hyperbolic (curvature < 0, Poincaré ball) or flat (curvature 0) prototypes", error.Message, StringComparison.Ordinal);
        Assert.Equal(0.0, new HyperbolicHead(0).Curvature);
        Assert.Equal(-1e-300, new HyperbolicHead(-1e-300).Curvature);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TemperaturesMustBeFiniteAndPositive(double temperature)
    {
        var hyperbolic = Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbolicHead(-1, temperature: temperature));
        Assert.Equal("temperature", hyperbolic.ParamName);
        Assert.StartsWith("The temperature must be a finite number > 0.", hyperbolic.Message, StringComparison.Ordinal);
        var softmax = Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxCompatibilityHead(temperature: temperature));
        Assert.Equal("temperature", softmax.ParamName);
        Assert.StartsWith("The temperature must be a finite number > 0.", softmax.Message, StringComparison.Ordinal);
        Assert.Equal(1e-9, new HyperbolicHead(-1, temperature: 1e-9).Temperature);
        Assert.Equal(1e-9, new SoftmaxCompatibilityHead(temperature: 1e-9).Temperature);
    }

    [Fact]
    public void TheHyperbolicHeadAcceptsPrototypesOfItsCurvatureUpToRounding()
    {
        var head = new HyperbolicHead(-2);
        head.EnsureGeometry(Prototypes(-2 * (1 + 7.5e-13)));               // within 1e-12·|κ|: rounding of the same curvature
        var error = Assert.Throws<SimZslException>(() => head.EnsureGeometry(Prototypes(-2.001)));
        Assert.Equal("The hyperbolic head was built for curvature -2, the prototypes have curvature -2.001. Build the head from the prototypes' curvature.", error.Message);
        Assert.Throws<SimZslException>(() => head.EnsureGeometry(Prototypes(-1.999)));
        // At κ = 0 the tolerance is 1e-12 (not 1e-12·|κ| = 0), and a difference of exactly 1e-12 is accepted.
        new HyperbolicHead(0).EnsureGeometry(Prototypes(-1e-13));
        new HyperbolicHead(0).EnsureGeometry(Prototypes(-1e-12));
        Assert.Throws<SimZslException>(() => new HyperbolicHead(0).EnsureGeometry(Prototypes(-1e-11)));
        Assert.StartsWith("The hyperbolic head needs hyperbolic (curvature < 0, Poincaré ball) or flat (curvature 0) prototypes; the curvature is 1.",
            Assert.Throws<SimZslException>(() => head.EnsureGeometry(Prototypes(1))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => head.EnsureGeometry(null!));
    }

    [Fact]
    public void TheVectorHeadsNameThemselvesWhenTheyRefuseABall()
    {
        var ball = Prototypes(-1);
        var devise = Assert.Throws<SimZslException>(() => new DeViSEHead().EnsureGeometry(ball));
        Assert.StartsWith("The DeViSE head treats prototypes as vectors", devise.Message, StringComparison.Ordinal);
        var softmax = Assert.Throws<SimZslException>(() => new SoftmaxCompatibilityHead().EnsureGeometry(ball));
        Assert.StartsWith("The softmax compatibility head treats prototypes as vectors", softmax.Message, StringComparison.Ordinal);
        var sphere = Assert.Throws<SimZslException>(() => new HypersphericalHead().EnsureGeometry(ball));
        Assert.Contains("hyperbolic prototypes (curvature -1)", sphere.Message, StringComparison.Ordinal);
        new DeViSEHead().EnsureGeometry(Prototypes(0));
        new SoftmaxCompatibilityHead().EnsureGeometry(Prototypes(2));
        new HypersphericalHead().EnsureGeometry(Prototypes(0));
        Assert.Throws<ArgumentNullException>(() => new HypersphericalHead().EnsureGeometry(null!));
    }

    [Fact]
    public void EachHeadReportsItsRegisteredName()
    {
        Assert.Equal("devise", new DeViSEHead().Name);
        Assert.Equal("prototype", new HypersphericalHead().Name);
        Assert.Equal("hyperbolic", new HyperbolicHead(-1).Name);
        Assert.Equal("softmax", new SoftmaxCompatibilityHead().Name);
        Assert.Equal("hyperspherical", ZeroShotHeadKind.Prototype.Summary);
        Assert.Null(ZeroShotHeadKind.DeViSE.Summary);
        Assert.Equal("hyperbolic", ZeroShotHeadKind.Hyperbolic.ToString());
        Assert.Equal("sae", ClosedFormPeer.Sae.ToString());
    }

    [Fact]
    public void TheDefaultsAreThePublishedOnes()
    {
        var devise = new DeViSEHead();
        Assert.Equal((0.1, Compatibility.Distance), (devise.Margin, devise.Compatibility));
        var hyperbolic = new HyperbolicHead(-1);
        Assert.Equal((HyperbolicLoss.CrossEntropy, 0.1, 0.1), (hyperbolic.LossKind, hyperbolic.Margin, hyperbolic.Temperature));
        var softmax = new SoftmaxCompatibilityHead();
        Assert.Equal((Compatibility.Distance, 1.0), (softmax.Compatibility, softmax.Temperature));

        // Built from options that leave the temperature unset, each head takes its own default.
        var options = new ZeroShotHeadOptions();
        Assert.Equal(0.1, Assert.IsType<HyperbolicHead>((options with { Kind = ZeroShotHeadKind.Hyperbolic }).Create(Prototypes(-1))).Temperature);
        Assert.Equal(1.0, Assert.IsType<SoftmaxCompatibilityHead>((options with { Kind = ZeroShotHeadKind.Softmax }).Create(Prototypes(0))).Temperature);
        var settings = ZeroShotHeadKind.SettingsOf(new HyperbolicHead(-1, HyperbolicLoss.Hinge, 0.3, 0.7))!;
        Assert.Equal((ZeroShotHeadKind.Hyperbolic, HyperbolicLoss.Hinge, 0.3, (double?)0.7), (settings.Kind, settings.HyperbolicLoss, settings.Margin, settings.Temperature));
        Assert.Equal((ZeroShotHeadKind.DeViSE, 0.1, Compatibility.Distance, 0.3, (double?)null),
            (options.Kind, options.Margin, options.Compatibility, options.AnchorWeight, options.Temperature));
    }

    [Theory]
    [InlineData(-3.0, "hyperbolic")]
    [InlineData(-1e-300, "hyperbolic")]
    [InlineData(0.0, "devise")]
    [InlineData(1e-300, "prototype")]
    [InlineData(2.0, "prototype")]
    public void TheNaturalHeadFollowsTheSignOfTheCurvature(double curvature, string head)
    {
        Assert.Equal(head, ZeroShotHeadKind.ForCurvature(curvature).Name);
        Assert.Equal(head, ZeroShotHeadOptions.ForCurvature(curvature).Kind.Name);
    }

    [Fact]
    public void AKindIsDefinedWithANameAndASignOfCurvatureOnly()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ZeroShotHeadKind.Define("mine", (_, _) => new DeViSEHead(), _ => new ZeroShotHeadOptions(), naturalCurvatureSign: 2));
        Assert.Equal("naturalCurvatureSign", error.ParamName);
        Assert.StartsWith("The sign of a curvature is −1, 0 or +1.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ZeroShotHeadKind.Define("mine", (_, _) => new DeViSEHead(), _ => new ZeroShotHeadOptions(), naturalCurvatureSign: -2));
        Assert.Throws<ArgumentException>(() => ZeroShotHeadKind.Define(" ", (_, _) => new DeViSEHead(), _ => new ZeroShotHeadOptions()));
        Assert.Throws<ArgumentNullException>(() => ZeroShotHeadKind.Define<DeViSEHead>("mine", null!, _ => new ZeroShotHeadOptions()));
        Assert.Throws<ArgumentNullException>(() => ZeroShotHeadKind.Define("mine", (_, _) => new DeViSEHead(), null!));

        foreach (int sign in new[] { -1, 0, 1 })
        {
            var kind = ZeroShotHeadKind.Define("Mine", (_, _) => new DeViSEHead(), _ => new ZeroShotHeadOptions(), sign, "my own");
            Assert.Equal(("mine", (int?)sign, "my own"), (kind.Name, kind.NaturalCurvatureSign, kind.Summary));
        }
    }

    [Fact]
    public void AnUnregisteredHeadHasNoSettingsAndTheRegistryChecksTheGeometry()
    {
        Assert.Null(ZeroShotHeadKind.SettingsOf(new UnregisteredHead()));
        Assert.Throws<ArgumentNullException>(() => ZeroShotHeadKind.SettingsOf(null!));
        Assert.Throws<ArgumentNullException>(() => ZeroShotHeadKind.Find(null!));
        Assert.Throws<ArgumentNullException>(() => ZeroShotHeadKind.Register(null!));
        Assert.Throws<ArgumentNullException>(() => ClosedFormPeer.Find(null!));
        Assert.Throws<ArgumentNullException>(() => ZeroShotHeadKind.DeViSE.Create(null!, Prototypes(0)));
        Assert.Throws<ArgumentNullException>(() => ZeroShotHeadKind.DeViSE.Create(new ZeroShotHeadOptions(), null!));

        // The registry builds the head and then asks it about the geometry: DeViSE refuses a ball.
        Assert.Throws<SimZslException>(() => ZeroShotHeadKind.DeViSE.Create(new ZeroShotHeadOptions(), Prototypes(-1)));
    }

    [Fact]
    public void APeerNameIsRegisteredOnce()
    {
        var twin = new ClosedFormPeer("Ridge", ZeroShotCandidates.Ridge, () => ZeroShotCandidates.Ridge(1));
        Assert.Equal("ridge", twin.Name);
        var error = Assert.Throws<ArgumentException>(() => ClosedFormPeer.Register(twin));
        Assert.StartsWith("A closed-form peer named 'ridge' is already registered.", error.Message, StringComparison.Ordinal);
        Assert.Same(ClosedFormPeer.Ridge, ClosedFormPeer.Register(ClosedFormPeer.Ridge));
        Assert.Equal(1, ClosedFormPeer.All.Count(p => p.Name == "ridge"));
        Assert.Same(ClosedFormPeer.Ridge, ClosedFormPeer.Find("RIDGE"));
        Assert.Null(ClosedFormPeer.Find("lasso"));
        Assert.Throws<ArgumentException>(() => new ClosedFormPeer(" ", ZeroShotCandidates.Ridge, () => ZeroShotCandidates.Ridge(1)));
        Assert.Throws<ArgumentNullException>(() => new ClosedFormPeer("p", null!, () => ZeroShotCandidates.Ridge(1)));
        Assert.Throws<ArgumentNullException>(() => new ClosedFormPeer("p", ZeroShotCandidates.Ridge, null!));
        Assert.Throws<ArgumentNullException>(() => ClosedFormPeer.Register(null!));
    }

    [Fact]
    public void EveryHeadSettingIsCheckedAndNamed()
    {
        Assert.Empty(new ZeroShotHeadOptions().Violations());
        Assert.Empty(new ZeroShotHeadOptions { Margin = 0, AnchorWeight = 0, Temperature = 1e-9 }.Violations());
        (ZeroShotHeadOptions Options, string Problem)[] cases =
        [
            (new() { Kind = null! }, "Head.Kind must not be null."),
            (new() { Margin = -0.1 }, "Head.Margin must be a finite number ≥ 0 (got -0.1)."),
            (new() { Margin = double.PositiveInfinity }, "Head.Margin must be a finite number ≥ 0 (got Infinity)."),
            (new() { Compatibility = (Compatibility)7 }, "Head.Compatibility must be Distance, Dot or Cosine (got 7)."),
            (new() { Temperature = 0 }, "Head.Temperature must be a finite number > 0 or null (got 0)."),
            (new() { Temperature = double.NaN }, "Head.Temperature must be a finite number > 0 or null (got NaN)."),
            (new() { AnchorWeight = -1 }, "Head.AnchorWeight must be a finite number ≥ 0 (got -1)."),
            (new() { AnchorWeight = double.NaN }, "Head.AnchorWeight must be a finite number ≥ 0 (got NaN)."),
        ];
        foreach (var (options, problem) in cases)
        {
            Assert.Equal([problem], options.Violations());
        }
    }

    [Fact]
    public void AnUnknownCompatibilityIsRefusedWhenScoring()
    {
        using var x = ones(2, 2);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DeViSEHead(compatibility: (Compatibility)9).Scores(x, x));
        Assert.Equal("compatibility", error.ParamName);
        Assert.StartsWith("Unknown compatibility.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddingAndAnchorDistancesOfTheFlatHeads()
    {
        // DeViSE, softmax and the flat (κ = 0) hyperbolic head embed by the identity (a new tensor with the same values)
        // and anchor by the squared distance.
        using var u = tensor(new double[] { 3, 4, 0, -2 }, [2, 2]);
        using var p = tensor(new double[] { 0, 0, 1, -2 }, [2, 2]);
        foreach (IZeroShotHead head in new IZeroShotHead[] { new DeViSEHead(), new SoftmaxCompatibilityHead(), new HyperbolicHead(0) })
        {
            using var embedded = head.Embed(u);
            Assert.Equal(u.data<double>().ToArray(), embedded.data<double>().ToArray());
            Assert.NotSame(u, embedded);
            using var squared = head.SquaredDistances(u, p);
            Assert.Equal([25.0, 1.0], squared.data<double>().ToArray());
        }

        // κ = 0 hyperbolic scores: minus the Euclidean distances (not squared).
        using var scores = new HyperbolicHead(0).Scores(u, p);
        Assert.Equal([-5, -Math.Sqrt(4 + 36), -Math.Sqrt(4), -1], scores.data<double>().ToArray(), new ToleranceComparer(1e-12));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-4.0)]
    public void HyperbolicScoresOfThreePointsAgainstTwoPrototypesAreTheirBallDistances(double curvature)
    {
        // More points than prototypes, with different norms: each point's own norm must enter its row.
        double r = 1 / Math.Sqrt(-curvature);
        double[][] points = [[0.1 * r, 0.2 * r], [-0.5 * r, 0.3 * r], [0.7 * r, -0.6 * r]];
        double[][] prototypes = [[0.4 * r, 0], [-0.2 * r, -0.8 * r]];
        using var x = tensor(points.SelectMany(p => p).ToArray(), [3, 2]);
        using var t = tensor(prototypes.SelectMany(p => p).ToArray(), [2, 2]);
        using var scores = new HyperbolicHead(curvature).Scores(x, t);
        var values = scores.data<double>().ToArray();
        var space = new SimZsl.Geometry.KappaSpace(curvature);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(-space.Distance(points[i], prototypes[j]), values[(i * 2) + j], 7);
            }
        }
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }

    private sealed class UnregisteredHead : IZeroShotHead
    {
        public string Name => "not registered";

        public void EnsureGeometry(ClassPrototypes prototypes)
        {
        }

        public Tensor Embed(Tensor projected) => projected.alias();

        public Tensor Scores(Tensor embedded, Tensor prototypes) => embedded.matmul(prototypes.t());

        public Tensor Loss(Tensor embedded, Tensor prototypes, Tensor targets) => embedded.sum();

        public Tensor SquaredDistances(Tensor embedded, Tensor targetPrototypes) => embedded.sub(targetPrototypes).pow(2).sum(1);
    }
}
