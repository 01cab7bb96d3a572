using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Network;

/// <summary>One degree bin: the nodes whose degree lies in [MinDegree, MaxDegree], by ascending degree then index.</summary>
public sealed record DegreeBin(int MinDegree, int MaxDegree, IReadOnlyList<int> Nodes);

/// <summary>
/// Nodes grouped by degree so that random node sets can match a set's degrees: the toolbox's
/// <c>network_utilities.get_degree_binning(g, bin_size)</c> and <c>pick_random_nodes_matching_selected</c>
/// (Guney et al. 2016).
/// </summary>
public sealed class DegreeBins
{
    /// <summary>The toolbox's default minimum bin size.</summary>
    public const int DefaultMinBinSize = 100;

    /// <summary>How many times the toolbox redraws a node already in the random set before keeping the duplicate.</summary>
    public const int RetriesForDistinct = 20;

    private readonly DegreeBin[] _bins;
    private readonly int[] _binOf;
    private readonly int[] _positionInBin;
    private readonly int[][] _binNodes;

    private DegreeBins(Interactome network, int minBinSize, DegreeBin[] bins)
    {
        Network = network;
        MinBinSize = minBinSize;
        _bins = bins;
        _binOf = new int[network.NodeCount];
        _positionInBin = new int[network.NodeCount];
        _binNodes = new int[bins.Length][];
        for (int b = 0; b < bins.Length; b++)
        {
            _binNodes[b] = bins[b].Nodes.ToArray();
            for (int p = 0; p < _binNodes[b].Length; p++)
            {
                _binOf[_binNodes[b][p]] = b;
                _positionInBin[_binNodes[b][p]] = p;
            }
        }
    }

    public Interactome Network { get; }

    public int MinBinSize { get; }

    /// <summary>Bins by ascending degree.</summary>
    public IReadOnlyList<DegreeBin> Bins => _bins;

    /// <summary>The index (into <see cref="Bins"/>) of a node's bin.</summary>
    public int BinOf(int node) => _binOf[node];

    /// <summary>
    /// The toolbox's <c>get_degree_binning</c>: walk the distinct degrees in ascending order, adding each degree's nodes
    /// to the current bin until it holds at least <paramref name="minBinSize"/> nodes; a last bin still short when the
    /// degrees run out joins the previous bin (widening its degree range).
    /// </summary>
    /// <remarks>
    /// One deviation: when the whole network has fewer than <paramref name="minBinSize"/> nodes the toolbox fails
    /// (it indexes <c>bins[-1]</c> of an empty list); here all nodes form one bin.
    /// </remarks>
    public static DegreeBins Create(Interactome network, int minBinSize = DefaultMinBinSize)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (minBinSize < 1) throw new ArgumentException($"minBinSize must be at least 1, got {minBinSize}", nameof(minBinSize));
        var byDegree = new SortedDictionary<int, List<int>>();
        for (int v = 0; v < network.NodeCount; v++)
        {
            int d = network.Degree(v);
            if (!byDegree.TryGetValue(d, out var list)) byDegree[d] = list = new List<int>();
            list.Add(v);
        }
        var degrees = byDegree.Keys.ToArray();
        var bins = new List<DegreeBin>();
        int i = 0;
        while (i < degrees.Length)
        {
            int low = degrees[i];
            var nodes = new List<int>(byDegree[degrees[i]]);
            while (nodes.Count < minBinSize)
            {
                i++;
                if (i == degrees.Length) break;
                nodes.AddRange(byDegree[degrees[i]]);
            }
            if (i == degrees.Length) i--;
            int high = degrees[i];
            i++;
            if (nodes.Count < minBinSize && bins.Count > 0)
            {
                var last = bins[^1];
                bins[^1] = new DegreeBin(last.MinDegree, high, last.Nodes.Concat(nodes).ToArray());
            }
            else
            {
                bins.Add(new DegreeBin(low, high, nodes.ToArray()));
            }
        }
        return new DegreeBins(network, minBinSize, bins.ToArray());
    }

    /// <summary>A uniformly random node of <paramref name="node"/>'s bin other than the node itself.</summary>
    /// <exception cref="ArgumentException">The node is alone in its bin (the toolbox fails there too).</exception>
    public int DrawEquivalent(int node, Rng rng)
    {
        var bin = _binNodes[_binOf[node]];
        if (bin.Length < 2) throw AloneInBin(node);
        // Uniform over the bin without the node: draw among Length - 1 slots and skip the node's own slot.
        int k = rng.NextInt(bin.Length - 1);
        return bin[k >= _positionInBin[node] ? k + 1 : k];
    }

    internal ArgumentException AloneInBin(int node) =>
        new($"node {Network.NameOf(node)} is alone in its degree bin: no degree-matched node to draw (use a larger minBinSize)");

    /// <summary>
    /// One degree-matched random set, as the toolbox's <c>pick_random_nodes_matching_selected</c> draws it: for each
    /// node (here in the given order) a random other node of its bin; a draw already in the set is redrawn up to
    /// <see cref="RetriesForDistinct"/> times, then kept anyway, so the set can come out smaller than the input.
    /// Returns the distinct drawn nodes in draw order.
    /// </summary>
    public int[] DrawMatchedSet(IReadOnlyList<int> nodes, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(rng);
        foreach (int v in nodes)
            if ((uint)v >= (uint)Network.NodeCount) throw new ArgumentOutOfRangeException(nameof(nodes), $"node {v} is not in a network of {Network.NodeCount} nodes");
        if (nodes.Distinct().Count() != nodes.Count) throw new ArgumentException("the nodes to match must be distinct", nameof(nodes));
        var into = new int[nodes.Count];
        int count = new MatchedSetSampler(this, nodes.ToArray()).Draw(rng, into, new int[Network.NodeCount], 1);
        return into[..count];
    }

    /// <summary>The nodes of a node's bin (shared array: do not modify) and the node's position in it.</summary>
    internal (int[] Bin, int Position) Equivalents(int node) => (_binNodes[_binOf[node]], _positionInBin[node]);
}
