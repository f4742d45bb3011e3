namespace SimZsl.Onnx;

/// <summary>Feature extraction so far, reported after each batch to an <see cref="IProgress{T}"/>.</summary>
/// <param name="Done">Images whose features are written.</param>
/// <param name="Total">All the images.</param>
/// <param name="Elapsed">Time since extraction started.</param>
public sealed record FeatureExtractionProgress(int Done, int Total, TimeSpan Elapsed);
