using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SimZsl.Samples.Shared;

// The xlsa17 protocol (Xian et al., "Zero-shot learning: the good, the bad and the ugly") as `simzsl gbu` runs it, on
// AWA2 and CUB with synthetic res101.mat features (the real ones are not shipped; see SyntheticRes101), over several
// seeds: the features are drawn once (seed 0); run s passes --seed s to the tool, which seeds the head's
// initialisation and batches and the instances the selection holds out for calibration, so the peers' choices and
// calibrated figures can move too. Runs the built tool as a user would (build the solution first), one process per
// run, and reads its JSON reports (`selected`: the settings each method's grid varied).
//   dotnet run -c Release --project samples/Xlsa17Protocol [-- --seed S] [--draws N] [--features F] [--out FOLDER] [--quick]
var options = new SampleOptions(args);
bool quick = options.Flag("quick");
int seed = options.Int("seed", 0), draws = options.Int("draws", quick ? 2 : 5), features = options.Int("features", quick ? 64 : 2048);
string folder = options.OutputFolder();
string tool = Path.Combine(SampleOptions.RepositoryRoot(), "src", "SimZsl.Cli", "bin", "Release", "net10.0", "SimZsl.Cli.dll");
if (!File.Exists(tool))
{
    Console.Error.WriteLine($"The tool is not built ({tool}): run `dotnet build SimZsl.sln -c Release` first.");
    return 1;
}

var clock = Stopwatch.StartNew();
foreach (string name in new[] { "AWA2", "CUB" })
{
    string benchmark = Path.Combine(folder, "xlsa17-synthetic", name);
    var written = SyntheticRes101.Write(SampleOptions.Data("xlsa17", name), benchmark, features, seed: 0);
    Console.Error.WriteLine($"{name}: synthetic res101.mat, {written.Features} features × {written.Instances} instances");
    var runs = new List<Run>();
    for (int r = 0; r < draws; r++)
    {
        string report = Path.Combine(folder, $"gbu-{name.ToLowerInvariant()}-seed{seed + r}.json");
        var step = Stopwatch.StartNew();
        string[] arguments = ["gbu", "--data", benchmark, "--seed", (seed + r).ToString(CultureInfo.InvariantCulture), "--report", report, "--quiet", .. quick ? ["--max-per-class", "20"] : Array.Empty<string>()];
        Tool(tool, arguments);
        runs.Add(Run.Read(report));
        Console.Error.WriteLine($"  seed {seed + r}: {step.Elapsed.TotalSeconds:F0} s");
    }

    var first = runs[0];
    string scope = quick ? ", at most 20 instances per class and split" : string.Empty;
    var table = new MarkdownTable(
        string.Create(CultureInfo.InvariantCulture, $"xlsa17 protocol, {name} (synthetic res101.mat, F = {written.Features}{scope}): {first.Seen} seen classes, {first.Unseen} unseen; κ-MDS of the cosine of att, κ = {first.Curvature:G3}, d = {first.Dimension}; accuracies in %, mean [95 % interval] over {draws} runs with --seed {seed}…{seed + draws - 1}"),
        "method", "chosen (per run)", "ZSL T1", "u", "s", "H", "cal. u", "cal. s", "cal. H", "s per run");
    foreach (string method in first.Methods.Keys)
    {
        var results = runs.Select(run => run.Methods[method]).ToArray();
        string Cell(Func<MethodResult, double> value) => MeanInterval.Of(results.Select(value)).Format("F1", 100);
        table.Add(
            method + (first.Methods[method].IsHead ? " (head)" : string.Empty),
            string.Join("; ", results.Select(m => m.Chosen).Distinct()),
            Cell(m => m.ZslTop1), Cell(m => m.Unseen), Cell(m => m.Seen), Cell(m => m.H),
            Cell(m => m.CalibratedUnseen), Cell(m => m.CalibratedSeen), Cell(m => m.CalibratedH),
            results.Average(m => m.Seconds).ToString("F1", CultureInfo.InvariantCulture));
    }

    table.Print();

    // The head against the best closed-form peer (by mean ZSL top-1), paired by run; under its table.
    var head = first.Methods.Values.Single(m => m.IsHead).Method;
    var peer = first.Methods.Values.Where(m => !m.IsHead).OrderByDescending(m => runs.Average(run => run.Methods[m.Method].ZslTop1)).First().Method;
    foreach (var (metric, value) in new (string, Func<MethodResult, double>)[] { ("ZSL top-1", m => m.ZslTop1), ("calibrated H", m => m.CalibratedH) })
    {
        var difference = PairedDifference.Of(runs.Select(run => value(run.Methods[head])).ToArray(), runs.Select(run => value(run.Methods[peer])).ToArray());
        Console.WriteLine($"Verdict: {name}: {metric} of the {head} head minus the best closed-form peer ({peer}): {difference.Format("F1", 100)} points, {PairedDifference.Direction(difference)}");
    }

    Console.WriteLine();
}

Console.WriteLine($"total {clock.Elapsed.TotalSeconds:F0} s");
return 0;

// One `simzsl gbu` process; its output goes to this process's error stream (the progress a reader watches).
static void Tool(string tool, string[] arguments)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
    start.ArgumentList.Add(tool);
    foreach (string argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    Console.Error.Write(process.StandardOutput.ReadToEnd());
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"simzsl {string.Join(' ', arguments)} exited with {process.ExitCode}.");
    }
}

/// <summary>What one method reached in one `simzsl gbu` run (fractions, as the report has them).</summary>
internal sealed record MethodResult(string Method, bool IsHead, string Chosen, double ZslTop1, double Unseen, double Seen, double H,
    double CalibratedUnseen, double CalibratedSeen, double CalibratedH, double Seconds);

/// <summary>One `simzsl gbu` report.</summary>
internal sealed record Run(int Seen, int Unseen, double Curvature, int Dimension, IReadOnlyDictionary<string, MethodResult> Methods)
{
    public static Run Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var methods = new Dictionary<string, MethodResult>();
        foreach (var m in root.GetProperty("methods").EnumerateArray())
        {
            var calibrated = m.GetProperty("gzsl_calibrated");
            string chosen = string.Join(", ", m.GetProperty("selected").EnumerateObject()
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} = {p.Value.GetDouble():G4}")));
            string method = m.GetProperty("method").GetString()!;
            methods[method] = new MethodResult(method, m.GetProperty("role").GetString() == "head", chosen,
                m.GetProperty("zsl_top1").GetDouble(), m.GetProperty("gzsl_unseen").GetDouble(), m.GetProperty("gzsl_seen").GetDouble(), m.GetProperty("gzsl_h").GetDouble(),
                calibrated.GetProperty("unseen").GetDouble(), calibrated.GetProperty("seen").GetDouble(), calibrated.GetProperty("h").GetDouble(),
                m.GetProperty("seconds").GetDouble());
        }

        return new Run(root.GetProperty("seen_classes").GetArrayLength(), root.GetProperty("unseen_classes").GetArrayLength(),
            root.GetProperty("curvature").GetDouble(), root.GetProperty("dimension").GetInt32(), methods);
    }
}
