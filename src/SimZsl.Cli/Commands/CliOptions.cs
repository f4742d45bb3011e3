using System.CommandLine;
using System.Globalization;
using SimZsl.Cli.Inputs;
using SimZsl.Embedding;
using SimZsl.IO;
using SimZsl.Similarity;
using SimZsl.ZeroShot;

namespace SimZsl.Cli.Commands;

/// <summary>Option builders shared by the commands, with range checks the parser reports as usage errors.</summary>
internal static class CliOptions
{
    public static Option<string> RequiredPath(string name, string description) =>
        NonEmpty(new Option<string>(name) { Description = description, Required = true, HelpName = "FILE" });

    /// <summary>Refuses an empty path at parse time: the library's own message for it ("(Parameter 'path')") says
    /// nothing to a user of the tool.</summary>
    public static Option<T> NonEmpty<T>(Option<T> option)
        where T : class?
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Any(t => t.Value.Trim().Length == 0))
            {
                r.AddError($"{option.Name} must name a file (got an empty string).");
            }
        });
        return option;
    }

    public static Option<int> Positive(string name, string description, int? defaultValue = null, int minimum = 1, int maximum = int.MaxValue)
    {
        var option = new Option<int>(name) { Description = description, Required = defaultValue is null, HelpName = "N" };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }

        option.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v < minimum || v > maximum)
            {
                r.AddError(maximum == int.MaxValue
                    ? string.Create(CultureInfo.InvariantCulture, $"{name} must be ≥ {minimum} (got {v}).")
                    : string.Create(CultureInfo.InvariantCulture, $"{name} must be between {minimum} and {maximum} (got {v})."));
            }
        });
        return option;
    }

    /// <summary>A curvature: a finite number, or (when allowed) "auto" in any case, read as <see cref="double.NaN"/>:
    /// <see cref="CurvatureOrAuto"/> turns it into the null that asks κ-MDS to choose. (A custom parser of an
    /// <c>Option&lt;double?&gt;</c> cannot return null: System.CommandLine then fails with an InvalidCastException,
    /// which is how "--curvature auto" used to end.) Leaving the option out gives null directly.</summary>
    public static Option<double?> Curvature(bool allowAuto)
    {
        var option = new Option<double?>("--curvature", "-k")
        {
            Description = allowAuto ? "Curvature κ: 0 Euclidean, > 0 sphere of radius 1/√κ, < 0 hyperbolic; 'auto' chooses κ by stress. Default auto." : "Curvature κ of the prototypes: 0 Euclidean, > 0 sphere, < 0 hyperbolic.",
            Required = !allowAuto,
            HelpName = "K",
            CustomParser = r =>
            {
                string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "auto";
                if (allowAuto && text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
                {
                    return double.NaN;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double k) && double.IsFinite(k))
                {
                    return k;
                }

                r.AddError($"--curvature must be a finite number{(allowAuto ? " or 'auto'" : string.Empty)} (got '{text}').");
                return 0;
            },
        };
        return option;
    }

    /// <summary>The curvature for <see cref="SimZsl.Embedding.KappaMdsOptions.Curvature"/>: null for "auto".</summary>
    public static double? CurvatureOrAuto(double? value) => value is { } k && double.IsNaN(k) ? null : value;

    /// <summary><c>--device auto|cpu|cuda</c>: where to train and score; cuda on a machine without one is an error.</summary>
    /// <param name="cuda">What auto looks for, in the help line.</param>
    public static Option<ComputeDevice> Device(string cuda = "libtorch sees a GPU")
    {
        var option = new Option<ComputeDevice>("--device")
        {
            // No DefaultValueFactory: help would show the enum's name, "Auto"; left out, the value is Auto (0) anyway.
            Description = $"Where to compute: auto (CUDA when {cuda}, else the CPU), cpu, cuda. Default auto.",
            HelpName = "auto|cpu|cuda",
            CustomParser = r =>
            {
                string text = r.Tokens.Count == 0 ? "auto" : r.Tokens[0].Value;
                switch (text.Trim().ToLowerInvariant())
                {
                    case "auto": return ComputeDevice.Auto;
                    case "cpu": return ComputeDevice.Cpu;
                    case "cuda": return ComputeDevice.Cuda;
                }

                r.AddError($"--device must be auto, cpu or cuda (got '{text}').");
                return ComputeDevice.Auto;
            },
        };
        return option;
    }

    /// <summary><c>--route auto|dense|sparse</c> of embed, parsed to its lower-case name (a nullable value could not say
    /// "auto": see <see cref="Curvature"/>); <see cref="RouteOrAuto"/> turns it into <see cref="KappaMdsOptions.Route"/>.</summary>
    public static Option<string> Route() => new("--route")
    {
        Description = "κ-MDS route: auto (default: sparse from 400 classes with at most 30 % of the pairs observed, for a pairs input and a matrix with missing cells alike; dense otherwise), dense (an n × n matrix), or sparse (shortest paths from landmarks, stress over the observed pairs only; memory linear in the classes).",
        HelpName = "auto|dense|sparse",
        CustomParser = r =>
        {
            string text = r.Tokens.Count == 0 ? "auto" : r.Tokens[0].Value;
            string name = text.Trim().ToLowerInvariant();
            if (name is "auto" or "dense" or "sparse")
            {
                return name;
            }

            r.AddError($"--route must be auto, dense or sparse (got '{text}').");
            return "auto";
        },
    };

    /// <summary>The route for <see cref="KappaMdsOptions.Route"/>: null for "auto" (or when left out).</summary>
    public static KappaMdsRoute? RouteOrAuto(string? name) => name switch
    {
        "dense" => KappaMdsRoute.Dense,
        "sparse" => KappaMdsRoute.Sparse,
        _ => null,
    };

    /// <summary><c>--transform</c>, parsed and checked here, once, for every command that takes it: null when left
    /// out (embed must know whether it was given: a distance input refuses it); <see cref="TransformOrDefault"/>
    /// turns that null into the default.</summary>
    /// <param name="purpose">What the transform is for, the start of the help line.</param>
    public static Option<SimilarityTransform?> Transform(string purpose = "Similarity → distance") => new("--transform")
    {
        Description = $"{purpose}: {string.Join(", ", Enum.GetValues<SimilarityTransform>().Select(t => t == SimilarityTransform.Arccos ? $"{t.Name()} (default)" : t.Name()))}.",
        HelpName = "NAME",
        CustomParser = r =>
        {
            string name = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
            var match = Enum.GetValues<SimilarityTransform>().Where(t => string.Equals(t.Name(), name, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (match.Length == 1)
            {
                return match[0];
            }

            r.AddError($"--transform must be one of {string.Join(", ", Enum.GetValues<SimilarityTransform>().Select(t => t.Name()))} (got '{name}').");
            return SimilarityTransform.Arccos;
        },
    };

    /// <summary>The transform to apply: the given one, or arccos (the default) when <c>--transform</c> was left out.</summary>
    public static SimilarityTransform TransformOrDefault(SimilarityTransform? given) => given ?? SimilarityTransform.Arccos;

    /// <summary>What a class-matrix input holds, read by <see cref="ClassMatrixInput"/>: <c>--input-kind</c> of embed,
    /// <c>--similarity-kind</c> of zsl and gbu (one list of kinds, one reader, for every command).</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="input">How the help names the input ("the input", "--similarity").</param>
    public static Option<InputKind> ClassMatrixKind(string name, string input) => new(name)
    {
        Description = $"What {input} holds: similarity (default), distance, vectors (one row per class → cosine similarity), tree (parent–child pairs; leaves are the classes, tree path length the distance), or pairs (a,b,value lines: a similarity, or a distance with --transform none; classes in order of first appearance).",
        // Lower case, as typed; no DefaultValueFactory, whose help would say "Similarity" (left out, the value is
        // Similarity, the enum's first member, anyway).
        HelpName = "similarity|distance|vectors|tree|pairs",
    };

    /// <summary><c>--columns-are-classes</c> for a vectors input stored transposed.</summary>
    public static Option<bool> ColumnsAreClasses() => new("--columns-are-classes") { Description = "Vectors input is stored transposed (one column per class, as xlsa17's att)." };

    /// <summary><c>--tolerance</c> of the stress refinement: a non-negative relative stress change, the library's default.</summary>
    public static Option<double> RefinementTolerance()
    {
        var option = new Option<double>("--tolerance") { Description = "Refinement stops when an iteration lowers the stress by less than this fraction of it (1e-6 is plenty for a picture; the default recovers exact distances to the last digits).", HelpName = "TOL", DefaultValueFactory = _ => new KappaMdsOptions().Tolerance };
        option.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v >= 0 && double.IsFinite(v)))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--tolerance must be a number ≥ 0 (got {v})."));
            }
        });
        return option;
    }

    /// <summary><c>--learning-rate</c> of the trained heads: a positive number, the trainer's default.</summary>
    public static Option<double> LearningRate()
    {
        var option = new Option<double>("--learning-rate") { Description = "Peak learning rate of AdamW (cosine schedule).", HelpName = "LR", DefaultValueFactory = _ => new ZeroShotTrainerOptions().LearningRate };
        option.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && double.IsFinite(v)))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--learning-rate must be a positive number (got {v})."));
            }
        });
        return option;
    }

    public static Option<int> Seed() => new("--seed") { Description = "Seed of every random choice: same seed, same result.", DefaultValueFactory = _ => 0, HelpName = "S" };

    /// <summary>Fails early (before long work) when an output file cannot be written where it is asked for: its
    /// folder is missing or the path is a folder. Exit code 5, as the README's table says for "output could not
    /// be written" (it was 2).</summary>
    public static void CheckOutputFolder(string? path, string option)
    {
        if (path is null)
        {
            return;
        }

        string destination = AtomicFile.Destination(path);
        if (Directory.Exists(destination))
        {
            throw new OutputException($"{option} '{path}' is a directory; name a file to write.");
        }

        string folder = Path.GetDirectoryName(destination) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new OutputException($"{option} '{path}': the folder '{folder}' does not exist; create it first.");
        }
    }

    /// <summary>Refuses an output that would replace one of the inputs (a trained model above all).</summary>
    public static void CheckOutputIsNoInput(string? output, string option, params (string Path, string Option)[] inputs)
    {
        if (output is null)
        {
            return;
        }

        foreach (var (path, name) in inputs)
        {
            if (string.Equals(AtomicFile.Destination(output), AtomicFile.Destination(path), StringComparison.Ordinal))
            {
                throw new UsageException($"{option} '{output}' is the {name} file; write the output elsewhere.");
            }
        }
    }

    /// <summary>Refuses two outputs that are the same file (after following links): the second would silently
    /// replace the first.</summary>
    public static void CheckDistinctOutputs(params (string? Path, string Option)[] outputs)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, option) in outputs)
        {
            if (path is null)
            {
                continue;
            }

            if (!seen.TryAdd(AtomicFile.Destination(path), option))
            {
                throw new UsageException($"{seen[AtomicFile.Destination(path)]} and {option} name the same file '{path}'; give each output its own file.");
            }
        }
    }

    /// <summary>Writes an output file, turning IO failures into a clear output error.</summary>
    public static void Write(string path, string option, Action<string> write)
    {
        try
        {
            write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write {option} '{path}': {e.Message}", e);
        }
    }
}
