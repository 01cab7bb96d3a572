namespace OrganoidBiomarkers.Network;

/// <summary>
/// Network proximity of one drug's targets to one pathway (Guney et al. 2016): the observed closest distance
/// <see cref="D"/>, the mean and population sd of its degree-matched null, and Z = (D - Mean) / Sd (0 when Sd = 0).
/// When no target or no pathway gene is in the network, D, Mean, Sd and Z are NaN (the pair is kept, not dropped).
/// </summary>
/// <param name="Drug">Drug name as given (the pooled DrugBank name in stage 03, e.g. "FLUOROURACIL").</param>
/// <param name="Pathway">Gene set name.</param>
/// <param name="TargetsInNetwork">Distinct targets that are network nodes (>= 0).</param>
/// <param name="PathwayGenesInNetwork">Distinct pathway genes that are network nodes (>= 0).</param>
/// <param name="D">Observed closest distance in hops, or NaN.</param>
/// <param name="Mean">Mean closest distance of the random pairs, or NaN.</param>
/// <param name="Sd">Population sd of the random pairs' distances (>= 0), or NaN.</param>
/// <param name="Z">(D - Mean) / Sd, 0 when Sd = 0, or NaN; proximal when &lt;= <see cref="Proximity.ProximalZ"/>.</param>
/// <param name="Randomisations">Random pairs drawn; 0 when the statistics are NaN.</param>
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
