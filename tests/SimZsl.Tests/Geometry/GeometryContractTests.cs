using SimZsl.Geometry;

namespace SimZsl.Tests.Geometry;

/// <summary>What Geometry promises a caller beyond its formulas: every bad argument is refused with a message that
/// names the problem (dimension, destination, curvature, margin, pole), the matrix overloads convert row by row,
/// and the special values (the antipode, the flat radius, the manifold of a curvature) are exact. Written from the
/// survivors of a Stryker.NET run over the folder (docs/testing.md).</summary>
public class GeometryContractTests
{
    private static void Refused<TException>(Action call, params string[] words)
        where TException : ArgumentException
    {
        var error = Assert.Throws<TException>(call);
        foreach (string word in words)
        {
            Assert.Contains(word, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(2.0)]
    public void KappaSpaceRefusesPointsOfDifferentDimensionAndShortDestinations(double curvature)
    {
        var space = new KappaSpace(curvature);
        double[] x = [0.1, 0.2], y = [0.1, 0.2, 0.3], shortDestination = new double[1];
        Refused<ArgumentException>(() => space.Distance(x, y), "different dimension (2 and 3)");
        Refused<ArgumentException>(() => space.MobiusAdd(x, y), "different dimension (2 and 3)");
        Refused<ArgumentException>(() => space.MobiusAdd(x, x, shortDestination), "destination has 1 entries; the point has 2");
        Refused<ArgumentException>(() => space.ExpAtOrigin(x, shortDestination), "destination has 1 entries");
        Refused<ArgumentException>(() => space.LogAtOrigin(x, shortDestination), "destination has 1 entries");
        Refused<ArgumentException>(() => space.Exp(x, y), "different dimension (2 and 3)");
        Refused<ArgumentException>(() => space.Exp(x, x, shortDestination), "destination has 1 entries");
        Refused<ArgumentException>(() => space.Log(x, y), "different dimension (2 and 3)");
        Refused<ArgumentException>(() => space.Log(x, x, shortDestination), "destination has 1 entries");
        Refused<ArgumentException>(() => space.Project(x, shortDestination), "destination has 1 entries");
        Refused<ArgumentException>(() => space.Distances(RowMatrix.FromArray(new double[1, 2]), RowMatrix.FromArray(new double[1, 3])), "different dimension (2 and 3)");
        Refused<ArgumentException>(() => PairwiseDistances.Distance(x, y, curvature), "different dimension (2 and 3)");
    }

    [Fact]
    public void NullMatricesAreRefusedByName()
    {
        var space = new KappaSpace(-1);
        var some = RowMatrix.FromArray(new double[1, 2]);
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => space.Distances(null!)).ParamName);
        Assert.Equal("from", Assert.Throws<ArgumentNullException>(() => space.Distances(null!, some)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentNullException>(() => space.Distances(some, null!)).ParamName);
        Assert.Equal("coordinates", Assert.Throws<ArgumentNullException>(() => space.FromPrototypeRepresentation(null!)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => space.ToPrototypeRepresentation(null!)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => PairwiseDistances.All(null!, 0)).ParamName);
        Assert.Equal("ambient", Assert.Throws<ArgumentNullException>(() => SphereModel.ToStereographic(null!, 1)).ParamName);
        Assert.Equal("stereographic", Assert.Throws<ArgumentNullException>(() => SphereModel.FromStereographic(null!, 1)).ParamName);
    }

    [Fact]
    public void CurvaturesOfTheWrongSignAreRefusedWithTheRule()
    {
        Refused<ArgumentOutOfRangeException>(() => _ = new KappaSpace(double.NaN), "finite number");
        Refused<ArgumentOutOfRangeException>(() => KappaSpace.Sphere(0), "positive curvature");
        Refused<ArgumentOutOfRangeException>(() => KappaSpace.Hyperbolic(0), "negative curvature");
        Assert.Equal(0.25, KappaSpace.Sphere(0.25).Curvature);
        Assert.Equal(-0.25, KappaSpace.Hyperbolic(-0.25).Curvature);
        double[] two = new double[2], three = new double[3];
        foreach (double bad in new[] { 0.0, 1.0, double.NegativeInfinity })
        {
            Refused<ArgumentOutOfRangeException>(() => LorentzModel.ToPoincare([1.0, 0, 0], two, bad), "finite negative");
            Refused<ArgumentOutOfRangeException>(() => LorentzModel.FromPoincare([0.0, 0], three, bad), "finite negative");
        }

        foreach (double bad in new[] { 0.0, -1.0, double.PositiveInfinity })
        {
            Refused<ArgumentOutOfRangeException>(() => SphereModel.ToStereographic([1.0, 0, 0], two, bad), "finite positive");
            Refused<ArgumentOutOfRangeException>(() => SphereModel.FromStereographic([0.0, 0], three, bad), "finite positive");
        }
    }

    [Fact]
    public void ModelConversionsRefuseWhatTheyCannotConvertAndSayWhy()
    {
        double[] two = new double[2], three = new double[3];
        Refused<ArgumentException>(() => LorentzModel.ToPoincare([1.0, 0, 0], three, -1), "Poincaré point with 3 coordinates needs a hyperboloid point with 4");
        Refused<ArgumentException>(() => LorentzModel.FromPoincare([0.1, 0], two, -1), "Poincaré point with 2 coordinates needs a hyperboloid point with 3; got 2");
        Refused<ArgumentException>(() => SphereModel.FromStereographic([0.1, 0], two, 1), "stereographic point with 2 coordinates needs an ambient point with 3");
        Refused<ArgumentException>(() => LorentzModel.ToPoincare([0.0, 0, 0], two, -1), "time coordinate x₀ is 0", "x₀ > 0");
        Refused<ArgumentException>(() => LorentzModel.FromPoincare([0.5, 0], three, -4), "radius 0.5", "|κ|‖p‖² = 1");
        Refused<ArgumentException>(() => LorentzModel.PoincareToSpace([0.1, 0], three, -1), "Poincaré point with 2 coordinates has 2 space coordinates; got 3");
        Refused<ArgumentException>(() => LorentzModel.SpaceToPoincare([0.1, 0], three, -1), "hyperboloid point with 2 space coordinates has 2 Poincaré coordinates; got 3");
        Refused<ArgumentOutOfRangeException>(() => LorentzModel.PoincareToSpace([0.1, 0], two, 0), "finite negative curvature");
        Refused<ArgumentException>(() => SphereModel.Project([0.1, 0], three, 1), "destination has 3 entries; the point has 2");
        Refused<ArgumentException>(() => SphereModel.ToStereographic([1.0, 0, 0], three, 1), "stereographic point with 3 coordinates needs an ambient point with 4");
        Refused<ArgumentException>(() => SphereModel.ToStereographic([0.0, 0, 0], two, 1), "norm 0", "finite non-zero");
        Refused<ArgumentException>(() => SphereModel.ToStereographic([double.PositiveInfinity, 0, 0], two, 1), "finite non-zero");
        Refused<ArgumentException>(() => SphereModel.ToStereographic([-2.0, 0, 0], two, 1), "projection pole");
        Refused<ArgumentException>(() => SphereModel.FromStereographic([double.NaN, 0], three, 1), "not finite");
        Refused<ArgumentException>(() => SphereModel.ToStereographic(RowMatrix.FromArray(new double[2, 1]), 1), "at least 2 coordinates", "got 1");
        Refused<ArgumentException>(() => SphereModel.ToStereographic(RowMatrix.FromArray(new double[,] { { 1, 0 }, { -1, 0 } }), 1), "Row 1: ", "projection pole");
    }

    [Fact]
    public void SphereMatrixConversionsAreTheRowConversions()
    {
        // The sphere of curvature 0.25 (radius 2): the ambient rows come back from their stereographic images.
        double[,] ambient = { { 2, 0, 0 }, { 0, 2, 0 }, { -1.2, 0, 1.6 } };
        var stereographic = SphereModel.ToStereographic(RowMatrix.FromArray(ambient), 0.25);
        Assert.Equal([0.0, 0], stereographic.Row(0).ToArray());
        Assert.Equal([2.0, 0], stereographic.Row(1).ToArray());   // r·ē_space/(1 + ē₀) = 2·(1, 0)/1
        var ambientBack = SphereModel.FromStereographic(stereographic, 0.25);
        for (int i = 0; i < 3; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(ambient[i, k], ambientBack[i, k], 12);
            }
        }
    }

