namespace SimZsl.IO;

/// <summary>One instance split of the xlsa17 proposed splits (e.g. <c>trainval_loc</c>), 0-based.</summary>
/// <param name="Name">The split's name without the <c>_loc</c> suffix: trainval, test_seen, test_unseen, train, val.</param>
/// <param name="Indices">0-based instance indices: rows of <see cref="Xlsa17Dataset.Features"/>, columns of
/// <c>res101.mat</c>'s <c>features</c> (the file stores them 1-based).</param>
/// <param name="Classes">The 0-based classes its instances belong to, ascending; null without labels.</param>
public sealed record Xlsa17Split(string Name, IReadOnlyList<int> Indices, IReadOnlyList<int>? Classes)
{
    /// <summary>Number of instances.</summary>
    public int Count => Indices.Count;
}
