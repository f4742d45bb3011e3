using SimZsl.Numerics;
using SimZsl.Tests.Infrastructure;
using SimZsl.ZeroShot;
using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.Tests.Numerics;

/// <summary>The optimiser against the AdamW update computed by hand, and against TorchSharp's AdamW.</summary>
[Collection(LibTorchGlobalState.Name)]
public class DecoupledAdamTests
{
    [Fact]
    public void TwoStepsMatchTheUpdateComputedByHand()
    {
        using var weight = new TorchSharp.Modules.Parameter(tensor(new double[] { 1.0, -2.0 }));
        using var optimizer = new DecoupledAdam([weight], weightDecay: 0.1);
        double[] theta = [1.0, -2.0], m = [0, 0], v = [0, 0];
        double[][] gradients = [[0.5, -1.0], [0.25, 3.0]];
        for (int t = 1; t <= 2; t++)
        {
            optimizer.ZeroGrad();
            using (var g = tensor(gradients[t - 1]))
            {
                using var loss = weight.mul(g).sum();   // ∂loss/∂θ = g
                loss.backward();
            }

            optimizer.Step(0.01);
            for (int k = 0; k < 2; k++)
            {
                double g = gradients[t - 1][k];
                theta[k] *= 1 - (0.01 * 0.1);
                m[k] = (0.9 * m[k]) + (0.1 * g);
                v[k] = (0.999 * v[k]) + (0.001 * g * g);
                double denominator = (Math.Sqrt(v[k]) / Math.Sqrt(1 - Math.Pow(0.999, t))) + 1e-8;
                theta[k] -= 0.01 / (1 - Math.Pow(0.9, t)) * m[k] / denominator;
            }
        }

        var actual = weight.detach().data<double>().ToArray();
        Assert.Equal(theta[0], actual[0], 14);
        Assert.Equal(theta[1], actual[1], 14);
        Assert.Equal(2, optimizer.Steps);
    }

    [Fact]
    public void SameBitsAsTorchSharpsAdamW()
    {
        manual_seed(3);
        using var start = randn(5, 4);
        using var gradient = randn(5, 4);
        using var ours = new TorchSharp.Modules.Parameter(start.clone());
        using var theirs = new TorchSharp.Modules.Parameter(start.clone());
        using var decoupled = new DecoupledAdam([ours], weightDecay: 0.01);
        using var reference = optim.AdamW([theirs], lr: 0.003, weight_decay: 0.01);
        for (int step = 0; step < 5; step++)
        {
            foreach (var (p, stepper) in new (TorchSharp.Modules.Parameter, Action)[] { (ours, () => decoupled.Step(0.003)), (theirs, () => reference.step()) })
            {
                using var scope = NewDisposeScope();
                p.grad?.zero_();
                p.mul(gradient).sum().mul(tensor(step + 1.0)).backward();
                stepper();
            }
        }

        Assert.Equal(theirs.detach().data<float>().ToArray(), ours.detach().data<float>().ToArray());
    }
}
