using SimZsl.Geometry;
using static SimZsl.Tests.Geometry.KappaDraws;

namespace SimZsl.Tests.Geometry;

/// <summary>Lorentz ↔ Poincaré and sphere ↔ stereographic conversions, and the prototype representation of
/// <see cref="SimZsl.Embedding.ClassPrototypes"/>, checked against <see cref="PairwiseDistances"/>.</summary>
public class ModelConversionTests
{
    [Theory]
    [MemberData(nameof(NegativeCurvatures), MemberType = typeof(KappaDraws))]
    public void LorentzAndPoincareRoundTrip(double curvature)
    {
        var random = Random(curvature, 20);
        var space = new KappaSpace(curvature);
        for (int t = 0; t < 200; t++)
        {
            int d = 1 + (t % 4);
            var p = Point(random, d, 0.99 * space.Radius);
            var lorentz = new double[d + 1];
            LorentzModel.FromPoincare(p, lorentz, curvature);

            // On the upper sheet: ⟨x, x⟩_L = 1/κ and x₀ > 0.
            Assert.True(lorentz[0] > 0);
            Close(1 / curvature, LorentzModel.InnerProduct(lorentz, lorentz), 1e-9 * (1 + (lorentz[0] * lorentz[0] * -curvature)), "⟨x, x⟩_L");

            var back = new double[d];
            LorentzModel.ToPoincare(lorentz, back, curvature);
            Close(p, back, 1e-12, $"Poincaré → Lorentz → Poincaré, κ={curvature}");

            var again = new double[d + 1];
            LorentzModel.FromPoincare(back, again, curvature);
            for (int k = 0; k < again.Length; k++)
            {
                Close(lorentz[k], again[k], 1e-9, "Lorentz → Poincaré → Lorentz");
            }
        }
    }

    [Theory]
    [MemberData(nameof(NegativeCurvatures), MemberType = typeof(KappaDraws))]
    public void SpaceCoordinatesAreTheHyperboloidPointsSpacePartAndRoundTrip(double curvature)
    {
        // The reduced hyperboloid coordinates the solvers optimise are x̄ of the full Lorentz point, bit for bit, and
        // convert back in place (destination aliasing the source).
        var random = Random(curvature, 24);
        var space = new KappaSpace(curvature);
        for (int t = 0; t < 200; t++)
        {
            int d = 1 + (t % 4);
            var p = Point(random, d, 0.99 * space.Radius);
            var lorentz = new double[d + 1];
            LorentzModel.FromPoincare(p, lorentz, curvature);
            var reduced = (double[])p.Clone();
            LorentzModel.PoincareToSpace(reduced, reduced, curvature);
            Assert.Equal(lorentz[1..], reduced);

            var ball = new double[d];
            LorentzModel.ToPoincare(lorentz, ball, curvature);
            LorentzModel.SpaceToPoincare(reduced, reduced, curvature);
            Assert.Equal(ball, reduced);
            Close(p.Select(u => u / space.Radius).ToArray(), reduced.Select(u => u / space.Radius).ToArray(), 1e-12, $"ball → space → ball, κ={curvature}");
        }
    }

    [Theory]
    [MemberData(nameof(Curvatures), MemberType = typeof(KappaDraws))]
    public void SphereProjectionScalesOntoTheRadius(double curvature)
    {
        double radius = KappaSpace.LengthScale(curvature);
        var random = Random(curvature, 25);
        for (int t = 0; t < 50; t++)
        {
            var ambient = Point(random, 1 + (t % 4), 10 * radius);
            var onSphere = new double[ambient.Length];
            SphereModel.Project(ambient, onSphere, radius);
            Close(1, Math.Sqrt(onSphere.Sum(u => u * u)) / radius, 1e-14, "‖projection‖/r");
            Close(ambient.Select(u => u / radius).ToArray(), onSphere.Select(u => u / radius * Math.Sqrt(ambient.Sum(a => a * a)) / radius).ToArray(), 1e-14, "same direction");
        }

        // The origin has no nearest point; it goes to the stereographic origin (r, 0, …, 0).
        var origin = new double[3];
        SphereModel.Project(origin, origin, radius);
        Assert.Equal([radius, 0, 0], origin);
    }

    [Theory]
    [MemberData(nameof(NegativeCurvatures), MemberType = typeof(KappaDraws))]
    public void LorentzDistanceEqualsBallDistance(double curvature)
    {
        // d = r·acosh(κ·⟨x, y⟩_L) on the hyperboloid: an independent formula for the same distance. Points are
        // drawn at the scale of the radius, where acosh is well conditioned.
        var random = Random(curvature, 21);
        var space = new KappaSpace(curvature);
        for (int t = 0; t < 100; t++)
        {
            var p = Point(random, 3, 0.95 * space.Radius);
            var q = Point(random, 3, 0.95 * space.Radius);
            var lp = new double[4];
            var lq = new double[4];
            LorentzModel.FromPoincare(p, lp, curvature);
            LorentzModel.FromPoincare(q, lq, curvature);
            double lorentzDistance = Math.Acosh(Math.Max(1, curvature * LorentzModel.InnerProduct(lp, lq))) * space.Radius;
            double ball = space.Distance(p, q);
            Assert.True(Math.Abs(lorentzDistance - ball) <= 1e-6 * (space.Radius + ball), $"Lorentz {lorentzDistance:R} vs ball {ball:R}, κ={curvature}");
        }
    }

