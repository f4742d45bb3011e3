using System.Globalization;
using SimZsl.Similarity;

namespace SimZsl.Cli.Inputs;

/// <summary>The checks <c>simzsl zsl</c> makes on its three input files together, before any training, so that each
/// error names the file and the place in it: the trainer sees only its training subset (its row 3221 was the
/// file's row 5000), calls every label outside the seen classes a "seen class" problem, and an N × 0 feature
/// matrix reached libtorch, whose error was a 17-line dump.</summary>
internal static class ZslInputs
{
    public static void Check(string featuresPath, RowMatrix features, string labelsPath, IReadOnlyList<string> labels, string similarityPath, ClassMatrix similarity)
    {
        if (features.Rows == 0 || features.Columns == 0)
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture, $"{featuresPath}: the features are {features.Rows} × {features.Columns}; they need at least one row and one column (N instances × F features)."));
        }

        var values = features.AsSpan();
        for (int k = 0; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k]))
            {
                int row = k / features.Columns, column = k % features.Columns;
                throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                    $"{featuresPath}: row {row + 1} of {features.Rows}, column {column + 1} (counting from 1; NumPy index [{row}, {column}]) is {values[k]}; features must be finite. Remove or impute that row (and its label)."));
            }
        }

        if (labels.Count != features.Rows)
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture, $"{featuresPath} has {features.Rows} rows but {labelsPath} has {labels.Count} labels; give one label per feature row, in the same order."));
        }

        for (int i = 0; i < labels.Count; i++)
        {
            if (!similarity.Contains(labels[i]))
            {
                throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                    $"{labelsPath}:{i + 1}: label '{labels[i]}' is not a class of {similarityPath} (which has {similarity.Count} classes, e.g. {string.Join(", ", similarity.ClassNames.Take(3).Select(c => $"'{c}'"))}); names are case-sensitive."));
            }
        }
    }
}
