using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Network;

/// <summary>
/// An undirected, unweighted simple graph of named genes: the interactome on which network proximity
/// (Guney et al. 2016 Nat Commun 7:10331) measures shortest-path distances. Only the largest connected component is
/// kept, as the proximity toolbox does (emreg00/toolbox <c>wrappers.get_network(..., only_lcc=True)</c>), so every
/// pair of nodes has a finite distance. Node and edge counts after each step equal networkx 2.8.8's
/// (<c>nx.Graph</c>, <c>remove_edges_from(selfloop_edges)</c>, largest component) on the test graphs
/// (tests/…/Golden/network/summary.tsv).
/// </summary>
/// <remarks>
/// Nodes are indexed 0..<see cref="NodeCount"/>-1 in ordinal order of their names, so indices, adjacency order and
/// everything derived from them (degree bins, random draws) are the same in every process. Adjacency is stored in
/// compressed sparse rows with each node's neighbours ascending.
/// </remarks>
public sealed class Interactome
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _offsets;
    private readonly int[] _adjacency;

    private Interactome(string[] names, int[] offsets, int[] adjacency)
    {
        _names = names;
        _offsets = offsets;
        _adjacency = adjacency;
        _index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) _index.Add(names[i], i);
    }

    /// <summary>Node names (gene symbols or IDs), ordinal-sorted; the position is the node index.</summary>
    public IReadOnlyList<string> Nodes => _names;

    /// <summary>Number of nodes (all in one connected component).</summary>
    public int NodeCount => _names.Length;

    /// <summary>Undirected edges, each counted once.</summary>
    public int EdgeCount => _adjacency.Length / 2;

    /// <summary>The name of a node.</summary>
    /// <param name="node">Node index, 0 &lt;= node &lt; <see cref="NodeCount"/>.</param>
    public string NameOf(int node) => _names[node];

    /// <summary>The index of a node, or -1 when the name is not in the network (ordinal, case-sensitive match).</summary>
    /// <param name="name">A gene symbol or ID.</param>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>Whether the name is a node (ordinal match); false for genes outside the largest component.</summary>
    /// <param name="name">A gene symbol or ID.</param>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>Number of neighbours (self-loops were dropped, so this is networkx's degree on the same edges).</summary>
    /// <param name="node">Node index.</param>
    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    /// <summary>The neighbours of a node, ascending by index.</summary>
    /// <param name="node">Node index.</param>
    public ReadOnlySpan<int> Neighbours(int node) => _adjacency.AsSpan(_offsets[node], Degree(node));

    /// <summary>CSR row offsets (length NodeCount + 1), for the breadth-first searches.</summary>
    internal int[] Offsets => _offsets;

    /// <summary>CSR column indices (length 2 x EdgeCount).</summary>
    internal int[] Adjacency => _adjacency;

    /// <summary>Every edge once, as (smaller index, larger index) names, in index order.</summary>
    public IEnumerable<(string A, string B)> Edges()
    {
        for (int u = 0; u < NodeCount; u++)
            for (int k = _offsets[u]; k < _offsets[u + 1]; k++)
                if (_adjacency[k] > u) yield return (_names[u], _names[_adjacency[k]]);
    }

    /// <summary>
    /// Builds the interactome from an edge list: self-loops and duplicated edges (A-B and B-A count as the same edge)
    /// are dropped, then only the largest connected component is kept. Every step records its counts in
    /// <paramref name="log"/>. When two components are equally large, the one holding the ordinal-first node name wins.
    /// </summary>
    /// <param name="edges">Undirected edges as node-name pairs, in any order, possibly repeated.</param>
    /// <param name="log">Receives the counts of every step (self-loops, duplicates, largest component).</param>
    /// <exception cref="ArgumentException">An empty node name, or no edge left after dropping self-loops.</exception>
    public static Interactome FromEdges(IEnumerable<(string A, string B)> edges, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(log);
        return Build(edges as IReadOnlyList<(string A, string B)> ?? edges.ToList(), log);
    }

    /// <summary>
    /// Builds the interactome from an edge list in other IDs (e.g. Entrez), renaming nodes through
    /// <paramref name="idToSymbol"/> BEFORE the graph is simplified: IDs without a symbol are dropped with their edges,
    /// IDs sharing a symbol are merged into one node, then the self-loops and duplicate edges such merges create are
    /// dropped and the largest connected component is kept, as in <see cref="FromEdges(IEnumerable{ValueTuple{string, string}}, CountLog)"/>.
    /// Mapping first means the component is the one of the gene network actually used, and merged nodes keep the
    /// union of their edges.
    /// </summary>
    /// <param name="edges">Undirected edges as ID pairs (e.g. Entrez IDs of a SIF file).</param>
    /// <param name="idToSymbol">ID to gene symbol; an ID that is absent or maps to a blank symbol is dropped.</param>
    /// <param name="log">Receives the counts of the mapping and of every simplification step; unmapped IDs are noted (first 5).</param>
    /// <exception cref="ArgumentException">No edge left after mapping and dropping self-loops.</exception>
    public static Interactome FromEdges(IEnumerable<(string A, string B)> edges, IReadOnlyDictionary<string, string> idToSymbol, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(idToSymbol);
        ArgumentNullException.ThrowIfNull(log);
        var list = edges as IReadOnlyList<(string A, string B)> ?? edges.ToList();

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (a, b) in list) { ids.Add(a); ids.Add(b); }
        var unmapped = ids.Where(id => !idToSymbol.TryGetValue(id, out var s) || string.IsNullOrWhiteSpace(s))
            .OrderBy(id => id, StringComparer.Ordinal).ToList();
        var unmappedSet = new HashSet<string>(unmapped, StringComparer.Ordinal);

        var mapped = new List<(string A, string B)>(list.Count);
        foreach (var (a, b) in list)
            if (!unmappedSet.Contains(a) && !unmappedSet.Contains(b))
                mapped.Add((idToSymbol[a], idToSymbol[b]));

        int mappedIds = ids.Count - unmapped.Count;
        int symbols = ids.Where(id => !unmappedSet.Contains(id)).Select(id => idToSymbol[id]).Distinct(StringComparer.Ordinal).Count();
        log.Record("network nodes: ID -> symbol", ids.Count, mappedIds, "IDs without a symbol in the mapping dropped, with their edges");
        if (unmapped.Count > 0)
            log.Note("network nodes: ID -> symbol", $"unmapped IDs (first {Math.Min(5, unmapped.Count)}): {string.Join(", ", unmapped.Take(5))}");
        log.Record("network edges: ID -> symbol", list.Count, mapped.Count, "edges with an unmapped endpoint dropped");
        log.Record("network nodes: merged by symbol", mappedIds, symbols, "IDs sharing a symbol merged into one node (the self-loops and duplicate edges this creates are dropped next)");
        return Build(mapped, log);
    }

    private static Interactome Build(IReadOnlyList<(string A, string B)> edges, CountLog log)
    {
        for (int i = 0; i < edges.Count; i++)
            if (string.IsNullOrEmpty(edges[i].A) || string.IsNullOrEmpty(edges[i].B))
                throw new ArgumentException($"edge {i} has an empty node name ('{edges[i].A}' - '{edges[i].B}')");

        var kept = new List<(string A, string B)>(edges.Count);
        foreach (var e in edges)
            if (!string.Equals(e.A, e.B, StringComparison.Ordinal)) kept.Add(e);
        log.Record("network edges: self-loops", edges.Count, kept.Count, "edges joining a node to itself dropped (they never shorten a path)");
        if (kept.Count == 0) throw new ArgumentException($"no edge between two different nodes among {edges.Count} edges");

        // Index every node in ordinal order, then dedupe undirected pairs packed as (min << 32 | max).
        var names = kept.SelectMany(e => new[] { e.A, e.B }).Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) index.Add(names[i], i);
        var pairs = new long[kept.Count];
        for (int i = 0; i < kept.Count; i++)
        {
            int u = index[kept[i].A], v = index[kept[i].B];
            pairs[i] = ((long)Math.Min(u, v) << 32) | (uint)Math.Max(u, v);
        }
        Array.Sort(pairs);
        int unique = 0;
        for (int i = 0; i < pairs.Length; i++)
            if (i == 0 || pairs[i] != pairs[i - 1]) pairs[unique++] = pairs[i];
        log.Record("network edges: duplicates", kept.Count, unique, "repeated edges (A-B, B-A or twice the same) kept once");

        var (offsets, adjacency) = Csr(names.Length, pairs.AsSpan(0, unique));
        var inLargest = LargestComponent(names.Length, offsets, adjacency);

        var newIndex = new int[names.Length];
        var lccNames = new List<string>();
        for (int i = 0; i < names.Length; i++)
            newIndex[i] = inLargest[i] ? AddAndIndex(lccNames, names[i]) : -1;
        var lccPairs = new List<long>(unique);
        for (int i = 0; i < unique; i++)
        {
            int u = (int)(pairs[i] >> 32), v = (int)(pairs[i] & 0xFFFFFFFF);
            if (newIndex[u] >= 0) lccPairs.Add(((long)newIndex[u] << 32) | (uint)newIndex[v]);
        }
        log.Record("network nodes: largest connected component", names.Length, lccNames.Count, "nodes outside the largest connected component dropped (their distances would be infinite)");
        log.Record("network edges: largest connected component", unique, lccPairs.Count, "edges outside the largest connected component dropped");

        var (lccOffsets, lccAdjacency) = Csr(lccNames.Count, lccPairs.ToArray());
        return new Interactome(lccNames.ToArray(), lccOffsets, lccAdjacency);
    }

    private static int AddAndIndex(List<string> list, string item)
    {
        list.Add(item);
        return list.Count - 1;
    }

    private static (int[] Offsets, int[] Adjacency) Csr(int n, ReadOnlySpan<long> pairs)
    {
        var offsets = new int[n + 1];
        foreach (var p in pairs) { offsets[(int)(p >> 32) + 1]++; offsets[(int)(p & 0xFFFFFFFF) + 1]++; }
        for (int i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        var fill = offsets[..n];
        var adjacency = new int[offsets[n]];
        foreach (var p in pairs)
        {
            int u = (int)(p >> 32), v = (int)(p & 0xFFFFFFFF);
            adjacency[fill[u]++] = v;
            adjacency[fill[v]++] = u;
        }
        for (int i = 0; i < n; i++) Array.Sort(adjacency, offsets[i], offsets[i + 1] - offsets[i]);
        return (offsets, adjacency);
    }

    private static bool[] LargestComponent(int n, int[] offsets, int[] adjacency)
    {
        var component = new int[n];
        Array.Fill(component, -1);
        var queue = new int[n];
        int best = -1, bestSize = 0, count = 0;
        for (int s = 0; s < n; s++)
        {
            if (component[s] >= 0) continue;
            int head = 0, tail = 0;
            queue[tail++] = s;
            component[s] = count;
            while (head < tail)
            {
                int u = queue[head++];
                for (int k = offsets[u]; k < offsets[u + 1]; k++)
                    if (component[adjacency[k]] < 0) { component[adjacency[k]] = count; queue[tail++] = adjacency[k]; }
            }
            // Strictly larger: on a tie the component found first (holding the ordinal-first name) stays.
            if (tail > bestSize) { best = count; bestSize = tail; }
            count++;
        }
        var keep = new bool[n];
        for (int i = 0; i < n; i++) keep[i] = component[i] == best;
        return keep;
    }
}
