namespace SimZsl.IO;

/// <summary>A MATLAB character array: one string per row (a 1 × n array is one string).</summary>
public sealed class MatCharArray : MatArray
{
    internal MatCharArray(MatArrayInfo info, string columnMajorText)
        : base(info)
    {
        int rows = info.Dimensions[0];
        int columns = rows == 0 ? 0 : columnMajorText.Length / rows;
        var result = new string[rows];
        var row = new char[columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                row[j] = columnMajorText[i + (rows * j)];
            }

            result[i] = new string(row);
        }

        Rows = result;
    }

    /// <summary>The rows, as stored (MATLAB pads the shorter rows of a char matrix with spaces).</summary>
    public IReadOnlyList<string> Rows { get; }

    /// <summary>The text of a one-row array (empty for an empty array); the rows joined by newlines otherwise.</summary>
    public string Text => string.Join('\n', Rows);
}
