using System.Globalization;

namespace SimZsl.Similarity;

/// <summary>A class hierarchy (taxonomy) built from parent–child edges, and the class-to-class matrices it gives:
/// path distances between classes (a <see cref="DistanceMatrix"/>, to embed with the transform <c>none</c>) and
/// similarities from the lowest common ancestor (LCA) of two classes. Immutable.</summary>
/// <remarks>The edges must form one tree: every node has at most one parent, no node is its own ancestor, and
/// there is one root (or pass <c>commonRoot</c> to join several trees). Violations are reported with the line of
/// every edge involved. The classes asked for are usually leaves, but any node may be used.</remarks>
public sealed class TaxonomyTree
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _parent;
    private readonly int[] _depth;
    private readonly int[] _height;
    private readonly int _root;

    private TaxonomyTree(string[] names, Dictionary<string, int> index, int[] parent, int root)
    {
        _names = names;
        _index = index;
        _parent = parent;
        _root = root;
        (_depth, _height) = DepthsAndHeights(parent, root);
        var hasChild = new bool[names.Length];
        foreach (int p in parent.Where(p => p >= 0))
        {
            hasChild[p] = true;
        }

        Leaves = Enumerable.Range(0, names.Length).Where(i => !hasChild[i]).Select(i => names[i]).ToArray();
    }

    /// <summary>Every node, in order of first appearance in the edges (a joining root, if any, last).</summary>
    public IReadOnlyList<string> Nodes => _names;

    /// <summary>The nodes without children, in order of first appearance.</summary>
    public IReadOnlyList<string> Leaves { get; }

    /// <summary>The root's name.</summary>
    public string Root => _names[_root];

    /// <summary>The height of the tree: the number of edges from the root to its deepest leaf.</summary>
    public int Height => _height[_root];

    /// <summary>Builds the tree from edges; errors name each edge by its <see cref="TaxonomyEdge.Line"/>.</summary>
    /// <param name="edges">The edges; repeats of the same edge are allowed.</param>
    /// <param name="commonRoot">A new node to create above the roots when the edges form several trees; ignored
    /// when they form one.</param>
    public static TaxonomyTree FromEdges(IEnumerable<TaxonomyEdge> edges, string? commonRoot = null) =>
        Build(edges, commonRoot, source: null);

    /// <summary>Builds the tree from (parent, child) pairs; errors name an edge by its one-based position.</summary>
    public static TaxonomyTree FromEdges(IEnumerable<(string Parent, string Child)> edges, string? commonRoot = null)
    {
        ArgumentNullException.ThrowIfNull(edges);
        return Build(edges.Select((e, k) => new TaxonomyEdge(e.Parent, e.Child, k + 1)), commonRoot, source: null);
    }

    /// <summary>True when the tree has a node of that name.</summary>
    public bool Contains(string node) => _index.ContainsKey(node);

    /// <summary>The parent of a node; null for the root.</summary>
    public string? Parent(string node) => _parent[IndexOf(node)] is int p and >= 0 ? _names[p] : null;

    /// <summary>The number of edges from the root down to the node.</summary>
    public int Depth(string node) => _depth[IndexOf(node)];

    /// <summary>The number of edges from the node down to its deepest leaf (0 for a leaf).</summary>
    public int NodeHeight(string node) => _height[IndexOf(node)];

    /// <summary>The deepest node that is an ancestor of both (a node counts as its own ancestor).</summary>
    public string LowestCommonAncestor(string a, string b) => _names[Lca(IndexOf(a), IndexOf(b))];

    /// <summary>The number of edges on the path between two nodes: depth(a) + depth(b) − 2·depth(LCA).</summary>
    public int PathLength(string a, string b)
    {
        int i = IndexOf(a), j = IndexOf(b);
        return _depth[i] + _depth[j] - (2 * _depth[Lca(i, j)]);
    }

    /// <summary>Path lengths between the classes, as a distance matrix (a tree metric; embed it with the transform
    /// <c>none</c>). Hyperbolic space embeds trees with low distortion.</summary>
    /// <param name="classes">The classes, in the order of the matrix; null: all <see cref="Leaves"/>.</param>
    public DistanceMatrix PathDistances(IReadOnlyList<string>? classes = null)
    {
        var (names, nodes) = Resolve(classes);
        return DistanceMatrix.Create(names, Pairwise(nodes, (i, j, lca) => _depth[i] + _depth[j] - (2 * _depth[lca])));
    }

    /// <summary>Similarity depth(LCA)/H, H the tree's <see cref="Height"/>: 0 when the classes meet only at the root,
    /// (H − 1)/H for two leaves at depth H with the same parent, and 1 on the diagonal.</summary>
    /// <param name="classes">The classes, in the order of the matrix; null: all <see cref="Leaves"/>.</param>
    /// <remarks>When every class is a leaf at depth H this equals <see cref="HeightSimilarity"/>.</remarks>
    public SimilarityMatrix DepthSimilarity(IReadOnlyList<string>? classes = null)
    {
        var (names, nodes) = Resolve(classes);
        double h = Math.Max(Height, 1);
        return SimilarityMatrix.Create(names, Pairwise(nodes, (i, j, lca) => i == j ? 1 : _depth[lca] / h));
    }

    /// <summary>Similarity 1 − height(LCA)/H, H the tree's <see cref="Height"/>: the hierarchy similarity of Barz
    /// &amp; Denzler (WACV 2019), whose CUB matrices it reproduces. 1 on the diagonal (a leaf has height 0).</summary>
    /// <param name="classes">The classes, in the order of the matrix; null: all <see cref="Leaves"/>.</param>
    public SimilarityMatrix HeightSimilarity(IReadOnlyList<string>? classes = null)
    {
        var (names, nodes) = Resolve(classes);
        double h = Math.Max(Height, 1);
        return SimilarityMatrix.Create(names, Pairwise(nodes, (i, j, lca) => 1 - (_height[lca] / h)));
    }

    private double[] Pairwise(int[] nodes, Func<int, int, int, double> value)
    {
        int m = nodes.Length;
        var result = new double[m * m];
        for (int a = 0; a < m; a++)
        {
            for (int b = a; b < m; b++)
            {
                int i = nodes[a], j = nodes[b];
                result[(a * m) + b] = result[(b * m) + a] = value(i, j, Lca(i, j));
            }
        }

        return result;
    }

    private (string[] Names, int[] Nodes) Resolve(IReadOnlyList<string>? classes)
    {
        var names = (classes ?? Leaves).ToArray();
        if (names.Length == 0)
        {
            throw new ArgumentException("The list of classes is empty.", nameof(classes));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (!seen.Add(name))
            {
                throw new ArgumentException($"Class '{name}' is listed twice; list each class once.", nameof(classes));
            }
        }

        return (names, names.Select(IndexOf).ToArray());
    }

    private int Lca(int i, int j)
    {
        while (_depth[i] > _depth[j])
        {
            i = _parent[i];
        }

        while (_depth[j] > _depth[i])
        {
            j = _parent[j];
        }

        while (i != j)
        {
            i = _parent[i];
            j = _parent[j];
        }

        return i;
    }

    private int IndexOf(string node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (_index.TryGetValue(node, out int i))
        {
            return i;
        }

        var near = _names.Where(n => n.Contains(node, StringComparison.OrdinalIgnoreCase) || node.Contains(n, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
        string hint = near.Count > 0
            ? $" Did you mean {string.Join(", ", near.Select(n => $"'{n}'"))}?"
            : $" The tree has {_names.Length} nodes, e.g. {string.Join(", ", Leaves.Take(3).Select(n => $"'{n}'"))}.";
        throw new SimZslException($"Unknown class '{node}': it is not a node of the taxonomy.{hint}");
    }

    /// <summary>Builds the tree from edges; <paramref name="source"/> (the file they came from, or null) goes into
    /// error messages.</summary>
    internal static TaxonomyTree Build(IEnumerable<TaxonomyEdge> edges, string? commonRoot, string? source)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var builder = new TaxonomyBuilder(source);
        foreach (var edge in edges)
        {
            builder.Add(edge);
        }

        builder.CheckForCycles();
        int root = builder.JoinRoots(commonRoot);
        return new TaxonomyTree(builder.Names.ToArray(), builder.Index, builder.Parents.ToArray(), root);
    }

    private static (int[] Depth, int[] Height) DepthsAndHeights(int[] parent, int root)
    {
        int n = parent.Length;
        var depth = new int[n];
        Array.Fill(depth, -1);
        depth[root] = 0;
        var path = new Stack<int>();
        for (int i = 0; i < n; i++)
        {
            int k = i;
            while (depth[k] < 0)
            {
                path.Push(k);
                k = parent[k];
            }

            while (path.Count > 0)
            {
                int child = path.Pop();
                depth[child] = depth[parent[child]] + 1;
            }
        }

        var height = new int[n];
        foreach (int i in Enumerable.Range(0, n).OrderByDescending(i => depth[i]))
        {
            if (parent[i] >= 0)
            {
                height[parent[i]] = Math.Max(height[parent[i]], height[i] + 1);
            }
        }

        return (depth, height);
    }

    /// <summary>Collects nodes and parent links, and reports malformed hierarchies with the lines involved.</summary>
    private sealed class TaxonomyBuilder(string? source)
    {
        private readonly List<int> _parentLine = [];

        public List<string> Names { get; } = [];

        public Dictionary<string, int> Index { get; } = new(StringComparer.Ordinal);

        public List<int> Parents { get; } = [];

        public void Add(TaxonomyEdge edge)
        {
            if (string.IsNullOrWhiteSpace(edge.Parent) || string.IsNullOrWhiteSpace(edge.Child))
            {
                throw Error("an edge has an empty name; both parent and child must be named.", edge.Line);
            }

            if (string.Equals(edge.Parent, edge.Child, StringComparison.Ordinal))
            {
                throw Error($"'{edge.Child}' is given as its own parent; remove this line.", edge.Line);
            }

            int parent = Node(edge.Parent), child = Node(edge.Child);
            int known = Parents[child];
            if (known == parent)
            {
                return;     // the same edge again (tables repeat every parent once per child)
            }

            if (known >= 0)
            {
                throw Error($"'{edge.Child}' has two parents: '{Names[known]}' ({Where(_parentLine[child])}) and '{edge.Parent}'. In a tree every node has one parent; keep one of the two edges (or rename one of the nodes if they are different classes).", edge.Line);
            }

            Parents[child] = parent;
            _parentLine[child] = edge.Line;
        }

        public void CheckForCycles()
        {
            // 0 = unvisited, 1 = on the current walk up, 2 = known to reach a root.
            var state = new byte[Names.Count];
            var walk = new List<int>();
            for (int start = 0; start < Names.Count; start++)
            {
                walk.Clear();
                int k = start;
                while (k >= 0 && state[k] == 0)
                {
                    state[k] = 1;
                    walk.Add(k);
                    k = Parents[k];
                }

                if (k >= 0 && state[k] == 1)
                {
                    var cycle = walk.Skip(walk.IndexOf(k)).ToList();
                    string nodes = string.Join(" → ", cycle.Append(k).Select(c => $"'{Names[c]}'").Reverse());
                    string lines = string.Join(", ", cycle.Select(c => _parentLine[c]).Order());
                    throw Error($"the hierarchy has a cycle, {nodes} (parent → child; edges on lines {lines}): a class cannot be its own ancestor. Remove one of these edges.", cycle.Select(c => _parentLine[c]).Min());
                }

                foreach (int w in walk)
                {
                    state[w] = 2;
                }
            }
        }

        public int JoinRoots(string? commonRoot)
        {
            var roots = Enumerable.Range(0, Names.Count).Where(i => Parents[i] < 0).ToList();
            if (roots.Count == 1)
            {
                return roots[0];
            }

            if (roots.Count == 0)
            {
                throw Error("the hierarchy has no edges.", 1);
            }

            if (commonRoot is null)
            {
                string list = string.Join(", ", roots.Take(5).Select(r => $"'{Names[r]}'")) + (roots.Count > 5 ? $" and {roots.Count - 5} more" : string.Empty);
                throw Error($"the edges form {roots.Count} separate trees, with roots {list}; distances between classes of different trees are undefined. Add the missing edges, or pass commonRoot to join the trees under one new node.", null);
            }

            if (Index.ContainsKey(commonRoot))
            {
                throw new ArgumentException($"commonRoot '{commonRoot}' is already a node of the hierarchy; choose a new name for the node that joins the roots.", nameof(commonRoot));
            }

            int joined = Node(commonRoot);
            foreach (int r in roots)
            {
                Parents[r] = joined;
            }

            return joined;
        }

        private int Node(string name)
        {
            if (!Index.TryGetValue(name, out int i))
            {
                i = Names.Count;
                Index.Add(name, i);
                Names.Add(name);
                Parents.Add(-1);
                _parentLine.Add(0);
            }

            return i;
        }

        private string Where(int line) => source is null ? $"edge {line}" : $"line {line}";

        private SimZslException Error(string message, int? line) => source is null
            ? new SimZslException(line is { } l ? string.Create(CultureInfo.InvariantCulture, $"Edge {l}: {message}") : "Taxonomy: " + message)
            : new DataFormatException(source, message, line);
    }
}
