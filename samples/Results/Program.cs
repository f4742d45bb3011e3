using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using SimZsl.IO;
using SimZsl.Samples.Shared;

// The challenge tables of docs/results.md over several seeds: runs each challenge sample once per seed (as its own
// process, exactly as a user runs it, writing into an output folder), reads back the tables it printed and writes
// each as mean ± sd over the runs, with the machine and the date. --write-docs also puts them into docs/results.md
// (each in place of the table with the same "Challenge …:" title) and the first seed's pictures into docs/img.
//   dotnet run -c Release --project samples/Results [-- --seeds 5] [--first-seed 0] [--out results-output] [--write-docs]
var options = new SampleOptions(args);
bool writeDocs = options.Flag("write-docs");
int seeds = options.Int("seeds", 5), firstSeed = options.Int("first-seed", 0);
string output = Path.GetFullPath(options.Text("out") ?? "results-output");
string root = SampleOptions.RepositoryRoot();
string[] samples = ["ChallengeNoNames", "ChallengeMultiSource", "ChallengeRareClasses", "ChallengeMissing"];
string machine = Machine();
string date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
var clock = Stopwatch.StartNew();
var combined = new List<SeedTables.Table>();
foreach (string sample in samples)
{
    var runs = new List<List<SeedTables.Table>>();
    for (int seed = firstSeed; seed < firstSeed + seeds; seed++)
    {
        string folder = Path.Combine(output, sample, "seed-" + seed.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var step = Stopwatch.StartNew();
        string printed = Run(sample, seed, folder);
        File.WriteAllText(Path.Combine(folder, "output.md"), printed);
        runs.Add(SeedTables.Parse(printed));
        Console.Error.WriteLine($"{sample}, seed {seed}: {runs[^1].Count} table(s), {step.Elapsed.TotalSeconds:F1} s");
    }

    for (int t = 0; t < runs[0].Count; t++)
    {
        string title = runs[0][t].Title.Replace($", seed {firstSeed}", string.Empty, StringComparison.Ordinal);
        title += $"; mean ± sd over seeds {firstSeed}–{firstSeed + seeds - 1}, {date}, {machine}";
        combined.Add(SeedTables.Combine([.. runs.Select(r => r[t])], title));
    }

    foreach (string png in Directory.EnumerateFiles(Path.Combine(output, sample, "seed-" + firstSeed.ToString(CultureInfo.InvariantCulture)), "*.png"))
    {
        Directory.CreateDirectory(Path.Combine(output, "img"));
        File.Copy(png, Path.Combine(output, "img", Path.GetFileName(png)), overwrite: true);
    }
}

string tables = string.Join('\n', combined.Select(SeedTables.Format));
AtomicFile.WriteAllText(Path.Combine(output, "results-tables.md"), tables);
Console.Write(tables);
if (writeDocs)
{
    string docs = Path.Combine(root, "docs", "results.md");
    string text = File.ReadAllText(docs);
    foreach (var table in combined)
    {
        text = ReplaceTable(text, table);
    }

    AtomicFile.WriteAllText(docs, text);
    foreach (string png in Directory.EnumerateFiles(Path.Combine(output, "img")))
    {
        File.Copy(png, Path.Combine(root, "docs", "img", Path.GetFileName(png)), overwrite: true);
    }

    Console.Error.WriteLine($"wrote {combined.Count} tables into {docs} and the pictures into docs/img");
}

Console.Error.WriteLine($"total {clock.Elapsed.TotalMinutes:F1} min; tables in {Path.Combine(output, "results-tables.md")}");
return 0;

// One run of a sample, from the repository root (the samples find their data there), built beforehand.
string Run(string sample, int seed, string folder)
{
    var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (string a in (string[])["run", "--no-build", "-c", "Release", "--project", Path.Combine("samples", sample), "--", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", folder])
    {
        info.ArgumentList.Add(a);
    }

    using var process = Process.Start(info)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{sample} --seed {seed} exited with {process.ExitCode}:\n{stderr.Result}");
    }

    return stdout.Result;
}

// The table block whose heading starts like this one's ("### Challenge II:"), replaced by the combined table.
static string ReplaceTable(string text, SeedTables.Table table)
{
    string prefix = "### " + table.Title[..(table.Title.IndexOf(':', StringComparison.Ordinal) + 1)];
    var lines = text.Split('\n').ToList();
    int start = lines.FindIndex(l => l.StartsWith(prefix, StringComparison.Ordinal));
    if (start < 0)
    {
        throw new InvalidOperationException($"docs/results.md has no table headed '{prefix}'.");
    }

    int end = start + 1;
    while (end < lines.Count && !lines[end].StartsWith('|'))
    {
        if (lines[end].StartsWith('#'))
        {
            throw new InvalidOperationException($"docs/results.md: the heading '{prefix}' has no table under it.");
        }

        end++;   // the blank line and any note between the heading and the table
    }

    while (end < lines.Count && lines[end].StartsWith('|'))
    {
        end++;
    }

    string[] formatted = SeedTables.Format(table).TrimEnd('\n').Split('\n');
    lines.RemoveRange(start, end - start);
    lines.InsertRange(start, formatted);
    return string.Join('\n', lines);
}

// "AMD EPYC 7B13, 2 cores, Linux": what a reader needs to compare the seconds.
static string Machine()
{
    string cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
        : RuntimeInformation.ProcessArchitecture.ToString();
    return $"{cpu}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}";
}
