using SimZsl.IO;
using SimZsl.ZeroShot;

namespace SimZsl.Cli.Inputs;

/// <summary>The proposed split of an xlsa17 benchmark as <c>simzsl gbu</c> uses it: trainval instances to train on,
/// test_seen then test_unseen to test on, and the validation classes for model selection: the classes of val_loc's
/// trainval instances. The files' train_loc and val_loc also list test_seen instances; only trainval instances take
/// part in the selection, so that no test instance takes part in any choice (γ of calibrated stacking included).</summary>
internal sealed record GbuSplit(string Name, RowMatrix TrainFeatures, string[] TrainLabels, RowMatrix TestFeatures, string[] TestLabels,
    string[] SeenClasses, string[] UnseenClasses, string[]? ValidationClasses, int TestSeenInstances, int TestUnseenInstances)
{
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
        return new GbuSplit(
            Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(data.AttSplitsPath))) ?? data.AttSplitsPath,
            RowSelection.Select(features, trainVal), trainVal.Select(i => names[labels[i]]).ToArray(),
            RowSelection.Select(features, test), test.Select(i => names[labels[i]]).ToArray(),
            Names(data.SeenClasses!), Names(data.UnseenClasses!),
            validation is { Length: > 0 } ? Names(validation) : null,
            testSeen.Length, testUnseen.Length);
    }
}
