using MathNet.Numerics.LinearAlgebra;
using SimZsl.Embedding;
using SimZsl.ZeroShot;
using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.Tests.ZeroShot;

/// <summary>ESZSL and SAE against their closed forms written out independently with MathNet on a tiny problem: six
/// instances, three features, three seen classes with 2-d prototypes and one unseen class.</summary>
public class ClosedFormPeerTests
{
    private static readonly string[] Labels = ["a", "a", "b", "b", "c", "c"];

    private static readonly double[,] Features =
    {
        { 1.0, 0.2, -0.5 }, { 0.8, 0.1, -0.3 }, { -0.4, 1.2, 0.3 }, { -0.2, 0.9, 0.6 }, { 0.1, -0.8, 1.1 }, { 0.3, -1.0, 0.7 },
    };

    private static readonly ClassPrototypes Prototypes = new(
        ["a", "b", "c", "u"], RowMatrix.FromArray(new double[,] { { 1, 0 }, { -0.5, 0.8 }, { -0.4, -0.9 }, { 0.2, 0.1 } }), 0);

    private static readonly double[,] Queries = { { 0.5, 0.5, 0.5 }, { -1, 0.3, 2 } };

    // The features as the peers see them: each column minus its mean, over its population standard deviation.
    private static Matrix<double> Standardized(Matrix<double> x, Matrix<double> reference)
    {
        var result = x.Clone();
        for (int j = 0; j < reference.ColumnCount; j++)
        {
            var column = reference.Column(j);
            double mean = column.Average();
            double sd = Math.Sqrt(column.Select(v => (v - mean) * (v - mean)).Average());
            result.SetColumn(j, x.Column(j).Map(v => (v - mean) / sd));
        }

        return result;
    }

    private static Matrix<double> Signatures(int count) =>
        Matrix<double>.Build.Dense(count, 2, (i, j) => Prototypes.Coordinates[i, j]);

    [Fact]
    public void EszslScoresAreXᵀVSWithThePublishedV()
    {
        var x = Standardized(Matrix<double>.Build.DenseOfArray(Features), Matrix<double>.Build.DenseOfArray(Features));
        var y = Matrix<double>.Build.Dense(6, 3, (i, c) => Labels[i] == "abc"[c].ToString() ? 1 : -1);
        var s = Signatures(3);
        const double gamma = 0.7, lambda = 0.3;
        // V = (XᵀX + γI)⁻¹ XᵀY S (SᵀS + λI)⁻¹
        var v = (x.TransposeThisAndMultiply(x) + (gamma * Matrix<double>.Build.DenseIdentity(3))).Inverse()
            * x.TransposeThisAndMultiply(y) * s * (s.TransposeThisAndMultiply(s) + (lambda * Matrix<double>.Build.DenseIdentity(2))).Inverse();
        var queries = Matrix<double>.Build.DenseOfArray(Queries);
        var expected = Standardized(queries, Matrix<double>.Build.DenseOfArray(Features)) * v * Signatures(4).Transpose();

        var model = EszslBaseline.Fit(RowMatrix.FromArray(Features), Labels, Prototypes, gamma: gamma, lambda: lambda);
        var scores = model.Scores(RowMatrix.FromArray(Queries), [0, 1, 2, 3]);
        AssertClose(expected, scores);
    }

