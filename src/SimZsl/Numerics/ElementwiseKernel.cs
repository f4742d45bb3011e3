using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimZsl.Numerics;

/// <summary>A function applied to every element of a span, with a four-wide vector form and a scalar form that perform
/// the same exactly rounded operations (so both give the same bits).</summary>
internal interface IElementwiseKernel
{
    /// <summary>The function on four values.</summary>
    static abstract Vector256<double> Of(Vector256<double> x);

    /// <summary>The function on one value.</summary>
    static abstract double Of(double x);
}

/// <summary>Runs an <see cref="IElementwiseKernel"/> over a span in place: four elements at a time where 256-bit vectors
/// are accelerated, the rest one at a time.</summary>
internal static class ElementwiseKernel
{
    /// <summary>Replaces every x in <paramref name="values"/> by <typeparamref name="TKernel"/>'s f(x).</summary>
    /// <remarks>AggressiveOptimization: straight to optimised code, so the vector path never runs as unoptimised
    /// calls (the same bits either way, but ten times slower for a one-shot build).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<TKernel>(Span<double> values)
        where TKernel : IElementwiseKernel
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            for (; i + 4 <= values.Length; i += 4)
            {
                var x = Vector256.LoadUnsafe(ref start, (nuint)i);
                Vector256.StoreUnsafe(TKernel.Of(x), ref start, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = TKernel.Of(values[i]);
        }
    }
}
