using System.Globalization;

namespace SimZsl.ZeroShot;

/// <summary>The standard zero-shot split of a labelled data set: the instances of the unseen classes are all test
/// data (test-unseen); the instances of every seen class are split, stratified and seeded, into training and
/// test-seen.</summary>
/// <param name="Train">Rows used for training (seen classes only).</param>
/// <param name="TestSeen">Held-out rows of the seen classes.</param>
/// <param name="TestUnseen">All rows of the unseen classes.</param>
/// <param name="SeenClasses">The seen classes, in order of first appearance in the labels.</param>
/// <param name="UnseenClasses">The unseen classes, as given.</param>
public sealed record ZeroShotSplit(int[] Train, int[] TestSeen, int[] TestUnseen, IReadOnlyList<string> SeenClasses, IReadOnlyList<string> UnseenClasses)
{
    /// <summary>The test rows: test-seen, then test-unseen.</summary>
    public int[] Test => [.. TestSeen, .. TestUnseen];

    /// <summary>Splits <paramref name="labels"/>: unseen-class rows go to test; each seen class keeps
    /// round(<paramref name="testFraction"/>·n) of its rows (at least one when it has two) for test-seen.</summary>
    public static ZeroShotSplit Create(IReadOnlyList<string> labels, IReadOnlyList<string> unseenClasses, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(unseenClasses);
        if (!(testFraction >= 0 && testFraction < 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The test fraction must be in [0, 1) (got {testFraction})."), nameof(testFraction));
        }

        var unseen = new HashSet<string>(unseenClasses, StringComparer.Ordinal);
        var seenClasses = labels.Where(l => !unseen.Contains(l)).Distinct(StringComparer.Ordinal).ToArray();
        var missing = unseenClasses.Where(c => !labels.Contains(c, StringComparer.Ordinal)).ToArray();
        if (missing.Length > 0)
        {
            throw new SimZslException($"The unseen class(es) {string.Join(", ", missing.Select(m => $"'{m}'"))} have no instance in the labels, so they cannot be tested. Remove them from the unseen list or add their instances.");
        }

        if (seenClasses.Length == 0)
        {
            throw new SimZslException("Every labelled class is unseen: nothing is left to train on. Leave at least one class seen.");
        }

        var classIndex = ZeroShotInput.Index(seenClasses);
        var testUnseen = new List<int>();
        var classOfRow = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            if (unseen.Contains(labels[i]))
            {
                testUnseen.Add(i);
                classOfRow[i] = -1;
            }
            else
            {
                classOfRow[i] = classIndex[labels[i]];
            }
        }

        var (train, testSeen) = Stratified(classOfRow, testFraction, new Random(seed));
        return new ZeroShotSplit(train, testSeen, [.. testUnseen], seenClasses, [.. unseenClasses]);
    }

    /// <summary>Splits the rows with class ≥ 0 per class: a shuffled round(fraction·n) of each class (at least one
    /// when the class has two rows and the fraction is positive) goes to the held-out part. Rows keep their
    /// original order within each part.</summary>
    internal static (int[] Kept, int[] HeldOut) Stratified(int[] classOfRow, double fraction, Random random)
    {
        var byClass = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < classOfRow.Length; i++)
        {
            if (classOfRow[i] >= 0)
            {
                if (!byClass.TryGetValue(classOfRow[i], out var list))
                {
                    byClass[classOfRow[i]] = list = [];
                }

                list.Add(i);
            }
        }

        var heldOut = new bool[classOfRow.Length];
        foreach (var rows in byClass.Values)
        {
            int count = (int)Math.Round(fraction * rows.Count, MidpointRounding.AwayFromZero);
            if (fraction > 0 && rows.Count >= 2)
            {
                count = Math.Clamp(count, 1, rows.Count - 1);
            }

            var shuffled = rows.ToArray();
            random.Shuffle(shuffled);
            for (int k = 0; k < count; k++)
            {
                heldOut[shuffled[k]] = true;
            }
        }

        var kept = Enumerable.Range(0, classOfRow.Length).Where(i => classOfRow[i] >= 0 && !heldOut[i]).ToArray();
        var held = Enumerable.Range(0, classOfRow.Length).Where(i => heldOut[i]).ToArray();
        return (kept, held);
    }
}
