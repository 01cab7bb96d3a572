namespace OrganoidBiomarkers.Network;

/// <summary>
/// What proximity needs from one network, computed once and shared by every drug x pathway pair: the all-pairs
/// distances and the degree bins (with each node's bin and position, for the degree-matched draws).
/// </summary>
public sealed class ProximityContext
{
    /// <summary>A context from distances and bins computed before.</summary>
    /// <param name="distances">All-pairs distances of the network.</param>
    /// <param name="bins">Degree bins of the same network instance.</param>
    /// <exception cref="ArgumentException">The two were computed on different <see cref="Interactome"/> instances.</exception>
    public ProximityContext(DistanceMatrix distances, DegreeBins bins)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(bins);
        if (!ReferenceEquals(distances.Network, bins.Network))
            throw new ArgumentException("the distances and the degree bins were computed on different networks");
        Distances = distances;
        Bins = bins;
    }

    /// <summary>The network both were computed on.</summary>
    public Interactome Network => Distances.Network;

    /// <summary>All-pairs shortest-path lengths.</summary>
    public DistanceMatrix Distances { get; }

    /// <summary>The degree bins the random sets are matched on.</summary>
    public DegreeBins Bins { get; }

    /// <summary>Computes the distances (in parallel) and the degree bins of a network.</summary>
    /// <param name="network">The interactome.</param>
    /// <param name="minBinSize">Fewest nodes per degree bin, >= 1 (the toolbox's 100).</param>
    /// <param name="maxDegreeOfParallelism">Threads for the distances; -1 for all cores.</param>
    public static ProximityContext Create(Interactome network, int minBinSize = DegreeBins.DefaultMinBinSize, int maxDegreeOfParallelism = -1) =>
        new(DistanceMatrix.Compute(network, maxDegreeOfParallelism), DegreeBins.Create(network, minBinSize));
}
