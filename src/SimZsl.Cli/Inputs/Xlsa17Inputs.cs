using System.Globalization;
using SimZsl.Cli.Commands;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Cli.Inputs;

/// <summary>The inputs of <c>simzsl gbu</c>: an xlsa17 benchmark folder (res101.mat and att_splits.mat), its class
/// distances (the cosine of <c>att</c>, or a <c>--similarity</c> file matched to <c>allclasses_names</c>), and the
/// optional per-class subsample of every split.</summary>
internal static class Xlsa17Inputs
{
    /// <summary>Loads the benchmark, with an error that says what to give when a file is missing.</summary>
    public static Xlsa17Dataset Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"--data '{folder}' is not a folder; give an xlsa17 benchmark folder holding res101.mat and att_splits.mat (e.g. xlsa17/data/AWA2).");
        }

        if (!File.Exists(Path.Combine(folder, "att_splits.mat")))
        {
            throw new FileNotFoundException($"--data '{folder}' has no att_splits.mat; give an xlsa17 benchmark folder holding res101.mat and att_splits.mat (e.g. xlsa17/data/AWA2).");
        }

        if (!File.Exists(Path.Combine(folder, "res101.mat")))
        {
            throw new FileNotFoundException($"--data '{folder}' has att_splits.mat but no res101.mat (the ResNet-101 features; SimZsl does not ship them): "
                + "copy res101.mat from the xlsa17 release into that folder, or write a synthetic one with 'dotnet run -c Release --project samples/ZeroShotExperiments -- "
                + $"synthetic-res101 --data {folder} --output DIR' and give --data DIR.");
        }

        return Xlsa17Dataset.Load(folder);
    }

    /// <summary>The distances between the benchmark's classes, in the order of <c>allclasses_names</c>: arccos (or the
    /// given transform) of the cosine of the attribute vectors, or those of a similarity file whose class names cover
    /// every class. An input without class names (.npy: classes "0", "1", …) is taken row by row in
    /// <c>allclasses_names</c> order when it has exactly one row per class.</summary>
    public static DistanceMatrix ClassDistances(Xlsa17Dataset data, string? similarityPath, InputKind kind, SimilarityTransform? transform, bool columnsAreClasses)
    {
        var classes = data.ClassNames;
        if (similarityPath is null)
        {
            return SimilarityMatrix.FromVectors(classes, data.ClassAttributes).ToDistances(CliOptions.TransformOrDefault(transform));
        }

        var distances = ClassMatrixInput.LoadDistances(similarityPath, kind, transform, columnsAreClasses, "--similarity-kind");
        if (IsUnnamed(distances) && !distances.ClassNames.SequenceEqual(classes, StringComparer.Ordinal))
        {
            // Rows without names can only be taken in allclasses_names order, one per class.
            return distances.Count == classes.Count ? distances.WithClassNames(classes) : throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                $"{similarityPath} has {distances.Count} unnamed rows, but {data.AttSplitsPath} has {classes.Count} classes; a matrix without class names needs one row per class, in allclasses_names order (or give a CSV with a header of class names)."));
        }

        var missing = classes.Where(c => !distances.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            string examples = string.Join(", ", missing.Take(10).Select(c => $"'{c}'")) + (missing.Length > 10 ? ", …" : string.Empty);
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                $"{similarityPath} lacks {missing.Length} of the {classes.Count} classes of {data.AttSplitsPath}: {examples}. Give a similarity over every class, named as in allclasses_names (case-sensitive; e.g. '{classes[0]}')."));
        }

        return distances.Subset(classes.Select(distances.IndexOf).ToArray());
    }

    /// <summary>The instances kept of one split: all, or at most <paramref name="maxPerClass"/> of each class, evenly
    /// spaced over that class's instances in file order (deterministic, and spread over the whole class rather than
    /// its first images).</summary>
    public static int[] PerClass(IReadOnlyList<int> instances, IReadOnlyList<int> labels, int? maxPerClass)
    {
        if (maxPerClass is not { } max)
        {
            return [.. instances];
        }

        var kept = new List<int>();
        foreach (var group in instances.GroupBy(i => labels[i]))
        {
            var rows = group.ToArray();
            int count = Math.Min(max, rows.Length);
            for (int k = 0; k < count; k++)
            {
                kept.Add(rows[(int)((long)k * rows.Length / count)]);
            }
        }

        kept.Sort();
        return [.. kept];
    }

    // A matrix file without names gets "0", "1", … (MatrixSource), as does a CSV whose header is just the indices.
    private static bool IsUnnamed(DistanceMatrix distances) =>
        distances.ClassNames.Select((name, i) => name == i.ToString(CultureInfo.InvariantCulture)).All(same => same);
}
