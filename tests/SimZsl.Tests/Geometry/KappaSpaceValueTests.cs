using SimZsl.Geometry;
using static SimZsl.Tests.Geometry.KappaDraws;

namespace SimZsl.Tests.Geometry;

/// <summary>Hand-computed values of <see cref="KappaSpace"/>, its behaviour as κ → 0 and near the ball's boundary.</summary>
public class KappaSpaceValueTests
{
    [Fact]
    public void PoincareDistanceAlongAnAxisIsTwiceAtanh()
    {
        var ball = KappaSpace.Hyperbolic(-1);
        Assert.Equal(2 * Math.Atanh(0.5), ball.Distance([0, 0], [0.5, 0]), 14);
        Assert.Equal(4 * Math.Atanh(0.5), ball.Distance([-0.5, 0], [0.5, 0]), 13);

        // Curvature −4 is the ball of radius 1/2; (0.25, 0) is halfway out: d = 2·atanh(0.5)/2.
        Assert.Equal(Math.Atanh(0.5), new KappaSpace(-4).Distance([0, 0], [0.25, 0]), 14);
    }

    [Fact]
    public void SphereDistancesAreAnglesTimesRadius()
    {
        var sphere = KappaSpace.Sphere(1);

        // Stereographic (1, 0) is the equator point (0, 1, 0): a quarter turn from the origin (1, 0, 0).
        Assert.Equal(Math.PI / 2, sphere.Distance([0, 0], [1, 0]), 14);

        // (0.5, 0) and (−2, 0) are antipodal (y = −x/(κ‖x‖²)): half a turn, even though Q = 0 there.
        Assert.Equal(Math.PI, sphere.Distance([0.5, 0], [-2, 0]), 14);

        // Radius 2 (κ = 1/4): the equator is at ‖p‖ = 2, a quarter of a great circle of length 4π.
        Assert.Equal(Math.PI, KappaSpace.Sphere(0.25).Distance([0, 0], [0, 2]), 14);
    }

    [Fact]
    public void FlatMemberMeasuresTwiceTheEuclideanDistance()
    {
        // κ = 0 has conformal factor 2 (the limit of the Poincaré ball), so the 3-4-5 triangle gives 10.
        Assert.Equal(10, KappaSpace.Euclidean.Distance([0, 0], [3, 4]), 14);
        var prototypes = RowMatrix.FromRows([[0.0, 0], [3.0, 4]]);
        var points = KappaSpace.Euclidean.FromPrototypeRepresentation(prototypes);
        Assert.Equal(5, KappaSpace.Euclidean.Distance(points.Row(0), points.Row(1)), 14);
        Assert.Equal(prototypes.ToArray(), KappaSpace.Euclidean.ToPrototypeRepresentation(points).ToArray());
        Assert.Equal([4.0, 6.0], KappaSpace.Euclidean.MobiusAdd([1, 2], [3, 4]));
        Assert.Equal([0.75, 1.5], KappaSpace.Euclidean.Exp([0.5, 1], [0.25, 0.5]));    // x + v, as λ/2 = 1
    }

    [Fact]
    public void MobiusAdditionOnAnAxisIsTheRelativisticVelocitySum()
    {
        // κ = −1: (a ⊕ b) = (a + b)/(1 + ab) on a line, so 0.5 ⊕ 0.5 = 0.8.
        var sum = KappaSpace.Hyperbolic(-1).MobiusAdd([0.5, 0], [0.5, 0]);
        Assert.Equal(0.8, sum[0], 14);
        Assert.Equal(0, sum[1]);

        // κ = 1: tangent addition, (a + b)/(1 − ab): 0.5 ⊕ 0.5 = 4/3.
        Assert.Equal(4.0 / 3, KappaSpace.Sphere(1).MobiusAdd([0.5], [0.5])[0], 14);
    }

    [Fact]
    public void ExpAndLogAtTheOriginAreTanhAndAtanhOnTheUnitBall()
    {
        var ball = KappaSpace.Hyperbolic(-1);
        Assert.Equal(Math.Tanh(1), ball.ExpAtOrigin([1, 0])[0], 15);
        Assert.Equal(Math.Atanh(0.5), ball.LogAtOrigin([0, 0.5])[1], 15);
        Assert.Equal(Math.Tan(1), KappaSpace.Sphere(1).ExpAtOrigin([1])[0], 14);
        Assert.Equal(2, ball.ConformalFactor([0, 0]));
        Assert.Equal(2 / 0.75, ball.ConformalFactor([0.5, 0]), 15);
        Assert.Equal(2 / 1.25, KappaSpace.Sphere(1).ConformalFactor([0, 0.5]), 15);
    }

