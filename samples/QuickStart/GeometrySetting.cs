using SimZsl.ZeroShot;

namespace SimZsl.Samples.QuickStart;

/// <summary>One geometry of the QuickStart: the curvature and dimension of the κ-MDS prototypes and the head and
/// encoder trained onto them.</summary>
/// <param name="Name">Shown in the table and the file names.</param>
/// <param name="Curvature">κ of the prototypes: &lt; 0 hyperbolic, 0 Euclidean, &gt; 0 spherical.</param>
/// <param name="Dimension">Dimension of the prototype space.</param>
/// <param name="Head">The head that fits the geometry.</param>
/// <param name="HeadName">The head's name.</param>
/// <param name="TableHead">Its short name in the table, in two lines so that the table fits 80 columns.</param>
public sealed record GeometrySetting(string Name, double Curvature, int Dimension, ZeroShotHeadOptions Head, string HeadName, string TableHead)
{
    /// <summary>The three geometries with the heads that suit them. All use d = 9, the most that ten classes span:
    /// in fewer dimensions WordNet's near-identical garments (T-shirt/top, Pullover, Coat, Shirt) crowd together and the
    /// seen classes get confused. |κ| = 4 bends the space enough to matter for distances of up to ~1 rad (arccos of the
    /// Wu–Palmer similarities); with κ = ±1 the curved heads did worse on the seen classes.</summary>
    public static IReadOnlyList<GeometrySetting> Defaults { get; } =
    [
        new("hyperbolic", -4, 9, new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Hyperbolic }, "hyperbolic distance cross-entropy", "hyperbolic\ndistance"),
        new("Euclidean", 0, 9, new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Softmax }, "softmax compatibility", "softmax\ncompat."),
        new("spherical", 4, 9, new ZeroShotHeadOptions { Kind = ZeroShotHeadKind.Prototype }, "hyperspherical prototypes", "hyper-\nspherical"),
    ];

    /// <summary>The trainer settings: an MLP on the pixels, one libtorch thread (fastest on a small shared machine).</summary>
    public ZeroShotTrainerOptions TrainerOptions(QuickStartOptions options) => new()
    {
        Head = Head,
        Encoder = EncoderKind.Mlp,
        HiddenDimension = 256,
        Epochs = options.Epochs,
        BatchSize = 128,
        LearningRate = 1e-3,
        Patience = 3,
        Seed = options.Seed,
        Threads = 1,
    };
}
