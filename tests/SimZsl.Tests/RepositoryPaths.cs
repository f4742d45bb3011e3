namespace SimZsl.Tests;

/// <summary>Finds files of the repository (shipped real data under samples/data) from the test output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SimZsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SimZsl.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>A file under samples/data, e.g. Data("WordNet", "FashionMNIST_wup.csv").</summary>
    public static string Data(params string[] parts) => Path.Combine([Root, "samples", "data", .. parts]);
}
