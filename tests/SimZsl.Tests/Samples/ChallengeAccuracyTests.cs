using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

/// <summary>The pieces challenges III and IV share: the
/// compared methods, and the per-class cap on training instances that keeps every method of a run on the same rows.</summary>
public class ChallengeAccuracyTests
{
    [Fact]
    public void TheComparedMethodsAreTheHeadsInTheirNaturalGeometryAndThePeersAtKappaZero()
    {
        var methods = ChallengeAccuracy.ComparedMethods(10);
        Assert.Equal(["softmax (κ = 0)", "prototype (κ = +1)", "hyperbolic (κ = -1)", "ridge (κ = 0)", "eszsl (κ = 0)", "sae (κ = 0)"], methods.Select(m => m.Label));
        Assert.Equal([false, false, false, true, true, true], methods.Select(m => m.IsPeer));
        // The heads' grid: three anchor weights × the distinct epochs {10, E}.
        Assert.Equal(3, methods[0].Candidates(0).Count);
        Assert.Equal(6, ChallengeAccuracy.ComparedMethods(30)[1].Candidates(0).Count);
        Assert.Contains("epochs {10, 30}", ChallengeAccuracy.SelectionText(30), StringComparison.Ordinal);
        Assert.Contains("epochs {10}", ChallengeAccuracy.SelectionText(10), StringComparison.Ordinal);
    }

    [Fact]
    public void TheCapKeepsAtMostThatManySeenInstancesPerClassSeededAndLeavesTheTestRowsAlone()
    {
        var set = ChallengeDataSet.APascal();
        string[] unseen = [.. set.Data.ClassNames.Take(5)];
        var full = set.Data.Split(unseen);
        var capped = set.Capped(30, seed: 1).Split(unseen);

        var counts = capped.TrainY.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(15, counts.Count);
        Assert.DoesNotContain(unseen, counts.ContainsKey);
        Assert.All(counts, c => Assert.Equal(Math.Min(30, full.TrainY.Count(y => y == c.Key)), c.Value));
        Assert.Equal(capped.TrainY.Length, capped.TrainX.Rows);
        Assert.Equal(full.TestY, capped.TestY);

        Assert.Equal(capped.TrainX.AsSpan().ToArray(), set.Capped(30, seed: 1).Split(unseen).TrainX.AsSpan().ToArray());
        Assert.NotEqual(capped.TrainX.AsSpan().ToArray(), set.Capped(30, seed: 2).Split(unseen).TrainX.AsSpan().ToArray());
    }

    [Fact]
    public void TheChanceLevelsAreAUniformGuess()
    {
        var set = ChallengeDataSet.APascal();
        Assert.Equal(0.2, set.ZslChance, 12);
        Assert.Equal(0.05, set.GzslChance, 12);
        var splits = set.Splits(10);
        Assert.Equal(10, splits.Count);
        Assert.Equal(10, splits.Select(s => string.Join(",", s)).Distinct().Count());
        Assert.All(splits, s => Assert.Equal(5, s.Length));
    }
}
