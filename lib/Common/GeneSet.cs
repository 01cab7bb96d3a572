namespace OrganoidBiomarkers.Common;

/// <summary>A named gene set (e.g. one Reactome pathway). Description is null when the source file had none.</summary>
public sealed record GeneSet(string Name, string? Description, IReadOnlyList<string> Genes);
