using SimZsl.Embedding;

namespace SimZsl.Tests.ZeroShot;

/// <summary>Small synthetic zero-shot problems: features are a fixed random linear image of each class's prototype
/// (its tangent vector at 0 for the ball) plus noise, so that a linear projection can recover unseen classes.</summary>
internal sealed record SyntheticZeroShotData(ClassPrototypes Prototypes, RowMatrix Features, string[] Labels, string[] Unseen)
{
    public const int FeatureCount = 8;

    public static SyntheticZeroShotData Create(double curvature, int classes = 12, int perClass = 20, int dimension = 3, double noise = 0.05, int seed = 1)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, classes).Select(i => $"class{i}").ToArray();
        int columns = curvature > 0 ? dimension + 1 : dimension;
        var coordinates = new double[classes][];
        var targets = new double[classes][];
        for (int c = 0; c < classes; c++)
        {
            var v = Enumerable.Range(0, columns).Select(_ => Gaussian(random)).ToArray();
            double norm = Math.Sqrt(v.Sum(a => a * a));
            if (curvature > 0)
            {
                v = v.Select(a => a / norm / Math.Sqrt(curvature)).ToArray();   // on the sphere of radius 1/√κ
                targets[c] = v;
            }
            else if (curvature < 0)
            {
                double sqrtC = Math.Sqrt(-curvature);
                double radius = 0.3 + (0.5 * random.NextDouble());                 // ‖p‖√c in [0.3, 0.8]
                v = v.Select(a => a / norm * radius / sqrtC).ToArray();
                targets[c] = v.Select(a => a / (radius / sqrtC) * Math.Atanh(radius) / sqrtC).ToArray();
            }
            else
            {
                v = v.Select(a => a / norm).ToArray();   // equal norms: no prototype is hidden inside the others' hull
                targets[c] = v;
            }

            coordinates[c] = v;
        }

        var mixing = Enumerable.Range(0, FeatureCount * columns).Select(_ => Gaussian(random)).ToArray();
        var rows = new List<double[]>();
        var labels = new List<string>();
        for (int c = 0; c < classes; c++)
        {
            for (int i = 0; i < perClass; i++)
            {
                var x = new double[FeatureCount];
                for (int f = 0; f < FeatureCount; f++)
                {
                    for (int k = 0; k < columns; k++)
                    {
                        x[f] += mixing[(f * columns) + k] * targets[c][k];
                    }

                    x[f] += noise * Gaussian(random);
                }

                rows.Add(x);
                labels.Add(names[c]);
            }
        }

        var prototypes = new ClassPrototypes(names, RowMatrix.FromRows(coordinates), curvature);
        return new SyntheticZeroShotData(prototypes, RowMatrix.FromRows(rows), [.. labels], names[^3..]);
    }

    public string[] SeenClasses => Prototypes.ClassNames.Except(Unseen).ToArray();

    public int[] SeenRows => Enumerable.Range(0, Labels.Length).Where(i => !Unseen.Contains(Labels[i])).ToArray();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
