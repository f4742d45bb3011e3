using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SimZsl.IO;
using SimZsl.Samples.Shared;

// The generated sections of docs/results.md, regenerated: runs each challenge sample, the zero-shot ablation, split
// sweep and ceiling (samples/ZeroShotExperiments: "ZeroShotAblation", "ZeroShotSweep", "ZeroShotCeiling") and the
// xlsa17 protocol once (as its own process, exactly
// as a user runs it, writing its pictures into an output folder, never into the repository), reads back the tables
// and verdicts it printed (each cell already a mean with its 95 % interval over the sample's own draws) and writes
// them, with the command, the machine, the date and the wall time, into sample-output/results/results.md. --write-docs
// also puts each sample's block into docs/results.md (between its "generated" markers) and its pictures into
// docs/img. --compare OTHER_OUTPUT checks a second run (another --seed) against this one: how many interval cells
// overlap, and which do not; with --reuse it runs nothing and compares the outputs both runs left. QuickStart runs
// last (on the shipped image subset, so that every machine draws the same pictures): it has no interval table, only
// the pictures the README shows, which --write-docs refreshes in docs/img.
//   dotnet run -c Release --project samples/Results [-- --seed 0] [--out sample-output/results] [--samples A,B] [--quick] [--write-docs] [--compare OTHER_OUTPUT [--reuse]]
const string QuickStart = "QuickStart", ZeroShotSweep = "ZeroShotSweep", ZeroShotAblation = "ZeroShotAblation", ZeroShotCeiling = "ZeroShotCeiling";
var options = new SampleOptions(args);
bool writeDocs = options.Flag("write-docs"), quick = options.Flag("quick"), reuse = options.Flag("reuse");
if (reuse && writeDocs)
{
    throw new ArgumentException("--reuse reads the outputs an earlier run left in --out (to compare them with --compare); the docs are written only by a run, without --reuse.");
}

int seed = options.Int("seed", 0);
string output = Path.GetFullPath(options.Text("out") ?? Path.Combine("sample-output", "results"));
string root = SampleOptions.RepositoryRoot();
string[] samples = options.Text("samples")?.Split(',') ??
    ["ChallengeNoNames", "ChallengeMultiSource", "ChallengeSimilarityEnough", "ChallengeRareClasses", "ChallengeMissing", "ChallengeFidelity", ZeroShotAblation, ZeroShotSweep, ZeroShotCeiling, "Xlsa17Protocol", QuickStart];
