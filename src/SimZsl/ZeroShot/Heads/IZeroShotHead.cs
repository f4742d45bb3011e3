using SimZsl.Embedding;
using TorchSharp;

namespace SimZsl.ZeroShot;

/// <summary>A zero-shot head: how the output of the trainable projection is placed in the prototypes' space, how it
/// is scored against every class prototype, and the training loss. Heads hold no weights: the projection that
/// feeds them is trained by <see cref="ZeroShotTrainer"/>; the prototypes stay fixed.</summary>
public interface IZeroShotHead
{
    /// <summary>A short name for reports ("devise", "prototype", "hyperbolic", "softmax"); for a registered head, its
    /// <see cref="ZeroShotHeadKind.Name"/>, by which a model file finds its kind again.</summary>
    string Name { get; }

    /// <summary>Throws a <see cref="SimZslException"/> when the prototypes' geometry is not the head's.</summary>
    void EnsureGeometry(ClassPrototypes prototypes);

    /// <summary>Places the projection's output (N × P, P = the prototypes' column count) in the prototypes' space.</summary>
    torch.Tensor Embed(torch.Tensor projected);

    /// <summary>Compatibility of each embedded point with each prototype (N × C); higher is better.</summary>
    torch.Tensor Scores(torch.Tensor embedded, torch.Tensor prototypes);

    /// <summary>Mean training loss of a batch; <paramref name="targets"/> are row indices into
    /// <paramref name="prototypes"/> (int64).</summary>
    torch.Tensor Loss(torch.Tensor embedded, torch.Tensor prototypes, torch.Tensor targets);

    /// <summary>The squared distance (N) of each embedded row to the prototype in the same row of
    /// <paramref name="targetPrototypes"/>, measured where the head compares points with prototypes: the prototype
    /// anchor of the training loss (<see cref="ZeroShotHeadOptions.AnchorWeight"/>).</summary>
    torch.Tensor SquaredDistances(torch.Tensor embedded, torch.Tensor targetPrototypes);
}
