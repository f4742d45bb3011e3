using System.Globalization;

namespace SimZsl.Similarity;

/// <summary>Builds one masked class matrix from several sources (Challenge II): each source is a similarity matrix
/// over its own classes (its own semantics and units), and cross-source blocks, possibly partial, join them. Class
/// names must be unique across sources. Pairs no block covers stay missing; κ-MDS imputes them for its strain step
/// and fits only the observed pairs. Add sources and blocks, then call <see cref="ToDistances"/> (calibrated) or
/// <see cref="ToSimilarityMatrix"/> (raw).</summary>
public sealed class MultiSourceSimilarity
{
    private readonly List<(string Name, SimilarityMatrix Matrix)> _sources = [];
    private readonly Dictionary<string, (int Source, int Index)> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, int), double> _cross = [];

    /// <summary>The source names, in the order added.</summary>
    public IReadOnlyList<string> Sources => _sources.Select(s => s.Name).ToArray();

    /// <summary>Adds a source: a similarity matrix over classes that appear in no other source.</summary>
    /// <exception cref="SimZslException">The source name is taken, or a class name already belongs to another source.</exception>
    public MultiSourceSimilarity AddSource(string name, SimilarityMatrix similarities)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(similarities);
        if (_sources.Any(s => s.Name == name))
        {
            throw new SimZslException($"A source named '{name}' was already added; give each source its own name.");
        }

        var collisions = similarities.ClassNames.Where(_classes.ContainsKey).ToList();
        if (collisions.Count > 0)
        {
            throw new SimZslException(
                $"Source '{name}' has {collisions.Count} class name(s) that another source already has: {string.Join(", ", collisions.Take(10).Select(c => $"'{c}' (in '{_sources[_classes[c].Source].Name}')"))}{(collisions.Count > 10 ? ", …" : "")}. " +
                "Class names must be unique across sources; if they are the same class, keep it in one source and give its similarities to the other source's classes as a cross-source block; otherwise rename (e.g. prefix the source name).");
        }

        int source = _sources.Count;
        _sources.Add((name, similarities));
        for (int i = 0; i < similarities.Count; i++)
        {
            _classes[similarities.ClassNames[i]] = (source, i);
        }

        return this;
    }

    /// <summary>Adds cross-source similarities: rows and columns name classes of the sources already added, every
    /// (row, column) pair from two different sources. Entries whose <paramref name="observed"/> is false (or NaN
    /// values without a mask) stay missing.</summary>
    /// <exception cref="SimZslException">An unknown class, a pair inside one source, or a pair given twice with different values.</exception>
    public MultiSourceSimilarity AddCrossBlock(IReadOnlyList<string> rowClasses, IReadOnlyList<string> columnClasses, double[,] similarities, bool[,]? observed = null)
    {
        ArgumentNullException.ThrowIfNull(rowClasses);
        ArgumentNullException.ThrowIfNull(columnClasses);
        ArgumentNullException.ThrowIfNull(similarities);
        if (similarities.GetLength(0) != rowClasses.Count || similarities.GetLength(1) != columnClasses.Count
            || (observed is not null && (observed.GetLength(0) != rowClasses.Count || observed.GetLength(1) != columnClasses.Count)))
        {
            throw new InvalidMatrixException($"The cross block is {similarities.GetLength(0)} × {similarities.GetLength(1)} for {rowClasses.Count} row and {columnClasses.Count} column classes (the mask must have the same shape).");
        }

        var rows = rowClasses.Select(Locate).ToArray();
        var columns = columnClasses.Select(Locate).ToArray();
        for (int a = 0; a < rows.Length; a++)
        {
            for (int b = 0; b < columns.Length; b++)
            {
                double v = similarities[a, b];
                if ((observed is not null && !observed[a, b]) || (observed is null && double.IsNaN(v)))
                {
                    continue;
                }

                AddCross(rowClasses[a], columnClasses[b], rows[a], columns[b], v);
            }
        }

        return this;
    }

    /// <summary>All classes in one similarity matrix (sources in the order added, each in its own order), raw:
    /// no calibration, so use it only when every source already speaks the same similarity.</summary>
    public SimilarityMatrix ToSimilarityMatrix()
    {
        var (names, values, mask) = Assemble();
        return SimilarityMatrix.Create(names, values, mask);
    }

    /// <summary>All classes as one masked distance matrix: every observed similarity goes through
    /// <paramref name="transform"/>, then each source's within-source distances are multiplied by its scale
    /// (see <see cref="SourceCalibration"/>).</summary>
    /// <exception cref="SimZslException">No source was added.</exception>
    public MultiSourceDistances ToDistances(SimilarityTransform transform = SimilarityTransform.Arccos, SourceCalibration calibration = SourceCalibration.CrossConsistency, double tolerance = 1e-6)
    {
        if (_sources.Count == 0)
        {
            throw new SimZslException("No source was added; add at least one with AddSource.");
        }

        var raw = ToSimilarityMatrix().ToDistances(transform, tolerance);
        var sourceOf = _sources.SelectMany((s, index) => Enumerable.Repeat(index, s.Matrix.Count)).ToArray();
        var scales = SourceScales.Compute(raw, sourceOf, _sources.Count, calibration);
        int n = raw.Count;
        var values = raw.RawValues.ToArray();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                values[(i * n) + j] *= sourceOf[i] == sourceOf[j] ? scales.Within[sourceOf[i]] : scales.Cross;
            }
        }

        var distances = DistanceMatrix.CreateTrusted(raw.ClassNames, values, raw.ObservedMask is null ? null : (bool[])raw.ObservedMask.Clone());
        return new MultiSourceDistances(
            distances,
            _sources.Select((s, index) => (s.Name, Scale: scales.Within[index])).ToDictionary(p => p.Name, p => p.Scale),
            scales.Cross,
            sourceOf.Select(s => _sources[s].Name).ToArray());
    }

    private (int Source, int Index) Locate(string name) =>
        name is not null && _classes.TryGetValue(name, out var place)
            ? place
            : throw new SimZslException($"The cross block names class '{name}', which no source has; add its source first (sources: {string.Join(", ", _sources.Select(s => $"'{s.Name}'"))}).");

    private void AddCross(string rowName, string columnName, (int Source, int Index) row, (int Source, int Index) column, double value)
    {
        if (row.Source == column.Source)
        {
            throw new SimZslException($"The cross block pairs '{rowName}' and '{columnName}', which are both in source '{_sources[row.Source].Name}'; within-source similarities belong to that source's matrix.");
        }

        if (!double.IsFinite(value))
        {
            throw new InvalidMatrixException($"The cross similarity of '{rowName}' and '{columnName}' is {value.ToString(CultureInfo.InvariantCulture)}; mark missing entries with the mask.");
        }

        int i = GlobalIndex(row), j = GlobalIndex(column);
        var key = (Math.Min(i, j), Math.Max(i, j));
        if (_cross.TryGetValue(key, out double previous) && Math.Abs(previous - value) > 1e-8 * Math.Max(1, Math.Abs(value)))
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture, $"The cross similarity of '{rowName}' and '{columnName}' was given twice, as {previous:G6} and {value:G6}."));
        }

        _cross[key] = value;
    }

    private int GlobalIndex((int Source, int Index) place)
    {
        int offset = 0;
        for (int s = 0; s < place.Source; s++)
        {
            offset += _sources[s].Matrix.Count;
        }

        return offset + place.Index;
    }

    private (string[] Names, double[] Values, bool[] Mask) Assemble()
    {
        int n = _sources.Sum(s => s.Matrix.Count);
        var names = _sources.SelectMany(s => s.Matrix.ClassNames).ToArray();
        var values = new double[n * n];
        var mask = new bool[n * n];
        Array.Fill(values, double.NaN);
        int offset = 0;
        for (int s = 0; s < _sources.Count; s++)
        {
            var m = _sources[s].Matrix;
            for (int a = 0; a < m.Count; a++)
            {
                for (int b = 0; b < m.Count; b++)
                {
                    if (m.IsObserved(a, b))
                    {
                        int k = ((offset + a) * n) + offset + b;
                        values[k] = m[a, b];
                        mask[k] = true;
                    }
                }
            }

            offset += m.Count;
        }

        foreach (var ((i, j), v) in _cross)
        {
            values[(i * n) + j] = values[(j * n) + i] = v;
            mask[(i * n) + j] = mask[(j * n) + i] = true;
        }

        return (names, values, mask);
    }
}
