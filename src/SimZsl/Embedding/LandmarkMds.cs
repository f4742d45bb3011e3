using System.Numerics.Tensors;
using SimZsl.Geometry;
using SimZsl.Numerics;
using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>Landmark κ-MDS (Challenge III, and the route to very large class sets): the L landmark classes are
/// embedded by the strain step on their complete L × L block; every other class is placed from its L landmark
/// distances alone by one matrix product (O(L·m·d), linear in the number of classes m; see
/// <see cref="LandmarkStrain"/> for the formula per κ), then optionally refined by stress against its landmark
/// distances (L-hydra+; <see cref="KappaMdsOptions.Refine"/>). Exact on exact data with at least d + 1 landmarks in
/// general position. <see cref="KappaMdsOptions.Curvature"/> must be given.</summary>
internal sealed class LandmarkMds
{
    /// <summary>Creates the solver.</summary>
    public LandmarkMds(KappaMdsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings: Dimension, Curvature (required), Refine, Weighting (of the landmark block), the
    /// refinement limits, Seed (landmark choice).</summary>
    public KappaMdsOptions Options { get; }

    /// <summary>Embeds the landmarks from their L × L block and places the classes of <paramref name="others"/>
    /// (whose landmark columns may come in any order). Prototypes: landmarks first, then the placed classes.</summary>
    /// <exception cref="SimZslException">Fewer than d + 1 landmarks, a missing pair in the landmark block, or
    /// landmark names that do not match the block.</exception>
    public LandmarkMdsResult Fit(DistanceMatrix landmarks, LandmarkDistances others, IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(landmarks);
        ArgumentNullException.ThrowIfNull(others);
        double curvature = CheckOptions(landmarks.Count);
        CheckBlock(Options, landmarks);
        var columns = MatchColumns(landmarks, others);
        var (landmarkX, strain, landmarkOutcome) = EmbedLandmarks(landmarks, curvature, progress, cancellationToken);
        var placed = Place(strain, landmarkX, others, columns, progress, cancellationToken);

        int l = landmarks.Count, m = others.Count, cols = strain.Columns;
        var all = new double[(l + m) * cols];
        landmarkX.CopyTo(all, 0);
        placed.Coordinates.CopyTo(all, l * cols);
        var names = landmarks.ClassNames.Concat(others.ClassNames).ToArray();
        return new LandmarkMdsResult
        {
            Prototypes = new ClassPrototypes(names, KappaCoordinates.ToPrototypes(all, l + m, cols, curvature), curvature),
            LandmarkNames = landmarks.ClassNames,
            Eigenvalues = strain.Eigenvalues,
            ClippedEigenvalueMass = strain.ClippedMass,
            Iterations = (landmarkOutcome?.Iterations ?? 0) + placed.Iterations,
            Converged = (landmarkOutcome?.Converged ?? true) && placed.Converged,
        };
    }

    /// <summary>Embeds a full (possibly incomplete) matrix through the named landmarks: the landmark rows must be
    /// complete; every other class uses only its landmark distances. Prototypes come in the matrix's class order.</summary>
    /// <exception cref="SimZslException">A landmark name is not in the matrix, fewer than d + 1 landmarks, or a
    /// distance the landmarks need is missing.</exception>
    public LandmarkMdsResult Fit(DistanceMatrix distances, IReadOnlyList<string> landmarkNames, IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var indices = LandmarkDistances.LandmarkIndices(distances, landmarkNames);
        CheckOptions(indices.Length);
        var block = distances.Subset(indices);
        var others = LandmarkDistances.FromMatrix(distances, landmarkNames);
        var result = Fit(block, others, progress, cancellationToken);

        // Back to the matrix's order.
        return result with { Prototypes = result.Prototypes.Reordered(distances.ClassNames, distances.IndexOf) };
    }

    private double CheckOptions(int landmarkCount)
    {
        if (Options.Curvature is not { } curvature)
        {
            throw new ArgumentException("Landmark κ-MDS needs a fixed curvature: set KappaMdsOptions.Curvature (choose it on the landmark block with KappaMds first if unsure).");
        }

        CheckCount(Options, landmarkCount);
        return curvature;
    }

    /// <summary>What the landmark block must satisfy before anything runs on it (a curvature search included): at
    /// least d + 1 landmarks, valid options for that many classes, and every distance among them.</summary>
    /// <exception cref="SimZslException">Too few landmarks, or a missing pair in the block (the message names one).</exception>
    public static void CheckBlock(KappaMdsOptions options, DistanceMatrix block)
    {
        CheckCount(options, block.Count);
        if (!block.IsComplete)
        {
            var pair = Enumerable.Range(0, block.Count).SelectMany(i => Enumerable.Range(i + 1, block.Count - i - 1).Select(j => (i, j))).First(p => !block.IsObserved(p.i, p.j));
            throw new SimZslException($"The landmark block misses {block.MissingPairCount} distance(s), e.g. between '{block.ClassNames[pair.i]}' and '{block.ClassNames[pair.j]}'; landmarks need every distance among them. Choose landmarks with complete rows.");
        }
    }

    private static void CheckCount(KappaMdsOptions options, int landmarkCount)
    {
        if (landmarkCount < options.Dimension + 1)
        {
            throw new SimZslException($"{landmarkCount} landmarks cannot determine a {options.Dimension}-dimensional embedding: give at least d + 1 = {options.Dimension + 1} landmarks (more, spread over the data, are better).");
        }

        options.Validate(landmarkCount);
    }

    // Column b of the block → row index of that landmark in the L × L matrix.
    private static int[] MatchColumns(DistanceMatrix landmarks, LandmarkDistances others)
    {
        if (others.LandmarkNames.Count != landmarks.Count)
        {
            throw new SimZslException($"The landmark block has {landmarks.Count} classes but the distances to place have {others.LandmarkNames.Count} landmark columns; both must name the same landmarks.");
        }

        return LandmarkDistances.LandmarkIndices(landmarks, others.LandmarkNames);
    }

    private (double[] X, LandmarkStrain Strain, Lbfgs.Outcome? Outcome) EmbedLandmarks(DistanceMatrix landmarks, double curvature, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new EmbeddingProgress("landmarks", 0, double.NaN, 0));
        var strain = LandmarkStrain.Fit(landmarks, Options.Dimension, curvature, cancellationToken);
        var x = (double[])strain.Coordinates.Clone();
        Lbfgs.Outcome? outcome = null;
        if (Options.Refine)
        {
            var stress = StressFunction.Create(landmarks, Options.Dimension, curvature, Options.Weighting);
            outcome = StressRefinement.Minimize(stress, x, Options, progress, cancellationToken);
        }

        return (x, strain, outcome);
    }

