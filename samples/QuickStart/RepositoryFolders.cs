namespace SimZsl.Samples.QuickStart;

/// <summary>Finds the repository's samples/data from wherever the sample was built, so that it runs from a fresh
/// clone without arguments: walks up from the program's folder to the folder that holds SimZsl.sln.</summary>
public static class RepositoryFolders
{
    /// <summary>samples/data of the repository that holds this build of the sample.</summary>
    public static string SampleData()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SimZsl.sln")))
            {
                return Path.Combine(folder.FullName, "samples", "data");
            }
        }

        throw new SimZslException($"No SimZsl.sln above {AppContext.BaseDirectory}: run the sample from inside the SimZsl repository (dotnet run -c Release --project samples/QuickStart).");
    }
}
