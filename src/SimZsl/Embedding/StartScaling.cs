namespace SimZsl.Embedding;

/// <summary>Shrinks a refinement start towards the origin when that lowers its stress: κ = 0 scales the points,
/// κ &lt; 0 moves each point along its geodesic to the origin, to α times its distance. Why: on hyperbolic space
/// the strain step's start can be far too large. FishNet's 840 family pairs impute shortest paths of up to 34, and
/// at κ = −1 cosh(34) ≈ 3e14 lets those few longest paths dominate the strain matrix: every family lands about 17
/// from the origin, and the start's normalised stress is 3.1 (1 would be every point on one spot). From there the
/// refinement has to pull points in by ten units or more, which in reduced hyperboloid coordinates is a
/// multiplicative move that L-BFGS makes only slowly: after 500 steps the stress was still 2.8 at κ = −1 and 1.8 at
/// κ = −0.5, on the dense and the sparse route alike.
/// Scanning α = 1, 0.8, 0.64, … downwards while the stress falls costs two evaluations on a good start (exact data
/// keeps its start, bit for bit) and a few dozen at most. The sphere is left alone (its distances are bounded).</summary>
internal static class StartScaling
{
    private const double Ratio = 0.8;
    private const double Smallest = 1e-3;

    /// <summary>Replaces <paramref name="x"/> (internal coordinates of <paramref name="stress"/>) by its shrunk copy of
    /// lowest stress, when one is lower than the start's.</summary>
    /// <returns>The factor applied (1 when the start was kept).</returns>
    public static double Shrink(IStressObjective stress, double[] x)
    {
        if (stress.Curvature > 0)
        {
            return 1;
        }

        var gradient = new double[x.Length];
        var trial = new double[x.Length];
        double best = stress.Evaluate(x, gradient), bestFactor = 1;
        for (double factor = Ratio; factor >= Smallest; factor *= Ratio)
        {
            Scale(x, trial, factor, stress.Columns, stress.Curvature);
            double value = stress.Evaluate(trial, gradient);
            if (!(value < best))
            {
                break;   // past the lowest point of the scan
            }

            (best, bestFactor) = (value, factor);
        }

        if (bestFactor < 1)
        {
            Scale(x, x, bestFactor, stress.Columns, stress.Curvature);
        }

        return bestFactor;
    }

    // κ = 0: y = αx. κ < 0: the point at distance ρ = asinh ‖x‖ from the origin goes to αρ along the same ray,
    // ‖y‖ = sinh(αρ).
    private static void Scale(double[] x, double[] y, double factor, int columns, double curvature)
    {
        for (int start = 0; start < x.Length; start += columns)
        {
            var from = x.AsSpan(start, columns);
            var to = y.AsSpan(start, columns);
            double multiplier = factor;
            if (curvature < 0)
            {
                double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<double>(from, from));
                multiplier = norm > 0 ? Math.Sinh(factor * Math.Asinh(norm)) / norm : 0;
            }

            System.Numerics.Tensors.TensorPrimitives.Multiply(from, multiplier, to);
        }
    }
}
