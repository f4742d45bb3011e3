using System.Runtime.CompilerServices;

namespace SimZsl.Tests.Infrastructure;

/// <summary>Runs SimZsl's module initializer before any test touches TorchSharp, as an application that uses
/// SimZsl would: it puts MKL in its reproducible mode, which only takes effect before MKL's first kernel, and the
/// tests that compare bits across runs rely on it.</summary>
internal static class SimZslLoadsFirst
{
    [ModuleInitializer]
    internal static void Initialise() => RuntimeHelpers.RunModuleConstructor(typeof(SimZsl.RowMatrix).Module.ModuleHandle);
}
