using SimZsl.Embedding;
using SimZsl.Geometry;
using SimZsl.Similarity;
using Xunit.Abstractions;

namespace SimZsl.Tests.Missing;

public class LandmarkMdsTests(ITestOutputHelper output)
{
    public static TheoryData<double> Curvatures => [-4.0, -1.0, -0.1, 0.0, 0.5, 1.0, 3.0];

    [Theory]
    [MemberData(nameof(Curvatures))]
    public void DPlusOneLandmarksRecoverExactDataExactly(double curvature)
    {
        var points = ExactData.Points(60, 3, curvature, seed: 21);
        var truth = ExactData.Distances(points);
        var landmarks = points.ClassNames.Take(4).ToArray();
        var result = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = curvature, Landmarks = landmarks }).Fit(truth);
        Assert.Equal(truth.ClassNames, result.Prototypes.ClassNames);
        Assert.Equal(landmarks, result.LandmarkNames);
        double error = ExactData.MaxScaledError(result.Prototypes, truth);
        double placement = PlacementStress(result, truth, landmarks);
        output.WriteLine($"κ = {curvature}: max |d − D| / max D = {error:G3}, placement stress {placement:G3}");
        Assert.True(error <= 1e-7, $"κ = {curvature}: max scaled error {error:G3}");
        Assert.True(placement <= 1e-12 * truth.MaxDistance * truth.MaxDistance);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void ThirtyLandmarksPlaceThreeThousandClassesFromTheirBlocksAlone(double curvature)
    {
        // Only the 30 × 30 block and the 3000 × 30 block are built: the full matrix never exists.
        const int l = 30, m = 3000, d = 5;
        var points = ExactData.Points(l + m, d, curvature, seed: 22);
        var landmarkNames = points.ClassNames.Take(l).ToArray();
        var otherNames = points.ClassNames.Skip(l).ToArray();
        var block = new double[l * l];
        for (int i = 0; i < l; i++)
        {
            for (int j = 0; j < l; j++)
            {
                block[(i * l) + j] = i == j ? 0 : points.Distance(i, j);
            }
        }

        var toLandmarks = new double[m * l];
        for (int a = 0; a < m; a++)
        {
            for (int b = 0; b < l; b++)
            {
                toLandmarks[(a * l) + b] = points.Distance(l + a, b);
            }
        }

        var result = new KappaMds(new KappaMdsOptions { Dimension = d, Curvature = curvature }).Fit(
            DistanceMatrix.Create(landmarkNames, block),
            LandmarkDistances.Create(landmarkNames, otherNames, new RowMatrix(m, l, toLandmarks)));

        // Every placed class against 200 random others (placed or landmark): the distances were never given.
        var random = new Random(5);
        double worst = 0, scale = 0;
        for (int t = 0; t < 20000; t++)
        {
            int i = random.Next(l + m), j = random.Next(l + m);
            double truth = points.Distance(i, j);
            scale = Math.Max(scale, truth);
            worst = Math.Max(worst, Math.Abs(result.Prototypes.Distance(i, j) - truth));
        }

        output.WriteLine($"κ = {curvature}: worst |d − D| over 20000 pairs {worst:G3} (max D {scale:G3}) in {result.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(l + m, result.Prototypes.ClassNames.Count);
        Assert.True(worst <= 1e-7 * scale, $"worst {worst:G3}");
    }

    [Fact]
    public void LandmarkColumnsMayComeInAnyOrder()
    {
        var points = ExactData.Points(20, 2, -1, seed: 23);
        var truth = ExactData.Distances(points);
        var landmarks = new[] { "c3", "c7", "c1", "c12" };
        var reversed = landmarks.Reverse().ToArray();
        var block = truth.Subset(landmarks.Select(truth.IndexOf).ToArray());
        var others = LandmarkDistances.FromMatrix(truth, reversed);
        var result = new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = -1 }).Fit(block, others);
        Assert.Equal(landmarks.Concat(others.ClassNames), result.Prototypes.ClassNames);
        Assert.True(PlacementStress(result, truth, landmarks) < 1e-20);
    }

    [Fact]
    public void FarthestPointChoiceIsSeededSpreadAndRecoversExactData()
    {
        var points = ExactData.Points(150, 3, 0, seed: 24);
        var truth = ExactData.Distances(points);
        var first = LandmarkSelection.FarthestPoint(truth, 10, seed: 3);
        Assert.Equal(first, LandmarkSelection.FarthestPoint(truth, 10, seed: 3));
        Assert.Equal(10, first.Distinct().Count());

        // Max-min property: the 10th landmark is at least as far from the first nine as any other class is.
        var chosen = first.Select(truth.IndexOf).ToArray();
        double Nearest(int i, int upTo) => chosen.Take(upTo).Min(c => truth[i, c]);
        double tenth = Nearest(chosen[9], 9);
        Assert.All(Enumerable.Range(0, 150).Where(i => !chosen.Contains(i)), i => Assert.True(Nearest(i, 9) <= tenth + 1e-12));

        var result = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = 0, Seed = 3, LandmarkCount = 10 }).Fit(truth);
        Assert.Equal(first, result.LandmarkNames);
        Assert.True(ExactData.MaxScaledError(result.Prototypes, truth) <= 1e-7);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void PerClassRefinementLowersThePlacementStressOnNoisyData(double curvature)
    {
        // Points in 4 dimensions embedded in 2: the closed form is only a projection, refinement must do better.
        var points = ExactData.Points(300, 4, curvature, seed: 25);
        var truth = ExactData.Distances(points);
        var landmarks = LandmarkSelection.FarthestPoint(truth, 25, seed: 1);
        var plain = new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = curvature, Landmarks = landmarks }).Fit(truth);
        var refined = new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = curvature, Landmarks = landmarks, Refine = true }).Fit(truth);
        double plainPlacement = PlacementStress(plain, truth, landmarks), refinedPlacement = PlacementStress(refined, truth, landmarks);
        output.WriteLine($"κ = {curvature}: placement stress {plainPlacement:G4} → {refinedPlacement:G4} ({refined.Iterations} iterations, converged {refined.Converged})");
        Assert.True(refinedPlacement < 0.95 * plainPlacement);
        Assert.True(LandmarkStress(refined, truth, landmarks) <= LandmarkStress(plain, truth, landmarks) * (1 + 1e-12));
        Assert.True(refined.Iterations > 0);
    }

    // ½ Σ (d − D)² over (placed class, landmark) pairs, by class name.
    private static double PlacementStress(KappaMdsResult result, DistanceMatrix truth, IReadOnlyList<string> landmarks) =>
        Stress(result, truth, result.ClassNames.Except(landmarks), landmarks);

    // ½ Σ_{i<j} (d − D)² over the landmark block.
    private static double LandmarkStress(KappaMdsResult result, DistanceMatrix truth, IReadOnlyList<string> landmarks) =>
        Stress(result, truth, landmarks, landmarks) / 2;

    private static double Stress(KappaMdsResult result, DistanceMatrix truth, IEnumerable<string> rows, IReadOnlyList<string> columns)
    {
        var index = result.ClassNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        double stress = 0;
        foreach (string a in rows)
        {
            foreach (string b in columns.Where(b => b != a))
            {
                double error = result.Distance(index[a], index[b]) - truth[truth.IndexOf(a), truth.IndexOf(b)];
                stress += 0.5 * error * error;
            }
        }

        return stress;
    }
}
