using System.Globalization;
using System.Text;

namespace SimZsl.IO;

/// <summary>A zero-shot benchmark in the xlsa17 release's layout (Xian et al., "Zero-Shot Learning — the Good,
/// the Bad and the Ugly"): <c>att_splits.mat</c> (class attributes, class names, the proposed instance splits) and,
/// when the user has it, <c>res101.mat</c> (ResNet-101 features and labels). Indices and labels are turned from
/// MATLAB's 1-based to 0-based, matrices to one row per class or instance, and the splits are validated.</summary>
/// <example><code>
/// var awa2 = Xlsa17Dataset.Load("xlsa17/AWA2");              // picks up xlsa17/AWA2/res101.mat when present
/// Console.WriteLine(awa2.Summary());
/// RowMatrix classVectors = awa2.ClassAttributes;             // 50 classes × 85 attributes
/// </code></example>
public sealed class Xlsa17Dataset
{
    private static readonly string[] SplitNames = ["trainval", "test_seen", "test_unseen", "train", "val"];

    private Xlsa17Dataset()
    {
    }

    /// <summary>The <c>att_splits.mat</c> file read.</summary>
    public string AttSplitsPath { get; private init; } = string.Empty;

    /// <summary>The <c>res101.mat</c> file read, or null.</summary>
    public string? Res101Path { get; private init; }

    /// <summary>Class names from <c>allclasses_names</c>; "0", "1", … when the file has none (FLO).</summary>
    public IReadOnlyList<string> ClassNames { get; private init; } = [];

    /// <summary>Whether <see cref="ClassNames"/> came from the file.</summary>
    public bool HasClassNames { get; private init; }

    /// <summary>The class attribute vectors, one row per class (<c>att</c> transposed; xlsa17 normalises each to
    /// unit length).</summary>
    public RowMatrix ClassAttributes { get; private init; } = RowMatrix.FromRows([]);

    /// <summary>The unnormalised attributes (<c>original_att</c> transposed), or null when the file has none.</summary>
    public RowMatrix? OriginalClassAttributes { get; private init; }

    /// <summary>The splits present, in the order trainval, test_seen, test_unseen, train, val.</summary>
    public IReadOnlyList<Xlsa17Split> Splits { get; private init; } = [];

    /// <summary>Seen-class instances for training (<c>trainval_loc</c>).</summary>
    public Xlsa17Split TrainVal => Split("trainval")!;

    /// <summary>Held-out instances of seen classes (<c>test_seen_loc</c>).</summary>
    public Xlsa17Split TestSeen => Split("test_seen")!;

    /// <summary>Instances of unseen classes (<c>test_unseen_loc</c>).</summary>
    public Xlsa17Split TestUnseen => Split("test_unseen")!;

    /// <summary>The hyper-parameter training split (<c>train_loc</c>), or null when the file has none.</summary>
    public Xlsa17Split? Train => Split("train");

    /// <summary>The hyper-parameter validation split (<c>val_loc</c>), or null when the file has none.</summary>
    public Xlsa17Split? Val => Split("val");

    /// <summary>Image features, one row per instance (<c>features</c> transposed), or null without res101.mat.</summary>
    public RowMatrix? Features { get; private init; }

    /// <summary>0-based class of each instance, or null without res101.mat.</summary>
    public IReadOnlyList<int>? Labels { get; private init; }

    /// <summary>The image file of each instance (<c>image_files</c>), or null when absent.</summary>
    public IReadOnlyList<string>? ImageFiles { get; private init; }

    /// <summary>The classes of the trainval instances (0-based, ascending), or null without labels.</summary>
    public IReadOnlyList<int>? SeenClasses => TrainVal.Classes;

    /// <summary>The classes of the test_unseen instances (0-based, ascending), or null without labels.</summary>
    public IReadOnlyList<int>? UnseenClasses => TestUnseen.Classes;

