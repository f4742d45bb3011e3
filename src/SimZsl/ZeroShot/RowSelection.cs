namespace SimZsl.ZeroShot;

/// <summary>Copies of selected rows of features and labels (splits, subsets).</summary>
public static class RowSelection
{
    /// <summary>The rows <paramref name="rows"/> of <paramref name="matrix"/>, in that order.</summary>
    public static RowMatrix Select(RowMatrix matrix, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(rows);
        int f = matrix.Columns;
        var data = new double[rows.Count * f];
        for (int i = 0; i < rows.Count; i++)
        {
            matrix.Row(rows[i]).CopyTo(data.AsSpan(i * f, f));
        }

        return RowMatrix.Wrap(rows.Count, f, data);
    }

    /// <summary>The items at <paramref name="rows"/>, in that order.</summary>
    public static string[] Select(IReadOnlyList<string> labels, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(r => labels[r]).ToArray();
    }
}