    private sealed record Placement(double[] Coordinates, int Iterations, bool Converged);

    private Placement Place(LandmarkStrain strain, double[] landmarkX, LandmarkDistances others, int[] columns, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        int m = others.Count, l = strain.Count, cols = strain.Columns;
        double r = KappaSpace.LengthScale(strain.Curvature);
        var x = new double[m * cols];
        var iterations = new int[m];
        var converged = new bool[m];
        var source = others.Distances.Data;
        bool identity = columns.Select((c, b) => c == b).All(same => same);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, m, options, () => (Scratch: new double[l], Row: new double[l], Point: new double[cols], Anchored: new AnchoredStress(landmarkX, l, cols, strain.Curvature)), (i, _, work) =>
        {
            var distances = source.AsSpan(i * l, l);
            if (!identity)
            {
                for (int b = 0; b < l; b++)
                {
                    work.Row[columns[b]] = distances[b];
                }

                distances = work.Row;
            }

            strain.Place(distances, work.Point, work.Scratch);
            converged[i] = true;
            if (Options.Refine)
            {
                // Scratch becomes the unit-scaled landmark distances, the target of the per-class stress.
                TensorPrimitives.Multiply(distances, 1 / r, work.Scratch);
                var outcome = work.Anchored.Refine(work.Point, work.Scratch, Options, cancellationToken);
                iterations[i] = outcome.Iterations;
                converged[i] = outcome.Converged;
            }

            work.Point.CopyTo(x, i * cols);
            return work;
        }, _ => { });
        progress?.Report(new EmbeddingProgress("landmarks", 0, double.NaN, 1));
        return new Placement(x, iterations.Sum(), converged.All(c => c));
    }
}
