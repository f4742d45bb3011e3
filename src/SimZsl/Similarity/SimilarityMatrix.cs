namespace SimZsl.Similarity;

/// <summary>A class-by-class similarity matrix S over named classes, with missing entries allowed. Turn it into
/// distances with <see cref="ToDistances"/> and embed those with <c>KappaMds</c>.</summary>
public sealed class SimilarityMatrix : ClassMatrix
{
    private SimilarityMatrix(IReadOnlyList<string> names, double[] values, bool[]? observed, double symmetryTolerance, CellLocations? cells = null)
        : base(names, values, observed, symmetryTolerance, "similarity", cells)
    {
    }

    // The trusted path (see ClassMatrix): no check at all.
    private SimilarityMatrix(IReadOnlyList<string> names, double[] values, bool[]? observed)
        : base(names, values, observed, "similarity", cells: null)
    {
    }

    /// <summary>Creates a similarity matrix from a square array.</summary>
    /// <param name="classNames">One unique name per row.</param>
    /// <param name="values">The n × n similarities; entries where <paramref name="observed"/> is false are ignored.</param>
    /// <param name="observed">Which entries are known (null: all). A pair known from one side only is used.</param>
    /// <param name="symmetryTolerance">Largest accepted |S_ij − S_ji| relative to max(1, |S_ij|).</param>
    public static SimilarityMatrix Create(IReadOnlyList<string> classNames, double[,] values, bool[,]? observed = null, double symmetryTolerance = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (flat, mask) = Flatten(classNames, values, observed, "similarity");
        return new SimilarityMatrix(classNames, flat, mask, symmetryTolerance);
    }

    /// <summary>Creates a similarity matrix from row-major values (copied).</summary>
    public static SimilarityMatrix Create(IReadOnlyList<string> classNames, ReadOnlySpan<double> values, ReadOnlySpan<bool> observed = default, double symmetryTolerance = 1e-8) =>
        new(classNames, values.ToArray(), observed.IsEmpty ? null : observed.ToArray(), symmetryTolerance);

    /// <summary>Cosine similarity of class vectors (attributes, word vectors): one row per class.</summary>
    /// <param name="classNames">One name per row of <paramref name="vectors"/>.</param>
    /// <param name="vectors">One row per class.</param>
    /// <param name="standardize">Subtract each column's mean and divide by its standard deviation first, so that
    /// attributes on different scales weigh the same.</param>
    public static SimilarityMatrix FromVectors(IReadOnlyList<string> classNames, RowMatrix vectors, bool standardize = false)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(vectors);
        return new SimilarityMatrix(classNames, CosineSimilarity.Compute(vectors, standardize, classNames), null, 1e-8);
    }

    /// <summary>Applies a transform to every observed entry. The diagonal becomes 0; entries outside the
    /// transform's domain by more than <paramref name="tolerance"/> raise an error that names the worst one.</summary>
    public DistanceMatrix ToDistances(SimilarityTransform transform = SimilarityTransform.Arccos, double tolerance = 1e-6)
    {
        int n = Count;
        var d = new double[n * n];
        var mask = ObservedMask;
        var raw = RawValues;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                int ij = (i * n) + j;
                if (mask is not null && !mask[ij])
                {
                    d[ij] = d[(j * n) + i] = double.NaN;
                    continue;
                }

                double v = transform.Apply(raw[ij], tolerance);
                if (double.IsNaN(v))
                {
                    throw new InvalidMatrixException(transform.OutsideDomain($"The similarity of ('{ClassNames[i]}', '{ClassNames[j]}') at {Where(i, j)}", raw[ij]), i, j);
                }

                d[ij] = d[(j * n) + i] = v;
            }
        }

        return DistanceMatrix.CreateTrusted(ClassNames, d, mask is null ? null : (bool[])mask.Clone(), Cells);
    }

    /// <summary>The classes at <paramref name="indices"/>, in that order.</summary>
    public SimilarityMatrix Subset(IReadOnlyList<int> indices)
    {
        var (names, values, observed) = Slice(indices);
        return new SimilarityMatrix(names, values, observed);
    }

    /// <summary>The same similarities (and missing pairs) over other class names, in the same order: a source's classes
    /// prefixed with its name, say, or the benchmark's names for a matrix file that had none.</summary>
    /// <param name="classNames">One unique, non-empty name per class.</param>
    /// <exception cref="InvalidMatrixException">Not one unique, non-empty name per class.</exception>
    public SimilarityMatrix WithClassNames(IReadOnlyList<string> classNames) => new(classNames, RawValues, ObservedMask);

    /// <summary>Reads a similarity matrix out of a file: <paramref name="values"/> and <paramref name="observed"/>
    /// are taken over and checked as by <see cref="Create(IReadOnlyList{string}, ReadOnlySpan{double}, ReadOnlySpan{bool}, double)"/>;
    /// <paramref name="cells"/> puts the file's lines and columns into error messages.</summary>
    internal static SimilarityMatrix FromFile(IReadOnlyList<string> names, double[] values, bool[]? observed, double symmetryTolerance, CellLocations? cells) =>
        new(names, values, observed, symmetryTolerance, cells);

    internal static (double[] Values, bool[]? Observed) Flatten(IReadOnlyList<string> names, double[,] values, bool[,]? observed, string kind)
    {
        ArgumentNullException.ThrowIfNull(names);
        int n = values.GetLength(0);
        if (values.GetLength(1) != n || n != names.Count)
        {
            throw new InvalidMatrixException($"The {kind} matrix is {values.GetLength(0)} × {values.GetLength(1)} for {names.Count} class names; it must be square with one name per row.");
        }

        if (observed is not null && (observed.GetLength(0) != n || observed.GetLength(1) != n))
        {
            throw new InvalidMatrixException($"The mask is {observed.GetLength(0)} × {observed.GetLength(1)}; the {kind} matrix is {n} × {n}.");
        }

        var flat = new double[n * n];
        bool[]? mask = observed is null ? null : new bool[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                flat[(i * n) + j] = values[i, j];
                if (mask is not null)
                {
                    mask[(i * n) + j] = observed![i, j];
                }
            }
        }

        return (flat, mask);
    }
}
