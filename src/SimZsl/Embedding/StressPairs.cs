using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SimZsl.Numerics;

namespace SimZsl.Embedding;

/// <summary>The per-pair arithmetic of the stress, four pairs (i, j) at a time, for one geometry (unit curvature): from
/// q = Σ_k (x_ik − x_jk)² (and, hyperbolic, the norms) the distance d, the derivative's floored denominator, and the
/// factor s_j of the gradient ∂d/∂x_i = (s_j·a·x_i − x_j)·b / denominator, with the row's a and b from
/// <see cref="RowScales"/>. The dense rows and the pair-list rows both call it: the formulas live here once.</summary>
internal interface IStressGeometry
{
    /// <summary>Whether the lanes read the other points' ‖x‖² and x₀ (the hyperboloid's time coordinate).</summary>
    static abstract bool UsesNorms { get; }

    /// <summary>Distances of four pairs, their floored derivative denominators and their s_j.</summary>
    static abstract Vector256<double> Distance(Vector256<double> q, Vector256<double> squaredNorm, Vector256<double> time, Vector256<double> rowSquaredNorm, Vector256<double> rowTime, out Vector256<double> denominator, out Vector256<double> self);

    /// <summary>a and b of row i from its <see cref="StressRowKernels.ColumnData.Time"/> entry.</summary>
    static abstract (double Self, double Row) RowScales(double time);
}

/// <summary>Whether a row reads its pairs' weights (Sammon, masks) or weighs every pair 1.</summary>
internal interface IStressWeighting
{
    /// <summary>True: read w_ij.</summary>
    static abstract bool Weighted { get; }
}

/// <summary>The per-pair arithmetic shared by the dense and the pair-list rows (<see cref="IStressGeometry"/>).</summary>
internal static class StressPairs
{
    /// <summary>Floor of the Euclidean derivative's denominator, the distance.</summary>
    public const double EuclideanFloor = 1e-200;

    /// <summary>Floor of the curved derivatives' denominators, √(t(t + 2)) = sinh d and sin d: near-coincident (and, on
    /// the sphere, antipodal) pairs are where ∂d/∂z = 1/√(z² − 1) blows up; the floor only damps pairs closer than it.</summary>
    public const double CurvedFloor = 1e-12;

    /// <summary>For four pairs: w(d − D)² returned, c = w(d − D)/denominator and s_j handed back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Residual<TGeometry>(Vector256<double> q, Vector256<double> squaredNorm, Vector256<double> time, Vector256<double> rowSquaredNorm, Vector256<double> rowTime, Vector256<double> target, Vector256<double> weight, out Vector256<double> coefficient, out Vector256<double> self)
        where TGeometry : IStressGeometry
    {
        var distance = TGeometry.Distance(q, squaredNorm, time, rowSquaredNorm, rowTime, out var denominator, out self);
        var residual = distance - target;
        var weighted = weight * residual;
        coefficient = weighted / denominator;
        return weighted * residual;
    }

    /// <summary>Weights read from the data.</summary>
    internal readonly struct Weights : IStressWeighting
    {
        /// <inheritdoc/>
        public static bool Weighted => true;
    }

    /// <summary>Every pair weighs 1.</summary>
    internal readonly struct UnitWeights : IStressWeighting
    {
        /// <inheritdoc/>
        public static bool Weighted => false;
    }

    /// <summary>κ = 0: d = ‖x_i − x_j‖, ∂d/∂x_i = (x_i − x_j)/d.</summary>
    internal readonly struct Euclidean : IStressGeometry
    {
        /// <inheritdoc/>
        public static bool UsesNorms => false;

        /// <inheritdoc/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Distance(Vector256<double> q, Vector256<double> squaredNorm, Vector256<double> time, Vector256<double> rowSquaredNorm, Vector256<double> rowTime, out Vector256<double> denominator, out Vector256<double> self)
        {
            var distance = Vector256.Sqrt(q);
            denominator = Vector256.MaxNative(distance, Vector256.Create(EuclideanFloor));
            self = Vector256<double>.One;
            return distance;
        }

        /// <inheritdoc/>
        public static (double Self, double Row) RowScales(double time) => (1, 1);
    }

    /// <summary>κ &lt; 0, reduced hyperboloid coordinates (x₀ = √(1 + ‖x‖²)): d = acosh(1 + t) with
    /// t = ½(‖x_i − x_j‖² − (x₀ᵢ − x₀ⱼ)²), and ∂z/∂x_ik = x_ik x₀ⱼ / x₀ᵢ − x_jk.</summary>
    internal readonly struct Hyperbolic : IStressGeometry
    {
        /// <inheritdoc/>
        public static bool UsesNorms => true;

        /// <inheritdoc/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Distance(Vector256<double> q, Vector256<double> squaredNorm, Vector256<double> time, Vector256<double> rowSquaredNorm, Vector256<double> rowTime, out Vector256<double> denominator, out Vector256<double> self)
        {
            // x₀ᵢ − x₀ⱼ = (‖x_i‖² − ‖x_j‖²)/(x₀ᵢ + x₀ⱼ): no cancellation of large products, so close pairs keep their accuracy.
            var gap = (squaredNorm - rowSquaredNorm) / (time + rowTime);
            var t = Vector256.MaxNative((q - (gap * gap)) * Vector256.Create(0.5), Vector256<double>.Zero);

            // sinh d = √(t(t + 2)); d = acosh(1 + t) = log(1 + (t + sinh d)).
            var sinh = Vector256.Sqrt((t + Vector256.Create(2.0)) * t);
            var distance = Vector256.Log((t + sinh) + Vector256<double>.One);
            denominator = Vector256.MaxNative(sinh, Vector256.Create(CurvedFloor));
            self = time;
            return distance;
        }

        /// <inheritdoc/>
        public static (double Self, double Row) RowScales(double time) => (1 / time, 1);
    }

    /// <summary>κ &gt; 0, on unit vectors u = y/‖y‖: chord c = ‖u_i − u_j‖, d = 2 asin(c/2) (accurate for close pairs),
    /// cos d = 1 − c²/2, sin d = c √(1 − c²/4); ∂d/∂y_i = (cos d · u_i − u_j) / (‖y_i‖ sin d), tangent to the sphere at
    /// y_i, so a step along −∇ keeps the radius to first order, and σ does not depend on ‖y_i‖ at all.</summary>
    internal readonly struct Spherical : IStressGeometry
    {
        /// <inheritdoc/>
        public static bool UsesNorms => false;

        /// <inheritdoc/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Distance(Vector256<double> q, Vector256<double> squaredNorm, Vector256<double> time, Vector256<double> rowSquaredNorm, Vector256<double> rowTime, out Vector256<double> denominator, out Vector256<double> self)
        {
            self = Vector256.FusedMultiplyAdd(q, Vector256.Create(-0.5), Vector256<double>.One);
            var sine = Vector256.Sqrt(Vector256.MaxNative(Vector256.FusedMultiplyAdd(q, Vector256.Create(-0.25), Vector256<double>.One), Vector256<double>.Zero) * q);
            var half = Vector256.MinNative(Vector256.Sqrt(q) * Vector256.Create(0.5), Vector256<double>.One);
            denominator = Vector256.MaxNative(sine, Vector256.Create(CurvedFloor));
            return ArcSine.Of(half) * Vector256.Create(2.0);
        }

        /// <inheritdoc/>
        public static (double Self, double Row) RowScales(double time) => (1, time > 0 ? 1 / time : 0);
    }
}
