using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimZsl.Numerics;

/// <summary>sin of every element of a span, in place, vectorised: the spherical strain matrix needs n² of them, inside
/// the one pass that builds it (libtorch's sin, called there, started a parallel region of its own from every worker).</summary>
/// <remarks>x = k·π/2 + r with k = round(2x/π) and r in three fused steps (π/2 split into three parts), |r| ≤ π/4; then
/// ±sin r or ±cos r by the quadrant k mod 4, each by its Taylor series (to r¹⁷/17! and r¹⁸/18!; the next terms are below
/// 10⁻¹⁹). sin x ≈ x keeps full relative precision for small arguments (small κ). Measured error against Math.Sin: see
/// the tests (a few units in the last place for |x| ≤ 10⁴; the strain matrix passes x ≤ π/2 for distances within the
/// sphere). Every element is the same fixed sequence of exactly rounded operations in the vector and in the scalar
/// path: the same bits on every run. |x| beyond 10⁹ (where the reduction loses its accuracy) and non-finite x give NaN.</remarks>
internal readonly struct Sine : IElementwiseKernel
{
    private const double TwoOverPi = 0.6366197723675814;

    // π/2 = A + B + C: A and B its first two 33-bit pieces (exact doubles with trailing zero bits), C the rest.
    private const double HalfPiA = 1.5707963267341256;
    private const double HalfPiB = 6.077100506303966e-11;
    private const double HalfPiC = 2.0222662487959506e-21;

    private const double RoundingMagic = 6755399441055744.0;
    private const double Limit = 1e9;

    /// <summary>Replaces every x in <paramref name="values"/> by sin x.</summary>
    public static void Apply(Span<double> values) => ElementwiseKernel.Apply<Sine>(values);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Of(Vector256<double> x)
    {
        // On |x|, the sign restored at the end: sin is odd, exactly, and sin(−0) = −0.
        var sign = x & Vector256.Create(-0.0);
        var a = Vector256.Abs(x);
        var t = Vector256.FusedMultiplyAdd(a, Vector256.Create(TwoOverPi), Vector256.Create(RoundingMagic));
        var k = t - Vector256.Create(RoundingMagic);
        var r = Vector256.FusedMultiplyAdd(-k, Vector256.Create(HalfPiA), a);
        r = Vector256.FusedMultiplyAdd(-k, Vector256.Create(HalfPiB), r);
        r = Vector256.FusedMultiplyAdd(-k, Vector256.Create(HalfPiC), r);
        var s = r * r;

        var p = Vector256.Create(-InverseFactorials.Of17);
        p = Vector256.FusedMultiplyAdd(p, s, Vector256.Create(InverseFactorials.Of15));
        p = Vector256.FusedMultiplyAdd(p, s, Vector256.Create(-InverseFactorials.Of13));
        p = Vector256.FusedMultiplyAdd(p, s, Vector256.Create(InverseFactorials.Of11));
        p = Vector256.FusedMultiplyAdd(p, s, Vector256.Create(-InverseFactorials.Of9));
        p = Vector256.FusedMultiplyAdd(p, s, Vector256.Create(InverseFactorials.Of7));
        p = Vector256.FusedMultiplyAdd(p, s, Vector256.Create(-InverseFactorials.Of5));
        p = Vector256.FusedMultiplyAdd(p, s, Vector256.Create(InverseFactorials.Of3));
        var sine = Vector256.FusedMultiplyAdd(r * s, -p, r);

        var c = Vector256.Create(InverseFactorials.Of18);
        c = Vector256.FusedMultiplyAdd(c, s, Vector256.Create(-InverseFactorials.Of16));
        c = Vector256.FusedMultiplyAdd(c, s, Vector256.Create(InverseFactorials.Of14));
        c = Vector256.FusedMultiplyAdd(c, s, Vector256.Create(-InverseFactorials.Of12));
        c = Vector256.FusedMultiplyAdd(c, s, Vector256.Create(InverseFactorials.Of10));
        c = Vector256.FusedMultiplyAdd(c, s, Vector256.Create(-InverseFactorials.Of8));
        c = Vector256.FusedMultiplyAdd(c, s, Vector256.Create(InverseFactorials.Of6));
        c = Vector256.FusedMultiplyAdd(c, s, Vector256.Create(-InverseFactorials.Of4));
        c = Vector256.FusedMultiplyAdd(c, s, Vector256.Create(0.5));
        var cosine = Vector256.FusedMultiplyAdd(s, -c, Vector256.Create(1.0));

        // Quadrant: the low bits of k pick cos for odd k, the sign for k mod 4 ≥ 2.
        var quadrant = t.AsInt64() - Vector256.Create(RoundingMagic).AsInt64();
        var odd = Vector256.Equals(quadrant & Vector256.Create(1L), Vector256.Create(1L)).AsDouble();
        var negative = ((quadrant & Vector256.Create(2L)) << 62).AsDouble();
        var result = Vector256.ConditionalSelect(odd, cosine, sine) ^ negative ^ sign;
        var inRange = Vector256.LessThanOrEqual(a, Vector256.Create(Limit));
        return Vector256.ConditionalSelect(inRange, result, Vector256.Create(double.NaN));
    }

    /// <inheritdoc/>
    /// <remarks>The same operations as the vector path, one element at a time.</remarks>
    public static double Of(double x)
    {
        if (!(Math.Abs(x) <= Limit))
        {
            return double.NaN;
        }

        double a = Math.Abs(x);
        double t = Math.FusedMultiplyAdd(a, TwoOverPi, RoundingMagic);
        double k = t - RoundingMagic;
        double r = Math.FusedMultiplyAdd(-k, HalfPiA, a);
        r = Math.FusedMultiplyAdd(-k, HalfPiB, r);
        r = Math.FusedMultiplyAdd(-k, HalfPiC, r);
        double s = r * r;
        long quadrant = BitConverter.DoubleToInt64Bits(t) - BitConverter.DoubleToInt64Bits(RoundingMagic);
        double result;
        if ((quadrant & 1) == 0)
        {
            double p = -InverseFactorials.Of17;
            p = Math.FusedMultiplyAdd(p, s, InverseFactorials.Of15);
            p = Math.FusedMultiplyAdd(p, s, -InverseFactorials.Of13);
            p = Math.FusedMultiplyAdd(p, s, InverseFactorials.Of11);
            p = Math.FusedMultiplyAdd(p, s, -InverseFactorials.Of9);
            p = Math.FusedMultiplyAdd(p, s, InverseFactorials.Of7);
            p = Math.FusedMultiplyAdd(p, s, -InverseFactorials.Of5);
            p = Math.FusedMultiplyAdd(p, s, InverseFactorials.Of3);
            result = Math.FusedMultiplyAdd(r * s, -p, r);
        }
        else
        {
            double c = InverseFactorials.Of18;
            c = Math.FusedMultiplyAdd(c, s, -InverseFactorials.Of16);
            c = Math.FusedMultiplyAdd(c, s, InverseFactorials.Of14);
            c = Math.FusedMultiplyAdd(c, s, -InverseFactorials.Of12);
            c = Math.FusedMultiplyAdd(c, s, InverseFactorials.Of10);
            c = Math.FusedMultiplyAdd(c, s, -InverseFactorials.Of8);
            c = Math.FusedMultiplyAdd(c, s, InverseFactorials.Of6);
            c = Math.FusedMultiplyAdd(c, s, -InverseFactorials.Of4);
            c = Math.FusedMultiplyAdd(c, s, 0.5);
            result = Math.FusedMultiplyAdd(s, -c, 1.0);
        }

        return ((quadrant & 2) == 0) == double.IsNegative(x) ? -result : result;
    }
}