    /// <summary>Loads a benchmark. <paramref name="path"/> is a folder holding <c>att_splits.mat</c> (and then
    /// <c>res101.mat</c> is used when it is there too) or the path of an <c>att_splits.mat</c>-format file;
    /// <paramref name="res101Path"/> names the feature file explicitly.</summary>
    /// <exception cref="DataFormatException">A file is not readable, a variable is missing or has the wrong shape, an
    /// index or label is out of range, or splits that must be disjoint overlap.</exception>
    public static Xlsa17Dataset Load(string path, string? res101Path = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string attPath = path;
        if (Directory.Exists(path))
        {
            attPath = Path.Combine(path, "att_splits.mat");
            string sibling = Path.Combine(path, "res101.mat");
            res101Path ??= File.Exists(sibling) ? sibling : null;
        }

        var att = MatFile.Read(attPath);
        var res101 = res101Path is null ? null : MatFile.Read(res101Path);
        return Build(att, res101);
    }

    /// <summary>A split by name (trainval, test_seen, test_unseen, train, val), or null when absent.</summary>
    public Xlsa17Split? Split(string name) => Splits.FirstOrDefault(s => s.Name == name);

    /// <summary>A table of the splits: instances and classes per split, seen and unseen classes.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"{AttSplitsPath}: {ClassNames.Count} classes, {ClassAttributes.Columns} attributes");
        text.AppendLine(Features is null ? ", no features (res101.mat not given)" : string.Create(culture, $", {Features.Rows} instances × {Features.Columns} features"));
        text.AppendLine("split        instances  classes");
        foreach (var split in Splits)
        {
            text.AppendLine(culture, $"{split.Name,-12} {split.Count,9}  {(split.Classes is null ? "?" : split.Classes.Count.ToString(culture)),7}");
        }

        if (SeenClasses is not null && UnseenClasses is not null)
        {
            text.AppendLine(culture, $"seen classes: {SeenClasses.Count}, unseen classes: {UnseenClasses.Count}");
        }

