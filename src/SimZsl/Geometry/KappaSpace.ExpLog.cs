using System.Numerics.Tensors;

namespace SimZsl.Geometry;

/// <summary>Exponential and logarithmic maps of <see cref="KappaSpace"/>.</summary>
public sealed partial record KappaSpace
{
    // Scratch vectors up to this length live on the stack; longer ones (rare: prototypes have tens of
    // dimensions) on the heap.
    private const int StackLimit = 256;

    /// <summary>Exponential map at the origin, exp_0(v) = tan_κ(‖v‖)·v/‖v‖: the point reached by following the
    /// geodesic from 0 with initial velocity v (whose Riemannian length is λ_0‖v‖ = 2‖v‖).</summary>
    public void ExpAtOrigin(ReadOnlySpan<double> v, Span<double> destination)
    {
        CheckDestination(v, destination);
        TensorPrimitives.Multiply(v, CurvedTrigonometry.TanRatio(TensorPrimitives.Norm(v), Curvature), destination);
    }

    /// <summary>exp_0(v) as a new array.</summary>
    public double[] ExpAtOrigin(ReadOnlySpan<double> v)
    {
        var result = new double[v.Length];
        ExpAtOrigin(v, result);
        return result;
    }

    /// <summary>Logarithmic map at the origin, log_0(y) = artan_κ(‖y‖)·y/‖y‖, the inverse of
    /// <see cref="ExpAtOrigin(ReadOnlySpan{double}, Span{double})"/>.</summary>
    public void LogAtOrigin(ReadOnlySpan<double> y, Span<double> destination)
    {
        CheckDestination(y, destination);
        TensorPrimitives.Multiply(y, CurvedTrigonometry.ArtanRatio(TensorPrimitives.Norm(y), Curvature), destination);
    }

    /// <summary>log_0(y) as a new array.</summary>
    public double[] LogAtOrigin(ReadOnlySpan<double> y)
    {
        var result = new double[y.Length];
        LogAtOrigin(y, result);
        return result;
    }

    /// <summary>Exponential map at x, exp_x(v) = x ⊕_κ (tan_κ(λ_x‖v‖/2)·v/‖v‖).</summary>
    /// <remarks>For κ &gt; 0 geodesics close: a velocity of Riemannian length λ_x‖v‖ ≥ π/√κ wraps past the
    /// antipode, and <see cref="Log(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/> then returns the
    /// shorter velocity, not v. For κ &lt; 0 a very long step (tanh saturating at 1) can round onto the boundary;
    /// the result is not projected, so call <see cref="Project(ReadOnlySpan{double}, Span{double}, double)"/> when
    /// it must be a valid point.</remarks>
    public void Exp(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> destination)
    {
        CheckSameDimension(x, v);
        CheckDestination(x, destination);
        double half = 0.5 * ConformalFactor(x);
        Span<double> step = v.Length <= StackLimit ? stackalloc double[v.Length] : new double[v.Length];
        TensorPrimitives.Multiply(v, half * CurvedTrigonometry.TanRatio(half * TensorPrimitives.Norm(v), Curvature), step);
        MobiusAdd(x, step, destination);
    }

    /// <summary>exp_x(v) as a new array.</summary>
    public double[] Exp(ReadOnlySpan<double> x, ReadOnlySpan<double> v)
    {
        var result = new double[x.Length];
        Exp(x, v, result);
        return result;
    }

    /// <summary>Logarithmic map at x, log_x(y) = (2/λ_x)·artan_κ(‖u‖)·u/‖u‖ with u = (−x) ⊕_κ y: the initial
    /// velocity of the geodesic from x that reaches y at time 1. The inverse of
    /// <see cref="Exp(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>.</summary>
    /// <remarks>For κ &gt; 0 the log is undefined at the antipode of x (every direction reaches it); the result is
    /// then not finite.</remarks>
    public void Log(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        CheckSameDimension(x, y);
        CheckDestination(x, destination);
        GyroDifference(x, y, destination);
        double scale = 2 / ConformalFactor(x) * CurvedTrigonometry.ArtanRatio(TensorPrimitives.Norm(destination), Curvature);
        TensorPrimitives.Multiply(destination, scale, destination);
    }

    /// <summary>u = (−x) ⊕_κ y, written in terms of s = y − x:
    /// u = ((1 + κ‖x‖²)·s + κ‖s‖²·x)/((1 + κ‖x‖²)(1 + κ‖y‖²) − κ‖s‖²).</summary>
    /// <remarks>Equal to <see cref="MobiusAdd(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/> of −x and
    /// y, but for close points far from the origin the textbook coefficients are differences of nearly equal
    /// numbers, and the small part of u along x drowns in their rounding; here it is κ‖s‖²·x, computed from s.</remarks>
    private void GyroDifference(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        double kappa = Curvature;
        double xx = 0, yy = 0, ss = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double gap = y[k] - x[k];
            xx += x[k] * x[k];
            yy += y[k] * y[k];
            ss += gap * gap;
        }

        double fx = 1 + (kappa * xx);
        double denominator = (fx * (1 + (kappa * yy))) - (kappa * ss);
        for (int k = 0; k < x.Length; k++)
        {
            destination[k] = ((fx * (y[k] - x[k])) + (kappa * ss * x[k])) / denominator;
        }
    }

    /// <summary>log_x(y) as a new array.</summary>
    public double[] Log(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var result = new double[x.Length];
        Log(x, y, result);
        return result;
    }
}
