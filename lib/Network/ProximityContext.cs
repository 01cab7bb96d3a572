namespace OrganoidBiomarkers.Network;

/// <summary>
/// What proximity needs from one network, computed once and shared by every drug x pathway pair: the all-pairs
/// distances and the degree bins (with each node's bin and position, for the degree-matched draws).
/// </summary>
public sealed class ProximityContext
{
    public ProximityContext(DistanceMatrix distances, DegreeBins bins)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(bins);
        if (!ReferenceEquals(distances.Network, bins.Network))
            throw new ArgumentException("the distances and the degree bins were computed on different networks");
        Distances = distances;
        Bins = bins;
    }

    public Interactome Network => Distances.Network;

    public DistanceMatrix Distances { get; }

    public DegreeBins Bins { get; }

    /// <summary>Computes the distances (in parallel) and the degree bins of a network.</summary>
    public static ProximityContext Create(Interactome network, int minBinSize = DegreeBins.DefaultMinBinSize, int maxDegreeOfParallelism = -1) =>
        new(DistanceMatrix.Compute(network, maxDegreeOfParallelism), DegreeBins.Create(network, minBinSize));
}
