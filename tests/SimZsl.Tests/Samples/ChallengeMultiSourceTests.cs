using SimZsl.Embedding;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;

namespace SimZsl.Tests.Samples;

/// <summary>Challenge II: the agreement measure on a tiny example, and the sample's quick run as a process.</summary>
public class ChallengeMultiSourceTests
{
    [Fact]
    public void AnEmbeddingAgreesFullyWithItselfOnASubsetAndLessWhenItsRowsAreShuffled()
    {
        var random = new Random(3);
        var names = Enumerable.Range(0, 12).Select(i => $"c{i}").ToArray();
        var points = RowMatrix.FromRows([.. names.Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() })]);
        var all = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = 0 }).Fit(SimilarityMatrix.FromVectors(names, points).ToDistances());
        var selected = MultiSourceChallenge.Select(all.Prototypes, ["c3", "c1"]);
        Assert.Equal(["c3", "c1"], selected.ClassNames);
        Assert.Equal(all.Prototypes.Coordinates.RowArray(3), selected.Coordinates.RowArray(0));

        // A source whose own embedding is the larger one restricted to its 8 classes: the same neighbours.
        var own = all with { Prototypes = MultiSourceChallenge.Select(all.Prototypes, names[..8]) };
        Assert.Equal(1.0, MultiSourceChallenge.Agreement(all.Prototypes, own), 9);

        // The same coordinates under other names: the neighbourhoods no longer match.
        var shuffled = all.Prototypes with { ClassNames = [.. names.Reverse()] };
        Assert.InRange(MultiSourceChallenge.Agreement(shuffled, own), 0, 0.8);
        Assert.Throws<SimZslException>(() => MultiSourceChallenge.Select(all.Prototypes, ["nope"]));
    }

    [Fact]
    public void AQuickRunPrintsAccuracyPairedDifferencesAndAgreementWithIntervalsAndVerdicts()
    {
        string output = Path.Combine(Path.GetTempPath(), "simzsl-multisource-" + Guid.NewGuid().ToString("N"));
        try
        {
            string printed = SampleProcess.Quick("ChallengeMultiSource", "--out", output);
            var tables = ResultTables.Parse(printed);
            Assert.Equal(3, tables.Count);
            var (accuracy, paired, agreement) = (tables[0], tables[1], tables[2]);

            // --quick: softmax and ridge at κ = 0, three pipelines, two draws (so every cell has an interval).
            Assert.StartsWith("Challenge II:", accuracy.Title, StringComparison.Ordinal);
            Assert.Equal(["softmax (κ = 0)", "ridge (κ = 0)"], accuracy.Rows.Select(r => r[0]));
            Assert.Equal(7, accuracy.Header.Length);
            Assert.All(accuracy.Rows, row => Assert.All(row[1..], cell => Assert.InRange(SampleProcess.Mean(cell), 0, 100)));
            // aPY's attributes place the aPascal classes well: far above chance (20 %) on average.
            Assert.All(accuracy.Rows, row => Assert.InRange(SampleProcess.Mean(row[2]), 40, 100));
            Assert.Contains("zero-shot transfer with every knowledge", Assert.Single(accuracy.Verdicts), StringComparison.Ordinal);

            // The paired differences are the differences of the means (to rounding), per method and alternative.
            Assert.Equal(["method", "top-1: multi-source − aPY alone", "top-1: multi-source − WordNet for all", "H: multi-source − aPY alone", "H: multi-source − WordNet for all"], paired.Header);
            for (int m = 0; m < 2; m++)
            {
                for (int p = 0; p < 2; p++)
                {
                    double expected = SampleProcess.Mean(accuracy.Rows[m][1]) - SampleProcess.Mean(accuracy.Rows[m][2 + p]);
                    Assert.Equal(expected, SampleProcess.Mean(paired.Rows[m][1 + p]), 0.151);
                }
            }

            Assert.Equal(4, paired.Verdicts.Count);
            Assert.All(paired.Verdicts, v => Assert.Matches("^(softmax|ridge) \\(κ = 0\\), multi-source against (aPY alone|WordNet for all): ZSL top-1 multi-source (better|worse|indistinguishable), calibrated H multi-source (better|worse|indistinguishable)$", v));

            // Agreement with each source's own embedding, at the one κ of the quick methods.
            Assert.Equal([["AWA2", "0"], ["aPY", "0"]], agreement.Rows.Select(r => r[..2]));
            Assert.All(agreement.Rows, row => Assert.All(row[2..], cell => Assert.InRange(SampleProcess.Mean(cell), 0, 1)));
            // Each source's attributes shape its part of the joined embedding far more than WordNet's do.
            Assert.All(agreement.Rows, row => Assert.True(SampleProcess.Mean(row[2]) > SampleProcess.Mean(row[3]), string.Join(" | ", row)));
            Assert.Equal(2, agreement.Verdicts.Count);
            Assert.All(agreement.Verdicts, v => Assert.Contains("neighbour MAP ≥ 0.8", v, StringComparison.Ordinal));

            Assert.Matches(@"total \d+ s$", printed.TrimEnd());
            foreach (string png in new[] { "accuracy", "difference", "agreement" })
            {
                Assert.True(new FileInfo(Path.Combine(output, $"challenge-multi-source-{png}.png")).Length > 1000);
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
