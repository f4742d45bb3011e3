using System.Globalization;
using SimZsl.Embedding;
using SimZsl.Geometry;
using SimZsl.Similarity;

namespace SimZsl.Plotting;

/// <summary>Where each prototype is drawn, in the space's own units: the Poincaré disk of radius 1/√|κ| (κ &lt; 0), two
/// discs of radius 1/√κ for the sphere's hemispheres x₂ ≥ 0 and x₂ &lt; 0 side by side (κ &gt; 0), or the plane. For
/// d &gt; 2 the first two coordinates would hide most of the geometry (WordNet's garments in d = 9 land on one spot), so
/// the picture shows a separate κ-MDS to d = 2, at the same κ, of the prototypes' own geodesic distances, and says how
/// far the view is from them with the library's quality measures: normalised stress, and neighbour MAP for what the
/// eye reads (who is next to whom). Not the mean distortion: classes that d dimensions place a hair apart (siblings of
/// a 200-leaf tree) make |d₂/D − 1| astronomically large (1.8e10 for the CUB tree in d = 5) however good the view.</summary>
internal sealed record PrototypeView
{
    /// <summary>Centres of the two hemisphere discs are this many radii apart (a gap of 0.4 radii between them).</summary>
    public const double SphereSpacing = 2.4;

    /// <summary>Up to this many classes the view's κ-MDS refines the strain solution by stress (200 iterations);
    /// above, the strain solution alone, whose cost is one eigensolve.</summary>
    public const int RefineLimit = 1000;

    /// <summary>Up to this many classes the view comes from the full n × n distances; above, from landmarks (the
    /// n × n matrix of 20 000 classes would need 3.2 GB).</summary>
    public const int FullLimit = 3000;

    // Landmarks of the view of a large class set, and the classes its quality is measured on.
    private const int ViewLandmarks = 300;
    private const int QualitySample = 2000;

    /// <summary>The classes, in the prototypes' order.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>The drawn position of every class (for the sphere, the second disc's points are already shifted by
    /// <see cref="SphereSpacing"/> radii).</summary>
    public required (double X, double Y)[] Points { get; init; }

    /// <summary>The curvature κ of the prototypes.</summary>
    public required double Curvature { get; init; }

    /// <summary>The prototypes' intrinsic dimension d.</summary>
    public required int Dimension { get; init; }

    /// <summary>Radius of the drawn disc(s): 1/√|κ|, the ball's or sphere's real radius; +∞ in the plane.</summary>
    public double Radius => KappaSpace.RadiusOf(Curvature);

    /// <summary>Centres of the discs to draw: one for the Poincaré disk, two for the hemispheres, none for the plane.</summary>
    public IReadOnlyList<(double X, double Y)> DiscCentres => Curvature switch
    {
        < 0 => [(0, 0)],
        > 0 => [(0, 0), (SphereSpacing * Radius, 0)],
        _ => [],
    };

    /// <summary>How the 2-D positions were obtained: "exact" for d ≤ 2, else the reduction used.</summary>
    public required string Method { get; init; }

    /// <summary>How well the view's distances reproduce the prototypes' geodesic distances; null when the view is
    /// exact (d ≤ 2, or a single class).</summary>
    public EmbeddingQuality? Quality { get; init; }

    /// <summary>Which classes <see cref="Quality"/> was measured on, when not all (e.g. " (measured on 2000 of 5000
    /// classes)"); empty otherwise.</summary>
    public string Measured { get; init; } = string.Empty;

    /// <summary>The caption: the space with its real radius, then (for d &gt; 2) the method and its distortion.</summary>
    public string Caption
    {
        get
        {
            string space = Curvature switch
            {
                < 0 => Invariant($"Poincaré disk, κ = {Curvature:G3}, radius 1/√|κ| = {Radius:G3}"),
                > 0 => Invariant($"sphere, κ = {Curvature:G3}, radius 1/√κ = {Radius:G3}: left x₂ ≥ 0, right x₂ < 0, both seen along x₂"),
                _ => "Euclidean plane",
            };
            return Quality is { } q
                ? Invariant($"{space}\n{Method}\nagainst them{Measured}: normalised stress {q.NormalizedStress:F3} (0: exact), neighbour MAP {q.MeanAveragePrecision:F3} (1: exact)")
                : space;
        }
    }

