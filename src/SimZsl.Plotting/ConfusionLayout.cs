namespace SimZsl.Plotting;

/// <summary>The rows and columns of a confusion matrix as drawn: the seen classes first and the unseen ones after them
/// (each part in the given order), every unseen name marked with <see cref="UnseenSuffix"/>, so that one line can
/// separate the two blocks. A GZSL matrix whose unseen classes are not told apart hides what it is about.</summary>
/// <param name="Rows">For each drawn row, the row of the given matrix.</param>
/// <param name="Columns">For each drawn column, the column of the given matrix.</param>
/// <param name="RowLabels">The drawn rows' names, unseen ones marked.</param>
/// <param name="ColumnLabels">The drawn columns' names, unseen ones marked.</param>
/// <param name="SeenRows">How many drawn rows are seen classes (the separating line sits after them).</param>
/// <param name="SeenColumns">How many drawn columns are seen classes.</param>
internal sealed record ConfusionLayout(int[] Rows, int[] Columns, string[] RowLabels, string[] ColumnLabels, int SeenRows, int SeenColumns)
{
    /// <summary>Appended to the name of an unseen class.</summary>
    public const string UnseenSuffix = " (unseen)";

    /// <summary>Orders and marks the classes.</summary>
    /// <exception cref="ArgumentException">An unseen class is neither a true nor a predicted class (a typo would
    /// otherwise silently mark nothing).</exception>
    public static ConfusionLayout Arrange(IReadOnlyList<string> trueClasses, IReadOnlyList<string> predictedClasses, IReadOnlyCollection<string>? unseenClasses)
    {
        ArgumentNullException.ThrowIfNull(trueClasses);
        ArgumentNullException.ThrowIfNull(predictedClasses);
        var unseen = new HashSet<string>(unseenClasses ?? [], StringComparer.Ordinal);
        var unknown = unseen.Where(c => !trueClasses.Contains(c) && !predictedClasses.Contains(c)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"Unseen class(es) {string.Join(", ", unknown.Select(c => $"'{c}'"))} are neither true nor predicted classes of the matrix; check the names (they are case-sensitive).", nameof(unseenClasses));
        }

        var (rows, seenRows) = Order(trueClasses, unseen);
        var (columns, seenColumns) = Order(predictedClasses, unseen);
        return new ConfusionLayout(
            rows,
            columns,
            rows.Select(i => Label(trueClasses[i], unseen)).ToArray(),
            columns.Select(j => Label(predictedClasses[j], unseen)).ToArray(),
            seenRows,
            seenColumns);
    }

    private static (int[] Order, int Seen) Order(IReadOnlyList<string> classes, HashSet<string> unseen)
    {
        var seen = Enumerable.Range(0, classes.Count).Where(i => !unseen.Contains(classes[i])).ToArray();
        return ([.. seen, .. Enumerable.Range(0, classes.Count).Where(i => unseen.Contains(classes[i]))], seen.Length);
    }

    private static string Label(string name, HashSet<string> unseen) => unseen.Contains(name) ? name + UnseenSuffix : name;
}
