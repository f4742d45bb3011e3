using SimZsl.Samples.Shared;

namespace SimZsl.Tests.Samples;

/// <summary>samples/ChallengeFidelity --quick run as a user runs it (a process, after the solution's build): AWA2 at
/// p = 0 and 50 % and L = all and 1, three draws. Its tables parse, the like-for-like reference shows (at p = 0 the
/// partial pipeline is the reference's, so MAP is exactly 1), and the verdicts and pictures are there.</summary>
public class ChallengeFidelityTests
{
    [Fact]
    public void AQuickRunPrintsTheTablesVerdictsAndPictures()
    {
        string output = Path.Combine(Path.GetTempPath(), "simzsl-fidelity-" + Guid.NewGuid().ToString("N"));
        try
        {
            string printed = SampleProcess.Quick("ChallengeFidelity", "--seed", "0", "--out", output);

            var tables = ResultTables.Parse(printed);
            Assert.Equal(3, tables.Count);   // the p = 50 % summary, then AWA2's missing-fraction and landmark tables
            var (halfway, missing, landmarks) = (tables[0], tables[1], tables[2]);

            Assert.StartsWith("Fidelity at p = 50 %", halfway.Title, StringComparison.Ordinal);
            Assert.Equal(["AWA2", "AWA2", "AWA2"], halfway.Rows.Select(r => r[0]));
            Assert.Equal(["0", "+1", "-1"], halfway.Rows.Select(r => r[2]));
            Assert.Contains("AWA2: \"≥ 50 % missing still works\"", Assert.Single(halfway.Verdicts), StringComparison.Ordinal);

            Assert.Equal(["0 %", "50 %"], missing.Rows.Select(r => r[0]));
            Assert.Equal(7, missing.Header.Length);   // p, MAP and hidden-pair distortion per geometry
            for (int c = 1; c <= 3; c++)
            {
                // Nothing hidden: the same pipeline on the same distances gives the reference back.
                Assert.Equal((1.0, 1.0), ResultTables.Interval(missing.Rows[0][c]));
                Assert.Null(ResultTables.Interval(missing.Rows[0][c + 3]));
                // Half the pairs hidden: neighbours are lost and the hidden pairs are recovered only roughly.
                var map = ResultTables.Interval(missing.Rows[1][c])!.Value;
                Assert.True(map.Upper < 0.95 && map.Lower > 0.1, missing.Rows[1][c]);
                var distortion = ResultTables.Interval(missing.Rows[1][c + 3])!.Value;
                Assert.True(distortion.Lower > 0.01 && distortion.Upper < 1, missing.Rows[1][c + 3]);
                // The summary repeats the p = 50 % row.
                Assert.Equal(missing.Rows[1][c], halfway.Rows[c - 1][4]);
            }

            Assert.Equal(3, missing.Verdicts.Count);
            Assert.All(missing.Verdicts, v => Assert.Contains("neighbour MAP ≥ 0.9", v, StringComparison.Ordinal));

            Assert.Equal(["40 (all)", "1"], landmarks.Rows.Select(r => r[0]));   // 50 classes, 10 rare
            Assert.Contains("the 10 rare classes", landmarks.Title, StringComparison.Ordinal);
            Assert.Equal(3, landmarks.Verdicts.Count);
            // One landmark keeps less of the neighbourhoods than all of them, in every geometry.
            Assert.All([1, 2, 3], c => Assert.True(
                ResultTables.Interval(landmarks.Rows[1][c])!.Value.Lower < ResultTables.Interval(landmarks.Rows[0][c])!.Value.Upper));

            Assert.Matches(@"^total \d+ s$", printed.TrimEnd().Split('\n')[^1]);
            Assert.True(new FileInfo(Path.Combine(output, "fidelity-missing-awa2.png")).Length > 1000);
            Assert.True(new FileInfo(Path.Combine(output, "fidelity-landmarks-awa2.png")).Length > 1000);
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
