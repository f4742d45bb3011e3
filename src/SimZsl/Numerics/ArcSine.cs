using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimZsl.Numerics;

/// <summary>asin of four values at once, without branches: the sphere's stress needs d = 2 asin(c/2) for every pair
/// inside its fused pass (System.Runtime.Intrinsics has no vector asin, and TensorPrimitives.Asin is a pass of its own).</summary>
/// <remarks>fdlibm's rational approximation asin x = x + x·R(x²) for |x| &lt; ½, and for ½ ≤ |x| ≤ 1 the reduction
/// asin x = π/2 − 2 asin √((1 − |x|)/2) = π/2 − 2(s + s·R(z)) with z = (1 − |x|)/2, s = √z; both halves share one R, and
/// the half is picked per lane. 1 − |x| is exact there, so arguments near 1 (antipodes) keep their accuracy. A few
/// units in the last place against Math.Asin (see the tests); |x| &gt; 1 and NaN give NaN.</remarks>
internal static class ArcSine
{
    private const double P0 = 1.66666666666666657415e-01;
    private const double P1 = -3.25565818622400915405e-01;
    private const double P2 = 2.01212532134862925881e-01;
    private const double P3 = -4.00555345006794114027e-02;
    private const double P4 = 7.91534994289814532176e-04;
    private const double P5 = 3.47933107596021167570e-05;
    private const double Q1 = -2.40339491173441421878e+00;
    private const double Q2 = 2.02094576023350569471e+00;
    private const double Q3 = -6.88283971605453293030e-01;
    private const double Q4 = 7.70381505559019352791e-02;

    // π/2 = HalfPiHigh + HalfPiLow, the low part below the high one's last bit.
    private const double HalfPiHigh = 1.57079632679489655800e+00;
    private const double HalfPiLow = 6.12323399573676603587e-17;

    /// <summary>asin of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Of(Vector256<double> x)
    {
        var sign = x & Vector256.Create(-0.0);
        var a = Vector256.Abs(x);
        var half = Vector256.Create(0.5);
        var large = Vector256.GreaterThanOrEqual(a, half);
        var z = Vector256.ConditionalSelect(large, (Vector256<double>.One - a) * half, a * a);

        var p = Vector256.FusedMultiplyAdd(z, Vector256.Create(P5), Vector256.Create(P4));
        p = Vector256.FusedMultiplyAdd(z, p, Vector256.Create(P3));
        p = Vector256.FusedMultiplyAdd(z, p, Vector256.Create(P2));
        p = Vector256.FusedMultiplyAdd(z, p, Vector256.Create(P1));
        p = Vector256.FusedMultiplyAdd(z, p, Vector256.Create(P0));
        p *= z;
        var q = Vector256.FusedMultiplyAdd(z, Vector256.Create(Q4), Vector256.Create(Q3));
        q = Vector256.FusedMultiplyAdd(z, q, Vector256.Create(Q2));
        q = Vector256.FusedMultiplyAdd(z, q, Vector256.Create(Q1));
        q = Vector256.FusedMultiplyAdd(z, q, Vector256<double>.One);
        var r = p / q;

        var small = Vector256.FusedMultiplyAdd(a, r, a);
        var s = Vector256.Sqrt(z);
        var twice = Vector256.FusedMultiplyAdd(s, r, s) * Vector256.Create(2.0);
        var big = Vector256.Create(HalfPiHigh) - (twice - Vector256.Create(HalfPiLow));
        return Vector256.ConditionalSelect(large, big, small) | sign;
    }
}
