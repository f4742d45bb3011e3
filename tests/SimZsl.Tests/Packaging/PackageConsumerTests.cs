using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace SimZsl.Tests.Packaging;

/// <summary>Packs the library, checks the package's contents, then builds and runs a fresh console app that
/// references the local package the way a user would (plus the CPU libtorch package): first an exact κ-MDS check,
/// then the README's C# program as pasted.</summary>
public class PackageConsumerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(6);

    [Fact]
    [Trait("Category", "Packaging")]
    public void PackedLibraryWorksInAFreshConsoleApp()
    {
        string work = Path.Combine(Path.GetTempPath(), "simzsl-package-test", Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(work, "feed"), app = Path.Combine(work, "app");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(app);
        // A unique version so the NuGet cache never serves an older build of the same number.
        string version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        string project = Path.Combine(RepositoryPaths.Root, "src", "SimZsl", "SimZsl.csproj");

        var pack = ProcessRunner.Run("dotnet", $"pack \"{project}\" -c Release -o \"{feed}\" -p:Version={version} -nodeReuse:false", RepositoryPaths.Root, Limit);
        Assert.True(pack.Code == 0, pack.Output);
        string nupkg = Path.Combine(feed, $"SimZsl.{version}.nupkg");
        Assert.True(File.Exists(nupkg), pack.Output);
        Assert.True(File.Exists(Path.Combine(feed, $"SimZsl.{version}.snupkg")), "no symbols package");
        CheckPackageContents(nupkg);

        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SimZsl" Version="{version}" />
                <PackageReference Include="libtorch-cpu-linux-x64" Version="2.10.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using SimZsl.Embedding;
            using SimZsl.Similarity;

            // Four unit vectors' cosine similarities, embedded on the unit sphere: distances come back exactly.
            double[][] v = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.6, 0.8, 0]];
            var s = new double[4, 4];
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++)
                    s[i, j] = v[i][0] * v[j][0] + v[i][1] * v[j][1] + v[i][2] * v[j][2];
            var similarity = SimilarityMatrix.Create(["a", "b", "c", "d"], s);
            var result = new KappaMds(new KappaMdsOptions { Dimension = 2, Curvature = 1 }).Fit(similarity.ToDistances());
            double error = Math.Abs(result.Distance(0, 3) - Math.Acos(0.6));
            Console.WriteLine(FormattableString.Invariant($"classes={result.Prototypes.ClassNames.Count} error={error:E2}"));
            return error < 1e-8 ? 0 : 1;
            """);

        var run = ProcessRunner.Run("dotnet", "run -c Release -nodeReuse:false", app, Limit);
        Assert.True(run.Code == 0, run.Output);
        Assert.Contains("classes=4", run.Output, StringComparison.Ordinal);

        // The README's first C# block, as pasted, run from the repository root (it reads the shipped data there).
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeProgram());
        var readme = ProcessRunner.Run("dotnet", $"run -c Release -nodeReuse:false --project \"{app}\"", RepositoryPaths.Root, Limit);
        Assert.True(readme.Code == 0, readme.Output);
        var zsl = System.Text.RegularExpressions.Regex.Match(readme.Output, @"ZSL top-1 ([0-9.]+) %");
        Assert.True(zsl.Success, readme.Output);
        double top1 = double.Parse(zsl.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(top1 > 60, $"the README program's ZSL top-1 is {top1} % (chance 50 %)");
        Directory.Delete(work, recursive: true);
    }

    /// <summary>The first <c>```csharp</c> block of the README.</summary>
    private static string ReadmeProgram()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");
        int start = text.IndexOf("```csharp\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has no ```csharp block");
        start += "```csharp\n".Length;
        return text[start..text.IndexOf("\n```", start, StringComparison.Ordinal)] + "\n";
    }

    private static void CheckPackageContents(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("README.md", names);
        Assert.Contains("lib/net10.0/SimZsl.dll", names);
        Assert.Contains("lib/net10.0/SimZsl.xml", names);
        Assert.Contains("buildTransitive/SimZsl.targets", names);

        using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var nuspec = XDocument.Load(nuspecStream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
        Assert.Contains("TorchSharp", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase));

        // The package names the commit it was built from (and the repository's URL when the clone has a remote).
        Assert.Matches("^[0-9a-f]{40}$", metadata.Element(ns + "repository")!.Attribute("commit")!.Value);

        // A package page shows the README alone: no link into the repository's folders may stay relative.
        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        string text = readme.ReadToEnd();
        Assert.DoesNotMatch(@"\]\((docs|samples|src|tests|benchmarks)/", text);
        // A picture is one by URL or a note, never a relative picture link nor a stray "!" before a label.
        Assert.DoesNotMatch(@"!\[[^\]]*\]\((?!https?:)", text);
        Assert.DoesNotMatch(@"(?m)^![^\[]", text);
    }
}
