namespace SimZsl.Embedding;

/// <summary>The eigenpairs the strain step keeps, as n-vectors.</summary>
/// <param name="TopValue">μ₀, the eigenvalue of the all-ones-dominated direction (κ ≠ 0); NaN for κ = 0.</param>
/// <param name="TopVector">Its unit eigenvector (n entries), null for κ = 0.</param>
/// <param name="Values">The other kept eigenvalues in the order used: descending for κ ≥ 0, most negative first for
/// κ &lt; 0.</param>
/// <param name="Vectors">Their unit eigenvectors: row-major n × Values.Length.</param>
/// <param name="Residual">Largest relative residual ‖Mz − μz‖ / scale over the kept pairs.</param>
/// <param name="Products">Matrix–block products the solver used (0 for the full decomposition).</param>
internal sealed record StrainSpectrum(double TopValue, double[]? TopVector, double[] Values, double[] Vectors, double Residual, int Products);
