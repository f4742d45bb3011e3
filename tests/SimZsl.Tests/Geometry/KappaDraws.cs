using SimZsl.Geometry;

namespace SimZsl.Tests.Geometry;

/// <summary>The curvature sweep every geometry property runs over, and seeded random points at a scale that suits
/// each curvature.</summary>
internal static class KappaDraws
{
    public static readonly double[] Sweep = [-2, -1, -1e-3, -1e-8, -1e-15, 0, 1e-15, 1e-8, 1e-3, 1, 2];

    public static TheoryData<double> Curvatures => [.. Sweep];

    public static TheoryData<double> NegativeCurvatures => [.. Sweep.Where(k => k < 0)];

    public static TheoryData<double> PositiveCurvatures => [.. Sweep.Where(k => k > 0)];

    /// <summary>The length scale of the draws: 1, or the radius when it is smaller, so that hyperbolic draws stay
    /// well inside the ball and spherical ones within a hemisphere-sized patch.</summary>
    public static double Scale(double curvature) => Math.Min(1, new KappaSpace(curvature).Radius);

    /// <summary>Random draws for one (κ, salt): the same in every process, so a failing case replays by running
    /// the same theory case again (its message names κ; <see cref="Seed"/> gives the seed).</summary>
    public static Random Random(double curvature, int salt = 0) => new(Seed(curvature, salt));

    /// <summary>A seed that differs per curvature and salt and is a pure function of them (not
    /// <see cref="HashCode"/>, which .NET randomises per process): SplitMix64's finaliser of the κ bits and the salt.</summary>
    public static int Seed(double curvature, int salt = 0)
    {
        ulong z = unchecked((ulong)BitConverter.DoubleToInt64Bits(curvature) + (0x9E3779B97F4A7C15UL * (ulong)(uint)(salt + 1)));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    /// <summary>A random point with norm uniform in [0, maxNorm), in a random direction.</summary>
    public static double[] Point(Random random, int dimension, double maxNorm)
    {
        var x = Direction(random, dimension);
        double norm = maxNorm * random.NextDouble();
        for (int k = 0; k < dimension; k++)
        {
            x[k] *= norm;
        }

        return x;
    }

    /// <summary>A uniformly random unit vector.</summary>
    public static double[] Direction(Random random, int dimension)
    {
        var x = new double[dimension];
        double square = 0;
        while (square < 1e-12)
        {
            square = 0;
            for (int k = 0; k < dimension; k++)
            {
                x[k] = Gaussian(random);
                square += x[k] * x[k];
            }
        }

        double norm = Math.Sqrt(square);
        for (int k = 0; k < dimension; k++)
        {
            x[k] /= norm;
        }

        return x;
    }

    /// <summary>A valid point of the κ-space at scale <see cref="Scale"/>: inside 0.9 of it for κ ≤ 0, up to three
    /// times it for κ &gt; 0 (beyond the equator of small spheres).</summary>
    public static double[] SpacePoint(Random random, int dimension, double curvature) =>
        Point(random, dimension, (curvature > 0 ? 3 : 0.9) * Scale(curvature));

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Asserts |actual − expected| ≤ tolerance·(1 + |expected|).</summary>
    public static void Close(double expected, double actual, double tolerance, string what)
    {
        double bound = tolerance * (1 + Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= bound, $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(actual - expected):G3} > {bound:G3}).");
    }

    /// <summary>Asserts every coordinate is close (see <see cref="Close(double, double, double, string)"/>).</summary>
    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            Close(expected[k], actual[k], tolerance, $"{what}[{k}]");
        }
    }
}
