using SimZsl.Embedding;
using SimZsl.Geometry;
using SimZsl.Tests.Geometry;
using static SimZsl.Tests.Geometry.KappaDraws;

namespace SimZsl.Tests.Embedding;

/// <summary>The solvers' unit-curvature coordinates are the Geometry models at |κ| = 1: prototypes / r on the unit
/// sphere, the unit hyperboloid's space coordinates of the ball point / r, and the Euclidean coordinates unchanged.</summary>
public class KappaCoordinatesTests
{
    [Theory]
    [MemberData(nameof(Curvatures), MemberType = typeof(KappaDraws))]
    public void InternalCoordinatesAreTheUnitCurvatureModelsAndRoundTrip(double curvature)
    {
        const int n = 20, d = 3;
        var random = Random(curvature, 60);
        double r = KappaSpace.LengthScale(curvature);
        var rows = Enumerable.Range(0, n).Select(_ => curvature > 0
            ? Direction(random, d + 1).Select(u => u * r).ToArray()
            : Point(random, d, curvature < 0 ? 0.95 * r : 3)).ToArray();
        var prototypes = RowMatrix.FromRows(rows);
        int cols = KappaCoordinates.Columns(d, curvature);
        Assert.Equal(prototypes.Columns, cols);

        var x = KappaCoordinates.ToInternal(prototypes, curvature);
        for (int i = 0; i < n; i++)
        {
            var expected = rows[i].Select(u => u / r).ToArray();
            if (curvature < 0)
            {
                LorentzModel.PoincareToSpace(expected, expected, -1);
            }

            Close(expected, x.AsSpan(i * cols, cols), 1e-13, $"internal row {i}, κ={curvature}");
        }

        var back = KappaCoordinates.ToPrototypes(x, n, cols, curvature);
        for (int i = 0; i < n; i++)
        {
            Close(rows[i].Select(u => u / r).ToArray(), back.Row(i).ToArray().Select(u => u / r).ToArray(), 1e-12, $"round trip row {i}, κ={curvature}");
        }

        if (curvature == 0)
        {
            Assert.Equal(prototypes.AsSpan().ToArray(), x);
            Assert.Equal(prototypes.AsSpan().ToArray(), back.AsSpan().ToArray());
        }
    }

    [Fact]
    public void BallPointsOnOrPastTheBoundaryArePulledJustInside()
    {
        // Radius 2 (κ = −1/4): a point on the boundary and one past it land on the same finite hyperboloid point,
        // 1e-12 (in |q|²) inside the unit ball.
        var onBoundary = new double[] { 2, 0 };
        var outside = new double[] { 5, 0 };
        KappaCoordinates.BallToHyperboloid(onBoundary, 2);
        KappaCoordinates.BallToHyperboloid(outside, 2);
        Assert.True(double.IsFinite(onBoundary[0]) && onBoundary[0] > 1e5, $"lifted to {onBoundary[0]}");
        Assert.Equal(onBoundary[0], outside[0], onBoundary[0] * 1e-9);
        KappaCoordinates.HyperboloidToBall(onBoundary, 2);
        Assert.True(onBoundary[0] < 2 && onBoundary[0] > 2 * (1 - 1e-11), $"back in the ball at {onBoundary[0]:R}");
    }
}
