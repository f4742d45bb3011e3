using SimZsl.IO;
using SimZsl.ZeroShot;

namespace SimZsl.Cli.Inputs;

/// <summary>The proposed split of an xlsa17 benchmark as <c>simzsl gbu</c> uses it: trainval instances to train on,
/// test_seen then test_unseen to test on, and the validation classes for model selection: the classes of val_loc's
/// trainval instances, or, where att_splits.mat has no val_loc (CUB's), the classes of the release's own
/// valclasses1.txt beside it (the first of its three train/val splits, the one val_loc encodes elsewhere). The files'
/// train_loc and val_loc also list test_seen instances; only trainval instances take part in the selection, so that
/// no test instance takes part in any choice (γ of calibrated stacking included).</summary>
internal sealed record GbuSplit(string Name, RowMatrix TrainFeatures, string[] TrainLabels, RowMatrix TestFeatures, string[] TestLabels,
    string[] SeenClasses, string[] UnseenClasses, string[]? ValidationClasses, string ValidationSource, int TestSeenInstances, int TestUnseenInstances)
{
    /// <summary>The xlsa17 release's list of the first split's validation classes, one name per line.</summary>
    public const string ValidationClassesFile = "valclasses1.txt";

    /// <summary>The split of a benchmark loaded with its res101.mat; <paramref name="maxPerClass"/> subsamples every
    /// split (<see cref="Xlsa17Inputs.PerClass"/>).</summary>
    public static GbuSplit Create(Xlsa17Dataset data, int? maxPerClass)
    {
        var features = data.Features!;
        var labels = data.Labels!;
        var names = data.ClassNames;
        var trainVal = Xlsa17Inputs.PerClass(data.TrainVal.Indices, labels, maxPerClass);
        var testSeen = Xlsa17Inputs.PerClass(data.TestSeen.Indices, labels, maxPerClass);
        var testUnseen = Xlsa17Inputs.PerClass(data.TestUnseen.Indices, labels, maxPerClass);
        int[] test = [.. testSeen, .. testUnseen];
        string[] Names(IEnumerable<int> classes) => classes.Select(c => names[c]).ToArray();
        var inTrainVal = data.TrainVal.Indices.ToHashSet();
        var validation = data.Val?.Indices.Where(inTrainVal.Contains).Select(i => labels[i]).Distinct().Order().ToArray();
        string source = "the classes of val_loc, their trainval instances; the other trainval classes' instances are fitted on, 20 % of each held out for calibrated stacking's γ";
        if (validation is not { Length: > 0 })
        {
            string file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(data.AttSplitsPath)) ?? ".", ValidationClassesFile);
            validation = File.Exists(file) ? ReadValidationClasses(file, names, data.SeenClasses!) : null;
            source = validation is null
                ? $"held-out folds of the trainval classes (att_splits.mat has no val_loc and no {ValidationClassesFile} lies beside it)"
                : $"the classes of {ValidationClassesFile} (att_splits.mat has no val_loc), their trainval instances; the other trainval classes' instances are fitted on, 20 % of each held out for calibrated stacking's γ";
        }

        return new GbuSplit(
            Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(data.AttSplitsPath))) ?? data.AttSplitsPath,
            RowSelection.Select(features, trainVal), trainVal.Select(i => names[labels[i]]).ToArray(),
            RowSelection.Select(features, test), test.Select(i => names[labels[i]]).ToArray(),
            Names(data.SeenClasses!), Names(data.UnseenClasses!),
            validation is { Length: > 0 } ? Names(validation) : null, source,
            testSeen.Length, testUnseen.Length);
    }

    // The class indices of a valclasses file: every line a seen class of the benchmark, else an error naming the line.
    private static int[] ReadValidationClasses(string file, IReadOnlyList<string> names, IReadOnlyList<int> seen)
    {
        var index = names.Select((name, i) => (name, i)).ToDictionary(t => t.name, t => t.i, StringComparer.Ordinal);
        var seenSet = seen.ToHashSet();
        var classes = new List<int>();
        string[] lines = File.ReadAllLines(file);
        for (int k = 0; k < lines.Length; k++)
        {
            string name = lines[k].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!index.TryGetValue(name, out int c) || !seenSet.Contains(c))
            {
                throw new DataFormatException(file, $"'{name}' is not a seen (trainval) class of att_splits.mat's allclasses_names; the file must list validation classes of this benchmark, one per line.", line: k + 1);
            }

            classes.Add(c);
        }

        return [.. classes.Distinct().Order()];
    }
}
