using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>Tensor operations on the Poincaré ball of curvature −c (radius 1/√c), made safe near the boundary and
/// at the origin: norms are clipped, acosh's derivative at 0 is guarded.</summary>
/// <remarks>These are the double-precision formulas of <see cref="Geometry"/> written on float32 tensors, because the
/// hyperbolic head trains through them (autograd, batches on the device): each method names the Geometry method it
/// mirrors, and the tests check them against it over a sweep of curvatures. Only the guards differ, and only where
/// float32 or a gradient needs them.</remarks>
internal static class PoincareBall
{
    /// <summary>Points are kept at most (1 − this)·(1/√c) from the origin: in float32 closer points lose all
    /// precision in 1 − c‖x‖², which makes every distance from them infinite.</summary>
    public const double BoundaryGap = 1e-5;

    private const double MinNorm = 1e-15;

    /// <summary>exp₀(u) = tanh(√c‖u‖) u / (√c‖u‖), then clipped inside the ball: <see cref="Geometry.KappaSpace.ExpAtOrigin(ReadOnlySpan{double}, Span{double})"/>
    /// at κ = −c followed by <see cref="Geometry.KappaSpace.Project(ReadOnlySpan{double}, Span{double}, double)"/> with
    /// margin <see cref="BoundaryGap"/>.</summary>
    public static Tensor ExpMap0(Tensor u, double c)
    {
        double sqrtC = Math.Sqrt(c);
        var scaledNorm = u.norm(1, keepdim: true).clamp_min(Kept(MinNorm)).mul(Kept(sqrtC));
        var z = tanh(scaledNorm).mul(u).div(scaledNorm);   // tanh(√c‖u‖) u / (√c‖u‖)
        return Clip(z, c);
    }

    /// <summary>Scales points that lie (numerically) outside the ball of radius (1 − gap)/√c back onto it:
    /// <see cref="Geometry.KappaSpace.Project(ReadOnlySpan{double}, Span{double}, double)"/> with margin
    /// <see cref="BoundaryGap"/>.</summary>
    public static Tensor Clip(Tensor z, double c)
    {
        double maxNorm = (1 - BoundaryGap) * Geometry.KappaSpace.RadiusOf(-c);
        var norm = z.norm(1, keepdim: true).clamp_min(Kept(MinNorm));
        return z.mul(norm.reciprocal().mul(Kept(maxNorm)).clamp_max(One));
    }

    /// <summary>All distances between the rows of <paramref name="x"/> (N × d) and <paramref name="y"/> (C × d):
    /// (1/√c)·acosh(1 + 2c‖x−y‖²/((1 − c‖x‖²)(1 − c‖y‖²))), the library's one ball formula
    /// <see cref="Geometry.PairwiseDistances.Ball"/>, with ‖x − y‖² from the differences themselves (the expanded
    /// ‖x‖² + ‖y‖² − 2⟨x, y⟩ cancels to rounding noise when a point sits on a prototype).</summary>
    public static Tensor Distances(Tensor x, Tensor y, double c) =>
        FromSquaredGap(VectorCompatibility.PairwiseSquaredDistances(x, y), x.pow(Two).sum(1, keepdim: true), y.pow(Two).sum(1, keepdim: true).t(), c);

    /// <summary>The distances between paired rows of <paramref name="x"/> and <paramref name="y"/> (N), by the same
    /// formula (<see cref="Geometry.PairwiseDistances.Ball"/>).</summary>
    public static Tensor PairedDistances(Tensor x, Tensor y, double c) =>
        FromSquaredGap(VectorCompatibility.PairedSquaredDistances(x, y), x.pow(Two).sum(1), y.pow(Two).sum(1), c);

    // PairwiseDistances.Ball on tensors. The product of the two factors is floored at 1e-12 (not Ball's 1e-17 per
    // factor): in float32 1 − c‖x‖² has no digits below ~1e-7, and clipped points stay 2e-5 inside anyway.
    private static Tensor FromSquaredGap(Tensor squaredGap, Tensor xx, Tensor yy, double c)
    {
        var denominator = xx.mul(Kept(-c)).add(One, One).mul(yy.mul(Kept(-c)).add(One, One)).clamp_min(Kept(1e-12));
        return Acosh1p(squaredGap.mul(Kept(2 * c)).div(denominator), c).div(Kept(Math.Sqrt(c)));
    }

    // acosh(1 + t) = log1p(t + √(t(t + 2))); the square root is kept off 0 so that its derivative stays finite when a
    // point sits exactly on a prototype. The floor c·1e-12 under t(t + 2) ≈ (√c·d)² adds at most 1e-6 to the
    // distance d whatever c: a fixed floor would add 1e-6/√c, which swamps every distance as c → 0.
    private static Tensor Acosh1p(Tensor t, double c) => log1p(t.add(t.mul(t.add(Two, One)).clamp_min(Kept(c * 1e-12)).sqrt(), One));
}
