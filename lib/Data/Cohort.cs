namespace OrganoidBiomarkers.Data;

/// <summary>A member of a cohort: an organoid or a patient, with survival when the cohort has it.</summary>
/// <param name="Id">Organoid ID or 12-character TCGA patient barcode.</param>
/// <param name="Days">Follow-up in days (>= 0), or null when the cohort has no survival.</param>
/// <param name="Event">True for a death, false for censoring, or null when the cohort has no survival.</param>
public sealed record CohortMember(string Id, double? Days = null, bool? Event = null);

/// <summary>A named cohort with its definition in words and the paper's count where the paper gives one.</summary>
/// <param name="Name">The cohort's id (as in data/study.json).</param>
/// <param name="Definition">The rule in words.</param>
/// <param name="Members">The members, in the order the joins produced them.</param>
/// <param name="PaperCount">The paper's n, or null when the paper gives none.</param>
/// <param name="SurvivalSource">Where the survival comes from (e.g. "biotab"), or null for a cohort without survival.</param>
public sealed record Cohort(string Name, string Definition, IReadOnlyList<CohortMember> Members, int? PaperCount = null, string? SurvivalSource = null)
{
    /// <summary>Number of members.</summary>
    public int Count => Members.Count;

    /// <summary>Deaths among the members, or null when no member has survival.</summary>
    public int? Events => Members.Any(m => m.Event is not null) ? Members.Count(m => m.Event == true) : null;

    /// <summary>The members' IDs, in member order.</summary>
    public IReadOnlyList<string> Ids => Members.Select(m => m.Id).ToList();
}
