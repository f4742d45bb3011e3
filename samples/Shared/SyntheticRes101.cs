using System.Globalization;
using SimZsl.IO;

namespace SimZsl.Samples.Shared;

/// <summary>A synthetic <c>res101.mat</c> for an xlsa17 benchmark whose real ResNet-101 features are not shipped (they
/// are hundreds of megabytes), in the real file's format: <c>features</c> F × N double, <c>labels</c> N × 1 double
/// (1-based classes), <c>image_files</c> N × 1 cell of made-up names. N is the real number of instances (the largest
/// index of the real <c>att_splits.mat</c>), and every split keeps its real instances: <c>test_unseen_loc</c> holds
/// instances of the unseen classes (<c>testclasses.txt</c>), <c>val_loc</c> instances of the validation classes
/// (<c>valclasses1.txt</c>), every other instance a seen class. The features are a fixed random linear map of the
/// class's attribute vector (<c>att</c>, unit length), a class offset that the attributes do not explain and
/// instance noise: x = M (a_c + σ_class δ_c + σ ε), with M (F × A) and δ_c, ε (A-vectors of variance 1/A each, so
/// that σ is relative to ‖a_c‖ = 1) standard Gaussian, drawn from one seed. The class offset is what makes unseen
/// classes harder than seen ones, as with real features; the defaults (σ = 1, σ_class = 0.8) put a ridge regression on
/// AWA2 near the published ZSL accuracies. Never report these figures as results on the benchmark: they measure the
/// pipeline, not the data.</summary>
internal static class SyntheticRes101
{
    /// <summary>What was written.</summary>
    /// <param name="Res101Path">The res101.mat file.</param>
    /// <param name="AttSplitsPath">The copy of att_splits.mat beside it.</param>
    /// <param name="Instances">N.</param>
    /// <param name="Features">F.</param>
    /// <param name="SeenClasses">Classes with trainval instances.</param>
    /// <param name="UnseenClasses">Classes of the test_unseen instances.</param>
    /// <param name="ValidationClasses">Classes of the val_loc instances (0 when the file has no val_loc).</param>
    public sealed record Summary(string Res101Path, string AttSplitsPath, int Instances, int Features, int SeenClasses, int UnseenClasses, int ValidationClasses);