    [Fact]
    public void SpecialValuesAreExact()
    {
        // artan_κ(∞) is the antipode's distance from the origin, π/(2√κ): π/4 on the sphere of curvature 4.
        Assert.Equal(Math.PI / 4, CurvedTrigonometry.Artan(double.PositiveInfinity, 4));
        Assert.Equal(double.PositiveInfinity, KappaSpace.Euclidean.Radius);
        Assert.Equal(0.5, new KappaSpace(-4).Radius);
        Assert.Equal(Manifold.Sphere, ManifoldExtensions.FromCurvature(1));
        Assert.Equal(Manifold.Hyperbolic, ManifoldExtensions.FromCurvature(-1));
        Assert.Equal(Manifold.Euclidean, ManifoldExtensions.FromCurvature(0));
    }

    [Fact]
    public void ProjectKeepsPointsInsideTheBallByTheMarginAndRefusesBadMargins()
    {
        var space = new KappaSpace(-4);   // radius 0.5
        double[] outside = [3, 4];
        var projected = space.Project(outside, margin: 0.1);
        Assert.Equal(0.5 * 0.9, Math.Sqrt((projected[0] * projected[0]) + (projected[1] * projected[1])), 12);
        Assert.Equal(0.6, projected[0] / 0.45, 12);   // the direction is kept
        Assert.Equal([0.1, 0.2], space.Project([0.1, 0.2], margin: 0.1));   // inside: untouched
        foreach (double bad in new[] { 0.0, 1.0, -0.5, double.NaN })
        {
            Refused<ArgumentOutOfRangeException>(() => space.Project(outside, bad), "margin must lie in (0, 1)");
        }
    }
}
