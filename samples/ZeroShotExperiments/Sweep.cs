using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SimZsl.Embedding;
using SimZsl.Samples.Shared;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary>The split sweep: Fashion-MNIST with k = 2, 3, 4, 5 unseen classes (all 45 splits for k = 2, seeded random
/// splits otherwise) or aPascal with k = 5, every head at its defaults with the default model selection on held-out
/// seen classes, and the three closed-form peers with their penalties selected the same way, each over several
/// training seeds. Writes one JSON line per run, then the summary table (Markdown) and a plot of mean ZSL top-1
/// against k.</summary>
/// <remarks>
///   sweep [--data fashion|apascal] [--k 2,3,4,5] [--splits 30] [--seeds 3] [--first-seed 0] [--dim 8]
///         [--methods devise,ridge,…] [--encoder linear|mlp|smallcnn] [--train-images 20000] [--workers 2]
///         [--out sweep-output] [--quick]
/// The splits are the same draws whatever the seeds; the training seeds are first-seed … first-seed + seeds − 1
/// (samples/Results passes its --seed here, so that a second run trains with other seeds on the same splits).
///   sweep --from a.jsonl,b.jsonl [--title T] [--out folder]   (the table and plot of earlier runs together)
/// The work is dealt round-robin to <c>--workers</c> processes (libtorch on one thread each): two on a 2-core box.
/// </remarks>
internal static class Sweep
{
    public static int Run(Arguments arguments)
    {
        if (arguments.Text("from") is { } from)
        {
            return Summarize(from.Split(','), arguments.Text("out") ?? "sweep-output", arguments.Text("title") ?? "Fashion-MNIST");
        }

        var settings = SweepSettings.From(arguments);
        Directory.CreateDirectory(settings.Output);
        if (arguments.Text("shard") is { } shard)
        {
            return RunShard(settings, shard);
        }

        var clock = Stopwatch.StartNew();
        var shardFiles = Enumerable.Range(0, settings.Workers).Select(w => Path.Combine(settings.Output, $"sweep-{settings.Features}.part{w}.jsonl")).ToArray();
        if (settings.Workers == 1)
        {
            RunShard(settings, "0/1");
        }
        else
        {
            var workers = Enumerable.Range(0, settings.Workers).Select(w => StartWorker(w, settings.Workers)).ToArray();
            try
            {
                // The first worker to fail stops the others: their results would be a partial table.
                var running = workers.Select(w => w.WaitForExitAsync()).ToList();
                while (running.Count > 0)
                {
                    var finished = Task.WhenAny(running).GetAwaiter().GetResult();
                    running.Remove(finished);
                    if (workers.FirstOrDefault(w => w.HasExited && w.ExitCode != 0) is { } failed)
                    {
                        Console.Error.WriteLine($"a sweep worker failed (exit {failed.ExitCode}); stopping the others");
                        foreach (var other in workers.Where(w => !w.HasExited))
                        {
                            other.Kill(entireProcessTree: true);
                        }

                        return failed.ExitCode;
                    }
                }
            }
            finally
            {
                foreach (var worker in workers)
                {
                    worker.Dispose();
                }
            }
        }

        var records = shardFiles.SelectMany(File.ReadLines).Select(l => JsonSerializer.Deserialize<SweepRecord>(l)!).ToList();
        string results = Path.Combine(settings.Output, $"sweep-{settings.Features}.jsonl");
        File.WriteAllLines(results, records.OrderBy(r => r.K).ThenBy(r => string.Join(",", r.Unseen)).ThenBy(r => r.Method).ThenBy(r => r.Curvature).ThenBy(r => r.Seed)
            .Select(r => JsonSerializer.Serialize(r)));
        foreach (var file in shardFiles)
        {
            File.Delete(file);
        }

        var summary = SweepSummary.Create(records);
        summary.Write(Path.Combine(settings.Output, $"sweep-{settings.Features}.md"), settings.Heading, settings.Describe(), clock.Elapsed);
        if (settings.Ks.Length > 1)
        {
            // A curve against k needs more than one k (aPascal has only k = 5).
            summary.Plot(Path.Combine(settings.Output, $"sweep-{settings.Features}.png"), $"{settings.Title} ({settings.Features})");
        }
        Console.WriteLine(File.ReadAllText(Path.Combine(settings.Output, $"sweep-{settings.Features}.md")));
        Console.Error.WriteLine($"sweep: {records.Count} runs in {clock.Elapsed.TotalMinutes:F1} min → {settings.Output}");
        return 0;
    }

    // The table and plot of earlier sweeps together (e.g. one run per k): `sweep --from a.jsonl,b.jsonl --out folder`.
    private static int Summarize(string[] files, string output, string title)
    {
        var records = files.SelectMany(File.ReadLines).Select(l => JsonSerializer.Deserialize<SweepRecord>(l)!).ToList();
        string name = string.Join("+", records.Select(r => r.Features).Distinct());
        Directory.CreateDirectory(output);
        var summary = SweepSummary.Create(records);
        summary.Write(Path.Combine(output, $"sweep-{name}.md"), $"{title} ({name})", $"{records.Count} runs from {string.Join(", ", files.Select(Path.GetFileName))}", TimeSpan.Zero);
        summary.Plot(Path.Combine(output, $"sweep-{name}.png"), $"{title} ({name})");
        Console.WriteLine(File.ReadAllText(Path.Combine(output, $"sweep-{name}.md")));
        return 0;
    }

    private static Process StartWorker(int index, int count)
    {
        // Started as `dotnet ZeroShotExperiments.dll …` or through the apphost: restart the same way.
        var host = Environment.ProcessPath!;
        var args = Environment.GetCommandLineArgs().Skip(1).Concat(["--shard", $"{index}/{count}"]);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            args = args.Prepend(typeof(Sweep).Assembly.Location);
        }

        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start a sweep worker.");
    }

    private static int RunShard(SweepSettings settings, string shard)
    {
        var parts = shard.Split('/');
        int index = int.Parse(parts[0], CultureInfo.InvariantCulture), count = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var data = settings.Load();
        var prototypes = new[] { 0.0, 1, -1 }.ToDictionary(k => k, k =>
            new KappaMds(new KappaMdsOptions { Dimension = settings.Dimension, Curvature = k }).Fit(data.Similarity.ToDistances()).Prototypes);
        var units = settings.Units(data.ClassNames).Where((_, i) => i % count == index).ToArray();
        string file = Path.Combine(settings.Output, $"sweep-{settings.Features}.part{index}.jsonl");
        using var writer = new StreamWriter(file, append: false);
        int done = 0;
        foreach (var (k, unseen, method, seed) in units)
        {
            var record = RunOne(data, prototypes[method.Curvature], k, unseen, method, seed, settings);
            writer.WriteLine(JsonSerializer.Serialize(record));
            writer.Flush();
            done++;
            if (index == 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{done}/{units.Length}] k = {k} {{{string.Join(", ", unseen)}}} {method.Label} seed {seed}: ZSL {record.ZslTop1:P1}, cal. H {record.CalibratedH:P1} ({record.Seconds:F1} s; {record.Selected})"));
            }
        }

        return 0;
    }

    private static SweepRecord RunOne(ZeroShotData data, ClassPrototypes prototypes, int k, string[] unseen, ZeroShotMethod method, int seed, SweepSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var (plain, calibrated, chosen) = method.Evaluate(data, prototypes, unseen, seed);
        return new SweepRecord(settings.Features, k, unseen, method.Name, method.Curvature, method.IsPeer, seed,
            plain.ZslTop1, plain.GzslSeen, plain.GzslUnseen, plain.GzslH, calibrated.GzslH, calibrated.CalibrationGamma,
            chosen, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The sweep's settings from the command line.</summary>
    private sealed record SweepSettings(bool APascal, string Features, EncoderKind Encoder, int[] Ks, int Splits, int Seeds, int FirstSeed, int Dimension, int TrainImages, string[] Methods, int Workers, string Output)
    {
        public static SweepSettings From(Arguments a)
        {
            bool quick = a.Switch("quick");
            bool apascal = (a.Text("data") ?? "fashion") switch
            {
                "fashion" => false,
                "apascal" => true,
                var other => throw new ArgumentException($"--data must be fashion or apascal (got '{other}')."),
            };
            var ks = (a.Text("k") ?? (apascal ? "5" : quick ? "4" : "2,3,4,5")).Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var methods = a.Text("methods")?.Split(',') ?? (quick ? ["devise", "ridge"] : []);
            var known = ZeroShotMethod.All(o => o).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            if (methods.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
            {
                throw new ArgumentException($"--methods: unknown method '{unknown}'; choose from {string.Join(", ", known)}.");
            }

            var encoder = Enum.Parse<EncoderKind>(a.Text("encoder") ?? "linear", ignoreCase: true);
            string features = apascal ? "apascal64" : encoder == EncoderKind.SmallCnn ? "pixels" : "pca64";
            return new SweepSettings(apascal, encoder == EncoderKind.Linear ? features : $"{features}-{encoder.ToString().ToLowerInvariant()}", encoder, ks, a.Int("splits", quick ? 2 : 30), a.Int("seeds", quick ? 1 : 3), a.Int("first-seed", 0),
                a.Int("dim", apascal ? 10 : 8), a.Int("train-images", quick ? 2000 : 20000), methods, a.Int("workers", quick ? 1 : 2), a.Text("out") ?? "sweep-output");
        }

        public ZeroShotData Load() => APascal ? ZeroShotData.APascal() : ZeroShotData.Fashion(TrainImages, Encoder == EncoderKind.SmallCnn);

        public string Title => APascal ? "aPascal" : "Fashion-MNIST";

        public string Heading => string.Create(CultureInfo.InvariantCulture,
            $"{Title}, {(APascal ? "64 binary attributes" : Encoder == EncoderKind.SmallCnn ? "pixels" : "PCA-64")}, k = {string.Join(", ", Ks)} unseen classes, {SeedText(FirstSeed, Seeds)}");

        public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{(APascal
            ? "aPascal objects (64 binary attributes each; 20 % of each seen class and all unseen objects for testing)"
            : $"Fashion-MNIST, {(Encoder == EncoderKind.SmallCnn ? "pixels/255" : "PCA-64 features of pixel/255 (PCA fitted without labels on all classes' training images)")}; training: the seen classes' images among {TrainImages} seeded training images; test: all test images")}; WordNet wup → arccos → κ-MDS (d = {Dimension}); {Encoder.ToString().ToLowerInvariant()} projection; k ∈ {{{string.Join(", ", Ks)}}} unseen classes, {Splits} splits per k ({(APascal ? "" : "all 45 for k = 2; ")}seeded draws otherwise), {SeedText(FirstSeed, Seeds)}");

        private static string SeedText(int first, int count) => count == 1 ? $"training seed {first}" : $"training seeds {first}…{first + count - 1}";

        public IEnumerable<(int K, string[] Unseen, ZeroShotMethod Method, int Seed)> Units(IReadOnlyList<string> classNames)
        {
            var methods = ZeroShotMethod.All(o => o with { Encoder = Encoder }).Where(m => Methods.Length == 0 || Methods.Contains(m.Name)).ToArray();
            foreach (int k in Ks)
            {
                foreach (var unseen in SplitsFor(k, classNames))
                {
                    foreach (var method in methods)
                    {
                        for (int seed = FirstSeed; seed < FirstSeed + Seeds; seed++)
                        {
                            yield return (k, unseen, method, seed);
                        }
                    }
                }
            }
        }

        // All 45 of Fashion-MNIST's k = 2 whenever at least 30 are asked for; else the seeded draws.
        private IEnumerable<string[]> SplitsFor(int k, IReadOnlyList<string> classNames) =>
            UnseenSplits.Seeded(classNames, k, !APascal && k == 2 && Splits >= 30 ? int.MaxValue : Splits);
    }
}
