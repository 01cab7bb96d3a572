namespace OrganoidBiomarkers.Network;

/// <summary>
/// Network proximity of one drug's targets to one pathway (Guney et al. 2016): the observed closest distance
/// <see cref="D"/>, the mean and population sd of its degree-matched null, and Z = (D - Mean) / Sd (0 when Sd = 0).
/// When no target or no pathway gene is in the network, D, Mean, Sd and Z are NaN (the pair is kept, not dropped).
/// </summary>
public sealed record ProximityResult(
    string Drug,
    string Pathway,
    int TargetsInNetwork,
    int PathwayGenesInNetwork,
    double D,
    double Mean,
    double Sd,
    double Z,
    int Randomisations)
{
    /// <summary>True when both node sets met the network and the statistics were computed.</summary>
    public bool IsComputed => !double.IsNaN(D);
}
