using SimZsl.Geometry;
using SimZsl.Numerics;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>Stress refinement (hydra+ style) for every curvature: minimises the weighted stress
/// σ = ½ Σ_{i&lt;j} w_ij (d_κ(x_i, x_j) − D_ij)² over the observed pairs by L-BFGS with the exact gradient, starting
/// from a given configuration (normally the strain solution). Missing entries of D simply weigh 0.
/// Settings used from <see cref="KappaMdsOptions"/>: <see cref="KappaMdsOptions.Weighting"/>,
/// <see cref="KappaMdsOptions.MaxIterations"/> (500), <see cref="KappaMdsOptions.Tolerance"/> (relative stress
/// change per step, 1e-10) and <see cref="KappaMdsOptions.GradientTolerance"/> (‖∇σ‖ ≤ tol·√Σ w D², 1e-9).
/// Hyperbolic points move in reduced hyperboloid coordinates (unconstrained), sphere points on the sphere (the
/// gradient is tangent and points are renormalised). Runs on the CPU (a dense SIMD kernel, O(n²·d) per step).</summary>
internal static class StressRefinement
{
    /// <summary>Refines <paramref name="start"/> against <paramref name="target"/> (same classes, same order).</summary>
    /// <exception cref="SimZslException">The classes differ, or the start is not finite.</exception>
    public static StressRefinementResult Refine(
        ClassPrototypes start,
        DistanceMatrix target,
        KappaMdsOptions options,
        IProgress<EmbeddingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        // The options were validated by KappaMds.Fit, the only caller, against this problem.
        CheckSameClasses(start.ClassNames, target.ClassNames);
        double curvature = start.Curvature;
        var x = KappaCoordinates.ToInternal(start.Coordinates, curvature);
        var stress = StressFunction.Create(target, start.Dimension, curvature, options.Weighting);
        var outcome = Minimize(stress, x, options, progress, cancellationToken);
        var coordinates = KappaCoordinates.ToPrototypes(x, target.Count, start.Coordinates.Columns, curvature);
        return new StressRefinementResult(
            new ClassPrototypes(start.ClassNames, coordinates, curvature),
            outcome.Iterations,
            outcome.Converged);
    }

    /// <summary>Runs L-BFGS on internal coordinates in place (the pipeline's entry point). The start is first shrunk
    /// when that lowers its stress (<see cref="StartScaling"/>), and points that coincide up to rounding are made
    /// to coincide exactly (<see cref="NearCoincidence"/>) before the seeded nudge separates them, so that ties are
    /// broken by the seed and not by the last bits of the input.</summary>
    internal static Lbfgs.Outcome Minimize(IStressObjective stress, double[] x, KappaMdsOptions options, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        StartScaling.Shrink(stress, x);
        NearCoincidence.Gather(x, stress.Columns, stress.TargetNorm);
        SeparateCoincident(x, stress.Columns, stress.TargetNorm, options.Seed);
        double toUnits = Square(KappaSpace.LengthScale(stress.Curvature));
        var outcome = Lbfgs.Minimize(
            stress.Evaluate,
            x,
            options.MaxIterations,
            options.Tolerance,
            options.GradientTolerance,
            Math.Max(stress.TargetNorm, 1e-300),
            (iteration, value) => progress?.Report(new EmbeddingProgress("refine", iteration, value * toUnits, (double)iteration / Math.Max(1, options.MaxIterations))),
            cancellationToken);
        if (stress.Curvature > 0)
        {
            Renormalize(x, stress.Columns);
        }

        return outcome;
    }

    /// <summary>Moves every repeat of a point by a seeded 1e-6 of the target's typical distance. A strain start puts
    /// classes that its d leading eigenvectors cannot tell apart (the sibling leaves of a tree) at exactly the same
    /// point; there ∂d/∂x has no direction, and since such classes have the same distances to all others their
    /// gradients stay equal, so no descent step would ever separate them (CUB's tree at κ = 0, d = 5: 200 classes on
    /// 135 points, and refinement stopped at its start, normalised stress 0.373 instead of 0.143). Points that merely
    /// lie close are left as they are.</summary>
    internal static void SeparateCoincident(double[] x, int cols, double targetNorm, int seed)
    {
        int n = x.Length / cols;
        var seen = new HashSet<Row>(n);
        Random? random = null;
        double pairs = Math.Max(1, n * (n - 1) / 2.0);
        double size = 1e-6 * Math.Max(targetNorm / Math.Sqrt(pairs), 1e-300);
        for (int i = 0; i < n; i++)
        {
            if (seen.Add(new Row(x, i * cols, cols)))
            {
                continue;
            }

            random ??= new Random(seed);
            for (int k = 0; k < cols; k++)
            {
                x[(i * cols) + k] += size * ((2 * random.NextDouble()) - 1);
            }

            seen.Add(new Row(x, i * cols, cols));
        }
    }

    /// <summary>One point of the flat coordinate array, compared by value.</summary>
    private readonly struct Row(double[] x, int start, int cols) : IEquatable<Row>
    {
        private ReadOnlySpan<double> Values => x.AsSpan(start, cols);

        public bool Equals(Row other) => Values.SequenceEqual(other.Values);

        public override bool Equals(object? obj) => obj is Row other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (double v in Values)
            {
                hash.Add(v);
            }

            return hash.ToHashCode();
        }
    }

    private static void Renormalize(double[] x, int cols)
    {
        for (int start = 0; start < x.Length; start += cols)
        {
            var row = x.AsSpan(start, cols);
            double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<double>(row, row));
            if (norm > 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(row, norm, row);
            }
        }
    }

    private static void CheckSameClasses(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            throw new SimZslException($"The prototypes cover {a.Count} classes but the distance matrix has {b.Count}; refine prototypes against the matrix they were embedded from.");
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                throw new SimZslException($"Class {i} is '{a[i]}' in the prototypes but '{b[i]}' in the distance matrix; both must list the same classes in the same order.");
            }
        }
    }

    private static double Square(double v) => v * v;
}
