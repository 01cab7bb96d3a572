using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Study;

/// <summary>
/// One network-proximal pathway of a drug in one selection: a row of proximal_pathways.tsv, which stage 03 writes
/// (output/stages/03/ and output/results/) and stages 04 and 05 read as their features.
/// </summary>
/// <param name="Drug">The drug's target row / proximity name, e.g. "FLUOROURACIL" (<see cref="DrugIdentity.TargetRow"/>).</param>
/// <param name="Selection">Selection id, e.g. "authors", "string", "menche".</param>
/// <param name="Network">The network the selection's z comes from (<see cref="SelectionDefinition.Network"/>).</param>
/// <param name="Pathway">Reactome pathway name.</param>
/// <param name="Z">Proximity z (Guney 2016): at most the proximal cut-off, −1.2816.</param>
public sealed record ProximalPathway(string Drug, string Selection, string Network, string Pathway, double Z)
{
    /// <summary>The schema of proximal_pathways.tsv: drug, selection, network, pathway, z, one row per pathway in the given order.</summary>
    /// <param name="rows">Proximal pathways, per drug and selection, closest (most negative z) first.</param>
    public static TsvTable Table(IEnumerable<ProximalPathway> rows) => TsvTable.From(rows,
        ("drug", p => p.Drug), ("selection", p => p.Selection), ("network", p => p.Network), ("pathway", p => p.Pathway), ("z", p => p.Z));
}