string machine = Machine();
var clock = Stopwatch.StartNew();
var blocks = new List<(string Sample, string Text, string Folder)>();
string? quickStartFolder = null;
foreach (string sample in samples)
{
    string folder = Path.Combine(output, sample);
    Directory.CreateDirectory(folder);
    var step = Stopwatch.StartNew();
    if (sample == QuickStart)
    {
        if (reuse)
        {
            continue;
        }

        Run(sample, folder, ["--shipped-subset", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--output", folder, .. quick ? ["--per-class", "100", "--epochs", "2"] : Array.Empty<string>()]);
        quickStartFolder = folder;
        Console.Error.WriteLine($"{sample}: {Directory.EnumerateFiles(folder, "*.png").Count()} picture(s), {step.Elapsed.TotalSeconds:F0} s");
        continue;
    }

    // ZeroShotSweep is the split sweep of samples/ZeroShotExperiments, once on Fashion-MNIST (k = 2 … 5) and once on
    // aPascal (k = 5), with one training seed, the --seed given here (the splits are the same draws in every run): a
    // second run with another --seed is the check that the tables hold. One seed keeps the two runs near an hour
    // each on two cores; `sweep --seeds 3` gives more runs per split.
    // ZeroShotAblation and ZeroShotCeiling are that sample's ablation (training seed --seed) and its per-split ceiling
    // (deterministic: no seed).
    string[][] runs = sample switch
    {
        ZeroShotSweep => [["sweep", "--seeds", "1", "--first-seed", $"{seed}"], ["sweep", "--data", "apascal", "--seeds", "1", "--first-seed", $"{seed}"]],
        ZeroShotAblation => [["ablation", "--seed", $"{seed}"]],
        ZeroShotCeiling => [["ceiling"], ["ceiling", "--data", "apascal"]],
        _ => [["--seed", $"{seed}"]],
    };
    string project = sample is ZeroShotSweep or ZeroShotAblation or ZeroShotCeiling ? "ZeroShotExperiments" : sample;
    string printed;
    if (reuse)
    {
        printed = File.ReadAllText(Path.Combine(folder, "output.md"));
    }
    else
    {
        printed = string.Concat(runs.Select(r => Run(project, folder, [.. r, "--out", folder, .. quick ? ["--quick"] : Array.Empty<string>()])));
        AtomicFile.WriteAllText(Path.Combine(folder, "output.md"), printed);
    }

    var tables = ResultTables.Parse(printed);
    if (tables.Count == 0)
    {
        throw new InvalidOperationException($"{sample} printed no table; its output is in {folder}/output.md.");
    }

    string command = string.Join(" and ", runs.Select(r => $"`dotnet run --no-build -c Release --project samples/{project} -- {string.Join(' ', r)}{(quick ? " --quick" : string.Empty)}`"));
    var text = new StringBuilder();
    text.Append(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine}: {command}, {step.Elapsed.TotalSeconds:F0} s wall.\n\n");
    foreach (var table in tables)
    {
        text.Append(ResultTables.Format(table)).Append('\n');
    }

    foreach (string png in Directory.EnumerateFiles(folder, "*.png").Order(StringComparer.Ordinal))
    {
        text.Append(CultureInfo.InvariantCulture, $"![{Path.GetFileNameWithoutExtension(png)}](img/{Path.GetFileName(png)})\n\n");
    }

    blocks.Add((sample, text.ToString(), folder));
    Console.Error.WriteLine($"{sample}: {tables.Count} table(s), {tables.Sum(t => t.Verdicts.Count)} verdict(s), {step.Elapsed.TotalSeconds:F0} s");
}

if (!reuse)
{
    AtomicFile.WriteAllText(Path.Combine(output, "results.md"), string.Concat(blocks.Select(b => $"## {b.Sample}\n\n{b.Text}")));
}

if (options.Text("compare") is { } other)
{
    int compared = 0, apart = 0;
    foreach (var (sample, _, folder) in blocks)
    {
        var (count, disagreements) = ResultTables.Compare(
            ResultTables.Parse(File.ReadAllText(Path.Combine(folder, "output.md"))),
            ResultTables.Parse(File.ReadAllText(Path.Combine(other, sample, "output.md"))));
        compared += count;
        apart += disagreements.Count;
        Console.WriteLine($"{sample}: {count - disagreements.Count} of {count} interval cells overlap");
        foreach (var d in disagreements)
        {
            Console.WriteLine($"  apart: '{d.Title}', row {d.Row}, column {d.Column}: {d.First} against {d.Second}");
        }
    }

    Console.WriteLine($"all: {compared - apart} of {compared} interval cells overlap with {other}");
}

if (writeDocs)
{
    string docs = Path.Combine(root, "docs", "results.md");
    string text = File.ReadAllText(docs);
    foreach (var (sample, block, _) in blocks)
    {
        text = GeneratedBlock.Replace(text, sample, block);
    }

    AtomicFile.WriteAllText(docs, text);
    foreach (var (_, _, folder) in blocks)
    {
        foreach (string png in Directory.EnumerateFiles(folder, "*.png"))
        {
            File.Copy(png, Path.Combine(root, "docs", "img", Path.GetFileName(png)), overwrite: true);
        }
    }

    // QuickStart draws a picture per geometry; the docs show a chosen few, and only those are refreshed.
    int refreshed = 0;
    foreach (string png in quickStartFolder is null ? [] : Directory.EnumerateFiles(quickStartFolder, "*.png"))
    {
        string shown = Path.Combine(root, "docs", "img", Path.GetFileName(png));
        if (File.Exists(shown))
        {
            File.Copy(png, shown, overwrite: true);
            refreshed++;
        }
    }

    Console.Error.WriteLine($"wrote {blocks.Count} blocks into {docs} and their pictures into docs/img; refreshed {refreshed} QuickStart picture(s)");
}

Console.Error.WriteLine($"total {clock.Elapsed.TotalMinutes:F1} min; {Path.Combine(output, "results.md")}");
return 0;

// One run of a sample, from the repository root (the samples find their data there), built beforehand; its progress
// (stderr) is kept beside its output.
string Run(string sample, string folder, string[] sampleArguments)
{
    var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (string a in (string[])["run", "--no-build", "-c", "Release", "--project", Path.Combine("samples", sample), "--", .. sampleArguments])
    {
        info.ArgumentList.Add(a);
    }

    using var process = Process.Start(info)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    File.WriteAllText(Path.Combine(folder, "progress.log"), stderr.Result);
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{sample} {string.Join(' ', sampleArguments)} exited with {process.ExitCode}:\n{stderr.Result}");
    }

    return stdout.Result;
}

// "AMD EPYC 7B13, 2 cores, Debian GNU/Linux 12": what a reader needs to compare the seconds.
static string Machine()
{
    string cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
        : RuntimeInformation.ProcessArchitecture.ToString();
    return $"{cpu}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}";
}
