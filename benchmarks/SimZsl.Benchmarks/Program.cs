using System.Diagnostics;
using BenchmarkDotNet.Running;
using SimZsl.Benchmarks;
using SimZsl.Embedding;

// `dotnet run -c Release --project benchmarks/SimZsl.Benchmarks -- --filter '*Strain*'` runs one group.
// `... -- write-peer-data DIR` writes the seeded matrices the peer scripts (benchmarks/peers) read.
// `... -- write-pairs DIR N PER-CLASS κ d [--npy]` writes a sparse problem (observed pairs, held-out pairs, optionally
// the dense .npy with NaN); `... -- pair-error EMBEDDING.csv HELDOUT.csv κ` checks an embedding on the held-out pairs,
// `... -- pair-error-all EMBEDDING.csv N κ d` on every pair.
// `... -- stress-trajectory X.npy TARGET [TOL]` times κ = 0, d = 2 refinement and when its stress first reaches TARGET.
// `... -- quick-strain N` times Fit once per κ with a Stopwatch (a smoke check, not a measurement).
// `... -- peak-memory N κ` reports the resident-memory high-water mark the strain step adds (Linux /proc).
// `... -- embed-phases X.npy` breaks the time of `simzsl embed` on a κ = −1 .npy down by phase (a smoke check).
// `... -- solver-crossover` times the strain step with the full and the partial eigensolver at n = 500–2000 (where
// EigenSolver.Auto switches; a smoke check).
if (args.Length >= 6 && args[0] == "write-pairs")
{
    // write-pairs DIR n pairs-per-class κ d [--npy]: a sparse problem for the sparse route (PairData).
    var inv = System.Globalization.CultureInfo.InvariantCulture;
    PairData.Write(args[1], int.Parse(args[2], inv), int.Parse(args[3], inv), double.Parse(args[4], inv), int.Parse(args[5], inv), args.Contains("--npy"));
    return;
}

if (args.Length == 5 && args[0] == "pair-error-all")
{
    // pair-error-all EMBEDDING.csv n κ d: relative errors over every pair of a write-pairs problem.
    var inv = System.Globalization.CultureInfo.InvariantCulture;
    PairData.CheckAll(args[1], int.Parse(args[2], inv), double.Parse(args[3], inv), int.Parse(args[4], inv));
    return;
}

