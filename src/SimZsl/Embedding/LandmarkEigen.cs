using MathNet.Numerics.LinearAlgebra;
using TorchSharp;

namespace SimZsl.Embedding;

/// <summary>Full symmetric eigendecomposition for the landmark block (and the small strain problems of the
/// missing-entry pipeline): MathNet's managed solver up to 400 rows (no native load, milliseconds at L = 200),
/// libtorch's LAPACK <c>eigh</c> (float64) above, where the managed one gets slow.</summary>
internal static class LandmarkEigen
{
    private const int ManagedLimit = 400;

    /// <summary>Eigenvalues in ascending order and the eigenvectors as columns of a row-major n × n array, each
    /// with its largest-magnitude component made positive so results are deterministic.</summary>
    public static (double[] Values, double[] Vectors) Decompose(double[] symmetric, int n)
    {
        var (values, vectors) = n <= ManagedLimit ? Managed(symmetric, n) : Lapack(symmetric, n);
        FixSigns(vectors, n);
        return (values, vectors);
    }

    private static (double[] Values, double[] Vectors) Managed(double[] a, int n)
    {
        var matrix = Matrix<double>.Build.Dense(n, n, (i, j) => a[(i * n) + j]);
        var evd = matrix.Evd(Symmetricity.Symmetric);
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
        var matrix = TensorArrays.FromArray(a, n, n);
        var (values, vectors) = torch.linalg.eigh(matrix);
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

    private static void FixSigns(double[] vectors, int n)
    {
        for (int k = 0; k < n; k++)
        {
            int best = 0;
            for (int i = 1; i < n; i++)
            {
                if (Math.Abs(vectors[(i * n) + k]) > Math.Abs(vectors[(best * n) + k]))
                {
                    best = i;
                }
            }

            if (vectors[(best * n) + k] < 0)
            {
                for (int i = 0; i < n; i++)
                {
                    vectors[(i * n) + k] = -vectors[(i * n) + k];
                }
            }
        }
    }
}
