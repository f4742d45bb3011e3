using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

/// <summary>"Similarity is enough": the sample's quick run as a process.</summary>
public class ChallengeSimilarityEnoughTests
{
    [Fact]
    public void AQuickRunComparesTheOriginalVectorsWithKappaMdsPairedBySplitWithAVerdictPerMethod()
    {
        string output = Path.Combine(Path.GetTempPath(), "simzsl-similarity-" + Guid.NewGuid().ToString("N"));
        try
        {
            string printed = SampleProcess.Quick("ChallengeSimilarityEnough", "--out", output);
            var tables = ResultTables.Parse(printed);
            Assert.Equal(2, tables.Count);
            var (accuracy, paired) = (tables[0], tables[1]);

            // --quick: three methods, two splits (so every cell has an interval).
            string[] methods = ["softmax (κ = 0)", "prototype (κ = +1)", "ridge (κ = 0)"];
            Assert.Equal(methods, accuracy.Rows.Select(r => r[0]));
            Assert.Equal(["method", "top-1: original", "top-1: κ-MDS", "H: original", "H: κ-MDS"], accuracy.Header);
            Assert.All(accuracy.Rows, row => Assert.All(row[1..], cell => Assert.InRange(SampleProcess.Mean(cell), 0, 100)));
            // Both kinds of prototype transfer: well above chance (20 % with 5 unseen classes) on average.
            Assert.All(accuracy.Rows, row => Assert.All(row[1..3], cell => Assert.InRange(SampleProcess.Mean(cell), 40, 100)));
            Assert.Matches(@"^similarity is enough on ZSL top-1 .*: (holds|undecided|does not hold) for \d of 3 methods", Assert.Single(accuracy.Verdicts));

            // The paired differences are the differences of the means (to rounding).
            Assert.Equal(methods, paired.Rows.Select(r => r[0]));
            for (int m = 0; m < methods.Length; m++)
            {
                Assert.Equal(SampleProcess.Mean(accuracy.Rows[m][2]) - SampleProcess.Mean(accuracy.Rows[m][1]), SampleProcess.Mean(paired.Rows[m][1]), 0.151);
                Assert.Equal(SampleProcess.Mean(accuracy.Rows[m][4]) - SampleProcess.Mean(accuracy.Rows[m][3]), SampleProcess.Mean(paired.Rows[m][2]), 0.151);
            }

            Assert.Equal(methods.Length, paired.Verdicts.Count);
            for (int m = 0; m < methods.Length; m++)
            {
                Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(methods[m])}: similarity is enough .*: (holds|undecided|does not hold) on ZSL top-1, (holds|undecided|does not hold) on calibrated H$", paired.Verdicts[m]);
            }

            Assert.Matches(@"total \d+ s$", printed.TrimEnd());
            Assert.True(new FileInfo(Path.Combine(output, "challenge-similarity-enough-accuracy.png")).Length > 1000);
            Assert.True(new FileInfo(Path.Combine(output, "challenge-similarity-enough-difference.png")).Length > 1000);
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
