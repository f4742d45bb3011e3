using System.Globalization;
using SimZsl.Geometry;
using SimZsl.Similarity;

namespace SimZsl.Benchmarks;

/// <summary>Seeded sparse problems for the sparse route (issue 18): n points of dimension d on the κ-manifold
/// (<see cref="SyntheticClasses.Points"/>), of whose pairs only <c>perClass</c>·n are observed, with exact distances;
/// and the check of an embedding against pairs that were not observed.</summary>
/// <remarks>The observed pairs form a circulant graph over a seeded permutation of the classes: class π(i) is paired
/// with π(i + o) for <c>perClass</c> distinct offsets o in [1, n/2) (offset 1 always among them, so the graph is
/// connected). Every unordered pair occurs at most once, every class has degree 2·<c>perClass</c>, and no n × n array
/// is ever formed, so 40,000 classes cost a few hundred MB here.</remarks>
internal static class PairData
{
    /// <summary>Writes <c>pairs.csv</c> (<c>a,b,value</c>, the exact distances of the observed pairs), <c>heldout.csv</c>
    /// (10,000 unobserved pairs with their exact distances) and, with <paramref name="npy"/>, <c>dense.npy</c>: the n × n
    /// matrix with NaN where a pair is not observed (the dense-input form of the same problem).</summary>
    public static void Write(string directory, int n, int perClass, double curvature, int dimension, bool npy, int seed = 7)
    {
        Directory.CreateDirectory(directory);
        var points = SyntheticClasses.Points(n, dimension, curvature, seed);
        var random = new Random(seed);
        var (order, offsets) = Circulant(n, perClass, random);
        double Distance(int a, int b) => PairwiseDistances.Distance(points.Coordinates.Row(a), points.Coordinates.Row(b), curvature);
        var observed = new HashSet<long>();
        using (var writer = new StreamWriter(Path.Combine(directory, "pairs.csv")))
        {
            writer.Write("a,b,value\n");
            for (int i = 0; i < n; i++)
            {
                foreach (int o in offsets)
                {
                    int a = order[i], b = order[(i + o) % n];
                    observed.Add(Key(a, b));
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"c{a},c{b},{Distance(a, b):R}\n"));
                }
            }
        }

        using (var writer = new StreamWriter(Path.Combine(directory, "heldout.csv")))
        {
            writer.Write("a,b,value\n");
            for (int written = 0; written < 10_000;)
            {
                int a = random.Next(n), b = random.Next(n);
                if (a != b && observed.Add(Key(a, b)))
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"c{a},c{b},{Distance(a, b):R}\n"));
                    written++;
                }
            }
        }

        if (npy)
        {
            var values = new double[(long)n * n];
            Array.Fill(values, double.NaN);
            for (int i = 0; i < n; i++)
            {
                values[((long)i * n) + i] = 0;
                foreach (int o in offsets)
                {
                    int a = order[i], b = order[(i + o) % n];
                    values[((long)a * n) + b] = values[((long)b * n) + a] = Distance(a, b);
                }
            }

            SimZsl.IO.NpyFile.Write(Path.Combine(directory, "dense.npy"), [n, n], values);
        }

        Console.WriteLine($"{directory}: {n} classes, {(long)n * perClass} observed pairs ({2.0 * perClass / (n - 1):P2} of all), κ = {curvature}, d = {dimension}{(npy ? ", dense.npy" : "")}");
    }

    /// <summary>The same problem as <see cref="Write"/> (same seed, same pairs, same exact distances), in memory: the
    /// observed pairs of n classes, <paramref name="perClass"/>·n of them, as <see cref="PairDistances"/>.</summary>
    public static PairDistances Pairs(int n, int perClass, double curvature, int dimension, int seed = 7)
    {
        var points = SyntheticClasses.Points(n, dimension, curvature, seed);
        var (order, offsets) = Circulant(n, perClass, new Random(seed));
        var first = new List<string>(n * perClass);
        var second = new List<string>(n * perClass);
        var values = new List<double>(n * perClass);
        var names = Enumerable.Range(0, n).Select(i => string.Create(CultureInfo.InvariantCulture, $"c{i}")).ToArray();
        for (int i = 0; i < n; i++)
        {
            foreach (int o in offsets)
            {
                int a = order[i], b = order[(i + o) % n];
                first.Add(names[a]);
                second.Add(names[b]);
                values.Add(PairwiseDistances.Distance(points.Coordinates.Row(a), points.Coordinates.Row(b), curvature));
            }
        }

        return PairDistances.Create(first, second, values);
    }

    // The circulant graph over a seeded permutation: the permutation and the offsets (1 among them).
    private static (int[] Order, SortedSet<int> Offsets) Circulant(int n, int perClass, Random random)
    {
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var offsets = new SortedSet<int> { 1 };
        while (offsets.Count < perClass)
        {
            offsets.Add(random.Next(2, (n + 1) / 2));
        }

        return (order, offsets);
    }

    /// <summary>The relative errors |d(x_a, x_b) − D_ab| / D_ab of an embedding (<c>class,x0,…</c> CSV as
    /// <c>simzsl embed</c> writes it; from a .npy input its classes are named 0, 1, …) on held-out pairs: prints their median, 90th percentile and largest.</summary>
    public static void Check(string embeddingCsv, string heldoutCsv, double curvature)
    {
        var rows = new Dictionary<string, double[]>();
        foreach (var line in File.ReadLines(embeddingCsv).Skip(1))
        {
            var cells = line.Split(',');
            rows[cells[0]] = cells.Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        }

        // A .npy input has no names: its classes are called by their index, "c17" is row 17.
        double[] Row(string name) => rows.TryGetValue(name, out var row) ? row : rows[name[1..]];
        var errors = File.ReadLines(heldoutCsv).Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            double truth = double.Parse(cells[2], CultureInfo.InvariantCulture);
            return Math.Abs(PairwiseDistances.Distance(Row(cells[0]), Row(cells[1]), curvature) - truth) / truth;
        }).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{errors.Length} held-out pairs: median relative error {errors[errors.Length / 2]:E2}, 90th percentile {errors[(int)(errors.Length * 0.9)]:E2}, largest {errors[^1]:E2}"));
    }

    /// <summary>As <see cref="Check"/>, but over every pair of the n classes (observed or not), against the points
    /// <see cref="Write"/> drew with the same n, κ, d and seed.</summary>
    public static void CheckAll(string embeddingCsv, int n, double curvature, int dimension, int seed = 7)
    {
        var truth = SyntheticClasses.Points(n, dimension, curvature, seed);
        var rows = new double[n][];
        foreach (var line in File.ReadLines(embeddingCsv).Skip(1))
        {
            var cells = line.Split(',');
            string name = cells[0];
            rows[int.Parse(name.StartsWith('c') ? name[1..] : name, CultureInfo.InvariantCulture)] = cells.Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        }

        var errors = new double[(long)n * (n - 1) / 2];
        Parallel.For(0, n, i =>
        {
            long at = ((long)i * (2L * n - i - 1)) / 2;
            for (int j = i + 1; j < n; j++)
            {
                double d = PairwiseDistances.Distance(truth.Coordinates.Row(i), truth.Coordinates.Row(j), curvature);
                errors[at++] = Math.Abs(PairwiseDistances.Distance(rows[i], rows[j], curvature) - d) / d;
            }
        });
        Array.Sort(errors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all {errors.Length} pairs: median relative error {errors[errors.Length / 2]:E2}, 90th percentile {errors[(long)(errors.Length * 0.9)]:E2}, largest {errors[^1]:E2}"));
    }

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
}
