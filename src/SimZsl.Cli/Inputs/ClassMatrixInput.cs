using SimZsl.Cli.Commands;
using SimZsl.IO;
using SimZsl.Similarity;

namespace SimZsl.Cli.Inputs;

/// <summary>What an <c>--input</c> file holds.</summary>
public enum InputKind
{
    /// <summary>A square class-by-class similarity matrix.</summary>
    Similarity,

    /// <summary>A square class-by-class distance matrix.</summary>
    Distance,

    /// <summary>One vector per class (attributes, word vectors), turned into cosine similarity.</summary>
    Vectors,

    /// <summary>A taxonomy as parent–child pairs, one per line; the classes are its leaves and their distance is
    /// the tree path length.</summary>
    Tree,

    /// <summary>A list of class pairs, one per line, <c>a,b,value</c> after a header: two class names and a similarity
    /// (or a distance with <c>--transform none</c>); the classes are the names that occur, in order of first appearance.
    /// <c>embed</c> takes it by the sparse route when the pairs are few (memory linear in the classes).</summary>
    Pairs,
}

/// <summary>Loads a class matrix: the <c>--input</c> of <c>simzsl embed</c> and the <c>--similarity</c> of <c>zsl</c> and
/// <c>gbu</c> (one reader, so that every command takes the same files): CSV with class names, <c>.npy</c> (classes named by row
/// index), a variable of a MATLAB file given as <c>file.mat:variable</c>, or a parent–child tree file.</summary>
public static class ClassMatrixInput
{
    /// <summary>Reads the input and returns its distance matrix (similarities go through <paramref name="transform"/>).</summary>
    /// <param name="input">The file (or <c>file.mat:variable</c>).</param>
    /// <param name="kind">What it holds.</param>
    /// <param name="transform">Similarity → distance; null: the default (arccos).</param>
    /// <param name="columnsAreClasses">A vectors input stored one column per class.</param>
    /// <param name="kindOption">The option that gave <paramref name="kind"/>, named in errors.</param>
    public static DistanceMatrix LoadDistances(string input, InputKind kind, SimilarityTransform? transform, bool columnsAreClasses, string kindOption = "--input-kind")
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        if (kind is InputKind.Distance or InputKind.Tree)
        {
            if (transform is { } t && t != SimilarityTransform.None)
            {
                throw new UsageException($"--transform {t.Name()} applies to similarities; an {kindOption} {kind.ToString().ToLowerInvariant()} input gives distances as they are (leave --transform out).");
            }

            if (kind == InputKind.Tree)
            {
                return TaxonomyFile.ReadTree(input).PathDistances();
            }

            return IsMatrixSource(input) ? MatInput.Distances(input) : ClassMatrixFile.ReadDistanceCsv(input);
        }

        if (kind == InputKind.Pairs)
        {
            // Commands that need a matrix (zsl, gbu) take the pairs as a masked one; embed reads them with LoadPairs.
            return LoadPairs(input, transform).ToMatrix();
        }

        return LoadSimilarities(input, kind, columnsAreClasses).ToDistances(CliOptions.TransformOrDefault(transform));
    }

    /// <summary>Reads a pairs CSV (<c>a,b,value</c>): similarities through <paramref name="transform"/> (null: arccos),
    /// or distances with <see cref="SimilarityTransform.None"/>.</summary>
    public static PairDistances LoadPairs(string input, SimilarityTransform? transform)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        if (input.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) || input.Contains(".mat", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"'{input}': a pairs input is a CSV with a header and lines 'a,b,value' (two class names and a similarity or distance).");
        }

        return PairListFile.ReadSimilarityCsv(input, CliOptions.TransformOrDefault(transform));
    }

    /// <summary>Reads a similarity (or vector) input as a similarity matrix.</summary>
    public static SimilarityMatrix LoadSimilarities(string input, InputKind kind, bool columnsAreClasses)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        if (kind == InputKind.Vectors)
        {
            var (names, vectors) = IsMatrixSource(input) ? MatInput.Vectors(input, columnsAreClasses) : ReadCsvVectors(input, columnsAreClasses);
            return SimilarityMatrix.FromVectors(names, vectors);
        }

        return IsMatrixSource(input) ? MatInput.Similarities(input) : ClassMatrixFile.ReadSimilarityCsv(input);
    }

    private static (IReadOnlyList<string> Names, RowMatrix Vectors) ReadCsvVectors(string path, bool columnsAreClasses)
    {
        var table = CsvMatrixFile.ReadTable(path);
        return columnsAreClasses ? (table.ColumnNames, table.Values.Transpose()) : (table.RowNames, table.Values);
    }


    // .npy files and "file.mat:variable" go through MatrixSource; a bare .mat needs its variable named.
    private static bool IsMatrixSource(string input)
    {
        if (input.EndsWith(".mat", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"'{input}' is a MATLAB file: name the variable as '{input}:variable' (e.g. att_splits.mat:att).");
        }

        return input.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) || input.Contains(".mat:", StringComparison.OrdinalIgnoreCase);
    }
}
