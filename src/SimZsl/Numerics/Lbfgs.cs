namespace SimZsl.Numerics;

/// <summary>Limited-memory BFGS (Nocedal &amp; Wright, Alg. 7.4/7.5) with a backtracking Armijo line search that
/// interpolates quadratically. Defaults: 10 correction pairs, sufficient-decrease constant 1e-4, at most 30
/// backtracks. A correction pair with sᵀy ≤ 1e-12·‖s‖‖y‖ is skipped so the inverse Hessian stays positive definite.
/// Stops when (a) the relative decrease of an accepted step, (f_prev − f)/f_prev, is at most
/// <c>tolerance</c>, (b) ‖∇f‖₂ ≤ <c>gradientTolerance</c>·<c>scale</c>, (c) f ≤ 1e-28·scale² (exact fit to
/// rounding), (d) the line search finds no decrease (not converged unless (b) holds), or (e) the iteration limit.</summary>
internal static class Lbfgs
{
    private const int Memory = 10;
    private const double Armijo = 1e-4;
    private const int MaxBacktracks = 30;

    /// <summary>How a minimisation ended.</summary>
    /// <param name="Iterations">Accepted steps.</param>
    /// <param name="Converged">Whether a convergence test (a)–(c) was met.</param>
    internal sealed record Outcome(int Iterations, bool Converged);

    /// <summary>Minimises f in place over <paramref name="x"/>.</summary>
    /// <param name="evaluate">f(x) with its gradient written to the second argument.</param>
    /// <param name="x">Start; overwritten with the minimiser.</param>
    /// <param name="maxIterations">Largest number of accepted steps.</param>
    /// <param name="tolerance">Relative decrease test (a).</param>
    /// <param name="gradientTolerance">Gradient test (b), relative to <paramref name="scale"/>.</param>
    /// <param name="scale">The natural size of the gradient (for stress: √Σ w D²).</param>
    /// <param name="onIteration">Called after every accepted step with (iteration, value).</param>
    /// <param name="cancellationToken">Checked every iteration.</param>
    public static Outcome Minimize(
        Func<double[], double[], double> evaluate,
        double[] x,
        int maxIterations,
        double tolerance,
        double gradientTolerance,
        double scale,
        Action<int, double>? onIteration,
        CancellationToken cancellationToken)
    {
        int size = x.Length;
        var g = new double[size];
        double f = evaluate(x, g);
        double floor = 1e-28 * Math.Max(scale * scale, double.Epsilon);
        if (!double.IsFinite(f))
        {
            throw new SimZslException($"The stress of the starting configuration is {f}; the start or the target distances are not finite.");
        }

        var history = new LinkedList<(double[] S, double[] Y, double Rho)>();
        var direction = new double[size];
        var trial = new double[size];
        var trialGradient = new double[size];
        for (int iteration = 0; ; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double gradientNorm = Math.Sqrt(Dot(g, g));
            if (gradientNorm <= gradientTolerance * scale)
            {
                // Gradient norm below tolerance.
                return new Outcome(iteration, true);
            }

            if (f <= floor)
            {
                // Stress at rounding level (exact fit).
                return new Outcome(iteration, true);
            }

            if (iteration >= maxIterations)
            {
                // Iteration limit reached.
                return new Outcome(iteration, false);
            }

            TwoLoop(g, history, direction);
            double slope = Dot(g, direction);
            if (!(slope < 0))
            {
                // Not a descent direction (rounding in a stale memory): restart from steepest descent.
                history.Clear();
                for (int k = 0; k < size; k++)
                {
                    direction[k] = -g[k];
                }

                slope = -gradientNorm * gradientNorm;
            }

            // The first step has no curvature information: scale it so it moves the points by about 1e-3·scale.
            double step = history.Count == 0 ? Math.Min(1, 1e-3 * Math.Max(scale, 1e-12) / gradientNorm) : 1;
            double fTrial = double.NaN;
            bool accepted = false;
            for (int backtrack = 0; backtrack < MaxBacktracks; backtrack++)
            {
                for (int k = 0; k < size; k++)
                {
                    trial[k] = x[k] + (step * direction[k]);
                }

                fTrial = evaluate(trial, trialGradient);
                if (double.IsFinite(fTrial) && fTrial <= f + (Armijo * step * slope))
                {
                    accepted = true;
                    break;
                }

                // Minimiser of the quadratic through f, the slope and f(step), kept within [0.1, 0.5]·step.
                double quadratic = double.IsFinite(fTrial) ? -slope * step * step / (2 * (fTrial - f - (slope * step))) : 0.1 * step;
                step = Math.Clamp(quadratic, 0.1 * step, 0.5 * step);
            }

            if (!accepted)
            {
                bool converged = gradientNorm <= gradientTolerance * scale;
                // Line search found no decrease (rounding level reached).
                return new Outcome(iteration, converged);
            }

            var s = new double[size];
            var y = new double[size];
            for (int k = 0; k < size; k++)
            {
                s[k] = trial[k] - x[k];
                y[k] = trialGradient[k] - g[k];
            }

            double sy = Dot(s, y);
            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)))
            {
                history.AddLast((s, y, 1 / sy));
                if (history.Count > Memory)
                {
                    history.RemoveFirst();
                }
            }

            double previous = f;
            Array.Copy(trial, x, size);
            Array.Copy(trialGradient, g, size);
            f = fTrial;
            onIteration?.Invoke(iteration + 1, f);
            if (previous - f <= tolerance * previous)
            {
                // Relative stress change below tolerance.
                return new Outcome(iteration + 1, true);
            }
        }
    }

    // r = −H g by the two-loop recursion, with H₀ = (sᵀy / yᵀy) I from the newest pair.
    private static void TwoLoop(double[] g, LinkedList<(double[] S, double[] Y, double Rho)> history, double[] r)
    {
        int size = g.Length;
        Array.Copy(g, r, size);
        var alphas = new double[history.Count];
        int index = history.Count - 1;
        for (var node = history.Last; node is not null; node = node.Previous, index--)
        {
            alphas[index] = node.Value.Rho * Dot(node.Value.S, r);
            Axpy(-alphas[index], node.Value.Y, r);
        }

        if (history.Last is { } newest)
        {
            double gamma = 1 / (newest.Value.Rho * Dot(newest.Value.Y, newest.Value.Y));
            Scale(r, gamma);
        }

        index = 0;
        for (var node = history.First; node is not null; node = node.Next, index++)
        {
            double beta = node.Value.Rho * Dot(node.Value.Y, r);
            Axpy(alphas[index] - beta, node.Value.S, r);
        }

        Scale(r, -1);
    }

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot<double>(a, b);

    private static void Axpy(double alpha, double[] x, double[] y) => System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(x, alpha, y, y);

    private static void Scale(double[] x, double alpha) => System.Numerics.Tensors.TensorPrimitives.Multiply(x, alpha, x);
}
