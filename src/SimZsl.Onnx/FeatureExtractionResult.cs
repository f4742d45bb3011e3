namespace SimZsl.Onnx;

/// <summary>What <see cref="OnnxFeatureExtractor.Extract"/> wrote: an <see cref="Images"/> × <see cref="Features"/>
/// float32 <c>.npy</c>.</summary>
/// <param name="Images">Rows written, one per image.</param>
/// <param name="Features">Columns: the output's values per image.</param>
/// <param name="OutputNode">The model output the features came from.</param>
/// <param name="Device">Where the network ran: "cpu" or "cuda".</param>
/// <param name="Elapsed">Time spent, decoding and preprocessing included.</param>
public sealed record FeatureExtractionResult(int Images, int Features, string OutputNode, string Device, TimeSpan Elapsed)
{
    /// <summary>Images per second.</summary>
    public double ImagesPerSecond => Images / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
