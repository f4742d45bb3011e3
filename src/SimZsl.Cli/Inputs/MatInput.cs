using SimZsl.Similarity;

namespace SimZsl.Cli.Inputs;

/// <summary>MATLAB <c>.mat</c> inputs (<c>file.mat:variable</c>).</summary>
internal static class MatInput
{
    public static DistanceMatrix Distances(string path, string variable) => throw NotYet(path, variable);

    public static SimilarityMatrix Similarities(string path, string variable) => throw NotYet(path, variable);

    public static (string[] Names, RowMatrix Vectors) Vectors(string path, string variable, bool columnsAreClasses) => throw NotYet(path, variable);

    private static UsageException NotYet(string path, string variable) =>
        new($"reading '{path}:{variable}' is not supported yet: the MATLAB v5 reader is not in this build. Export the variable to CSV or .npy (e.g. scipy.io.loadmat + numpy.save) and pass that file.");
}
