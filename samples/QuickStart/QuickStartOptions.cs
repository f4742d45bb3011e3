using System.Globalization;

namespace SimZsl.Samples.QuickStart;

/// <summary>The command line: every option has a default, so the sample runs with none.</summary>
public sealed record QuickStartOptions
{
    /// <summary>Where the PNGs go. Default ./quickstart-output.</summary>
    public string Output { get; init; } = "quickstart-output";

    /// <summary>Images per class kept from each part (train, test), so that the full set fits the time budget.</summary>
    public int PerClass { get; init; } = 1000;

    /// <summary>Largest number of training epochs per geometry.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Seed of κ-MDS and of training: same seed, same result.</summary>
    public int Seed { get; init; }

    /// <summary>Read the Fashion-MNIST subset shipped under samples/data even when Debian's full set is installed,
    /// so that the table can be compared with one made on a machine without the package.</summary>
    public bool ShippedSubset { get; init; }

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Zero-shot classification of Fashion-MNIST with κ-MDS prototypes in three geometries.
        usage: dotnet run -c Release --project samples/QuickStart [-- options]
          --output DIR     where the PNGs go (default ./quickstart-output)
          --per-class N    images per class from each of train and test (default 1000)
          --epochs N       largest number of training epochs (default 10)
          --seed N         seed of embedding and training (default 0)
          --shipped-subset read the images shipped under samples/data even when
                           Debian's dataset-fashion-mnist is installed
        """;

    /// <summary>Reads the options; null when help was asked for. Throws <see cref="ArgumentException"/> on bad input.</summary>
    public static QuickStartOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new QuickStartOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }

            if (name == "--shipped-subset")
            {
                options = options with { ShippedSubset = true };
                continue;
            }

            string value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--output" => options with { Output = value },
                "--per-class" => options with { PerClass = Positive(name, value) },
                "--epochs" => options with { Epochs = Positive(name, value) },
                "--seed" => options with { Seed = Number(name, value) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        Number(name, value) is > 0 and var n ? n : throw new ArgumentException($"{name} must be ≥ 1 (got {value}).");

    private static int Number(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : throw new ArgumentException($"{name} must be a whole number (got '{value}').");
}