    /// <summary>The view of <paramref name="prototypes"/>.</summary>
    public static PrototypeView Of(ClassPrototypes prototypes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prototypes);
        int n = prototypes.ClassNames.Count, d = prototypes.Dimension;
        if (d <= 2 || n <= 1)
        {
            return new PrototypeView
            {
                ClassNames = prototypes.ClassNames,
                Points = Drawn(d <= 2 ? prototypes.Coordinates : Turned(prototypes.Coordinates, prototypes.Curvature), prototypes.Curvature),
                Curvature = prototypes.Curvature,
                Dimension = d,
                Method = "exact",
            };
        }

        var (coordinates, quality, method, measured) = n <= FullLimit ? FullView(prototypes, cancellationToken) : LandmarkView(prototypes, cancellationToken);
        return new PrototypeView
        {
            ClassNames = prototypes.ClassNames,
            Points = Drawn(coordinates, prototypes.Curvature),
            Curvature = prototypes.Curvature,
            Dimension = d,
            Method = method,
            Quality = quality,
            Measured = measured,
        };
    }

    // κ-MDS of all n × n geodesic distances at the prototypes' κ, to d = 2 (d = 1 for two classes, which span no more).
    private static (RowMatrix Coordinates, EmbeddingQuality Quality, string Method, string Measured) FullView(ClassPrototypes prototypes, CancellationToken cancellationToken)
    {
        int n = prototypes.ClassNames.Count, d = prototypes.Dimension;
        var target = DistanceMatrix.Create(prototypes.ClassNames, PairwiseDistances.All(prototypes.Coordinates, prototypes.Curvature));
        var fit = new KappaMds(ViewOptions(prototypes.Curvature, Math.Min(2, n - 1), refine: n <= RefineLimit)).Fit(target, cancellationToken: cancellationToken);
        string method = Invariant($"2-D view: κ-MDS (d = 2, same κ) of the geodesic distances in d = {d}");
        return (fit.Prototypes.Coordinates, fit.MeasureQuality(target, cancellationToken), method, string.Empty);
    }

    // Large class sets: the strain step on evenly spaced landmarks, every other class placed from its distances to
    // them (linear in n), and the quality measured on an evenly spaced sample of the classes.
    private static (RowMatrix Coordinates, EmbeddingQuality Quality, string Method, string Measured) LandmarkView(ClassPrototypes prototypes, CancellationToken cancellationToken)
    {
        int n = prototypes.ClassNames.Count, d = prototypes.Dimension;
        double curvature = prototypes.Curvature;
        var landmarkRows = EvenlySpaced(n, ViewLandmarks);
        var isLandmark = new bool[n];
        foreach (int i in landmarkRows)
        {
            isLandmark[i] = true;
        }

        var otherRows = Enumerable.Range(0, n).Where(i => !isLandmark[i]).ToArray();
        var landmarkNames = landmarkRows.Select(i => prototypes.ClassNames[i]).ToArray();
        var block = DistanceMatrix.Create(landmarkNames, PairwiseDistances.All(Rows(prototypes.Coordinates, landmarkRows), curvature));
        var others = new double[otherRows.Length * landmarkRows.Length];
        Parallel.For(0, otherRows.Length, new ParallelOptions { CancellationToken = cancellationToken }, r =>
        {
            for (int l = 0; l < landmarkRows.Length; l++)
            {
                others[(r * landmarkRows.Length) + l] = PairwiseDistances.Distance(prototypes.Coordinates.Row(otherRows[r]), prototypes.Coordinates.Row(landmarkRows[l]), curvature);
            }
        });
        var placed = LandmarkDistances.Create(landmarkNames, otherRows.Select(i => prototypes.ClassNames[i]).ToArray(), new RowMatrix(otherRows.Length, landmarkRows.Length, others));
        var fit = new KappaMds(ViewOptions(curvature, 2, refine: false)).Fit(block, placed, cancellationToken: cancellationToken);

        // The fit lists the landmarks first, then the placed classes: back to the prototypes' order.
        int columns = fit.Prototypes.Coordinates.Columns;
        var data = new double[n * columns];
        var order = landmarkRows.Concat(otherRows).ToArray();
        for (int k = 0; k < n; k++)
        {
            fit.Prototypes.Coordinates.Row(k).CopyTo(data.AsSpan(order[k] * columns, columns));
        }

        var coordinates = new RowMatrix(n, columns, data);
        var sample = EvenlySpaced(n, QualitySample);
        var sampleNames = sample.Select(i => prototypes.ClassNames[i]).ToArray();
        var target = DistanceMatrix.Create(sampleNames, PairwiseDistances.All(Rows(prototypes.Coordinates, sample), curvature));
        var sampled = new KappaMdsResult
        {
            Prototypes = new ClassPrototypes(sampleNames, Rows(coordinates, sample), curvature),
            Eigenvalues = [],
            ClippedEigenvalueMass = 0,
            Strain = double.NaN,
        };
        string method = Invariant($"2-D view: landmark κ-MDS (d = 2, same κ, {landmarkRows.Length} landmarks) of the geodesic distances in d = {d}");
        return (coordinates, sampled.MeasureQuality(target, cancellationToken), method, Invariant($" (measured on {sample.Length} of {n} classes)"));
    }

    private static KappaMdsOptions ViewOptions(double curvature, int dimension, bool refine) => new()
    {
        Dimension = dimension,
        Curvature = curvature,
        Refine = refine,
        MaxIterations = 200,
        Seed = 0,
    };

    // Drawn positions: the ball and the plane as they are (first two columns, a missing second one as 0); the sphere's
    // ambient (x₀, x₁) seen along x₂, the points with x₂ < 0 on the second disc.
    private static (double X, double Y)[] Drawn(RowMatrix coordinates, double curvature)
    {
        int n = coordinates.Rows, columns = coordinates.Columns;
        double shift = curvature > 0 ? SphereSpacing * KappaSpace.RadiusOf(curvature) : 0;
        var points = new (double X, double Y)[n];
        for (int i = 0; i < n; i++)
        {
            var row = coordinates.Row(i);
            double x = columns > 0 ? row[0] : 0, y = columns > 1 ? row[1] : 0;
            bool lower = curvature > 0 && columns > 2 && row[2] < 0;
            points[i] = (lower ? x + shift : x, y);
        }

        return points;
    }

    // One class in d > 2: turned about the origin (an isometry of the ball, the sphere and the plane) into the
    // drawn coordinates, so that its distance from the centre stays what it is.
    private static RowMatrix Turned(RowMatrix single, double curvature)
    {
        var row = single.Row(0);
        return curvature > 0
            ? new RowMatrix(1, 3, [row[0], System.Numerics.Tensors.TensorPrimitives.Norm(row[1..]), 0])
            : new RowMatrix(1, 2, [System.Numerics.Tensors.TensorPrimitives.Norm(row), 0]);
    }

    private static int[] EvenlySpaced(int n, int count) =>
        count >= n ? Enumerable.Range(0, n).ToArray() : Enumerable.Range(0, count).Select(k => (int)((long)k * n / count)).ToArray();

    private static RowMatrix Rows(RowMatrix matrix, int[] rows)
    {
        var data = new double[rows.Length * matrix.Columns];
        for (int r = 0; r < rows.Length; r++)
        {
            matrix.Row(rows[r]).CopyTo(data.AsSpan(r * matrix.Columns, matrix.Columns));
        }

        return new RowMatrix(rows.Length, matrix.Columns, data);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
