using System.Globalization;

namespace SimZsl.Samples.Shared;

/// <summary>The shipped aPascal objects (samples/data/aPascal/apascal_train.txt): 6 340 objects, 64 binary
/// attributes each, 20 classes. Each line: image, class, x1, y1, x2, y2, then the 64 attributes.</summary>
internal static class APascalObjects
{
    /// <summary>The five classes the samples hold out (the same as samples/ZeroShotExperiments).</summary>
    public static readonly string[] Unseen = ["bus", "cat", "cow", "motorbike", "sofa"];

    public static (RowMatrix Features, string[] Labels) Read(string? path = null)
    {
        path ??= SampleOptions.Data("aPascal", "apascal_train.txt");
        var rows = new List<double[]>();
        var labels = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length != 70)
            {
                throw new DataFormatException(path, $"expected 70 tokens, found {tokens.Length}.", line: labels.Count + 1);
            }

            labels.Add(tokens[1]);
            rows.Add(tokens[6..].Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray());
        }

        return (RowMatrix.FromRows(rows), [.. labels]);
    }
}
