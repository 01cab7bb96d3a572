namespace OrganoidBiomarkers.Study;

/// <summary>How a survival table is read.</summary>
public enum SurvivalFormat
{
    /// <summary>BCR biotab patient table (one per project): Dead → days to death, event; Alive → days to last contact.</summary>
    Biotab,
    /// <summary>GDC overall-survival endpoint export (all projects in one file).</summary>
    GdcSurvival,
    /// <summary>TCGA-CDR (Liu 2018) overall survival (all cancers in one file).</summary>
    TcgaCdr,
}

/// <summary>A named source of overall survival.</summary>
/// <param name="Id">The name results carry in their survival_source column, e.g. "biotab", "GDC", "TCGA-CDR".</param>
/// <param name="Format">How its file(s) are read.</param>
/// <param name="Inputs">Manifest id per TCGA project ("COAD"), or "*" for one file holding every project.</param>
/// <param name="Description">In words.</param>
public sealed record SurvivalSourceDefinition(string Id, SurvivalFormat Format, IReadOnlyDictionary<string, string> Inputs, string Description)
{
    /// <summary>The manifest id holding <paramref name="project"/>'s survival, or null when this source has none for it.</summary>
    /// <param name="project">TCGA project without "TCGA-", e.g. "COAD"; an input keyed "*" serves every project.</param>
    public string? InputFor(string project) =>
        Inputs.TryGetValue(project, out var id) ? id : Inputs.TryGetValue("*", out var all) ? all : null;
}
