using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Network;

/// <summary>One degree bin: the nodes whose degree lies in [MinDegree, MaxDegree], by ascending degree then index.</summary>
/// <param name="MinDegree">Smallest degree in the bin (>= 1 on an interactome: it has no isolated node).</param>
/// <param name="MaxDegree">Largest degree in the bin, >= <paramref name="MinDegree"/>.</param>
/// <param name="Nodes">Node indices of the bin's network; at least the minimum bin size, unless the whole network is smaller.</param>
public sealed record DegreeBin(int MinDegree, int MaxDegree, IReadOnlyList<int> Nodes);

/// <summary>
/// Nodes grouped by degree so that random node sets can match a set's degrees: the toolbox's
/// <c>network_utilities.get_degree_binning(g, bin_size)</c> and <c>pick_random_nodes_matching_selected</c>
/// (Guney et al. 2016). The bins equal the toolbox's on test graphs (tests/…/Golden/network/degree_bins.tsv, from
/// toolbox_proximity.py); the share of random sets that come out smaller after the retries agrees with the toolbox's
/// within 4 sd of sampling error (Golden/network/retry.tsv).
/// </summary>
public sealed class DegreeBins
{
    /// <summary>The toolbox's default minimum bin size.</summary>
    public const int DefaultMinBinSize = 100;

    /// <summary>How many times the toolbox redraws a node already in the random set before giving up on that node (the set then stays one short).</summary>
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

    /// <summary>The network whose nodes are binned (node indices refer to it).</summary>
    public Interactome Network { get; }

    /// <summary>The minimum bin size the bins were built with (>= 1).</summary>
    public int MinBinSize { get; }

    /// <summary>Bins by ascending degree.</summary>
    public IReadOnlyList<DegreeBin> Bins => _bins;

    /// <summary>The index (into <see cref="Bins"/>) of a node's bin.</summary>
    /// <param name="node">Node index, 0 &lt;= node &lt; <see cref="Interactome.NodeCount"/>.</param>
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
    /// <param name="network">The interactome.</param>
    /// <param name="minBinSize">Fewest nodes per bin, >= 1 (the toolbox's 100).</param>
    /// <exception cref="ArgumentException"><paramref name="minBinSize"/> &lt; 1.</exception>
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
    /// <param name="node">Node index.</param>
    /// <param name="rng">The stream to draw from (one <see cref="Rng.NextInt"/> draw).</param>
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
    /// <see cref="RetriesForDistinct"/> times, then added anyway, which leaves the set as it was (the toolbox's is a
    /// Python set), so the set can come out smaller than the input.
    /// </summary>
    /// <param name="nodes">Distinct node indices of <see cref="Network"/> (e.g. a drug's targets).</param>
    /// <param name="rng">The stream to draw from.</param>
    /// <returns>The distinct drawn nodes in draw order: at most as many as <paramref name="nodes"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A node index is outside the network.</exception>
    /// <exception cref="ArgumentException">The nodes are not distinct, or one is alone in its bin.</exception>
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
