namespace OrganoidBiomarkers.Data;

/// <summary>A member of a cohort: an organoid or a patient, with survival when the cohort has it.</summary>
public sealed record CohortMember(string Id, double? Days = null, bool? Event = null);

/// <summary>A named cohort with its definition in words and the paper's count where the paper gives one.</summary>
public sealed record Cohort(string Name, string Definition, IReadOnlyList<CohortMember> Members, int? PaperCount = null, string? SurvivalSource = null)
{
    public int Count => Members.Count;
    public int? Events => Members.Any(m => m.Event is not null) ? Members.Count(m => m.Event == true) : null;
    public IReadOnlyList<string> Ids => Members.Select(m => m.Id).ToList();
}
