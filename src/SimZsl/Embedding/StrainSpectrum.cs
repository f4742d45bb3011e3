namespace SimZsl.Embedding;

/// <summary>The eigenpairs the strain step keeps, as n-vectors.</summary>
/// <param name="TopValue">μ₀, the eigenvalue of the all-ones-dominated direction (κ ≠ 0); NaN for κ = 0.</param>
/// <param name="TopVector">Its unit eigenvector (n entries), null for κ = 0.</param>
/// <param name="Values">The other kept eigenvalues in the order used: descending for κ ≥ 0, most negative first for
/// κ &lt; 0.</param>
/// <param name="Vectors">Their unit eigenvectors: row-major n × Values.Length.</param>
/// <param name="Residual">Largest relative residual ‖Mz − μz‖ / scale over the kept pairs.</param>
/// <param name="Products">Matrix–block products the solver used (0 for the full decomposition).</param>
internal sealed record StrainSpectrum(double TopValue, double[]? TopVector, double[] Values, double[] Vectors, double Residual, int Products)
{
    /// <summary>Whether every kept value and vector entry is finite (the eigensolver's overflow test).</summary>
    public static bool IsFinite(StrainSpectrum s) =>
        (s.TopVector is null || double.IsFinite(s.TopValue)) && s.Values.All(double.IsFinite) && s.Vectors.All(double.IsFinite)
        && (s.TopVector is null || s.TopVector.All(double.IsFinite));

    /// <summary>The one clipping rule of every strain route: eigenvalues of the wrong sign (negative for κ ≥ 0,
    /// positive among the d of κ &lt; 0) are clipped to zero, and the clipped share of the kept spectrum's magnitude
    /// (the top pair included) is reported. A top pair (κ ≠ 0) that is not positive leaves no geometry: an error.</summary>
    /// <exception cref="InvalidMatrixException">κ ≠ 0 and μ₀ ≤ 0.</exception>
    public (double[] Kept, double ClippedMass) Clip(double curvature)
    {
        if (TopVector is not null && !(TopValue > 0))
        {
            throw new InvalidMatrixException("The strain matrix has no positive eigenvalue; the distances cannot be embedded at this curvature (check the input or try another κ).");
        }

        var kept = new double[Values.Length];
        double total = TopVector is null ? 0 : Math.Abs(TopValue), clipped = 0;
        for (int c = 0; c < kept.Length; c++)
        {
            double v = Values[c];
            total += Math.Abs(v);
            bool right = curvature < 0 ? v < 0 : v > 0;
            kept[c] = right ? v : 0;
            clipped += right ? 0 : Math.Abs(v);
        }

        return (kept, total > 0 ? clipped / total : 0);
    }
}
