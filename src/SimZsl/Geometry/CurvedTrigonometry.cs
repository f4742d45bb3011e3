namespace SimZsl.Geometry;

/// <summary>The curvature-dependent tangent tan_κ and its inverse artan_κ, the two functions every formula of
/// <see cref="KappaSpace"/> is built from: tan_κ(x) = tan(√κ x)/√κ for κ &gt; 0, x for κ = 0 and
/// tanh(√|κ| x)/√|κ| for κ &lt; 0 (artan_κ likewise with atan, identity, atanh).</summary>
/// <remarks>Both are written as x·f(κx²) with f smooth in κx², so they pass continuously through κ = 0. Near
/// κx² = 0 the quotient tan(√κ x)/√κ would be 0/0 at κ = 0 exactly; there a Taylor series in κx² is used instead.
/// The series is cut where its first dropped term is below 1e-24 relative, far under double rounding.</remarks>
public static class CurvedTrigonometry
{
    // Below this |κx²| the series are used; their first omitted term is then ≤ (1e-6)^4 ≈ 1e-24.
    private const double SeriesThreshold = 1e-6;

    /// <summary>tan_κ(x).</summary>
    public static double Tan(double x, double curvature) => x * TanRatio(x, curvature);

    /// <summary>artan_κ(y). For κ &lt; 0, arguments at or past the ball's radius 1/√|κ| are clamped to just
    /// inside it, so the result stays finite.</summary>
    public static double Artan(double y, double curvature)
    {
        if (curvature == 0)
        {
            return y;
        }

        if (double.IsPositiveInfinity(y) && curvature > 0)
        {
            return Math.PI / (2 * Math.Sqrt(curvature));   // the antipode of the stereographic origin
        }

        return y * ArtanRatio(y, curvature);
    }

    /// <summary>tan_κ(x)/x, equal to 1 at x = 0: the factor that scales a tangent vector in exp maps.</summary>
    public static double TanRatio(double x, double curvature)
    {
        double z = curvature * x * x;
        if (Math.Abs(z) < SeriesThreshold)
        {
            // tan(√z)/√z = 1 + z/3 + 2z²/15 + 17z³/315 + …; the same series gives tanh(√−z)/√−z for z < 0.
            return 1 + (z * ((1.0 / 3) + (z * ((2.0 / 15) + (z * (17.0 / 315))))));
        }

        double root = Math.Sqrt(Math.Abs(curvature));
        double scaled = root * x;
        return curvature > 0 ? Math.Tan(scaled) / scaled : Math.Tanh(scaled) / scaled;
    }

    /// <summary>artan_κ(y)/y, equal to 1 at y = 0: the factor that scales a point in log maps. For κ &lt; 0
    /// the argument is clamped to just inside the ball.</summary>
    public static double ArtanRatio(double y, double curvature)
    {
        double w = curvature * y * y;
        if (Math.Abs(w) < SeriesThreshold)
        {
            // atan(s)/s = 1 − s²/3 + s⁴/5 − s⁶/7 + … with s² = w; for w < 0 the same series is atanh(√−w)/√−w.
            return 1 - (w * ((1.0 / 3) - (w * ((1.0 / 5) - (w * (1.0 / 7))))));
        }

        double root = Math.Sqrt(Math.Abs(curvature));
        double scaled = root * Math.Abs(y);
        if (curvature > 0)
        {
            return Math.Atan(scaled) / scaled;
        }

        // atanh(1) = ∞: keep the argument a hair inside the ball so points on the boundary stay finite.
        double inside = Math.Min(scaled, Math.BitDecrement(1.0));
        return Math.Atanh(inside) / scaled;
    }
}
