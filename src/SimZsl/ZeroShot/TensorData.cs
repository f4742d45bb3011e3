using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.ZeroShot;

/// <summary>Conversions between the library's double-precision tables and the float32 tensors that training uses
/// (float32: the speed of the CPU and GPU kernels; the prototypes' geometry stays in double elsewhere).</summary>
internal static class TensorData
{
    /// <summary>The rows <paramref name="rows"/> of <paramref name="features"/>, scaled, as an N × F float32 tensor.</summary>
    public static Tensor Features(RowMatrix features, IReadOnlyList<int> rows, FeatureScaling scaling, Device device)
    {
        int f = features.Columns;
        var buffer = new float[(long)rows.Count * f];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = features.Row(rows[i]);
            int offset = i * f;
            for (int k = 0; k < f; k++)
            {
                buffer[offset + k] = (float)((row[k] - scaling.Mean[k]) / scaling.Deviation[k]);
            }
        }

        return tensor(buffer, [rows.Count, f]).to(device);
    }

    /// <summary>The rows <paramref name="rows"/> of a matrix as a float32 tensor (prototypes).</summary>
    public static Tensor Rows(RowMatrix matrix, IReadOnlyList<int> rows, Device device)
    {
        var buffer = new float[rows.Count * matrix.Columns];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = matrix.Row(rows[i]);
            for (int k = 0; k < row.Length; k++)
            {
                buffer[(i * matrix.Columns) + k] = (float)row[k];
            }
        }

        return tensor(buffer, [rows.Count, matrix.Columns]).to(device);
    }

    /// <summary>All rows, 0..n−1.</summary>
    public static int[] AllRows(int n) => Enumerable.Range(0, n).ToArray();

    /// <summary>A tensor's values as doubles (copied to the CPU).</summary>
    public static double[] ToDoubles(Tensor t)
    {
        using var cpu = t.to(float64).cpu();
        return cpu.data<double>().ToArray();
    }
}
