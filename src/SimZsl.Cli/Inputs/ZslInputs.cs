using System.Globalization;
using SimZsl.Similarity;

namespace SimZsl.Cli.Inputs;

/// <summary>The checks <c>simzsl zsl</c> makes on its three input files together, before any training, so that each
/// error names the file and the place in it: the trainer sees only its training subset (its row 3221 was the
/// file's row 5000), calls every label outside the seen classes a "seen class" problem, and an N × 0 feature
/// matrix reached libtorch, whose error was a 17-line dump.</summary>
internal static class ZslInputs
{
    public static void Check(string featuresPath, RowMatrix features, string labelsPath, IReadOnlyList<string> labels, string similarityPath, ClassMatrix similarity,
        IReadOnlyList<string> unseenClasses)
    {
        // The unseen names are checked against the similarity here, once: its IndexOf names the near miss ("Did
        // you mean 'Sandal'?"); the library's split then only checks that each has instances.
        foreach (string c in unseenClasses)
        {
            similarity.IndexOf(c);
        }

        CheckFeatures(featuresPath, features);
        CheckLabels(featuresPath, features, labelsPath, labels, similarityPath, similarity.ClassNames);
    }

    /// <summary>Features for a model: at least one row, finite, and as many columns as the model was trained on.</summary>
    public static void CheckFeatures(string featuresPath, RowMatrix features, int? expectedColumns)
    {
        CheckFeatures(featuresPath, features);
        if (expectedColumns is { } f && features.Columns != f)
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture, $"{featuresPath} has {features.Columns} feature columns but the model was trained on {f}; give features from the same extractor (and the same PCA) as for training."));
        }
    }

    private static void CheckFeatures(string featuresPath, RowMatrix features)
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

    }

    /// <summary>One label per feature row, each a class of <paramref name="classSource"/>.</summary>
    public static void CheckLabels(string featuresPath, RowMatrix features, string labelsPath, IReadOnlyList<string> labels, string classSource, IReadOnlyList<string> classNames)
    {
        if (labels.Count != features.Rows)
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture, $"{featuresPath} has {features.Rows} rows but {labelsPath} has {labels.Count} labels; give one label per feature row, in the same order."));
        }

        var known = classNames.ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < labels.Count; i++)
        {
            if (!known.Contains(labels[i]))
            {
                throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                    $"{labelsPath}:{i + 1}: label '{labels[i]}' is not a class of {classSource} (which has {classNames.Count} classes, e.g. {string.Join(", ", classNames.Take(3).Select(c => $"'{c}'"))}); names are case-sensitive."));
            }
        }
    }
}
