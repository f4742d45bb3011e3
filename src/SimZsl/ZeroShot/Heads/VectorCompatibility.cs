using SimZsl.Numerics;
using TorchSharp;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>The compatibility scores of the heads that treat prototypes as vectors (DeViSE, softmax), and the
/// squared distance that anchors their embedded points to the prototypes.</summary>
internal static class VectorCompatibility
{
    /// <summary>Scores of every embedded row (N × P) against every prototype (C × P): N × C.</summary>
    public static Tensor Scores(Tensor embedded, Tensor prototypes, Compatibility compatibility) => compatibility switch
    {
        Compatibility.Dot => embedded.matmul(prototypes.t()),
        Compatibility.Cosine => nn.functional.normalize(embedded, dim: 1).matmul(nn.functional.normalize(prototypes, dim: 1).t()),
        Compatibility.Distance => PairwiseSquaredDistances(embedded, prototypes).neg(),
        _ => throw new ArgumentOutOfRangeException(nameof(compatibility), compatibility, "Unknown compatibility."),
    };

    /// <summary>‖x_i − y_j‖² for every row pair (N × C), from the differences themselves: the expanded form
    /// ‖x‖² + ‖y‖² − 2⟨x, y⟩ cancels to rounding noise when a point sits on a prototype.</summary>
    public static Tensor PairwiseSquaredDistances(Tensor x, Tensor y) =>
        x.unsqueeze(1).sub(y.unsqueeze(0)).pow(Two).sum(2);

    /// <summary>‖x_i − y_i‖² for paired rows (N).</summary>
    public static Tensor PairedSquaredDistances(Tensor x, Tensor y) => x.sub(y).pow(Two).sum(1);
}
