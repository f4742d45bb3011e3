using TorchSharp;
using TorchSharp.Modules;
using static SimZsl.Numerics.KeptScalars;
using static TorchSharp.torch;

namespace SimZsl.Numerics;

/// <summary>AdamW: Adam with decoupled weight decay (Loshchilov and Hutter), the update of PyTorch's
/// <c>torch.optim.AdamW</c> without AMSGrad, over a fixed list of parameters.</summary>
/// <remarks>Written here rather than taken from TorchSharp because TorchSharp's AdamW passes libtorch scalars
/// that nothing keeps alive (see <see cref="KeptScalars"/>): under load a garbage collection freed them in the
/// middle of a step, which failed with "Scalar.h toFloat" or, worse, updated the weights with garbage. Here the
/// constants are kept scalars and the three per-step values are locals disposed after the step.
/// Per parameter θ with gradient g, at step t with learning rate η and weight decay λ:
/// θ ← θ(1 − ηλ); m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← θ − η/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε).
/// One step count t serves all parameters (PyTorch keeps one per parameter; they differ only for parameters that
/// sometimes get no gradient, which the encoders here do not have).</remarks>
internal sealed class DecoupledAdam : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _first;
    private readonly Tensor[] _second;
    private readonly double _weightDecay;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;

    /// <summary>Zero moments for every parameter.</summary>
    public DecoupledAdam(IEnumerable<Parameter> parameters, double weightDecay, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        _parameters = parameters.ToArray();
        _first = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _second = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        (_weightDecay, _beta1, _beta2) = (weightDecay, beta1, beta2);
        (_beta1Scalar, _beta2Scalar, _oneMinusBeta1, _oneMinusBeta2, _epsilon) = (Kept(beta1), Kept(beta2), Kept(1 - beta1), Kept(1 - beta2), Kept(epsilon));
    }

    /// <summary>Steps taken.</summary>
    public long Steps { get; private set; }

    /// <summary>Sets every gradient to zero.</summary>
    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (var p in _parameters)
        {
            p.grad?.zero_();
        }
    }

    /// <summary>One update with learning rate <paramref name="learningRate"/> from the current gradients
    /// (parameters without a gradient are left alone).</summary>
    public void Step(double learningRate)
    {
        Steps++;
        double correction1 = 1 - Math.Pow(_beta1, Steps);
        double correction2 = 1 - Math.Pow(_beta2, Steps);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var decay = (1 - (learningRate * _weightDecay)).ToScalar();
        using var stepSize = (-learningRate / correction1).ToScalar();
        using var root = Math.Sqrt(correction2).ToScalar();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var g = _parameters[i].grad;
            if (g is null)
            {
                continue;
            }

            _parameters[i].mul_(decay);
            _first[i].mul_(_beta1Scalar).add_(g, _oneMinusBeta1);
            _second[i].mul_(_beta2Scalar).addcmul_(g, g, _oneMinusBeta2);
            var denominator = _second[i].sqrt().div_(root).add_(_epsilon, One);
            _parameters[i].addcdiv_(_first[i], denominator, stepSize);
        }
    }

    /// <summary>Frees the moments.</summary>
    public void Dispose()
    {
        foreach (var t in _first.Concat(_second))
        {
            t.Dispose();
        }
    }
}
