using SimZsl.Embedding;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;

namespace SimZsl.Tests.Challenges;

/// <summary>The three seeded challenge protocols: masks symmetric, fractions exact, same seed same mask, rare rows
/// see only their landmarks, multi-source cross blocks partial and within-source blocks whole.</summary>
public sealed class ChallengeProtocolTests
{
    [Theory]
    [InlineData(20, 0.0)]
    [InlineData(20, 0.3)]
    [InlineData(20, 0.5)]
    [InlineData(37, 0.9)]
    public void RandomMissing_HidesExactlyTheFractionOfPairs_Symmetrically(int n, double p)
    {
        var mask = RandomMissingChallenge.Mask(n, p, seed: 5, keepConnected: false);
        int pairs = n * (n - 1) / 2;
        Assert.Equal((int)Math.Round(p * pairs, MidpointRounding.AwayFromZero), HiddenPairs(mask, n));
        AssertSymmetricWithObservedDiagonal(mask, n);
    }

    [Fact]
    public void RandomMissing_KeepsASpanningTree_AndCapsTheFractionThere()
    {
        const int n = 20;
        var mask = RandomMissingChallenge.Mask(n, 0.9, seed: 3);
        Assert.Equal(171, HiddenPairs(mask, n));   // 190 pairs − 19 tree edges = 171 = 90 % exactly
        Assert.True(Connected(mask, n));
        var capped = RandomMissingChallenge.Mask(n, 0.99, seed: 3);
        Assert.Equal(171, HiddenPairs(capped, n));
        Assert.True(Connected(capped, n));
        AssertSymmetricWithObservedDiagonal(capped, n);
    }

    [Fact]
    public void RandomMissing_SameSeedSameMask_OtherSeedOtherMask()
    {
        Assert.Equal(RandomMissingChallenge.Mask(30, 0.5, 11), RandomMissingChallenge.Mask(30, 0.5, 11));
        Assert.NotEqual(RandomMissingChallenge.Mask(30, 0.5, 11), RandomMissingChallenge.Mask(30, 0.5, 12));
    }

