using System.Globalization;
using System.Runtime.InteropServices;
using SimZsl.Geometry;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>Which curvatures given distances can be embedded at, checked before the eigensolver so that a bad
/// pair of distances and κ is one clear error with the range that works, not a LAPACK failure (a 17-line
/// libtorch dump) or a silently degenerate result:
/// <list type="bullet">
/// <item>κ &gt; 0: no two points of a sphere are farther apart than its diameter π/√κ, so κ ≤ (π / max D)² fits.
/// Noisy spherical data overshoot it a little (10 % noise: by 13 %), and the strain step still gives a usable
/// answer: a warning. Beyond twice the diameter sin²(D/2r) has wrapped through a whole period, distinct distances
/// become the same entry, and the result is noise (normalised stress 0.83 at κ = 10 on distances up to 5.45):
/// an error.</item>
/// <item>κ &lt; 0: cosh(D/r) must not overflow: max D·√|κ| ≤ 700 − ln n (<see cref="CheckHyperbolic"/>).</item>
/// <item>κ = 0: the squared distances and their row sums must stay finite.</item>
/// <item>κ ≠ 0: |κ|·D²/2 must not underflow for the smallest distance, else every class lands on one point
/// (κ = 5e-324 did that).</item>
/// </list></summary>
internal static class CurvatureRange
{
    // A sphere point pair may sit at exactly the diameter; rounding of the input may add a little.
    private const double DiameterTolerance = 1e-9;

    // κ = 0: squares up to this keep n·D² sums and the eigensolver's products far from double's 1.8e308.
    private const double FlatLimit = 1e150;

    // |κ|·D²/2 below this is denormal or zero: the geometry is gone before the eigensolver sees it.
    private const double SmallestScaledSquare = 1e-290;

    /// <summary>Throws an <see cref="InvalidMatrixException"/> that says which κ works when the distances cannot be
    /// embedded at <paramref name="curvature"/>; returns the warnings for a fit that works but strains.</summary>
    public static IReadOnlyList<string> Check(DistanceMatrix distances, double curvature)
    {
        double max = distances.MaxDistance;
        if (!(max > 0))
        {
            return [];   // every class at one point: any κ gives that
        }

        if (curvature == 0)
        {
            if (max > FlatLimit)
            {
                throw new InvalidMatrixException(Format($"The distances reach {max:G4}; at κ = 0 their squares overflow. Rescale them (a largest distance below {FlatLimit:G1}, e.g. near 1)."));
            }

            return [];
        }

        var warnings = new List<string>();
        if (curvature > 0)
        {
            double diameter = Math.PI * KappaSpace.RadiusOf(curvature);
            if (max > diameter * (1 + DiameterTolerance))
            {
                double largest = (Math.PI / max) * (Math.PI / max);
                string fit = largest > 0
                    ? Format($"What fits: κ ≤ {largest:G6} (or κ ≤ 0), or distances rescaled to at most {diameter:G6}.")
                    : "No sphere double precision can hold fits them: use κ ≤ 0, or rescale the distances.";
                string what = Format($"The largest distance {max:G6} exceeds the diameter π/√κ = {diameter:G6} of the sphere of curvature κ = {curvature:G6}, on which no two points are farther apart; ");
                if (max > 2 * diameter)
                {
                    throw new InvalidMatrixException(what + "at more than twice the diameter the embedding is meaningless. " + fit);
                }

                warnings.Add(what + "those pairs are placed too close. " + fit);
            }
        }
        else
        {
            CheckHyperbolic(distances.Count, curvature, max);
        }

        double min = distances.ObservedRange.SmallestPositive;
        double smallest = 2 * SmallestScaledSquare / (min * min);
        if (Math.Abs(curvature) * min * min / 2 < SmallestScaledSquare)
        {
            throw new InvalidMatrixException(Format($"|κ| = {Math.Abs(curvature):G6} is too small for distances down to {min:G6}: |κ|·D² underflows and every class would land on one point. Use κ = 0 for the flat embedding it approaches, or |κ| ≥ {smallest:G3}."));
        }

        return warnings;
    }

    /// <summary>cosh(D/r) ~ e^(D/r)/2 and the eigensolver's products sum n such entries: keep n·e^(D/r) finite.</summary>
    public static void CheckHyperbolic(int n, double curvature, double maxDistance)
    {
        double scaled = maxDistance / KappaSpace.RadiusOf(curvature);
        double limit = 700 - Math.Log(Math.Max(n, 1));
        if (scaled > limit)
        {
            double largest = (limit / maxDistance) * (limit / maxDistance);
            throw new InvalidMatrixException(largest >= double.Epsilon * 1e16
                ? Format($"cosh(D/r) overflows for κ = {curvature:G6}: the largest distance {maxDistance:G6} is {scaled:G6} radii (r = 1/√|κ|) and the limit is {limit:G4}. Lower |κ| to at most {largest:G3} (κ ≥ {-largest:G3}), or rescale the distances.")
                : Format($"cosh(D/r) overflows: the largest distance {maxDistance:G6} is too large for any κ < 0 that double precision can hold. Rescale the distances (e.g. to a largest distance near 1–10)."));
        }
    }

    /// <summary>Runs a step that calls an eigensolver (MathNet's managed one, or libtorch's LAPACK eigh above order
    /// 200), turning its failure (MathNet's <see cref="MathNet.Numerics.NonConvergenceException"/>, or an
    /// <see cref="ExternalException"/> with a C++ stack trace) or a non-finite result into an
    /// <see cref="InvalidMatrixException"/> with advice; the checks above make this rare.</summary>
    public static T Guard<T>(double curvature, Func<T> solve, Func<T, bool> finite)
    {
        ArgumentNullException.ThrowIfNull(solve);
        ArgumentNullException.ThrowIfNull(finite);
        T result;
        try
        {
            result = solve();
        }
        catch (Exception e) when (e is ExternalException or MathNet.Numerics.NonConvergenceException)
        {
            string cause = e.Message.Split('\n', 2)[0].Trim();
            throw new InvalidMatrixException(Format($"The eigensolver could not decompose the strain matrix at κ = {curvature:G6} ({cause}). Rescale the distances (e.g. to a largest distance near 1–10) or choose κ closer to 0."), e);
        }

        return finite(result)
            ? result
            : throw new InvalidMatrixException(Format($"The eigensolver returned non-finite values for the strain matrix at κ = {curvature:G6}. Rescale the distances (e.g. to a largest distance near 1–10) or choose κ closer to 0."));
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
