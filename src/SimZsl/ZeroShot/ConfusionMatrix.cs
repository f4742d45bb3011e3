namespace SimZsl.ZeroShot;

/// <summary>Counts of (true class, predicted class) pairs over a fixed list of classes.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[] _counts;

    /// <summary>Counts the pairs (<paramref name="actual"/>[i], <paramref name="predicted"/>[i]), indices into
    /// <paramref name="classes"/>.</summary>
    public ConfusionMatrix(IReadOnlyList<string> classes, IReadOnlyList<int> actual, IReadOnlyList<int> predicted)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException($"{actual.Count} true classes but {predicted.Count} predictions.", nameof(predicted));
        }

        Classes = classes;
        _counts = new int[classes.Count * classes.Count];
        for (int i = 0; i < actual.Count; i++)
        {
            _counts[(actual[i] * classes.Count) + predicted[i]]++;
        }
    }

    /// <summary>The classes, in row (and column) order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>How many instances of class <paramref name="actual"/> were predicted as <paramref name="predicted"/>.</summary>
    public int this[int actual, int predicted] => _counts[(actual * Classes.Count) + predicted];

    /// <summary>The count for two classes given by name.</summary>
    public int this[string actual, string predicted] => this[IndexOf(actual), IndexOf(predicted)];

    private int IndexOf(string name)
    {
        for (int i = 0; i < Classes.Count; i++)
        {
            if (string.Equals(Classes[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not a class of this confusion matrix.", nameof(name));
    }
}
