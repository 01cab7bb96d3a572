namespace OrganoidBiomarkers.Common;

/// <summary>A named gene set (e.g. one Reactome pathway). Description is null when the source file had none.</summary>
/// <param name="Name">The set's name as in the GMT file (e.g. REACTOME_APOPTOSIS).</param>
/// <param name="Description">The GMT file's second field, or null when the layout has no description column.</param>
/// <param name="Genes">Member gene symbols in file order; not necessarily all measured in a given expression matrix.</param>
public sealed record GeneSet(string Name, string? Description, IReadOnlyList<string> Genes);
