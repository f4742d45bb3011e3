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

    // The eigenvector of the largest eigenvalue of T. Power steps in structured form (ρ kept exact) from e₁, the
    // all-ones direction: where ρ dominates (small |κ|, and typical hyperbolic data) they converge in a few steps
    // and are accurate where a plain decomposition is not. Where they do not converge (a flat top of the
    // spectrum, e.g. points spread over a whole sphere), a plain decomposition is accurate and is used.
    private static double[] DominantVector(double[] k, int order, double rho, double sign)
    {
        // Shift by a Gershgorin bound of ‖K‖ so that every eigenvalue of T + sI is ≥ 0 and the top one is also
        // the largest in magnitude (hyperbolic spectra have large negative eigenvalues).
        double shift = 0;
        for (int i = 0; i < order; i++)
        {
            double row = 0;
            for (int j = 0; j < order; j++)
            {
                row += Math.Abs(k[(i * order) + j]);
            }

            shift = Math.Max(shift, row);
        }

        var v = new double[order];
        v[0] = 1;
        var w = new double[order];
        for (int step = 0; step < MaxPowerSteps; step++)
        {
            double value = StructuredProduct(k, order, rho, sign, shift, v, w);
            double norm = Math.Sqrt(Dot(w, w));
            double residual = 0;
            for (int i = 0; i < order; i++)
            {
                double r = w[i] - (value * v[i]);
                residual += r * r;
                v[i] = w[i] / norm;
            }

            // Converged: the residual is at rounding level of the eigenvalue; two more steps polish it.
            if (Math.Sqrt(residual) <= 1e-13 * Math.Abs(value))
            {
                for (int extra = 0; extra < 2; extra++)
                {
                    StructuredProduct(k, order, rho, sign, shift, v, w);
                    norm = Math.Sqrt(Dot(w, w));
                    for (int i = 0; i < order; i++)
                    {
                        v[i] = w[i] / norm;
                    }
                }

                return Positive(v);
            }
        }

        return Positive(PlainTopVector(k, order, rho, sign));
    }

    private const int MaxPowerSteps = 60;

    // w = (T + sI)·v with T = ρe₁e₁ᵀ + σK; returns the Rayleigh quotient vᵀ(T + sI)v (v of unit length).
    private static double StructuredProduct(double[] k, int order, double rho, double sign, double shift, double[] v, double[] w)
    {
        double quotient = 0;
        for (int i = 0; i < order; i++)
        {
            double sum = 0;
            int row = i * order;
            for (int j = 0; j < order; j++)
            {
                sum += k[row + j] * v[j];
            }

            w[i] = (sign * sum) + (shift * v[i]);
        }

        w[0] += rho * v[0];
        for (int i = 0; i < order; i++)
        {
            quotient += v[i] * w[i];
        }

        return quotient;
    }

    private static double[] PlainTopVector(double[] k, int order, double rho, double sign)
    {
        var t = new double[order * order];
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = sign * k[i];
        }

        t[0] += rho;
        var (_, vectors) = SymmetricEigen.Decompose(t, order);
        var v = new double[order];
        for (int i = 0; i < order; i++)
        {
            v[i] = vectors[(i * order) + order - 1];
        }

        return v;
    }

    private static double[] Positive(double[] v)
    {
        if (v[0] < 0)
        {
            for (int i = 0; i < v.Length; i++)
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
