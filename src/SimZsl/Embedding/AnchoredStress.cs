using SimZsl.Numerics;

namespace SimZsl.Embedding;

/// <summary>Per-class stress refinement against fixed landmarks (L-hydra+): for one placed class x,
/// σ(x) = ½ Σ_l (d_κ(x, x_l) − D_l)², minimised by L-BFGS over x alone. The landmarks never move, so every class is
/// independent (classes run in parallel) and the cost stays linear in the number of classes.
/// Works in unit-curvature internal coordinates and reuses the row kernel of the full stress.</summary>
internal sealed class AnchoredStress
{
    private readonly StressRowKernels.ColumnData _layout; // landmarks at 0..L−1, the moving point at L
    private readonly StressRowKernels.Buffers _buffers;
    private readonly double[] _target; // unit-scaled distances to the landmarks, then 0 for the point itself

    /// <summary>Prepares a per-thread workspace over internal landmark coordinates (L × columns, row-major).</summary>
    public AnchoredStress(double[] landmarks, int count, int columns, double curvature)
    {
        var padded = new double[(count + 1) * columns];
        landmarks.AsSpan(0, count * columns).CopyTo(padded);
        _layout = StressRowKernels.Transpose(padded, count + 1, columns, curvature);
        _buffers = new StressRowKernels.Buffers();
        _target = new double[count + 1];
        Count = count;
        Curvature = curvature;
    }

    /// <summary>Number of landmarks.</summary>
    public int Count { get; }

    /// <summary>The curvature (only its sign matters).</summary>
    public double Curvature { get; }

    /// <summary>Refines <paramref name="x"/> in place against distances to the landmarks (unit-scaled).</summary>
    public Lbfgs.Outcome Refine(double[] x, ReadOnlySpan<double> unitDistances, KappaMdsOptions options, CancellationToken cancellationToken)
    {
        SetTarget(unitDistances);
        double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(unitDistances, unitDistances) / 2);
        var outcome = Lbfgs.Minimize(Evaluate, x, options.MaxIterations, options.Tolerance, options.GradientTolerance, Math.Max(norm, 1e-300), null, cancellationToken);
        if (Curvature > 0)
        {
            double length = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<double>(x, x));
            System.Numerics.Tensors.TensorPrimitives.Divide(x, length, x);
        }

        return outcome;
    }

    /// <summary>Sets the distances to the landmarks (unit-scaled) that <see cref="Evaluate"/> compares against.</summary>
    public void SetTarget(ReadOnlySpan<double> unitDistances)
    {
        unitDistances.CopyTo(_target);
        _target[Count] = 0;
    }

    /// <summary>σ(x) and its gradient against the distances of the last <see cref="SetTarget"/>.</summary>
    public double Evaluate(double[] x, double[] gradient)
    {
        StressRowKernels.SetPoint(_layout, Count, x);
        return 0.5 * StressRowKernels.Row(Count, _layout, _target, null, _buffers, gradient);
    }
}