if (args.Length == 4 && args[0] == "pair-error")
{
    // pair-error EMBEDDING.csv HELDOUT.csv κ: relative errors of an embedding on the held-out pairs.
    PairData.Check(args[1], args[2], double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length >= 3 && args[0] == "stress-trajectory")
{
    // stress-trajectory X.npy TARGET [tolerance]: κ = 0, d = 2 strain + refinement of a complete matrix (as `simzsl embed
    // --refine`), with the time at which the stress ½Σ(d − D)² first falls to TARGET (the peer's final stress).
    var inv = System.Globalization.CultureInfo.InvariantCulture;
    double target = double.Parse(args[2], inv);
    var distances = SimZsl.IO.ClassMatrixFile.ReadDistanceNpy(args[1]);
    var options = new KappaMdsOptions { Dimension = 2, Curvature = 0, Refine = true };
    if (args.Length == 4)
    {
        options = options with { Tolerance = double.Parse(args[3], inv) };
    }

    for (int pass = 0; pass < 2; pass++)
    {
        var clock = Stopwatch.StartNew();
        double reached = double.NaN, first = double.NaN;
        int reachedAt = -1;
        var progress = new SynchronousProgress<EmbeddingProgress>(p =>
        {
            if (p.Stage != "refine" || double.IsNaN(p.Stress))
            {
                return;
            }

            if (double.IsNaN(first))
            {
                first = p.Stress;
            }

            if (reachedAt < 0 && p.Stress <= target)
            {
                (reached, reachedAt) = (clock.Elapsed.TotalSeconds, p.Iteration);
            }
        });
        var result = new KappaMds(options).Fit(distances, progress);
        double total = clock.Elapsed.TotalSeconds;
        double final = result.MeasureQuality(distances).Stress;
        Console.WriteLine(string.Create(inv, $"pass {pass + 1}: fit {total:F3} s, {result.Iterations} iterations, stress at the first step {first:G6}, final {final:G6}; target {target:G6} reached at iteration {reachedAt} after {reached:F3} s"));
    }

    return;
}

if (args.Length == 2 && args[0] == "write-peer-data")
{
    foreach (int n in new[] { 500, 1000, 2000, 5000, 10000 })
    {
        foreach (double k in new[] { -1.0, 0.0, 1.0 })
        {
            string path = Path.Combine(args[1], $"strain_n{n}_k{k:+0;-0;0}.npy");
            BenchmarkData.Write(path, BenchmarkData.Noisy(n, 16, k));
            Console.WriteLine(path);
        }
    }

    return;
}

if (args.Length >= 2 && args[0] == "quick-strain")
{
    int n = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    if (args.Length == 3)
    {
        TorchSharp.torch.set_num_threads(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    Console.WriteLine($"torch threads {TorchSharp.torch.get_num_threads()}");
    if (Environment.GetEnvironmentVariable("SIMZSL_TRACE") == "1")
    {
        StrainEigensolver.Trace = line => Console.WriteLine("      " + line);
    }
    foreach (double k in new[] { -1.0, 0.0, 1.0 })
    {
        var distances = BenchmarkData.Noisy(n, 16, k);
        var options = new KappaMdsOptions { Dimension = 16, Curvature = k };
        for (int repeat = 0; repeat < 3; repeat++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var matrix = StrainMatrix.Build(distances, k, default);
            double buildSeconds = clock.Elapsed.TotalSeconds;
            var spectrum = StrainEigensolver.Partial(matrix, 16, 0, default);
            double eigenSeconds = clock.Elapsed.TotalSeconds - buildSeconds;
            clock.Restart();
            var strain = StrainSolver.Solve(distances, k, options, default);
            double strainSeconds = clock.Elapsed.TotalSeconds;
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"   build {buildSeconds:F3} s, eigensolver {eigenSeconds:F3} s, strain {strainSeconds:F3} s; CPU of the three {cpuSeconds:F3} s");
            var result = new KappaMds(options).Fit(distances);
            Console.WriteLine($"n={n} κ={k}: strain {strainSeconds:F3} s (products {strain.Products}, residual {strain.Residual:E1}, kept eigenvalues {strain.Eigenvalues.Min():G6} .. {strain.Eigenvalues.Max():G6}), fit {result.Elapsed.TotalSeconds:F3} s, {Quality(result.MeasureQuality(distances))}");
        }
    }

    return;
}

if (args.Length == 3 && args[0] == "peak-memory")
{
    int n = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    double k = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    var distances = BenchmarkData.Noisy(n, 16, k);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    long Kilobytes(string field) => long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    File.WriteAllText("/proc/self/clear_refs", "5");   // resets the high-water mark to the current resident set
    long before = Kilobytes("VmRSS:");
    var strain = StrainSolver.Solve(distances, k, new KappaMdsOptions { Dimension = 16, Curvature = k }, default);
    long peak = Kilobytes("VmHWM:");
    double input = (double)n * n * sizeof(double) / 1024;
    Console.WriteLine($"n={n} κ={k}: RSS with the input in memory {before / 1024.0:F0} MB, peak during the strain step {peak / 1024.0:F0} MB; the step added at most {(peak - before) / 1024.0:F0} MB = {(peak - before) / input:F2} × the n² input ({input / 1024:F0} MB); products {strain.Products}");
    return;
}

if (args.Length == 2 && args[0] == "embed-phases")
{
    // Where the time of `simzsl embed --input X.npy --input-kind distance --curvature -1 --dim 16` goes, phase by phase,
    // in one process as the tool runs them (a Stopwatch breakdown, twice: the first pass includes the JIT and the
    // first touch of fresh memory).
    for (int pass = 0; pass < 2; pass++)
    {
        var clock = Stopwatch.StartNew();
        double Lap() { double ms = clock.Elapsed.TotalMilliseconds; clock.Restart(); return ms; }
        var array = SimZsl.IO.NpyFile.Read(args[1]);
        double read = Lap();
        int n = array.ShapeList[0];
        var values = array.ToMatrixInPlace().Data;
        var distances = SimZsl.Similarity.DistanceMatrix.FromFile(Enumerable.Range(0, n).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), values, null, 1e-8, null);
        double check = Lap();
        CurvatureRange.Check(distances, -1);
        double range = Lap();
        var strain = StrainSolver.Solve(distances, -1, new KappaMdsOptions { Dimension = 16, Curvature = -1 }, default);
        double solve = Lap();
        var matrix = StrainMatrix.BuildOverDistances(distances, -1, default);   // as the tool without --report
        double build = Lap();
        var spectrum = StrainEigensolver.Partial(matrix, 16, 0, default)!;
        double eigen = Lap();
        var columns = Enumerable.Range(0, 16).Select(c => $"x{c}").ToArray();
        using (var sink = new MemoryStream())
        {
            SimZsl.IO.CsvMatrixFile.WriteTable(sink, "class", distances.ClassNames, columns, strain.Coordinates);
        }

        double write = Lap();
        Console.WriteLine($"pass {pass + 1}: read .npy {read:F0} ms, matrix checks {check:F0} ms, curvature range {range:F0} ms, whole strain step on a new array {solve:F0} ms, then over the distances: strain matrix {build:F0} ms, eigensolver {eigen:F0} ms ({spectrum.Products} products), CSV {write:F0} ms");
    }

    return;
}

if (args.Length == 1 && args[0] == "solver-crossover")
{
    foreach (int n in new[] { 500, 800, 1200, 2000 })
    {
        foreach (double k in new[] { -1.0, 0.0, 1.0 })
        {
            var distances = BenchmarkData.Noisy(n, 16, k);
            foreach (var solver in new[] { EigenSolver.Full, EigenSolver.Partial })
            {
                var options = new KappaMdsOptions { Dimension = 16, Curvature = k, EigenSolver = solver };
                StrainSolver.Solve(distances, k, options, default);
                var clock = Stopwatch.StartNew();
                var strain = StrainSolver.Solve(distances, k, options, default);
                StrainSolver.Solve(distances, k, options, default);
                Console.WriteLine($"n={n} κ={k} {solver}: {clock.Elapsed.TotalMilliseconds / 2:F0} ms (products {strain.Products}, strain {strain.Strain:F4})");
            }
        }
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StrainBenchmarks).Assembly).Run(args);

static string Quality(EmbeddingQuality q) => $"normalised stress {q.NormalizedStress:F4}, MAP {q.MeanAveragePrecision:F3}";

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool,
/// too late to time).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
