namespace SimZsl.Samples.Shared;

/// <summary>Images with class labels, one image per row of <see cref="Pixels"/> (values 0–255, row by row).</summary>
/// <param name="Pixels">N × (Height·Width) pixel values.</param>
/// <param name="Labels">Class name of each image.</param>
/// <param name="LabelIndices">Class index of each image.</param>
/// <param name="Height">Image height.</param>
/// <param name="Width">Image width.</param>
/// <param name="Source">Where the images came from (folder and part).</param>
public sealed record LabelledImages(RowMatrix Pixels, string[] Labels, byte[] LabelIndices, int Height, int Width, string Source);