    [Fact]
    public void CurvedTrigonometryMatchesTanTanhAtanAtanh()
    {
        Assert.Equal(Math.Tan(0.7 * Math.Sqrt(2)) / Math.Sqrt(2), CurvedTrigonometry.Tan(0.7, 2), 14);
        Assert.Equal(Math.Tanh(0.7 * Math.Sqrt(2)) / Math.Sqrt(2), CurvedTrigonometry.Tan(0.7, -2), 14);
        Assert.Equal(Math.Atan(0.7 * Math.Sqrt(2)) / Math.Sqrt(2), CurvedTrigonometry.Artan(0.7, 2), 14);
        Assert.Equal(Math.Atanh(0.7 * Math.Sqrt(0.5)) / Math.Sqrt(0.5), CurvedTrigonometry.Artan(0.7, -0.5), 14);
        Assert.Equal(0.7, CurvedTrigonometry.Tan(0.7, 0));
        Assert.Equal(0.7, CurvedTrigonometry.Artan(0.7, 0));
        Assert.Equal(1, CurvedTrigonometry.TanRatio(0, -1));
        Assert.Equal(1, CurvedTrigonometry.ArtanRatio(0, 1));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void SeriesAndClosedFormsAgreeWhereTheySwitch(double sign)
    {
        // The Taylor branch is used for |κx²| < 1e-6; just either side the two must agree to rounding.
        foreach (double z in new[] { 0.999999e-6, 1.000001e-6, 1e-5 })
        {
            double kappa = sign * z;    // x = 1, so κx² = ±z
            double root = Math.Sqrt(z);
            double tan = sign > 0 ? Math.Tan(root) / root : Math.Tanh(root) / root;
            double atan = sign > 0 ? Math.Atan(root) / root : Math.Atanh(root) / root;
            Assert.Equal(tan, CurvedTrigonometry.TanRatio(1, kappa), 15);
            Assert.Equal(atan, CurvedTrigonometry.ArtanRatio(1, kappa), 15);
        }
    }

    [Theory]
    [InlineData(1e-8)]
    [InlineData(-1e-8)]
    [InlineData(1e-15)]
    [InlineData(-1e-15)]
    public void NearZeroCurvatureIsEuclideanToFirstOrder(double curvature)
    {
        var space = new KappaSpace(curvature);
        var random = Random(curvature, 10);
        for (int t = 0; t < 200; t++)
        {
            var x = Point(random, 3, 1);
            var y = Point(random, 3, 1);
            var v = Point(random, 3, 1);

            // d_κ = 2 artan_κ(‖x − y‖/√Q) = 2‖x − y‖·(1 + O(κ)): within 1e-7 for these unit-sized points.
            double flat = 2 * Math.Sqrt(x.Zip(y, (a, b) => (a - b) * (a - b)).Sum());
            Assert.True(Math.Abs(space.Distance(x, y) - flat) < 1e-7, $"d = {space.Distance(x, y):R} vs 2‖x − y‖ = {flat:R}");
            Assert.True(Math.Abs(space.Distance(x, y) - KappaSpace.Euclidean.Distance(x, y)) < 1e-7);
            Close(KappaSpace.Euclidean.Exp(x, v), space.Exp(x, v), 1e-7, "exp_x(v)");
            Close(KappaSpace.Euclidean.Log(x, y), space.Log(x, y), 1e-7, "log_x(y)");
            Close(KappaSpace.Euclidean.MobiusAdd(x, y), space.MobiusAdd(x, y), 1e-7, "x ⊕ y");
        }
    }

    [Theory]
    [MemberData(nameof(NegativeCurvatures), MemberType = typeof(KappaDraws))]
    public void PointsAtTheBoundaryGiveFiniteAccurateDistances(double curvature)
    {
        var ball = new KappaSpace(curvature);
        var random = Random(curvature, 11);
        double radius = ball.Radius, c = -curvature;
        for (int t = 0; t < 50; t++)
        {
            var direction = Direction(random, 4);
            var x = direction.Select(u => u * (1 - 1e-12) * radius).ToArray();
            var opposite = x.Select(u => -u).ToArray();

            // Through the centre: d(x, −x) = 2·d(0, x) = 4·atanh(1 − 1e-12)/√c ≈ 56.6/√c.
            double expected = 4 * Math.Atanh(1 - 1e-12) / Math.Sqrt(c);
            double actual = ball.Distance(x, opposite);
            Assert.True(double.IsFinite(actual), $"d(x, −x) = {actual}, κ={curvature}");
            Close(expected, actual, 1e-3, $"d(x, −x), κ={curvature}");
            Assert.True(double.IsFinite(ball.DistanceFromOrigin(x)));

            var inside = Point(random, 4, 0.5 * radius);
            double toInside = ball.Distance(x, inside);
            Assert.True(double.IsFinite(toInside) && toInside > 0);
            Assert.True(ball.Log(inside, x).All(double.IsFinite));
        }
    }

    [Theory]
    [MemberData(nameof(NegativeCurvatures), MemberType = typeof(KappaDraws))]
    public void NeighboursNearTheBoundaryKeepTheirSmallDistance(double curvature)
    {
        // Two points at 1 − 1e-10 of the radius, 1e-11 rad apart: 1 − c‖x‖² ≈ 2e-10 dwarfs their gap, and
        // 1 + 2κ⟨x, y⟩ + κ²‖x‖²‖y‖² would cancel to rounding noise. Expected, from the acosh form with
        // 1 − cρ² = (1 − √cρ)(1 + √cρ) taken exactly: d = acosh(1 + 2c‖x − y‖²/(1 − cρ²)²)/√c.
        var ball = new KappaSpace(curvature);
        double c = -curvature, r = ball.Radius, rho = (1 - 1e-10) * r, theta = 1e-11;
        double[] x = [rho, 0], y = [rho * Math.Cos(theta), rho * Math.Sin(theta)];
        double gap = 2 * rho * Math.Sin(theta / 2);
        double inside = 1e-10 * (2 - 1e-10);
        double expected = Math.Acosh(1 + (2 * c * gap * gap / (inside * inside))) / Math.Sqrt(c);
        Close(expected, ball.Distance(x, y), 1e-5, $"κ={curvature}");
        Close(expected, ball.Distances(RowMatrix.FromRows([x, y]))[1], 1e-5, "Distances");

        // The log map there: its Riemannian length λ_x‖log_x(y)‖ is the distance, and exp_x takes it back to y.
        var log = ball.Log(x, y);
        Close(expected, ball.ConformalFactor(x) * Math.Sqrt(log.Sum(v => v * v)), 1e-5, $"λ_x‖log_x(y)‖, κ={curvature}");
        var back = ball.Exp(x, log);
        Assert.True(Math.Abs(back[0] - y[0]) <= 1e-15 * r && Math.Abs(back[1] - y[1]) <= 1e-15 * r, $"exp_x(log_x(y)) = ({back[0]:R}, {back[1]:R}) vs ({y[0]:R}, {y[1]:R})");
    }

    [Theory]
    [MemberData(nameof(NegativeCurvatures), MemberType = typeof(KappaDraws))]
    public void PointsOnOrPastTheBoundaryCountAsJustInside(double curvature)
    {
        // Not valid input (Project first), but the distance stays finite and larger than from any point inside.
        var ball = new KappaSpace(curvature);
        double r = ball.Radius;
        double[] inside = [0.3 * r, 0], nearEdge = [0, (1 - 1e-12) * r], onEdge = [0, r], past = [0, -1.5 * r];
        double toNear = ball.Distance(inside, nearEdge), toEdge = ball.Distance(inside, onEdge);
        Assert.True(double.IsFinite(toEdge) && toEdge > toNear, $"on the boundary {toEdge}, near it {toNear}");
        Assert.True(double.IsFinite(ball.Distance(onEdge, past)));
        Assert.True(double.IsFinite(ball.Distance(past, [-1.5 * r, 0])));

        // 1 − c‖x‖² is floored at 1e-17, so no distance from the origin exceeds acosh(1 + 2/1e-17)/√c = ln(4e17)/√c
        // (the computed radius r may land a rounding error inside the ball, giving a little less).
        double toBoundary = ball.Distance([0, 0], [r, 0]);
        Assert.True(toBoundary <= Math.Log(4e17) / Math.Sqrt(-curvature) * (1 + 1e-12), $"d(0, boundary) = {toBoundary}");
        Assert.True(toBoundary > ball.DistanceFromOrigin(nearEdge));
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KappaSpace(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => KappaSpace.Sphere(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KappaSpace.Hyperbolic(0));
        Assert.Throws<ArgumentException>(() => KappaSpace.Euclidean.Distance([1, 2], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => KappaSpace.Hyperbolic().Project([2.0], margin: 0));
        Assert.Equal(Manifold.Hyperbolic, new KappaSpace(-1e-15).Geometry);
        Assert.Equal(Manifold.Euclidean, KappaSpace.Euclidean.Geometry);
        Assert.Equal(double.PositiveInfinity, KappaSpace.Euclidean.Radius);
        Assert.Equal(0.5, new KappaSpace(4).Radius);
    }
}