    /// <summary>Writes <paramref name="outputFolder"/>/res101.mat and copies of the benchmark's att_splits.mat and class lists (*classes*.txt) there, so
    /// that the folder is an xlsa17 benchmark folder (<c>simzsl gbu --data outputFolder</c>).</summary>
    /// <param name="dataFolder">A folder with the real att_splits.mat and testclasses.txt (and valclasses1.txt when
    /// the file has val_loc), e.g. samples/data/xlsa17/AWA2.</param>
    /// <param name="outputFolder">Where to write (created when missing; not the data folder).</param>
    /// <param name="features">F, the number of feature rows (the real files have 2048).</param>
    /// <param name="seed">Seed of the map, the class offsets and the noise.</param>
    /// <param name="noise">σ, the instance noise, relative to the unit-length attribute vector.</param>
    /// <param name="classNoise">σ_class, the class offset the attributes do not explain, relative likewise.</param>
    public static Summary Write(string dataFolder, string outputFolder, int features = 256, int seed = 0, double noise = 1.0, double classNoise = 0.8)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        if (!(noise >= 0 && double.IsFinite(noise)) || !(classNoise >= 0 && double.IsFinite(classNoise)))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), "The noise levels must be finite and ≥ 0.");
        }

        string attPath = Path.Combine(dataFolder, "att_splits.mat");
        if (!File.Exists(attPath))
        {
            throw new FileNotFoundException($"{dataFolder} has no att_splits.mat; give an xlsa17 benchmark folder, e.g. samples/data/xlsa17/AWA2.", attPath);
        }

        if (string.Equals(Path.GetFullPath(dataFolder).TrimEnd('/'), Path.GetFullPath(outputFolder).TrimEnd('/'), StringComparison.Ordinal))
        {
            throw new ArgumentException($"The output folder is the data folder {dataFolder}; write the synthetic files elsewhere.", nameof(outputFolder));
        }

        var data = Xlsa17Dataset.Load(attPath);   // the file, not the folder: a real res101.mat there is not needed
        int n = data.Splits.Max(s => s.Indices.Count == 0 ? -1 : s.Indices.Max()) + 1;
        var labels = Labels(data, dataFolder, n);
        var values = Features(data.ClassAttributes, labels, features, seed, noise, classNoise);
        var names = data.ClassNames;
        var imageFiles = labels.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"synthetic/{names[c]}/{i + 1:D6}.jpg")).ToArray();

        Directory.CreateDirectory(outputFolder);
        string res101 = Path.Combine(outputFolder, "res101.mat"), attCopy = Path.Combine(outputFolder, "att_splits.mat");
        new MatFileWriter()
            .AddNumeric("features", [features, n], values, null, MatClass.Double, MatDataType.Double, logical: false)
            .AddNumeric("labels", [n, 1], labels.Select(c => c + 1.0).ToArray(), null, MatClass.Double, MatDataType.Double, logical: false)
            .AddStrings("image_files", imageFiles)
            .Save(res101);
        AtomicFile.Write(attCopy, stream =>
        {
            using var source = File.OpenRead(attPath);
            source.CopyTo(stream);
        });

        // The release's class lists travel with it: simzsl gbu reads valclasses1.txt where att_splits.mat has no val_loc.
        foreach (string list in Directory.EnumerateFiles(dataFolder, "*classes*.txt"))
        {
            File.Copy(list, Path.Combine(outputFolder, Path.GetFileName(list)), overwrite: true);
        }

        var validation = data.Val is null ? 0 : data.Val.Indices.Select(i => labels[i]).Distinct().Count();
        return new Summary(res101, attCopy, n, features, data.TrainVal.Indices.Select(i => labels[i]).Distinct().Count(),
            data.TestUnseen.Indices.Select(i => labels[i]).Distinct().Count(), validation);
    }

    /// <summary>The 0-based class of every instance. Each group of instances (test_unseen; val_loc ∩ trainval,
    /// val_loc ∩ test_seen; the other trainval and test_seen instances; anything else) is dealt in index order into
    /// equal contiguous blocks over its classes, so that every class has instances in every split it belongs to.</summary>
    private static int[] Labels(Xlsa17Dataset data, string dataFolder, int n)
    {
        var unseen = ClassList(data, dataFolder, "testclasses.txt");
        var validation = data.Val is null ? [] : ClassList(data, dataFolder, "valclasses1.txt");
        var seen = Enumerable.Range(0, data.ClassNames.Count).Except(unseen).ToArray();
        var fitting = seen.Except(validation).ToArray();
        var inTrainVal = data.TrainVal.Indices.ToHashSet();
        var inTestSeen = data.TestSeen.Indices.ToHashSet();
        var inVal = (data.Val?.Indices ?? []).ToHashSet();
        var inTestUnseen = data.TestUnseen.Indices.ToHashSet();
        if (inVal.Overlaps(inTestUnseen))
        {
            throw new InvalidDataException($"{data.AttSplitsPath}: val_loc and test_unseen_loc share instances; the validation classes must be seen classes.");
        }

        var labels = new int[n];
        var all = Enumerable.Range(0, n).ToArray();
        Deal(labels, all.Where(inTestUnseen.Contains), unseen);
        Deal(labels, all.Where(i => inVal.Contains(i) && inTrainVal.Contains(i)), validation);
        Deal(labels, all.Where(i => inVal.Contains(i) && !inTrainVal.Contains(i)), validation);
        Deal(labels, all.Where(i => !inVal.Contains(i) && inTrainVal.Contains(i)), fitting);
        Deal(labels, all.Where(i => !inVal.Contains(i) && inTestSeen.Contains(i)), fitting);
        Deal(labels, all.Where(i => !inVal.Contains(i) && !inTrainVal.Contains(i) && !inTestSeen.Contains(i) && !inTestUnseen.Contains(i)), seen);
        return labels;
    }

    private static void Deal(int[] labels, IEnumerable<int> instances, int[] classes)
    {
        var rows = instances.ToArray();
        if (rows.Length > 0 && rows.Length < classes.Length)
        {
            throw new InvalidDataException($"{rows.Length} instances cannot give each of {classes.Length} classes one.");
        }

        for (int k = 0; k < rows.Length; k++)
        {
            labels[rows[k]] = classes[(int)((long)k * classes.Length / rows.Length)];
        }
    }

    // The benchmark's class lists name the classes as allclasses_names does.
    private static int[] ClassList(Xlsa17Dataset data, string dataFolder, string file)
    {
        string path = Path.Combine(dataFolder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{dataFolder} has no {file}: the synthetic labels take the unseen classes from testclasses.txt and the validation classes from valclasses1.txt (xlsa17 ships both for AWA1, AWA2, CUB, SUN and APY).", path);
        }

        var index = data.ClassNames.Select((name, c) => (name, c)).ToDictionary(p => p.name, p => p.c, StringComparer.Ordinal);
        var names = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var unknown = names.Where(name => !index.ContainsKey(name)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidDataException($"{path}: {string.Join(", ", unknown.Select(u => $"'{u}'"))} not in allclasses_names of {data.AttSplitsPath}.");
        }

        return [.. names.Select(name => index[name]).Order()];
    }

    // F × N column-major: instance i's features are contiguous (column i of MATLAB's features). The noise lives in
    // attribute space, scaled by 1/√attributes so that σ is relative to the unit-length attribute vector: the
    // difficulty is then the same for every F ≥ attributes (a larger F only re-encodes it linearly).
    private static double[] Features(RowMatrix attributes, int[] labels, int f, int seed, double noise, double classNoise)
    {
        var random = new Random(seed);
        int a = attributes.Columns, classes = attributes.Rows;
        double perAttribute = 1 / Math.Sqrt(a);
        var map = new double[f * a];
        for (int k = 0; k < map.Length; k++)
        {
            map[k] = Gaussian(random);
        }

        var centres = new double[classes * a];
        for (int c = 0; c < classes; c++)
        {
            var attribute = attributes.Row(c);
            for (int j = 0; j < a; j++)
            {
                centres[(c * a) + j] = attribute[j] + (classNoise * perAttribute * Gaussian(random));
            }
        }

        var values = new double[(long)f * labels.Length];
        var latent = new double[a];
        for (int i = 0; i < labels.Length; i++)
        {
            var centre = centres.AsSpan(labels[i] * a, a);
            for (int j = 0; j < a; j++)
            {
                latent[j] = centre[j] + (noise * perAttribute * Gaussian(random));
            }

            var row = values.AsSpan(i * f, f);
            for (int r = 0; r < f; r++)
            {
                double v = 0;
                var weights = map.AsSpan(r * a, a);
                for (int j = 0; j < a; j++)
                {
                    v += weights[j] * latent[j];
                }

                row[r] = v;
            }
        }

        return values;
    }

    // Box–Muller: a standard Gaussian from two uniforms of the seeded generator.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
