namespace OrganoidBiomarkers.Network;

/// <summary>
/// Unweighted shortest-path lengths by breadth-first search: the distances networkx's
/// <c>single_source_shortest_path_length</c> returns, which the proximity toolbox uses.
/// </summary>
public static class ShortestPaths
{
    /// <summary>
    /// Hop distance from <paramref name="source"/> to every node (the interactome is connected, so all are finite).
    /// Equals the rows of <see cref="DistanceMatrix"/> (tests/…/Network/DistanceMatrixTests).
    /// </summary>
    /// <param name="network">The interactome.</param>
    /// <param name="source">Node index, 0 &lt;= source &lt; <see cref="Interactome.NodeCount"/>.</param>
    /// <returns>Distances by node index; 0 at <paramref name="source"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is not a node index.</exception>
    public static int[] From(Interactome network, int source)
    {
        ArgumentNullException.ThrowIfNull(network);
        if ((uint)source >= (uint)network.NodeCount)
            throw new ArgumentOutOfRangeException(nameof(source), $"node {source} is not in a network of {network.NodeCount} nodes");
        var distance = new int[network.NodeCount];
        Array.Fill(distance, -1);
        var queue = new int[network.NodeCount];
        var offsets = network.Offsets;
        var adjacency = network.Adjacency;
        int head = 0, tail = 0;
        distance[source] = 0;
        queue[tail++] = source;
        while (head < tail)
        {
            int u = queue[head++];
            int next = distance[u] + 1;
            for (int k = offsets[u]; k < offsets[u + 1]; k++)
            {
                int v = adjacency[k];
                if (distance[v] < 0) { distance[v] = next; queue[tail++] = v; }
            }
        }
        return distance;
    }
}