        return text.ToString();
    }

    private static Xlsa17Dataset Build(MatFile att, MatFile? res101)
    {
        var attArray = att.GetNumeric("att");
        var classAttributes = attArray.ToTransposedRowMatrix();
        int classCount = classAttributes.Rows;
        var names = ReadNames(att, classCount);
        RowMatrix? original = null;
        if (att.TryGet("original_att", out var originalArray))
        {
            original = att.GetNumeric("original_att").ToTransposedRowMatrix();
            if (original.Rows != classCount || original.Columns != classAttributes.Columns)
            {
                throw new DataFormatException(att.Source, $"original_att is {original.Columns}×{original.Rows} but att is {classAttributes.Columns}×{classCount}; they must have the same shape.", offset: originalArray.Offset);
            }
        }

        var (features, labels, imageFiles) = res101 is null ? (null, null, null) : ReadFeatures(res101, classCount);
        var splits = new List<Xlsa17Split>();
        foreach (string name in SplitNames)
        {
            if (att.TryGet(name + "_loc", out _) || name is "trainval" or "test_seen" or "test_unseen")
            {
                splits.Add(ReadSplit(att, name, features?.Rows, labels));
            }
        }

        RequireDisjoint(att, splits, "trainval", "test_seen", "test_unseen");
        RequireDisjoint(att, splits, "train", "val");
        if (labels is not null)
        {
            RequireSeenUnseen(att, splits);
        }

        return new Xlsa17Dataset
        {
            AttSplitsPath = att.Source,
            Res101Path = res101?.Source,
            ClassNames = names ?? Enumerable.Range(0, classCount).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray(),
            HasClassNames = names is not null,
            ClassAttributes = classAttributes,
            OriginalClassAttributes = original,
            Splits = splits,
            Features = features,
            Labels = labels,
            ImageFiles = imageFiles,
        };
    }

    private static string[]? ReadNames(MatFile att, int classCount)
    {
        if (!att.TryGet("allclasses_names", out var array))
        {
            return null;
        }

        var names = att.GetStrings("allclasses_names").ToArray();
        if (names.Length != classCount)
        {
            throw new DataFormatException(att.Source, $"allclasses_names has {names.Length} names but att has {classCount} class columns.", offset: array.Offset);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < names.Length; c++)
        {
            if (names[c].Length == 0 || !seen.TryAdd(names[c], c))
            {
                throw new DataFormatException(att.Source, names[c].Length == 0 ? $"allclasses_names{{{c + 1}}} is empty." : $"class '{names[c]}' appears twice in allclasses_names (entries {seen[names[c]] + 1} and {c + 1}).", offset: array.Offset);
            }
        }

        return names;
    }

    private static (RowMatrix Features, int[] Labels, string[]? ImageFiles) ReadFeatures(MatFile res101, int classCount)
    {
        var featureArray = res101.GetNumeric("features");
        var features = featureArray.ToTransposedRowMatrix();   // features × instances in the file
        var labelArray = res101.GetNumeric("labels");
        var labels = labelArray.ToInt32Array();
        if (labels.Length != features.Rows)
        {
            throw new DataFormatException(res101.Source, $"labels has {labels.Length} entries but features has {features.Rows} instance columns.", offset: labelArray.Offset);
        }

        for (int n = 0; n < labels.Length; n++)
        {
            if (labels[n] < 1 || labels[n] > classCount)
            {
                throw new DataFormatException(res101.Source, $"labels({n + 1}) is {labels[n]}; labels are 1-based classes, 1 to {classCount} (the columns of att).", offset: labelArray.Offset);
            }

            labels[n]--;
        }

        string[]? imageFiles = null;
        if (res101.TryGet("image_files", out var imageArray))
        {
            imageFiles = res101.GetStrings("image_files").ToArray();
            if (imageFiles.Length != labels.Length)
            {
                throw new DataFormatException(res101.Source, $"image_files has {imageFiles.Length} entries but there are {labels.Length} instances.", offset: imageArray.Offset);
            }
        }

        return (features, labels, imageFiles);
    }

    private static Xlsa17Split ReadSplit(MatFile att, string name, int? instanceCount, int[]? labels)
    {
        var array = att.GetNumeric(name + "_loc");
        if (array.Dimensions.Count != 2 || Math.Min(array.Dimensions[0], array.Dimensions[1]) > 1)
        {
            throw new DataFormatException(att.Source, $"{array.Describe()} is not a vector of instance indices.", offset: array.Offset);
        }

        var indices = array.ToInt32Array();
        var seen = new HashSet<int>();
        for (int k = 0; k < indices.Length; k++)
        {
            int index = indices[k];
            if (index < 1 || (instanceCount is { } n && index > n))
            {
                string range = instanceCount is { } count ? $"1 to {count} (the instances of res101.mat)" : "1 or more";
                throw new DataFormatException(att.Source, $"{name}_loc({k + 1}) is {index}; indices are 1-based, {range}.", offset: array.Offset);
            }

            if (!seen.Add(index))
            {
                throw new DataFormatException(att.Source, $"{name}_loc lists instance {index} twice.", offset: array.Offset);
            }

            indices[k] = index - 1;
        }

        var classes = labels is null ? null : indices.Select(i => labels[i]).Distinct().Order().ToArray();
        return new Xlsa17Split(name, indices, classes);
    }

    private static void RequireDisjoint(MatFile att, List<Xlsa17Split> splits, params string[] names)
    {
        var present = splits.Where(s => names.Contains(s.Name)).ToList();
        var owner = new Dictionary<int, string>();
        foreach (var split in present)
        {
            foreach (int index in split.Indices)
            {
                if (!owner.TryAdd(index, split.Name))
                {
                    throw new DataFormatException(att.Source, $"instance {index + 1} is in both {owner[index]}_loc and {split.Name}_loc; these splits must not overlap. Check that the file is an unmodified xlsa17 att_splits.mat.", offset: att.Get(split.Name + "_loc").Offset);
                }
            }
        }
    }

    private static void RequireSeenUnseen(MatFile att, List<Xlsa17Split> splits)
    {
        var seen = splits.First(s => s.Name == "trainval").Classes!.ToHashSet();
        var unseen = splits.First(s => s.Name == "test_unseen").Classes!;
        int shared = unseen.FirstOrDefault(seen.Contains, -1);
        if (shared >= 0)
        {
            throw new DataFormatException(att.Source, $"class {shared + 1} has instances in both trainval_loc and test_unseen_loc; unseen classes must not be seen in training. Do att_splits.mat and res101.mat belong to the same dataset?", offset: att.Get("test_unseen_loc").Offset);
        }

        int stray = splits.First(s => s.Name == "test_seen").Classes!.FirstOrDefault(c => !seen.Contains(c), -1);
        if (stray >= 0)
        {
            throw new DataFormatException(att.Source, $"class {stray + 1} has instances in test_seen_loc but none in trainval_loc; test_seen must hold seen classes only. Do att_splits.mat and res101.mat belong to the same dataset?", offset: att.Get("test_seen_loc").Offset);
        }
    }
}