    [Fact]
    public void RandomMissing_OnExactData_IsStillEmbeddedWell()
    {
        var distances = Exact(24, 3, seed: 1);
        var masked = RandomMissingChallenge.Apply(distances, 0.5, seed: 2);
        Assert.Equal(138, masked.MissingPairCount);   // round(0.5 · 276)
        var result = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = 0 }).Fit(masked);
        var full = result.Distances();
        double worst = 0;
        for (int i = 0; i < 24; i++)
        {
            for (int j = 0; j < 24; j++)
            {
                worst = Math.Max(worst, Math.Abs(full[i, j] - distances[i, j]));
            }
        }

        Assert.True(worst < 1e-3, $"largest error over all pairs, hidden ones included: {worst}");
    }

    [Fact]
    public void RandomMissing_RejectsFractionsOutsideTheRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomMissingChallenge.Mask(10, 1.0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomMissingChallenge.Mask(10, -0.1, 0));
    }

    [Fact]
    public void RareClasses_RowsSeeOnlyTheLandmarks_AndTheRestIsWhole()
    {
        var distances = Exact(15, 2, seed: 4);
        string[] rare = ["c3", "c7", "c11"];
        var landmarks = RareClassChallenge.ChooseLandmarks(distances, rare, 4, seed: 9);
        Assert.Equal(4, landmarks.Count);
        Assert.Empty(landmarks.Intersect(rare));
        var masked = RareClassChallenge.Apply(distances, rare, landmarks);
        for (int i = 0; i < 15; i++)
        {
            for (int j = 0; j < 15; j++)
            {
                string a = masked.ClassNames[i], b = masked.ClassNames[j];
                bool rareInvolved = rare.Contains(a) || rare.Contains(b);
                bool expected = i == j || !rareInvolved
                    || (rare.Contains(a) && landmarks.Contains(b)) || (rare.Contains(b) && landmarks.Contains(a));
                Assert.Equal(expected, masked.IsObserved(i, j));
                Assert.Equal(masked.IsObserved(i, j), masked.IsObserved(j, i));
            }
        }

        // 3 rare rows × (14 others − 4 landmarks) pairs each, minus the 3 rare–rare pairs counted twice.
        Assert.Equal((3 * 10) - 3, masked.MissingPairCount);
    }

    [Fact]
    public void RareClasses_LandmarkChoiceIsSeeded_AndBadRequestsAreRefused()
    {
        var distances = Exact(12, 2, seed: 4);
        string[] rare = ["c0", "c1"];
        Assert.Equal(RareClassChallenge.ChooseLandmarks(distances, rare, 5, 1), RareClassChallenge.ChooseLandmarks(distances, rare, 5, 1));
        Assert.Throws<ArgumentException>(() => RareClassChallenge.ChooseLandmarks(distances, rare, 11, 1));
        Assert.Throws<ArgumentException>(() => RareClassChallenge.Apply(distances, rare, ["c0", "c5"]));
        Assert.Throws<ArgumentException>(() => RareClassChallenge.Apply(distances, ["nope"], ["c5"]));
    }

    [Fact]
    public void MultiSource_KeepsTheFractionOfCrossPairs_AndWholeWithinBlocks()
    {
        var all = SimilarityFromPoints(14, seed: 6);
        var firstIdx = Enumerable.Range(0, 6).ToArray();
        var secondIdx = Enumerable.Range(6, 8).ToArray();
        var first = all.Subset(firstIdx);
        var second = all.Subset(secondIdx);
        var joined = MultiSourceChallenge.Join("A", first, "B", second, all, 0.25, seed: 8).ToSimilarityMatrix();
        Assert.Equal(48 - 12, joined.MissingPairCount);   // 6 · 8 cross pairs, round(0.25 · 48) = 12 kept
        for (int i = 0; i < 14; i++)
        {
            for (int j = 0; j < 14; j++)
            {
                bool cross = (i < 6) != (j < 6);
                if (!cross)
                {
                    Assert.True(joined.IsObserved(i, j));
                }

                if (joined.IsObserved(i, j))
                {
                    Assert.Equal(all[joined.ClassNames[i], joined.ClassNames[j]], joined[i, j], 12);
                }
            }
        }

        var again = MultiSourceChallenge.Join("A", first, "B", second, all, 0.25, seed: 8).ToSimilarityMatrix();
        var other = MultiSourceChallenge.Join("A", first, "B", second, all, 0.25, seed: 9).ToSimilarityMatrix();
        Assert.Equal(ObservedPattern(joined), ObservedPattern(again));
        Assert.NotEqual(ObservedPattern(joined), ObservedPattern(other));
        Assert.Throws<ArgumentException>(() => MultiSourceChallenge.Join("A", first, "B", second, all.Subset(firstIdx), 0.5, 0));
    }

    private static bool[] ObservedPattern(ClassMatrix m) =>
        Enumerable.Range(0, m.Count * m.Count).Select(k => m.IsObserved(k / m.Count, k % m.Count)).ToArray();

    private static int HiddenPairs(bool[] mask, int n)
    {
        int hidden = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                hidden += mask[(i * n) + j] ? 0 : 1;
            }
        }

        return hidden;
    }

    private static void AssertSymmetricWithObservedDiagonal(bool[] mask, int n)
    {
        for (int i = 0; i < n; i++)
        {
            Assert.True(mask[(i * n) + i]);
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(mask[(i * n) + j], mask[(j * n) + i]);
            }
        }
    }

    private static bool Connected(bool[] mask, int n)
    {
        var seen = new bool[n];
        var stack = new Stack<int>([0]);
        seen[0] = true;
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            for (int j = 0; j < n; j++)
            {
                if (!seen[j] && mask[(i * n) + j])
                {
                    seen[j] = true;
                    stack.Push(j);
                }
            }
        }

        return seen.All(s => s);
    }

    private static DistanceMatrix Exact(int n, int d, int seed)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble() * 4).ToArray()).ToArray();
        var values = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                values[i, j] = Math.Sqrt(points[i].Zip(points[j], (a, b) => (a - b) * (a - b)).Sum());
            }
        }

        return DistanceMatrix.Create(Enumerable.Range(0, n).Select(i => $"c{i}").ToArray(), values);
    }

    private static SimilarityMatrix SimilarityFromPoints(int n, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, 5).Select(_ => random.NextDouble()).ToArray()).ToList();
        return SimilarityMatrix.FromVectors(Enumerable.Range(0, n).Select(i => $"k{i}").ToArray(), RowMatrix.FromRows(rows));
    }
}
