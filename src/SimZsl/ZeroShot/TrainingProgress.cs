namespace SimZsl.ZeroShot;

/// <summary>One epoch of zero-shot training, as reported to an <see cref="IProgress{T}"/>.</summary>
/// <param name="Epoch">One-based epoch number.</param>
/// <param name="Epochs">Largest number of epochs.</param>
/// <param name="Loss">Mean training loss of the epoch.</param>
/// <param name="ValidationAccuracy">Per-class mean top-1 accuracy among the seen classes on the held-out seen
/// instances, or NaN without validation.</param>
/// <param name="LearningRate">The learning rate used in the epoch.</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, double Loss, double ValidationAccuracy, double LearningRate, TimeSpan Elapsed);