    [Theory]
    [MemberData(nameof(PositiveCurvatures), MemberType = typeof(KappaDraws))]
    public void SphereAndStereographicRoundTrip(double curvature)
    {
        var random = Random(curvature, 22);
        double radius = new KappaSpace(curvature).Radius;
        for (int t = 0; t < 200; t++)
        {
            int d = 1 + (t % 4);
            var ambient = Direction(random, d + 1).Select(u => u * radius).ToArray();
            var stereographic = new double[d];
            SphereModel.ToStereographic(ambient, stereographic, curvature);
            var back = new double[d + 1];
            SphereModel.FromStereographic(stereographic, back, curvature);
            Close(ambient.Select(u => u / radius).ToArray(), back.Select(u => u / radius).ToArray(), 1e-12, $"sphere → stereographic → sphere, κ={curvature}");

            // Off-sphere input is scaled onto the sphere first.
            var scaled = ambient.Select(u => u * 3).ToArray();
            var fromScaled = new double[d];
            SphereModel.ToStereographic(scaled, fromScaled, curvature);
            Close(stereographic, fromScaled, 1e-13, "scale invariance");

            var p = Point(random, d, 5 * radius);
            var y = new double[d + 1];
            SphereModel.FromStereographic(p, y, curvature);
            Close(radius * radius, y.Sum(u => u * u), 1e-13 * radius * radius, "on the sphere");
            var p2 = new double[d];
            SphereModel.ToStereographic(y, p2, curvature);
            Close(p.Select(u => u / radius).ToArray(), p2.Select(u => u / radius).ToArray(), 1e-12, "stereographic → sphere → stereographic");
        }
    }

    [Fact]
    public void PointsNextToThePoleKeepTheirPrecisionAndThePoleItselfIsRejected()
    {
        // (−cos ε, sin ε) on the unit circle projects to sin ε/(1 − cos ε) = cot(ε/2): computing 1 − cos ε naively
        // as 1 + y₀ would lose every digit for ε = 1e-9.
        double epsilon = 1e-9;
        var stereographic = new double[1];
        SphereModel.ToStereographic([-Math.Cos(epsilon), Math.Sin(epsilon)], stereographic, 1);
        Assert.Equal(1 / Math.Tan(epsilon / 2), stereographic[0], 1e-15 / Math.Tan(epsilon / 2) * 1e7);
        Assert.Throws<ArgumentException>(() => SphereModel.ToStereographic([-2.0, 0], new double[1], 0.25));
        Assert.Throws<ArgumentOutOfRangeException>(() => SphereModel.ToStereographic([1.0, 0], new double[1], -1));
        Assert.Throws<ArgumentException>(() => LorentzModel.FromPoincare([1.0, 0], new double[3], -1));
        Assert.Throws<ArgumentException>(() => LorentzModel.ToPoincare([-1.0, 0], new double[1], -1));
    }

    [Theory]
    [MemberData(nameof(Curvatures), MemberType = typeof(KappaDraws))]
    public void PrototypeRepresentationRoundTripsAndKeepsDistances(double curvature)
    {
        // Prototypes drawn as κ-MDS would write them: ambient sphere points (κ > 0), ball points (κ < 0), plane
        // points (κ = 0), spread at the scale of the radius so the distances span the geometry.
        var random = Random(curvature, 23);
        var space = new KappaSpace(curvature);
        const int n = 30, d = 3;
        double scale = curvature == 0 ? 1 : space.Radius;
        var rows = new double[n][];
        for (int i = 0; i < n; i++)
        {
            rows[i] = curvature > 0
                ? Direction(random, d + 1).Select(u => u * scale).ToArray()
                : Point(random, d, 0.95 * scale);
        }

        var prototypes = RowMatrix.FromRows(rows);
        var points = space.FromPrototypeRepresentation(prototypes);
        Assert.Equal(d, points.Columns);
        var back = space.ToPrototypeRepresentation(points);
        Assert.Equal(prototypes.Columns, back.Columns);
        for (int i = 0; i < n; i++)
        {
            Close(prototypes.Row(i).ToArray().Select(u => u / scale).ToArray(), back.Row(i).ToArray().Select(u => u / scale).ToArray(), 1e-12, $"row {i}");
        }

        var expected = PairwiseDistances.All(prototypes, curvature);
        var actual = space.Distances(points);
        var cross = space.Distances(points, points);
        Assert.All(actual.Zip(cross), p => Close(p.First, p.Second, 1e-13, "Distances(points) vs Distances(points, points)"));
        for (int k = 0; k < expected.Length; k++)
        {
            // PairwiseDistances uses acos for the sphere, good to ~1e-8 in angle for well-separated points.
            Assert.True(Math.Abs(expected[k] - actual[k]) <= 1e-7 * (scale + expected[k]), $"pair {k / n},{k % n}: PairwiseDistances {expected[k]:R} vs KappaSpace {actual[k]:R}, κ={curvature}");
        }
    }
}
