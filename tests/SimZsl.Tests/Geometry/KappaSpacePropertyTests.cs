using SimZsl.Geometry;
using static SimZsl.Tests.Geometry.KappaDraws;

namespace SimZsl.Tests.Geometry;

/// <summary>The shared property suite of <see cref="KappaSpace"/>, run over the whole curvature sweep (geoopt's
/// style): metric axioms, the gyrovector identities, exp/log inverses and geodesic lengths, on seeded draws.</summary>
public class KappaSpacePropertyTests
{
    private const int Draws = 200;

    [Theory]
    [MemberData(nameof(Curvatures), MemberType = typeof(KappaDraws))]
    public void DistanceIsSymmetricAndZeroOnlyOnTheDiagonal(double curvature)
    {
        var space = new KappaSpace(curvature);
        var random = Random(curvature);
        for (int t = 0; t < Draws; t++)
        {
            int d = 1 + (t % 5);
            var x = SpacePoint(random, d, curvature);
            var y = SpacePoint(random, d, curvature);
            double dxy = space.Distance(x, y);
            Close(dxy, space.Distance(y, x), 1e-14, $"d(y, x) vs d(x, y), κ={curvature}");
            Assert.Equal(0, space.Distance(x, x));
            Assert.True(dxy > 0, $"d(x, y) = {dxy} for distinct points, κ={curvature}");
        }
    }

    [Theory]
    [MemberData(nameof(Curvatures), MemberType = typeof(KappaDraws))]
    public void DistanceSatisfiesTheTriangleInequality(double curvature)
    {
        var space = new KappaSpace(curvature);
        var random = Random(curvature, 1);
        for (int t = 0; t < Draws; t++)
        {
            int d = 1 + (t % 4);
            var x = SpacePoint(random, d, curvature);
            var y = SpacePoint(random, d, curvature);
            var z = SpacePoint(random, d, curvature);
            double direct = space.Distance(x, z), detour = space.Distance(x, y) + space.Distance(y, z);
            Assert.True(direct <= detour * (1 + 1e-12), $"d(x, z) = {direct:R} > d(x, y) + d(y, z) = {detour:R}, κ={curvature}");
        }
    }

    [Theory]
    [MemberData(nameof(Curvatures), MemberType = typeof(KappaDraws))]
    public void DistanceEqualsTwiceArtanOfTheMobiusDifference(double curvature)
    {
        // The closed form in Distance must agree with the textbook definition 2 artan_κ(‖(−x) ⊕ y‖).
        var space = new KappaSpace(curvature);
        var random = Random(curvature, 2);
        for (int t = 0; t < Draws; t++)
        {
            var x = SpacePoint(random, 3, curvature);
            var y = SpacePoint(random, 3, curvature);
            var u = space.MobiusAdd(x.Select(v => -v).ToArray(), y);
            double norm = Math.Sqrt(u.Sum(v => v * v));
            Close(2 * CurvedTrigonometry.Artan(norm, curvature), space.Distance(x, y), 1e-10, $"κ={curvature}");
        }
    }

    [Theory]
    [MemberData(nameof(Curvatures), MemberType = typeof(KappaDraws))]
    public void MobiusAdditionHasIdentityAndLeftInverse(double curvature)
    {
        var space = new KappaSpace(curvature);
        var random = Random(curvature, 3);
        for (int t = 0; t < Draws; t++)
        {
            var x = SpacePoint(random, 4, curvature);
            var y = SpacePoint(random, 4, curvature);
            Close(x, space.MobiusAdd(x, new double[4]), 1e-14, "x ⊕ 0");
            Close(x, space.MobiusAdd(new double[4], x), 1e-14, "0 ⊕ x");
            Close(new double[4], space.MobiusAdd(x.Select(v => -v).ToArray(), x), 1e-12, "(−x) ⊕ x");

            // Left cancellation law of gyrogroups: (−x) ⊕ (x ⊕ y) = y.
            var xy = space.MobiusAdd(x, y);
            Close(y, space.MobiusAdd(x.Select(v => -v).ToArray(), xy), 1e-9, $"(−x) ⊕ (x ⊕ y), κ={curvature}");
        }
    }

    [Theory]
    [MemberData(nameof(Curvatures), MemberType = typeof(KappaDraws))]
    public void LogInvertsExpAndExpInvertsLog(double curvature)
    {
        var space = new KappaSpace(curvature);
        var random = Random(curvature, 4);
        double scale = Scale(curvature);
        for (int t = 0; t < Draws; t++)
        {
            int d = 1 + (t % 5);
            var x = SpacePoint(random, d, curvature);

            // Riemannian length λ_x‖v‖ ≤ 1.5·scale < π·radius: inside the injectivity radius of the sphere.
            var v = Point(random, d, 1.5 * scale / space.ConformalFactor(x));
            var y = space.Exp(x, v);
            Close(v, space.Log(x, y), 1e-9, $"log_x(exp_x(v)), κ={curvature}");

            var w = SpacePoint(random, d, curvature);
            Close(w, space.Exp(x, space.Log(x, w)), 1e-9, $"exp_x(log_x(w)), κ={curvature}");

            var v0 = Point(random, d, 1.5 * scale / 2);    // λ_0 = 2
            Close(v0, space.LogAtOrigin(space.ExpAtOrigin(v0)), 1e-10, $"log_0(exp_0(v)), κ={curvature}");
            Close(w, space.ExpAtOrigin(space.LogAtOrigin(w)), 1e-10, $"exp_0(log_0(w)), κ={curvature}");
        }
    }

    [Theory]
    [MemberData(nameof(Curvatures), MemberType = typeof(KappaDraws))]
    public void ExpTravelsTheRiemannianLengthOfTheVelocity(double curvature)
    {
        // d(x, exp_x(v)) = λ_x‖v‖ ties the conformal factor, the exp map and the distance together.
        var space = new KappaSpace(curvature);
        var random = Random(curvature, 5);
        double scale = Scale(curvature);
        for (int t = 0; t < Draws; t++)
        {
            var x = SpacePoint(random, 3, curvature);
            var v = Point(random, 3, 1.5 * scale / space.ConformalFactor(x));
            double length = space.ConformalFactor(x) * Math.Sqrt(v.Sum(c => c * c));
            Close(length, space.Distance(x, space.Exp(x, v)), 1e-9, $"d(x, exp_x(v)), κ={curvature}");
            Close(space.Distance(new double[3], x), space.DistanceFromOrigin(x), 1e-12, "d(0, x)");
        }
    }

    [Theory]
    [MemberData(nameof(Curvatures), MemberType = typeof(KappaDraws))]
    public void ProjectKeepsValidPointsAndPullsOthersInside(double curvature)
    {
        var space = new KappaSpace(curvature);
        var random = Random(curvature, 6);
        for (int t = 0; t < Draws; t++)
        {
            var x = SpacePoint(random, 3, curvature);
            Assert.Equal(x, space.Project(x));
            double farNorm = curvature < 0 ? 2 * space.Radius : 5 * Scale(curvature);
            var far = Direction(random, 3).Select(c => c * farNorm).ToArray();
            var projected = space.Project(far);
            if (curvature < 0)
            {
                double norm = Math.Sqrt(projected.Sum(c => c * c));
                Close((1 - 1e-10) * space.Radius, norm, 1e-15, "projected norm");
                Assert.True(double.IsFinite(space.Distance(projected, x)));
            }
            else
            {
                Assert.Equal(far, projected);
            }
        }
    }
}
