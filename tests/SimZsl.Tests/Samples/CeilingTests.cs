using SimZsl.Embedding;
using SimZsl.Samples.Shared;
using SimZsl.Samples.ZeroShotExperiments;
using SimZsl.Similarity;
using SimZsl.Tests.Infrastructure;
using SimZsl.ZeroShot;

namespace SimZsl.Tests.Samples;

/// <summary>The ceiling command of samples/ZeroShotExperiments, and the argument docs/results.md rests on: Fashion-MNIST's
/// WordNet similarity has two pairs of twin classes (identical similarity to every third class); renaming one twin as
/// the other changes nothing a method is given, and the ridge peer cannot separate them at all.</summary>
[Collection(LibTorchGlobalState.Name)]
public class CeilingTests
{
    [Fact]
    public void CeilingNamesTheTwinsAndMarksEverySplitThatHoldsBoth()
    {
        using var scratch = new ScratchFolder("simzsl-ceiling-");
        string output = scratch.Path;
        Assert.Equal(0, Ceiling.Run(new Arguments(["ceiling", "--k", "2", "--train-images", "1000", "--out", output])));

        var lines = File.ReadAllLines(Path.Combine(output, "ceiling-pca64.md"));
        Assert.EndsWith("; classes with identical similarity rows (apart from their own pair): Pullover and Coat; Sandal and Sneaker", lines[0], StringComparison.Ordinal);
        var perSplit = lines.SkipWhile(l => l != "Per split:").Where(l => l.StartsWith("| 2 |", StringComparison.Ordinal)).ToArray();
        Assert.Equal(45, perSplit.Length);   // every pair of the ten classes
        var marked = perSplit.Where(l => !l.EndsWith("| – |", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["| 2 | Pullover, Coat |", "| 2 | Sandal, Sneaker |"], marked.Select(l => l[..(l.IndexOf(" |", 8, StringComparison.Ordinal) + 2)]));
        Assert.EndsWith("| Pullover = Coat |", marked[0], StringComparison.Ordinal);

        // The summary row: 45 splits, and its means are the means of the rows above.
        string[] summary = lines.Single(l => l.StartsWith("| 2 | 45 |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        double Column(string row, int c) => double.Parse(row.Split('|', StringSplitOptions.TrimEntries)[c], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(perSplit.Average(l => Column(l, 3)), double.Parse(summary[3], System.Globalization.CultureInfo.InvariantCulture), 0.051);
        Assert.Equal(perSplit.Average(l => Column(l, 4)), double.Parse(summary[4], System.Globalization.CultureInfo.InvariantCulture), 0.051);
    }

    [Theory]
    [InlineData("Pullover", "Coat")]
    [InlineData("Sandal", "Sneaker")]
    public void TwinsAreOneClassToEveryInputAndTheRidgePeerCannotSeparateThem(string first, string second)
    {
        var data = ZeroShotData.Fashion(1000, pixels: false);
        var names = data.Similarity.ClassNames.ToArray();
        var renamed = data.Similarity.WithClassNames([.. names.Select(n => n == first ? second : n == second ? first : n)]);
        // Renaming one twin as the other gives the same labelled matrix: what a method is given does not change.
        foreach (string row in names)
        {
            foreach (string column in names)
            {
                Assert.Equal(data.Similarity[row, column], renamed[row, column]);
            }
        }

        // Swapping the twins is an isometry that fixes every other class, so the seen prototypes lie on the hyperplane
        // bisecting the twins, and so does every output of ridge regression onto them (a combination of the seen
        // prototypes): each test image is as far from one twin as from the other, and which one it is given is rounding.
        string[] unseen = [first, second];
        var (x, y, testX, _) = data.Split(unseen);
        var prototypes = new KappaMds(new KappaMdsOptions { Dimension = 8 }).Fit(data.Similarity.ToDistances()).Prototypes;
        var peer = RidgeRegressionBaseline.Fit(x, y, prototypes, null, lambda: 1);
        var scores = peer.Scores(testX, [prototypes.IndexOf(first), prototypes.IndexOf(second)]);
        double largestGap = Enumerable.Range(0, testX.Rows).Max(i => Math.Abs(scores[2 * i] - scores[(2 * i) + 1]));
        double scale = Enumerable.Range(0, scores.Length).Max(i => Math.Abs(scores[i]));
        Assert.InRange(largestGap, 0, 1e-9 * scale);
        Assert.True(prototypes.Distance(prototypes.IndexOf(first), prototypes.IndexOf(second)) > 0.4);   // yet the twins are far apart (arccos of 0.82 and 0.89)
    }
}
