namespace SimZsl.Embedding;

/// <summary>Eigenpairs of a projected strain matrix T = ρ·e₁e₁ᵀ + σK, where e₁ is the projection of the all-ones
/// direction u = 1/√n and K = QᵀMQ carries the geometry. For κ ≠ 0, ρ = n dwarfs K when |κ| is small
/// (‖K‖ ~ n·|κ|·D²), and a plain eigensolver would give the small eigenvalues only to an absolute accuracy of
/// ε·n. Instead the dominant pair (μ₀, t) is found first, refined by power steps that keep ρ exact, and removed
/// by a deflation formula written so that no O(ρ) quantities cancel; the remaining pairs then come from the
/// deflated matrix, whose entries are all on the scale of K.</summary>
internal static class StructuredRitz
{
    /// <summary>Solves the projected problem.</summary>
    /// <param name="k">Row-major order-<paramref name="order"/> symmetric K.</param>
    /// <param name="order">The order of K.</param>
    /// <param name="onesWeight">ρ: n when the first basis vector is u (κ ≠ 0), else 0.</param>
    /// <param name="sign">σ.</param>
    public static RitzPairs Solve(double[] k, int order, double onesWeight, double sign)
    {
        if (onesWeight == 0)
        {
            var scaled = new double[k.Length];
            for (int i = 0; i < k.Length; i++)
            {
                scaled[i] = sign * k[i];
            }

            var (values, vectors) = SymmetricEigen.Decompose(scaled, order);
            return new RitzPairs(double.NaN, null, values, vectors);
        }

        var t = DominantVector(k, order, onesWeight, sign);
        var (topValue, deflated) = Deflate(k, order, onesWeight, sign, t);
        var (rest, restVectors) = SymmetricEigen.Decompose(deflated, order);
        return new RitzPairs(topValue, t, rest, restVectors);
    }

    // The eigenvector of the largest eigenvalue of T, normalised: from a plain decomposition, then power steps
    // in structured form when the top eigenvalue dominates (that is where the plain one is inaccurate).
    private static double[] DominantVector(double[] k, int order, double rho, double sign)
    {
        var t = new double[order * order];
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = sign * k[i];
        }

        t[0] += rho;
        var (values, vectors) = SymmetricEigen.Decompose(t, order);
        double top = values[order - 1];
        var v = new double[order];
        for (int i = 0; i < order; i++)
        {
            v[i] = vectors[(i * order) + order - 1];
        }

        double others = order > 1 ? Math.Max(Math.Abs(values[0]), Math.Abs(values[order - 2])) : 0;
        double ratio = top > 0 ? others / top : 1;
        if (ratio < 0.5)
        {
            // Each step shrinks the error by the ratio; stop once it is below 1e-17 relative.
            int steps = ratio <= 1e-17 ? 1 : Math.Clamp((int)Math.Ceiling(-17 / Math.Log10(ratio)), 1, 12);
            var w = new double[order];
            for (int step = 0; step < steps; step++)
            {
                for (int i = 0; i < order; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < order; j++)
                    {
                        sum += k[(i * order) + j] * v[j];
                    }

                    w[i] = sign * sum;
                }

                w[0] += rho * v[0];
                double norm = Math.Sqrt(Dot(w, w));
                for (int i = 0; i < order; i++)
                {
                    v[i] = w[i] / norm;
                }
            }
        }

        if (v[0] < 0)
        {
            for (int i = 0; i < order; i++)
            {
                v[i] = -v[i];
            }
        }

        return v;
    }

    // T' = T − μ₀ttᵀ/N with N = tᵀt and μ₀ = tᵀTt/N, entry by entry without O(ρ) cancellation:
    // T'₁₁ = ρ‖τ‖²(N + γ²)/N² + σK₁₁ − σγ²q/N², T'₁ⱼ = σK₁ⱼ − μ₀γτⱼ/N, T'ᵢⱼ = σKᵢⱼ − μ₀τᵢτⱼ/N,
    // where t = (γ, τ) and q = tᵀKt.
    private static (double TopValue, double[] Deflated) Deflate(double[] k, int order, double rho, double sign, double[] t)
    {
        double gamma = t[0];
        double tauSquared = 0;
        for (int i = 1; i < order; i++)
        {
            tauSquared += t[i] * t[i];
        }

        double n2 = (gamma * gamma) + tauSquared;
        double q = 0;
        for (int i = 0; i < order; i++)
        {
            double row = 0;
            for (int j = 0; j < order; j++)
            {
                row += k[(i * order) + j] * t[j];
            }

            q += t[i] * row;
        }

        double mu = ((rho * gamma * gamma) + (sign * q)) / n2;
        var result = new double[order * order];
        for (int i = 0; i < order; i++)
        {
            for (int j = 0; j < order; j++)
            {
                result[(i * order) + j] = (sign * k[(i * order) + j]) - (mu * t[i] * t[j] / n2);
            }
        }

        result[0] = (rho * tauSquared * (n2 + (gamma * gamma)) / (n2 * n2)) + (sign * k[0]) - (sign * gamma * gamma * q / (n2 * n2));
        double scale = 1 / Math.Sqrt(n2);
        for (int i = 0; i < order; i++)
        {
            t[i] *= scale;
        }

        return (mu, result);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}

/// <summary>Ritz pairs of the projected problem.</summary>
/// <param name="TopValue">μ₀, the dominant eigenvalue (NaN when there is no all-ones part).</param>
/// <param name="TopVector">Its unit eigenvector in the projected basis (null when there is no all-ones part).</param>
/// <param name="Values">The other eigenvalues, ascending (all of them when there is no all-ones part).</param>
/// <param name="Vectors">Their eigenvectors as the columns of a row-major array.</param>
internal sealed record RitzPairs(double TopValue, double[]? TopVector, double[] Values, double[] Vectors);