    [Fact]
    public void SaeEncoderSolvesItsSylvesterEquation()
    {
        var x = Standardized(Matrix<double>.Build.DenseOfArray(Features), Matrix<double>.Build.DenseOfArray(Features));
        var targets = Matrix<double>.Build.Dense(6, 2, (i, j) => Prototypes.Coordinates["abc".IndexOf(Labels[i][0]), j]);
        var xMean = x.ColumnSums() / 6;
        var sMean = targets.ColumnSums() / 6;
        var xc = x - Matrix<double>.Build.Dense(6, 3, (_, j) => xMean[j]);
        var sc = targets - Matrix<double>.Build.Dense(6, 2, (_, j) => sMean[j]);
        const double lambda = 2.5;
        // SᵀS W + W (λ XᵀX) = (1 + λ) SᵀX, solved through vec(A W + W B) = (I ⊗ A + Bᵀ ⊗ I) vec(W).
        var a = sc.TransposeThisAndMultiply(sc);
        var b = lambda * xc.TransposeThisAndMultiply(xc);
        var c = (1 + lambda) * sc.TransposeThisAndMultiply(xc);
        var system = Matrix<double>.Build.DenseIdentity(3).KroneckerProduct(a) + b.Transpose().KroneckerProduct(Matrix<double>.Build.DenseIdentity(2));
        var vecW = system.Solve(Vector<double>.Build.DenseOfEnumerable(c.EnumerateColumns().SelectMany(col => col)));
        var w = Matrix<double>.Build.Dense(2, 3, vecW.ToArray());   // column-major, as vec stacks columns
        // Encode the queries: s = W (x − x̄) + s̄, scored by minus the Euclidean distance to every prototype.
        var queries = Standardized(Matrix<double>.Build.DenseOfArray(Queries), Matrix<double>.Build.DenseOfArray(Features));
        var expected = Matrix<double>.Build.Dense(2, 4, (q, k) =>
        {
            var encoded = (w * (queries.Row(q) - xMean)) + sMean;
            return -(encoded - Signatures(4).Row(k)).L2Norm();
        });

        var model = SemanticAutoencoderBaseline.Fit(RowMatrix.FromArray(Features), Labels, Prototypes, lambda: lambda);
        AssertClose(expected, model.Scores(RowMatrix.FromArray(Queries), [0, 1, 2, 3]));
    }

    [Fact]
    public void SylvesterSolutionHasNoResidual()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 4, 1, 0, 1, 3, 0.5, 0, 0.5, 2 }, [3, 3]);
        var b = tensor(new double[] { 2, -0.3, -0.3, 0.5 }, [2, 2]);
        var c = tensor(new double[] { 1, 2, 3, 4, 5, 6 }, [3, 2]);
        var w = SemanticAutoencoderBaseline.Sylvester(a, b, c);
        var residual = a.matmul(w).add(w.matmul(b)).sub(c).abs().max().item<double>();
        Assert.True(residual < 1e-12, $"residual {residual}");
    }

    [Fact]
    public void SaeStaysFiniteWithAConstantFeatureAndMoreCoordinatesThanClasses()
    {
        // Two classes give centred targets of rank 1 in 2 coordinates (SᵀS singular), and a constant third feature
        // makes XᵀX singular: a_i + b_j = 0 for one pair, 0/0 without the minimum-norm rule.
        var features = RowMatrix.FromArray(new double[,] { { 1, 0, 7 }, { 1.2, 0.1, 7 }, { 0, 1, 7 }, { 0.1, 0.9, 7 } });
        string[] labels = ["a", "a", "b", "b"];
        var model = SemanticAutoencoderBaseline.Fit(features, labels, Prototypes, lambda: 1);
        var scores = model.Scores(features, [0, 1, 2, 3]);
        Assert.All(scores, v => Assert.True(double.IsFinite(v)));
        // Each instance is still nearer its own class's prototype than the other seen one.
        Assert.All(Enumerable.Range(0, 4), i => Assert.True(scores[(i * 4) + (i < 2 ? 0 : 1)] > scores[(i * 4) + (i < 2 ? 1 : 0)]));
    }

    [Fact]
    public void PenaltiesMustBePositiveAndFinite()
    {
        var features = RowMatrix.FromArray(Features);
        foreach (double bad in new[] { 0, -1, double.NaN, double.PositiveInfinity })
        {
            Assert.Throws<ArgumentException>(() => EszslBaseline.Fit(features, Labels, Prototypes, gamma: bad));
            Assert.Throws<ArgumentException>(() => EszslBaseline.Fit(features, Labels, Prototypes, lambda: bad));
            Assert.Throws<ArgumentException>(() => SemanticAutoencoderBaseline.Fit(features, Labels, Prototypes, lambda: bad));
        }
    }

    // The peers standardize in float32 (as every head does) and solve in float64: agreement to about 1e-5.
    private static void AssertClose(Matrix<double> expected, double[] actual)
    {
        Assert.Equal(expected.RowCount * expected.ColumnCount, actual.Length);
        for (int i = 0; i < expected.RowCount; i++)
        {
            for (int k = 0; k < expected.ColumnCount; k++)
            {
                double e = expected[i, k], a = actual[(i * expected.ColumnCount) + k];
                Assert.True(Math.Abs(e - a) <= 1e-5 * Math.Max(1, Math.Abs(e)), $"[{i},{k}]: expected {e}, got {a}");
            }
        }
    }
}
