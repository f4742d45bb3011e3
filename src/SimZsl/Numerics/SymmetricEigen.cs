using MathNet.Numerics.LinearAlgebra;
using TorchSharp;

namespace SimZsl.Numerics;

/// <summary>Full eigendecomposition of a symmetric matrix, the one wrapper every strain route uses (the projected
/// problems of the partial solver, the full solver below 400 classes, the landmark block): MathNet's managed solver
/// up to <see cref="ManagedLimit"/> rows (no native library to load: a one-shot <c>simzsl embed</c> of 5000 classes
/// loads no native libtorch), libtorch's LAPACK <c>eigh</c> (float64) above, where the managed one, which computes every
/// eigenvector at about 9k³ scalar operations, falls far behind (n = 500, κ = −1: projected orders 208 and 272 made
/// the strain step 150 ms with MathNet, 70–90 ms with LAPACK). And the one sign rule for eigenvectors.</summary>
internal static class SymmetricEigen
{
    /// <summary>Largest order decomposed in managed code.</summary>
    public const int ManagedLimit = 200;

    /// <summary>Eigenvalues ascending and eigenvectors as the columns of a row-major k × k array.</summary>
    /// <param name="matrix">Row-major k × k; only read.</param>
    /// <param name="k">The order.</param>
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int k) =>
        k <= ManagedLimit ? Managed(matrix, k) : Lapack(matrix, k);

    /// <summary>Makes the largest-magnitude component of each column positive (ties, within a relative 1e-12: the
    /// first), so that eigenvectors, whose sign is arbitrary, come out the same on every run.</summary>
    public static void FixSigns(double[] columns, int rows, int count)
    {
        for (int j = 0; j < count; j++)
        {
            int best = 0;
            double bestMagnitude = -1;
            for (int i = 0; i < rows; i++)
            {
                double m = Math.Abs(columns[(i * count) + j]);
                if (m > bestMagnitude * (1 + 1e-12))
                {
                    best = i;
                    bestMagnitude = m;
                }
            }

            if (columns[(best * count) + j] < 0)
            {
                for (int i = 0; i < rows; i++)
                {
                    columns[(i * count) + j] = -columns[(i * count) + j];
                }
            }
        }
    }

    private static (double[] Values, double[] Vectors) Managed(double[] a, int n)
    {
        var evd = Matrix<double>.Build.Dense(n, n, (i, j) => a[(i * n) + j]).Evd(Symmetricity.Symmetric);
        var values = new double[n];
        for (int k = 0; k < n; k++)
        {
            values[k] = evd.EigenValues[k].Real;
        }

        var vectors = new double[n * n];
        var v = evd.EigenVectors;
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                vectors[(i * n) + k] = v[i, k];
            }
        }

        // MathNet sorts symmetric eigenvalues ascending already; sort anyway so the contract does not hang on it.
        return SortAscending(values, vectors, n);
    }

    private static (double[] Values, double[] Vectors) Lapack(double[] a, int n)
    {
        using var scope = torch.NewDisposeScope();
        var (values, vectors) = torch.linalg.eigh(TensorArrays.FromArray(a, n, n));
        return SortAscending(TensorArrays.ToArray(values), TensorArrays.ToArray(vectors), n);
    }

    private static (double[] Values, double[] Vectors) SortAscending(double[] values, double[] vectors, int n)
    {
        var order = Enumerable.Range(0, n).OrderBy(k => values[k]).ToArray();
        if (order.Select((k, i) => k == i).All(same => same))
        {
            return (values, vectors);
        }

        var sortedValues = order.Select(k => values[k]).ToArray();
        var sortedVectors = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < n; c++)
            {
                sortedVectors[(i * n) + c] = vectors[(i * n) + order[c]];
            }
        }

        return (sortedValues, sortedVectors);
    }
}
