using System.Collections.Concurrent;
using TorchSharp;

namespace SimZsl.Numerics;

/// <summary>libtorch scalars that live as long as the process: the constants SimZsl's tensor code passes to libtorch.</summary>
/// <remarks>Why not just write <c>t.pow(2)</c>: TorchSharp turns the 2 into a <see cref="Scalar"/> implicitly and
/// hands libtorch only its native handle; nothing keeps the managed object alive during the call, so a garbage
/// collection on another thread may finalise it and free the native scalar while libtorch still reads it. Under
/// load that showed as "Scalar.h toFloat" and "Unknown scalar type" errors, and as optimiser steps with wrong
/// values (a training that gave other numbers in another process). So every scalar SimZsl passes to libtorch is
/// either one of these, cached by value and never freed, or, for values that change with every call (an optimiser's
/// step size), a local disposed after the call. <c>ScalarLifetimeTests</c> scans SimZsl's IL for implicit conversions.</remarks>
internal static class KeptScalars
{
    private static readonly ConcurrentDictionary<double, Scalar> Cache = new();

    /// <summary>0.</summary>
    public static Scalar Zero { get; } = Kept(0);

    /// <summary>1, also the α of <c>a.add(b, One)</c>: TorchSharp's <c>a + b</c> and <c>a.add(b)</c> make their α
    /// of 1 implicitly.</summary>
    public static Scalar One { get; } = Kept(1);

    /// <summary>2.</summary>
    public static Scalar Two { get; } = Kept(2);

    /// <summary>The scalar for <paramref name="value"/>, created once per distinct value. For constants and
    /// per-model settings (margins, temperatures, a trained head's curvature), not for values that change with every
    /// call: those would fill the cache (use <see cref="Local"/>).</summary>
    public static Scalar Kept(double value) => Cache.GetOrAdd(value, static v => v.ToScalar());

    /// <summary>A scalar owned by the caller, for values that change from call to call: declare it with
    /// <c>using var</c>, which keeps it alive until the end of the block and then frees it.</summary>
    public static Scalar Local(double value) => value.ToScalar();
}
