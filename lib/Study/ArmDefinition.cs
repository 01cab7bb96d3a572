namespace OrganoidBiomarkers.Study;

/// <summary>
/// One way to train an arm's model: an organoid collection's response to the arm's drug. When
/// <paramref name="Substitute"/> is set, the paper trained on something else and this set stands in for it (labelled
/// wherever it is used).
/// </summary>
/// <param name="Organoids">Id of an <see cref="OrganoidCollection"/>.</param>
/// <param name="Definition">In words, as cohorts.tsv shows it.</param>
/// <param name="PaperN">The paper's count of training organoids, where it gives one.</param>
/// <param name="Substitute">Why this is a substitute (e.g. "bladder organoid expression not available"), or null.</param>
public sealed record TrainingDefinition(string Organoids, string Definition, int? PaperN = null, string? Substitute = null);

/// <summary>A patient analysis of an arm: a cohort, the survival source to use, and its negative-control cohort.</summary>
/// <param name="Cohort">Id of the treated cohort.</param>
/// <param name="Survival">Survival source. When it is not the cohort's own, members are looked up in it (dropped and counted if absent).</param>
/// <param name="Control">Id of the untreated cohort split the same way, or null.</param>
public sealed record AnalysisDefinition(string Cohort, string Survival, string? Control = null);

/// <summary>
/// The pre-specified main setting of an arm, fixed before any p-value is seen. Where a list is given, the first choice
/// available in this run is the main one (so the paper's own inputs, once fetched, become the main analysis) and the
/// others are sensitivity rows.
/// </summary>
/// <param name="Selection">Proximal-pathway selection, e.g. "authors".</param>
/// <param name="Model">Model name, e.g. "ridgecv".</param>
/// <param name="K">Number of top biomarkers in the patient score (k ≥ 1).</param>
/// <param name="Cohort">The main cohort (one of the arm's analyses).</param>
/// <param name="Survival">The main survival source (of that analysis).</param>
/// <param name="Expression">Expression sources in order of preference.</param>
public sealed record MainSetting(string Selection, string Model, int K, string Cohort, string Survival, IReadOnlyList<string> Expression);

/// <summary>
/// One arm of the study: a drug, how its organoid model is trained, which patients validate it and the main setting.
/// Adding an arm for another drug the organoids were screened with is one entry in data/study.json.
/// </summary>
/// <param name="Id">Short id, e.g. "5fu": file names and organoid cohort names derive from it.</param>
/// <param name="Drug">The drug's names.</param>
/// <param name="Training">Training sets in order of preference: the first available is the main one.</param>
/// <param name="Analyses">Patient analyses, in the order tables list them.</param>
/// <param name="Expression">Expression sources to score this arm's patients on, in table order.</param>
/// <param name="Main">The pre-specified main setting.</param>
public sealed record ArmDefinition(string Id, DrugIdentity Drug, IReadOnlyList<TrainingDefinition> Training, IReadOnlyList<AnalysisDefinition> Analyses,
    IReadOnlyList<string> Expression, MainSetting Main)
{
    /// <summary>The organoid cohort a training set gives this arm, e.g. "crc_organoids_5fu".</summary>
    /// <param name="training">One of the arm's training sets.</param>
    public string OrganoidCohort(TrainingDefinition training) => $"{training.Organoids}_organoids_{Id}";
}
