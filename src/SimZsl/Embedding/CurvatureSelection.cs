using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>Chooses κ when the options give none: the curvature whose strain solution has the lowest stress.
/// For each allowed sign, a golden-section search over log|κ| ∈ [10⁻⁶·κ_max, κ_max] with κ_max = (8 / max D)²
/// (so that D/r stays ≤ 8), plus κ = 0 when both signs are allowed.</summary>
internal static class CurvatureSelection
{
    private const int Iterations = 24;

    /// <summary>The chosen κ and its strain solution.</summary>
    public static (double Curvature, StrainSolution Solution) Choose(DistanceMatrix distances, KappaMdsOptions options, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        double maxDistance = distances.MaxDistance;
        double bestCurvature = 0, bestStress = double.PositiveInfinity;
        StrainSolution? bestSolution = null;
        int evaluation = 0;
        int planned = (options.CurvatureSearch == CurvatureSearch.Any ? 2 : 1) * (Iterations + 2);

        double Consider(double curvature)
        {
            var (stress, solution) = Evaluate(distances, curvature, options, cancellationToken);
            evaluation++;
            if (solution is not null && (stress < bestStress || bestSolution is null))
            {
                (bestCurvature, bestStress, bestSolution) = (curvature, stress, solution);
            }

            progress?.Report(new EmbeddingProgress("curvature", evaluation, bestStress, Math.Min(1, (double)evaluation / planned)));
            return stress;
        }

        if (options.CurvatureSearch == CurvatureSearch.Any || !(maxDistance > 0))
        {
            Consider(0);
        }

        if (maxDistance > 0)
        {
            double upper = Math.Log((8 / maxDistance) * (8 / maxDistance));
            double lower = upper + Math.Log(1e-6);
            if (options.CurvatureSearch != CurvatureSearch.Hyperbolic)
            {
                GoldenSection(lower, upper, t => Consider(Math.Exp(t)));
            }

            if (options.CurvatureSearch != CurvatureSearch.Spherical)
            {
                GoldenSection(lower, upper, t => Consider(-Math.Exp(t)));
            }
        }

        return bestSolution is null
            ? throw new InvalidMatrixException("No curvature in the search range gave a strain solution; give κ explicitly.")
            : (bestCurvature, bestSolution);
    }

    // Stress of the strain solution at κ; +∞ where the strain step cannot embed the data at that κ.
    private static (double Stress, StrainSolution? Solution) Evaluate(DistanceMatrix distances, double curvature, KappaMdsOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var solution = StrainSolver.Solve(distances, curvature, options, cancellationToken);
            return (EmbeddingQualityMeasures.Stress(distances, solution.Coordinates, curvature, cancellationToken), solution);
        }
        catch (InvalidMatrixException)
        {
            return (double.PositiveInfinity, null);
        }
    }

    // Golden-section minimisation of f over [a, b]; the caller keeps the best point it saw.
    private static void GoldenSection(double a, double b, Func<double, double> f)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - (ratio * (b - a)), d = a + (ratio * (b - a));
        double fc = f(c), fd = f(d);
        for (int i = 0; i < Iterations; i++)
        {
            if (fc <= fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - (ratio * (b - a));
                fc = f(c);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + (ratio * (b - a));
                fd = f(d);
            }
        }
    }
}
