using TorchSharp;

namespace SimZsl.Tests.Infrastructure;

/// <summary>Proves the native libtorch loads on this OS (the Debian 12 GLIBCXX fix in the build works).</summary>
public class TorchLoadTests
{
    [Fact]
    public void LibTorchLoadsAndComputes()
    {
        using var a = torch.tensor(new double[] { 1, 2, 3 });
        using var b = (a * a).sum();
        Assert.Equal(14.0, b.item<double>());
    }
}
