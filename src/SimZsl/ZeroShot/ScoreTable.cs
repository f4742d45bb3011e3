namespace SimZsl.ZeroShot;

/// <summary>A checked score table (columns: seen classes, then unseen classes) with its labels as column indices.</summary>
internal sealed record ScoreTable(string[] Classes, int SeenCount, int[] Labels)
{
    public int Rows => Labels.Length;

    public static ScoreTable Create(ReadOnlySpan<double> scores, IReadOnlyList<string> seenClasses, IReadOnlyList<string> unseenClasses, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(seenClasses);
        ArgumentNullException.ThrowIfNull(unseenClasses);
        ArgumentNullException.ThrowIfNull(labels);
        if (unseenClasses.Count == 0)
        {
            throw new SimZslException("No unseen classes were given; zero-shot evaluation needs at least one.");
        }

        var classes = seenClasses.Concat(unseenClasses).ToArray();
        if (classes.Distinct(StringComparer.Ordinal).Count() != classes.Length)
        {
            throw new SimZslException("A class appears twice among the seen and unseen classes; they must be distinct and disjoint.");
        }

        if (scores.Length != (long)labels.Count * classes.Length)
        {
            throw new ArgumentException($"The score table has {scores.Length} values; {labels.Count} instances × {classes.Length} classes need {(long)labels.Count * classes.Length}.", nameof(scores));
        }

        var indices = ZeroShotInput.LabelIndices(labels, classes, "test", "seen or unseen classes");
        var missing = Enumerable.Range(seenClasses.Count, unseenClasses.Count).Where(k => !indices.Contains(k)).Select(k => $"'{classes[k]}'").ToArray();
        if (missing.Length > 0)
        {
            throw new SimZslException($"The unseen class(es) {string.Join(", ", missing)} have no test instance, so their accuracy is undefined. Add test instances or remove them from the unseen classes.");
        }

        return new ScoreTable(classes, seenClasses.Count, indices);
    }

    /// <summary>The GZSL prediction of a row: arg max over all classes after subtracting γ from the seen scores.</summary>
    public int GzslPrediction(ReadOnlySpan<double> row, double gamma)
    {
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int k = 0; k < row.Length; k++)
        {
            double score = k < SeenCount ? row[k] - gamma : row[k];
            if (score > bestScore)
            {
                bestScore = score;
                best = k;
            }
        }

        return best;
    }
}
