using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace OrganoidBiomarkers.Network;

/// <summary>
/// All-pairs shortest-path lengths (hops) of an interactome, one byte per ordered pair (row = source): the
/// <c>lengths</c> table the proximity toolbox can be given instead of calling networkx per pair. 9,627 nodes take
/// 93 MB; 13,000 nodes 169 MB. Equal, pair by pair, to networkx 2.8.8 <c>all_pairs_shortest_path_length</c> on test
/// graphs of up to 400 nodes, across two 256-source batches (tests/…/Golden/network/distances_*.tsv).
/// </summary>
public sealed class DistanceMatrix
{
    /// <summary>Largest distance a byte can hold; a network with a longer shortest path is rejected.</summary>
    public const int MaxDistance = byte.MaxValue - 1;

    private readonly byte[] _d;

    private DistanceMatrix(Interactome network, byte[] d)
    {
        Network = network;
        _d = d;
    }

    /// <summary>The network the distances belong to (node indices refer to it).</summary>
    public Interactome Network { get; }

    /// <summary>Number of nodes n; the matrix holds n x n distances.</summary>
    public int NodeCount => Network.NodeCount;

    /// <summary>Shortest-path length (hops, 0 on the diagonal, at most <see cref="MaxDistance"/>) between two nodes, by index.</summary>
    /// <param name="from">Source node index, 0 &lt;= from &lt; <see cref="NodeCount"/>.</param>
    /// <param name="to">Target node index, 0 &lt;= to &lt; <see cref="NodeCount"/>.</param>
    public int this[int from, int to] => _d[(long)from * NodeCount + to];

    /// <summary>Distances from one node to every node, by index (a view, not a copy).</summary>
    /// <param name="from">Source node index, 0 &lt;= from &lt; <see cref="NodeCount"/>.</param>
    public ReadOnlySpan<byte> Row(int from) => _d.AsSpan(checked(from * NodeCount), NodeCount);

    /// <summary>The longest shortest path (hops), scanning every pair.</summary>
    public int Diameter()
    {
        int max = 0;
        foreach (var b in _d) if (b > max) max = b;
        return max;
    }

    /// <summary>Sources searched together: one bit each in a 256-bit vector.</summary>
    private const int BatchWidth = 256;

    /// <summary>
    /// Breadth-first searches from every node, 256 sources at a time as bit-parallel searches (multi-source BFS, Then et
    /// al. 2014 PVLDB 8:449): at each level a node's newly reached sources are the OR of its neighbours' frontier bits,
    /// less the sources that already reached it. Distances are symmetric, so a batch of consecutive sources fills a
    /// contiguous block of every row. Batches run in parallel and write disjoint cells, so the result is the same for
    /// any number of threads.
    /// </summary>
    /// <param name="network">The (connected) interactome.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    /// <exception cref="ArgumentException">n x n bytes exceed one array, a node is not connected to every other node, or a
    /// shortest path is longer than <see cref="MaxDistance"/>.</exception>
    public static DistanceMatrix Compute(Interactome network, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(network);
        int n = network.NodeCount;
        if ((long)n * n > Array.MaxLength)
            throw new ArgumentException($"{n} nodes need {(long)n * n} bytes of distances, more than one array can hold");
        var d = new byte[(long)n * n];
        int batches = (n + BatchWidth - 1) / BatchWidth;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, batches, options,
            () => (Seen: new Vector256<ulong>[n], Frontier: new Vector256<ulong>[n], Next: new Vector256<ulong>[n]),
            (batch, _, buffers) =>
            {
                SearchBatch(network, d, batch * BatchWidth, Math.Min(BatchWidth, n - batch * BatchWidth), buffers.Seen, buffers.Frontier, buffers.Next);
                return buffers;
            },
            _ => { });
        return new DistanceMatrix(network, d);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SearchBatch(Interactome network, byte[] d, int first, int count, Vector256<ulong>[] seen, Vector256<ulong>[] frontier, Vector256<ulong>[] next)
    {
        int n = network.NodeCount;
        var offsets = network.Offsets;
        var adjacency = network.Adjacency;
        var all = BitsBelow(count);
        Array.Clear(seen);
        Array.Clear(frontier);
        for (int j = 0; j < count; j++)
        {
            var bit = BitsBelow(j + 1) & ~BitsBelow(j);
            seen[first + j] = bit;
            frontier[first + j] = bit;
            d[(long)(first + j) * n + first + j] = 0;
        }
        for (int level = 1; ; level++)
        {
            if (level > MaxDistance)
                throw new ArgumentException($"a shortest path is longer than {MaxDistance} hops: too long for a byte distance matrix");
            bool any = false;
            for (int v = 0; v < n; v++)
            {
                var s = seen[v];
                if (s == all) { next[v] = Vector256<ulong>.Zero; continue; }
                var reached = Vector256<ulong>.Zero;
                for (int k = offsets[v]; k < offsets[v + 1]; k++) reached |= frontier[adjacency[k]];
                reached = Vector256.AndNot(reached, s);
                next[v] = reached;
                if (reached == Vector256<ulong>.Zero) continue;
                any = true;
                seen[v] = s | reached;
                // d is symmetric: the distance from source first+j to v is stored in row v, column first+j.
                long row = (long)v * n + first;
                for (int lane = 0; lane < 4; lane++)
                {
                    ulong bits = reached.GetElement(lane);
                    while (bits != 0)
                    {
                        d[row + lane * 64 + BitOperations.TrailingZeroCount(bits)] = (byte)level;
                        bits &= bits - 1;
                    }
                }
            }
            if (!any) break;
            (frontier, next) = (next, frontier);
        }
        // Every node is reachable in the connected interactome; this guards against a network built some other way.
        for (int v = 0; v < n; v++)
            if (seen[v] != all)
                throw new ArgumentException($"node {network.NameOf(v)} is not connected to every other node");
    }

    /// <summary>A 256-bit mask with the lowest <paramref name="count"/> bits set.</summary>
    private static Vector256<ulong> BitsBelow(int count)
    {
        Span<ulong> lanes = stackalloc ulong[4];
        for (int lane = 0; lane < 4; lane++)
        {
            int b = Math.Clamp(count - lane * 64, 0, 64);
            lanes[lane] = b == 64 ? ulong.MaxValue : (1UL << b) - 1;
        }
        return Vector256.Create<ulong>(lanes);
    }
}
