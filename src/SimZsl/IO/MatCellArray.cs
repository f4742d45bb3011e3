namespace SimZsl.IO;

/// <summary>A MATLAB cell array: an array of arrays (the xlsa17 class names are a cell of strings).</summary>
public sealed class MatCellArray : MatArray
{
    private readonly MatArray[] _cells;

    internal MatCellArray(MatArrayInfo info, MatArray[] cells)
        : base(info) => _cells = cells;

    /// <summary>The cells, column-major.</summary>
    public IReadOnlyList<MatArray> Cells => _cells;
}
