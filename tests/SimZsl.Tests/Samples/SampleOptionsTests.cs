using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

public class SampleOptionsTests
{
    [Fact]
    public void ANameFollowedByAnotherNameOrNothingIsASwitch()
    {
        var options = new SampleOptions(["--quick", "--seed", "3", "--out", "o", "--write-docs"]);
        Assert.True(options.Flag("quick"));
        Assert.True(options.Flag("write-docs"));
        Assert.False(options.Flag("seed"));
        Assert.Equal(3, options.Int("seed", 0));
        Assert.Equal("o", options.Text("out"));
        Assert.Equal(7, options.Int("draws", 7));
    }

    [Fact]
    public void AValueWithoutANameIsRefusedWithTheOffendingArgument()
    {
        var error = Assert.Throws<ArgumentException>(() => new SampleOptions(["--seed", "1", "2"]));
        Assert.Contains("'2'", error.Message);
    }
}
