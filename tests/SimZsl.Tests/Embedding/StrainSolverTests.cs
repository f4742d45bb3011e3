using SimZsl.Embedding;
using SimZsl.Similarity;
using SimZsl.Tests.Infrastructure;

namespace SimZsl.Tests.Embedding;

/// <summary>The partial eigensolver against the full one on noisy data, determinism, continuity through κ = 0,
/// and the errors the strain step raises.</summary>
public class StrainSolverTests
{
    [Theory]
    [InlineData(-1.0, 450, 6)]
    [InlineData(0.0, 450, 6)]
    [InlineData(1.0, 450, 6)]
    [InlineData(-1.0, 600, 16)]   // needed 13–15 blocks: beyond the former basis budget, it fell back to the full solver
    public void PartialSolverAgreesWithFullOnNoisyData(double curvature, int n, int dimension)
    {
        var distances = Noisy(ExactConfigurations.Create(n, dimension, curvature, seed: 3), 0.05, seed: 4);
        var partialOptions = new KappaMdsOptions { Dimension = dimension, Curvature = curvature, EigenSolver = EigenSolver.Partial };
        var partial = StrainSolver.Solve(distances, curvature, partialOptions, default);
        var full = StrainSolver.Solve(distances, curvature, partialOptions with { EigenSolver = EigenSolver.Full }, default);

        Assert.True(partial.Residual <= StrainEigensolver.Tolerance, $"partial residual {partial.Residual:E2}");
        var matrix = StrainMatrix.Build(distances, curvature, default);
        double fullResidual = StrainEigensolver.DirectResidual(matrix, StrainEigensolver.Full(matrix, dimension, default));
        Assert.True(double.IsNaN(full.Residual), "the full solver measures no residual unless asked");
        Assert.True(fullResidual <= 1e-9, $"full residual {fullResidual:E2}");
        Assert.True(partial.Products >= 2, "the partial solver ran");
        for (int k = 0; k < full.Eigenvalues.Count; k++)
        {
            Assert.Equal(full.Eigenvalues[k], partial.Eigenvalues[k], Math.Abs(full.Eigenvalues[k]) * 1e-9);
        }

        // Same eigenvectors with the same signs, hence the same coordinates.
        var a = partial.Coordinates.AsSpan();
        var b = full.Coordinates.AsSpan();
        double scale = System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(b);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.True(Math.Abs(a[i] - b[i]) <= 1e-6 * scale, $"coordinate {i}: {a[i]} vs {b[i]}");
        }
    }

    [Theory]
    [InlineData(EigenSolver.Full, 150)]
    [InlineData(EigenSolver.Partial, 450)]
    public void RelativeStrainFromTheEigenvaluesMatchesItsDefinition(EigenSolver solver, int n)
    {
        // κ = 0: ‖B − XXᵀ‖_F / ‖B‖_F with B = −½ J D∘² J computed here directly, X the returned coordinates; the
        // solver computes it from the eigenvalues instead. d = 3 of 5 true dimensions plus noise: a clear residual.
        var distances = Noisy(ExactConfigurations.Create(n, 5, 0, seed: 21), 0.1, seed: 22);
        var solution = StrainSolver.Solve(distances, 0, new KappaMdsOptions { Dimension = 3, Curvature = 0, EigenSolver = solver }, default);
        var squared = new double[n, n];
        var rowMeans = new double[n];
        double grand = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                squared[i, j] = distances[i, j] * distances[i, j];
                rowMeans[i] += squared[i, j] / n;
            }

            grand += rowMeans[i] / n;
        }

        var x = solution.Coordinates;
        double residual = 0, total = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double b = -0.5 * (squared[i, j] - rowMeans[i] - rowMeans[j] + grand);
                double approximation = 0;
                for (int c = 0; c < x.Columns; c++)
                {
                    approximation += x[i, c] * x[j, c];
                }

                residual += (b - approximation) * (b - approximation);
                total += b * b;
            }
        }

        double direct = Math.Sqrt(residual / total);
        Assert.InRange(direct, 0.05, 0.95);
        Assert.Equal(direct, solution.Strain, 1e-6);
    }

    [Theory]
    [InlineData(-1.0, 600)]
    [InlineData(0.0, 600)]
    [InlineData(1.0, 600)]
    [InlineData(-1.0, 2000)]
    public void ResidualEstimateFromTheBasisMatchesTheResidualFromTheMatrix(double curvature, int n)
    {
        // The partial solver stops on a residual estimated from the last block's remainder (block Lanczos); here the
        // residual of what it returned is computed from the n × n matrix itself.
        var distances = Noisy(ExactConfigurations.Create(n, 16, curvature, seed: 31), 0.05, seed: 32);
        var matrix = StrainMatrix.Build(distances, curvature, default);
        var spectrum = StrainEigensolver.Partial(matrix, 16, seed: 0, default);
        Assert.NotNull(spectrum);
        double direct = StrainEigensolver.DirectResidual(matrix, spectrum!);
        Assert.True(spectrum!.Residual <= StrainEigensolver.Tolerance, $"estimate {spectrum.Residual:E2}");
        Assert.True(direct <= 2 * StrainEigensolver.Tolerance, $"direct residual {direct:E2}, estimate {spectrum.Residual:E2}");
        Assert.True(Math.Abs(direct - spectrum.Residual) <= 1e-11, $"direct residual {direct:E2}, estimate {spectrum.Residual:E2}");
    }

    [Fact]
    public void AnEigenvalueRepeatedMoreOftenThanTheNarrowBlockHasColumnsIsFoundEveryTime()
    {
        // 60 copies of each corner of the 7-simplex (e₁ … e₈ in R⁸): B = −½JD∘²J has the eigenvalue 60 seven times and
        // 0 otherwise. Blocks of 4 columns see at most 4 of the 7 copies (and 0 for the rest); the solver must notice
        // and return all seven.
        int n = 480, dimension = 7;
        var values = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                values[i, j] = i % 8 == j % 8 ? 0 : Math.Sqrt(2);
            }
        }

        var names = Enumerable.Range(0, n).Select(i => $"c{i}").ToArray();
        var matrix = StrainMatrix.Build(DistanceMatrix.Create(names, values), 0, default);
        var spectrum = StrainEigensolver.Partial(matrix, dimension, seed: 0, default);
        Assert.NotNull(spectrum);
        Assert.Equal(dimension, spectrum!.Values.Length);
        foreach (double value in spectrum.Values)
        {
            Assert.Equal(60, value, 1e-9);
        }

        Assert.True(StrainEigensolver.DirectResidual(matrix, spectrum) <= 1e-9, "the returned pairs are eigenpairs");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(1.0)]
    public void PartialSolverWithWideBlocksRecoversExactDistances(double curvature)
    {
        // d = 20 asks for 21 pairs plus oversampling: blocks of 32 columns, BlockProduct's 16-column tile twice per row.
        int n = 1000;
        var distances = ExactConfigurations.Create(n, 20, curvature, seed: 11);
        var options = new KappaMdsOptions { Dimension = 20, Curvature = curvature, EigenSolver = EigenSolver.Partial };
        var solution = StrainSolver.Solve(distances, curvature, options, default);
        Assert.True(solution.Products >= 1, "the partial solver ran");
        var recovered = SimZsl.Geometry.PairwiseDistances.All(solution.Coordinates, curvature);
        double worst = 0;
        for (int i = 0; i < n; i += 7)
        {
            for (int j = i + 1; j < n; j += 13)
            {
                double expected = distances[i, j];
                worst = Math.Max(worst, Math.Abs(recovered[(i * n) + j] - expected) / expected);
            }
        }

        Assert.True(worst <= 1e-7, $"worst relative distance error {worst:E2}");
    }

    [Theory]
    [InlineData(-0.7, EigenSolver.Partial)]
    [InlineData(0.7, EigenSolver.Partial)]
    [InlineData(0.0, EigenSolver.Full)]
    public void SameSeedGivesTheSameBits(double curvature, EigenSolver solver)
    {
        var distances = Noisy(ExactConfigurations.Create(420, 4, curvature, seed: 5), 0.1, seed: 6);
        var options = new KappaMdsOptions { Dimension = 4, Curvature = curvature, EigenSolver = solver, Seed = 11 };
        var first = new KappaMds(options).Fit(distances).Prototypes.Coordinates.AsSpan().ToArray();
        var second = new KappaMds(options).Fit(distances).Prototypes.Coordinates.AsSpan().ToArray();
        Assert.Equal(first, second);
    }

    [Fact]
    public void TinyCurvaturesOfEitherSignApproachTheEuclideanSolution()
    {
        var distances = Noisy(ExactConfigurations.Create(120, 3, 0, seed: 7), 0.2, seed: 8);
        var euclidean = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = 0 }).Fit(distances);
        foreach (double k in new[] { -1e-10, 1e-10, -1e-8, 1e-8 })
        {
            var near = new KappaMds(new KappaMdsOptions { Dimension = 3, Curvature = k }).Fit(distances);
            double worst = ExactConfigurations.WorstRelativeError(euclidean.Distances(), near.Distance);
            Assert.True(worst <= 1e-5, $"κ = {k}: distances differ from κ = 0 by {worst:E2}");
        }
    }

    [Fact]
    public void DimensionNotBelowTheClassCountIsRefusedUpFront()
    {
        var distances = ExactConfigurations.Create(5, 2, 0, seed: 1);
        var error = Assert.Throws<ArgumentException>(() => new KappaMds(new KappaMdsOptions { Dimension = 5, Curvature = 1 }).Fit(distances));
        Assert.Contains("Dimension must be smaller than the number of classes (5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CoshOverflowSaysToLowerTheCurvatureOrRescale()
    {
        var distances = DistanceMatrix.Create(["a", "b", "c"], new double[,] { { 0, 800, 800 }, { 800, 0, 800 }, { 800, 800, 0 } });
        var error = Assert.Throws<InvalidMatrixException>(() => new KappaMds(new KappaMdsOptions { Dimension = 1, Curvature = -1 }).Fit(distances));
        Assert.Contains("Lower |κ|", error.Message, StringComparison.Ordinal);
        Assert.Contains("rescale", error.Message, StringComparison.Ordinal);

        // The same data at a gentler curvature embed.
        var result = new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = -1e-4 }).Fit(distances);
        Assert.True(result.MeasureQuality(distances).NormalizedStress < 1e-8, $"normalised stress {result.MeasureQuality(distances).NormalizedStress:E2}");
    }

    [Fact]
    public void ProgressAndCancellationAreHonoured()
    {
        var distances = ExactConfigurations.Create(30, 2, 0, seed: 1);
        var reports = new List<EmbeddingProgress>();
        var progress = new SynchronousProgress<EmbeddingProgress>(reports.Add);
        new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = 0 }).Fit(distances, progress);
        Assert.Contains(reports, r => r.Stage == "strain" && r.Fraction == 1);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new KappaMds(new KappaMdsOptions { Dimension = 2 }).Fit(distances, null, cancelled.Token));
    }

    /// <summary>D·(1 + noise·g) with g Gaussian, symmetric.</summary>
    internal static DistanceMatrix Noisy(DistanceMatrix exact, double noise, int seed)
    {
        var random = new Random(seed);
        int n = exact.Count;
        var values = exact.Values.ToArray();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                double v = values[(i * n) + j] * Math.Max(0.05, 1 + (noise * g));
                values[(i * n) + j] = v;
                values[(j * n) + i] = v;
            }
        }

        return DistanceMatrix.Create(exact.ClassNames, values);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void BuildingOverTheDistancesGivesTheSameBitsAsAFreshMatrix(double curvature)
    {
        var distances = Noisy(ExactConfigurations.Create(450, 4, curvature, seed: 3), 0.05, seed: 4);
        var options = new KappaMdsOptions { Dimension = 4, Curvature = curvature };
        var expected = new KappaMds(options).Fit(distances).Prototypes.Coordinates.AsSpan().ToArray();
        var copy = distances.Subset(Enumerable.Range(0, distances.Count).ToArray());
        var actual = new KappaMds(options).FitDiscarding(copy, null, default).Prototypes.Coordinates.AsSpan().ToArray();
        Assert.Equal(expected, actual);
        Assert.NotEqual(distances[0, 1], copy[0, 1]);   // the copy's values became the strain matrix
    }

    [Fact]
    public void MeasuredResidualsAreReportedOnlyWhenAsked()
    {
        var distances = Noisy(ExactConfigurations.Create(450, 4, -1, seed: 3), 0.05, seed: 4);
        foreach (var solver in new[] { EigenSolver.Full, EigenSolver.Partial })
        {
            var options = new KappaMdsOptions { Dimension = 4, Curvature = -1, EigenSolver = solver };
            var plain = new KappaMds(options).Fit(distances);
            var measured = new KappaMds(options with { MeasureResidual = true }).Fit(distances);
            Assert.Equal(solver == EigenSolver.Full, double.IsNaN(plain.EigenResidual));
            Assert.InRange(measured.EigenResidual, 0, 1e-9);
        }
    }
}
