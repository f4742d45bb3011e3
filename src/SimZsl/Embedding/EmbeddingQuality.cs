namespace SimZsl.Embedding;

/// <summary>How well an embedding reproduces the target distances D over the observed pairs.</summary>
/// <param name="Stress">Raw stress σ = ½ Σ_{i&lt;j} w_ij (d_ij − D_ij)², over observed pairs.</param>
/// <param name="NormalizedStress">√(Σ (d_ij − D_ij)² / Σ D_ij²): 0 is perfect; scale-free (Kruskal's stress-1 with
/// the target distances in the denominator).</param>
/// <param name="MeanDistortion">Mean of |d_ij / D_ij − 1| over observed pairs with D_ij &gt; 0.</param>
/// <param name="MaxDistortion">Maximum of |d_ij / D_ij − 1|.</param>
/// <param name="MeanAveragePrecision">Neighbour-ranking MAP: for every class, how well the embedding's distance
/// ranking recovers each class's nearest neighbours under D (Nickel &amp; Kiela 2017; 1 is perfect).</param>
/// <param name="Strain">Relative strain ‖M − ZWZᵀ‖_F / ‖M‖_F of the strain step (M = B for κ = 0, the Gram matrix
/// cos/cosh(D/r) otherwise; Z, W the kept eigenpairs), from the eigenvalues: ≈ 0 (below ~1e-6) when the distances
/// embed exactly.</param>
public sealed record EmbeddingQuality(
    double Stress,
    double NormalizedStress,
    double MeanDistortion,
    double MaxDistortion,
    double MeanAveragePrecision,
    double Strain);
