using SimZsl.Similarity;

namespace SimZsl.Embedding;

/// <summary>The graph whose edges are the observed pairs of a distance matrix. An embedding of an incomplete
/// matrix is determined only up to the relative placement of this graph's connected components, so κ-MDS refuses
/// a disconnected graph instead of returning an arbitrary answer.</summary>
internal sealed class ObservedGraph
{
    private ObservedGraph(int[][] neighbours) => Neighbours = neighbours;

    /// <summary>For every class, the classes whose distance to it was observed (itself excluded), ascending.</summary>
    public int[][] Neighbours { get; }

    /// <summary>Builds the graph and checks that every class has an observed pair and that it is connected.</summary>
    /// <exception cref="SimZslException">A class has no observed distance, or the graph is disconnected (the message
    /// gives the component sizes and names classes of the smaller components).</exception>
    public static ObservedGraph Build(DistanceMatrix distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        int n = distances.Count;
        var neighbours = new int[n][];
        for (int i = 0; i < n; i++)
        {
            var row = new List<int>();
            for (int j = 0; j < n; j++)
            {
                if (j != i && distances.IsObserved(i, j))
                {
                    row.Add(j);
                }
            }

            neighbours[i] = [.. row];
        }

        return Checked(neighbours, distances.ClassNames);
    }

    /// <summary>The graph of a list of observed pairs (its CSR rows, copied), checked as for a matrix.</summary>
    /// <exception cref="SimZslException">A class has no observed distance to another class (it occurs only paired with
    /// itself), or the graph is disconnected.</exception>
    public static ObservedGraph Build(PairDistances pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var neighbours = new int[pairs.Count][];
        for (int i = 0; i < neighbours.Length; i++)
        {
            neighbours[i] = pairs.NeighboursOf(i).ToArray();
        }

        return Checked(neighbours, pairs.ClassNames);
    }

    private static ObservedGraph Checked(int[][] neighbours, IReadOnlyList<string> names)
    {
        int n = neighbours.Length;
        var isolated = new List<string>();
        for (int i = 0; i < n; i++)
        {
            if (neighbours[i].Length == 0 && n > 1)
            {
                isolated.Add($"'{names[i]}' (row {i})");
            }
        }

        if (isolated.Count > 0)
        {
            throw new SimZslException(
                $"{isolated.Count} class(es) have no observed distance to any other class, so nothing places them: {string.Join(", ", isolated.Take(10))}{(isolated.Count > 10 ? ", …" : "")}. Give at least one similarity for each, or drop them.");
        }

        var graph = new ObservedGraph(neighbours);
        graph.CheckConnected(names);
        return graph;
    }

    /// <summary>Component label of every class (0, 1, …, in order of first appearance).</summary>
    public int[] Components()
    {
        int n = Neighbours.Length;
        var label = new int[n];
        Array.Fill(label, -1);
        int next = 0;
        var stack = new Stack<int>();
        for (int start = 0; start < n; start++)
        {
            if (label[start] >= 0)
            {
                continue;
            }

            label[start] = next;
            stack.Push(start);
            while (stack.Count > 0)
            {
                foreach (int j in Neighbours[stack.Pop()])
                {
                    if (label[j] < 0)
                    {
                        label[j] = next;
                        stack.Push(j);
                    }
                }
            }

            next++;
        }

        return label;
    }

    private void CheckConnected(IReadOnlyList<string> names)
    {
        var label = Components();
        int count = label.Length == 0 ? 0 : label.Max() + 1;
        if (count <= 1)
        {
            return;
        }

        var groups = Enumerable.Range(0, label.Length).GroupBy(i => label[i]).OrderByDescending(g => g.Count()).ToList();
        string sizes = string.Join(", ", groups.Select(g => g.Count()));
        string examples = string.Join("; ", groups.Skip(1).Take(5).Select(g => string.Join(", ", g.Take(3).Select(i => $"'{names[i]}'"))));
        throw new SimZslException(
            $"The observed distances split the {label.Length} classes into {count} disconnected groups of sizes {sizes}: no observed pair links them, so their relative placement is undetermined. " +
            $"Classes outside the largest group include {examples}. Add at least one similarity between the groups, or embed each group separately.");
    }
}
