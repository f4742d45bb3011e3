using System.Globalization;
using SimZsl.Embedding;

namespace SimZsl.ZeroShot;

/// <summary>The checks every entry point runs on features, labels and class lists, with errors that say what is
/// wrong, where and what to do.</summary>
internal static class ZeroShotInput
{
    public static void CheckFeatures(RowMatrix features, string what)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Rows == 0)
        {
            throw new SimZslException($"The {what} features have no rows.");
        }

        var data = features.AsSpan();
        for (int k = 0; k < data.Length; k++)
        {
            if (!double.IsFinite(data[k]))
            {
                throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                    $"The {what} features have a non-finite value ({data[k]}) at row {k / features.Columns}, column {k % features.Columns}. Remove or impute those rows first."));
            }
        }
    }

    public static void CheckLabels(RowMatrix features, IReadOnlyList<string> labels, string what)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != features.Rows)
        {
            throw new SimZslException($"There are {features.Rows} {what} feature rows but {labels.Count} {what} labels; give one label per row.");
        }
    }

    public static void CheckFeatureCount(RowMatrix features, int expected, string what)
    {
        if (features.Columns != expected)
        {
            throw new SimZslException($"The {what} features have {features.Columns} columns; the model was trained on {expected}. Use features from the same extractor.");
        }
    }

    /// <summary>The one check that the unseen classes are not seen ones (trained on), for the evaluator and for an
    /// experiment before it fits anything.</summary>
    public static void CheckUnseenDisjoint(IReadOnlyList<string> unseenClasses, IEnumerable<string> seenClasses)
    {
        ArgumentNullException.ThrowIfNull(unseenClasses);
        var overlap = unseenClasses.Intersect(seenClasses, StringComparer.Ordinal).ToArray();
        if (overlap.Length > 0)
        {
            throw new SimZslException($"The class(es) {string.Join(", ", overlap.Select(o => $"'{o}'"))} are listed as unseen but the model was trained on them. Unseen classes must be disjoint from the seen ones.");
        }
    }

    /// <summary>Row of each class of <paramref name="classes"/> in the prototypes; unknown or repeated names fail.</summary>
    public static int[] PrototypeRows(ClassPrototypes prototypes, IReadOnlyList<string> classes, string what)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var index = Index(prototypes.ClassNames);
        var rows = new int[classes.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < classes.Count; i++)
        {
            if (!index.TryGetValue(classes[i], out rows[i]))
            {
                throw new SimZslException($"The {what} class '{classes[i]}' is not among the prototypes' {prototypes.ClassNames.Count} classes ({Sample(prototypes.ClassNames)}). Check the spelling, or embed that class too.");
            }

            if (!seen.Add(classes[i]))
            {
                throw new SimZslException($"The {what} class '{classes[i]}' is listed twice.");
            }
        }

        return rows;
    }

    /// <summary>Position of each label in <paramref name="classes"/>; a label outside them fails with its row.</summary>
    public static int[] LabelIndices(IReadOnlyList<string> labels, IReadOnlyList<string> classes, string what, string classesWhat)
    {
        var index = Index(classes);
        var result = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] is null || !index.TryGetValue(labels[i], out result[i]))
            {
                throw new SimZslException($"The {what} label '{labels[i]}' at row {i} is not one of the {classesWhat} ({Sample(classes)}). Check the labels against the class names.");
            }
        }

        return result;
    }

    public static Dictionary<string, int> Index(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            index.TryAdd(names[i], i);
        }

        return index;
    }

    private static string Sample(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(5).Select(n => $"'{n}'")) + (names.Count > 5 ? ", …" : "");
}
