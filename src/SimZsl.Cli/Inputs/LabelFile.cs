using SimZsl.IO;

namespace SimZsl.Cli.Inputs;

/// <summary>The <c>--labels</c> file of <c>simzsl zsl</c>: one class name per line, N lines for N feature rows
/// (a name may be quoted as in CSV; blank lines are not allowed because they would shift the rows).</summary>
internal static class LabelFile
{
    public static string[] Read(string path)
    {
        var labels = new List<string>();
        int line = 0;
        InputFile.Require(path, "label file");
        foreach (string raw in TextLines.Read(path))
        {
            line++;
            var cells = CsvMatrixFile.SplitLine(raw, path, line);
            string name = cells[0].Trim();
            if (cells.Count != 1 || name.Length == 0)
            {
                throw new DataFormatException(path, cells.Count != 1 ? $"expected one class name per line, found {cells.Count} cells." : "empty line: every feature row needs a label.", line: line);
            }

            labels.Add(name);
        }

        if (labels.Count == 0)
        {
            throw new DataFormatException(path, "the label file is empty.");
        }

        return labels.ToArray();
    }
}
