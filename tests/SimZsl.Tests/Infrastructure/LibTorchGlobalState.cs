namespace SimZsl.Tests.Infrastructure;

/// <summary>The collection of test classes that train, or otherwise set libtorch's process-wide state (the global
/// generator through <c>torch.manual_seed</c>, the intra-op thread count): run one at a time and beside no other
/// test, so that a bit-for-bit training comparison cannot see another class's seed or weight initialisation
/// interleaved with its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibTorchGlobalState
{
    /// <summary>The collection's name, for <c>[Collection(LibTorchGlobalState.Name)]</c>.</summary>
    public const string Name = "libtorch global state";
}
