namespace SimZsl.Numerics;

/// <summary>Eigenpairs of a projected strain matrix T = ρ·e₁e₁ᵀ + σK, where e₁ is the projection of the all-ones
/// direction u = 1/√n and K = QᵀMQ carries the geometry. For κ ≠ 0, ρ = n dwarfs K when |κ| is small
/// (‖K‖ ~ n·|κ|·D²), and a plain eigensolver would give the small eigenvalues only to an absolute accuracy of
/// ε·n. Where ρ dominates, the dominant pair (μ₀, t) is found first by power steps that keep ρ exact, and removed
/// by a deflation formula written so that no O(ρ) quantities cancel; the remaining pairs then come from the
/// deflated matrix, whose entries are all on the scale of K. Where it does not (the power steps contract slowly),
/// a plain decomposition of T loses at most a few bits and gives every pair at once.</summary>
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
        if (t is null)
        {
            return Plain(k, order, onesWeight, sign);
        }

        var (topValue, deflated) = Deflate(k, order, onesWeight, sign, t);
        var (rest, restVectors) = SymmetricEigen.Decompose(deflated, order);
        return new RitzPairs(topValue, t, rest, restVectors) { Deflated = true };
    }

    // The eigenvector of the largest eigenvalue of T by power steps in structured form (ρ kept exact) from e₁, the
    // all-ones direction; null when they contract by less than MinContraction per step. Where ρ dominates (small |κ|,
    // small distances) they converge in a few steps and are accurate where a plain decomposition is not; where they
    // contract slowly, ρ is within a small factor of ‖K‖ (or the top of the spectrum is flat) and the plain
    // decomposition is accurate: the caller uses it.
    private static double[]? DominantVector(double[] k, int order, double rho, double sign)
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
        double firstResidual = double.NaN;
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

            residual = Math.Sqrt(residual);
            // Converged: the residual is at rounding level of the eigenvalue; two more steps polish it.
            if (residual <= 1e-13 * Math.Abs(value))
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

            // The residual shrinks by about (λ₂ + s)/(λ₁ + s) per step, with λ₁ ≈ ρ + O(‖K‖), λ₂ ≤ ‖K‖ and the shift s
            // between ‖K‖ and √order·‖K‖. Slower than MinContraction means ρ ≲ 5‖K‖ + 3s, at most about 70‖K‖ for a
            // basis of 480: there a plain decomposition loses at most about 6 bits (it lost about 45 at ρ = 10¹³‖K‖, see
            // StructuredRitzTests).
            if (step == 0)
            {
                firstResidual = residual;
            }
            else if (step == ContractionSteps && !(residual <= firstResidual * Math.Pow(MinContraction, ContractionSteps)))
            {
                return null;
            }
        }

        return null;
    }

    private const int ContractionSteps = 4;
    private const double MinContraction = 0.25;

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

    // Every pair from one decomposition of T: the top one, and the others with the top one's value replaced by 0 (as
    // in the deflated matrix, whose eigenvector t has eigenvalue 0), in ascending order.
    private static RitzPairs Plain(double[] k, int order, double rho, double sign)
    {
        var t = new double[order * order];
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = sign * k[i];
        }

        t[0] += rho;
        var (values, vectors) = SymmetricEigen.Decompose(t, order);
        int top = order - 1;
        var topVector = new double[order];
        for (int i = 0; i < order; i++)
        {
            topVector[i] = vectors[(i * order) + top];
        }

        // Columns in ascending order of the values with the top one's set to 0: it moves to the first position whose
        // value is positive.
        int slot = 0;
        while (slot < top && values[slot] <= 0)
        {
            slot++;
        }

        var restValues = new double[order];
        var restVectors = new double[order * order];
        for (int c = 0; c < order; c++)
        {
            int source = c < slot ? c : c == slot ? top : c - 1;
            restValues[c] = c == slot ? 0 : values[source];
            for (int i = 0; i < order; i++)
            {
                restVectors[(i * order) + c] = vectors[(i * order) + source];
            }
        }

        return new RitzPairs(values[top], Positive(topVector), restValues, restVectors);
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
internal sealed record RitzPairs(double TopValue, double[]? TopVector, double[] Values, double[] Vectors)
{
    /// <summary>Whether the top pair was found by power steps and deflated (ρ dominates K), rather than taken with all
    /// the others from one plain decomposition.</summary>
    public bool Deflated { get; init; }
}
