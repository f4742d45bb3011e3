namespace SimZsl.Similarity;

/// <summary>How a similarity s becomes a distance d. Which one is right depends on where S came from.</summary>
public enum SimilarityTransform
{
    /// <summary>d = arccos(s), s ∈ [−1, 1]: the exact geodesic on the unit sphere when S is a Gram matrix of unit
    /// vectors (cosine similarity); spherical κ-MDS with κ = 1 then recovers S exactly. The default.</summary>
    Arccos,

    /// <summary>d = √(2 − 2s), s ∈ [−1, 1]: the chord length between unit vectors with cosine s.</summary>
    Chord,

    /// <summary>d = 1 − s, s ≤ 1: for similarities in [0, 1] such as Wu–Palmer.</summary>
    OneMinus,

    /// <summary>d = −ln s, s ∈ (0, 1]: for multiplicative similarities (path similarity, kernels).</summary>
    NegLog,

    /// <summary>d = s: the input already is a distance (tree path lengths, for example); s ≥ 0.</summary>
    None,
}

/// <summary>The formulas and domains behind <see cref="SimilarityTransform"/>.</summary>
public static class SimilarityTransforms
{
    /// <summary>The command-line name of a transform: arccos, chord, one-minus, neg-log or none.</summary>
    public static string Name(this SimilarityTransform transform) => transform switch
    {
        SimilarityTransform.Arccos => "arccos",
        SimilarityTransform.Chord => "chord",
        SimilarityTransform.OneMinus => "one-minus",
        SimilarityTransform.NegLog => "neg-log",
        SimilarityTransform.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(transform), transform, null),
    };

    /// <summary>Parses a command-line name (see <see cref="Name"/>), case-insensitively.</summary>
    public static SimilarityTransform Parse(string name)
    {
        foreach (var t in Enum.GetValues<SimilarityTransform>())
        {
            if (string.Equals(t.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                return t;
            }
        }

        throw new ArgumentException($"Unknown transform '{name}'; use one of arccos, chord, one-minus, neg-log, none.", nameof(name));
    }

    /// <summary>The closed domain of s for a transform; NegLog's lower end is open (s &gt; 0).</summary>
    public static (double Low, double High) Domain(this SimilarityTransform transform) => transform switch
    {
        SimilarityTransform.Arccos or SimilarityTransform.Chord => (-1, 1),
        SimilarityTransform.OneMinus => (double.NegativeInfinity, 1),
        SimilarityTransform.NegLog => (0, 1),
        SimilarityTransform.None => (0, double.PositiveInfinity),
        _ => throw new ArgumentOutOfRangeException(nameof(transform), transform, null),
    };

    /// <summary>The sentence an error gives for a similarity outside the transform's domain: "… is S, outside the
    /// domain [a, b] of the 't' transform. …"; <paramref name="what"/> names the entry and where it stands.</summary>
    internal static string OutsideDomain(this SimilarityTransform transform, string what, double s)
    {
        var (low, high) = transform.Domain();
        string domain = transform == SimilarityTransform.NegLog ? "(0, 1]" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{low}, {high}]");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what} is {s:G6}, outside the domain {domain} of the '{transform.Name()}' transform. Rescale the similarities or choose another transform.");
    }

    /// <summary>Applies the transform to one similarity. Values outside the domain by at most
    /// <paramref name="tolerance"/> are clamped to it (rounding noise); anything further out returns NaN, and
    /// the caller reports where.</summary>
    internal static double Apply(this SimilarityTransform transform, double s, double tolerance)
    {
        var (low, high) = transform.Domain();
        if (s < low - tolerance || s > high + tolerance || (transform == SimilarityTransform.NegLog && s <= 0))
        {
            return double.NaN;
        }

        s = Math.Clamp(s, low, high);
        return transform switch
        {
            SimilarityTransform.Arccos => Math.Acos(s),
            SimilarityTransform.Chord => Math.Sqrt(2 - (2 * s)),
            SimilarityTransform.OneMinus => 1 - s,
            SimilarityTransform.NegLog => -Math.Log(s),
            _ => s,
        };
    }
}
