using System.Text.Json.Serialization;
using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Study;

/// <summary>
/// The pre-specified main setting of every atlas arm: the proximal-pathway selections in order of preference (the first
/// that has the drug: the authors' table, else a selection recomputed on a network), the model and k.
/// </summary>
/// <param name="Selections">Selection ids in order of preference, e.g. ["authors", "string"].</param>
/// <param name="Model">Model name, e.g. "ridgecv".</param>
/// <param name="K">Biomarkers in the patient score, k ≥ 1.</param>
public sealed record AtlasMainSetting(IReadOnlyList<string> Selections, string Model, int K);

/// <summary>
/// A cancer in which the atlas looks for treated patients: whose drug records, which survival source, which expression
/// sources (in order of preference: the first whose input is available in the run is used, so the connected run's full
/// transcriptome replaces the mirror's partial files once fetched), the optional GDC expression-file filter, and the
/// substitution when the organoids are of another tissue.
/// </summary>
/// <param name="Id">Short id, e.g. "coad": cohort ids derive from it ("coad_5fu", "coad_untreated_5fu").</param>
/// <param name="Projects">TCGA projects, e.g. ["COAD"].</param>
/// <param name="DrugRecords">Id of a <see cref="DrugRecordSource"/>.</param>
/// <param name="Survival">Id of a <see cref="SurvivalSourceDefinition"/> (the cohorts' own follow-up).</param>
/// <param name="Expression">Expression source ids in order of preference.</param>
/// <param name="Description">In words.</param>
/// <param name="ExpressionFiles">The authors' GDC expression-file filter, applied to treated and control patients alike, or null.</param>
/// <param name="Substitute">Why the atlas organoids stand in for this cancer's (e.g. "bladder organoid expression not
/// available"), or null when they are of this tissue: every arm of this cancer is labelled with it.</param>
public sealed record AtlasCancer(string Id, IReadOnlyList<string> Projects, string DrugRecords, string Survival, IReadOnlyList<string> Expression,
    string Description, ExpressionFileFilter? ExpressionFiles = null, string? Substitute = null);

/// <summary>
/// A screen name the DrugBank vocabulary cannot match, resolved by hand: explicit and documented, never silent.
/// </summary>
/// <param name="ScreenName">The name as the organoid screen writes it, e.g. "Gemcitibine".</param>
/// <param name="DrugBankName">The DrugBank common name it stands for, upper case, e.g. "GEMCITABINE".</param>
/// <param name="Reason">Why, e.g. "a misspelling of gemcitabine in Table S2b".</param>
public sealed record ScreenAlias(string ScreenName, [property: JsonPropertyName("drugbank_name")] string DrugBankName, string Reason);

/// <summary>
/// The drug atlas (data/study.json "atlas"): every drug screened on the organoids that has DrugBank targets in the
/// proximity inputs and at least <paramref name="MinPatients"/> treated TCGA patients with survival and expression in
/// one of <paramref name="Cancers"/> becomes an arm built from this template (<see cref="AtlasArms"/>), run through the
/// paper's pipeline exactly as the study's own arms.
/// </summary>
/// <param name="Organoids">The organoid collection that trains every atlas arm (e.g. "crc").</param>
/// <param name="MinPatients">Treated patients with survival and an expression profile needed in a cancer (≥ 2).</param>
/// <param name="Main">The main-setting template.</param>
/// <param name="Cancers">The candidate cancers, in table order.</param>
/// <param name="TreatedRule">The drug-name rule of the treated cohorts (the authors': <see cref="DrugNameRule.Authors"/>).</param>
/// <param name="ControlRule">The rule of the untreated controls (the wider <see cref="DrugNameRule.Extended"/>, so that treated
/// patients cannot leak into the control).</param>
/// <param name="ScreenAliases">Screen names resolved by hand (the vocabulary cannot match them).</param>
/// <param name="Description">In words.</param>
public sealed record AtlasDefinition(string Organoids, int MinPatients, AtlasMainSetting Main, IReadOnlyList<AtlasCancer> Cancers,
    DrugNameRule TreatedRule, DrugNameRule ControlRule, IReadOnlyList<ScreenAlias> ScreenAliases, string Description)
{
    /// <summary>The cancer with this id, or an error listing them.</summary>
    /// <param name="id">A cancer id of the atlas section.</param>
    /// <exception cref="ArgumentException">No cancer has this id.</exception>
    public AtlasCancer Cancer(string id) => Cancers.FirstOrDefault(c => c.Id == id)
        ?? throw new ArgumentException($"no atlas cancer '{id}' (cancers: {string.Join(", ", Cancers.Select(c => c.Id))})");

    /// <summary>Every dangling reference or bad value of the section, as "atlas.field: problem" (empty when sound).</summary>
    /// <param name="study">The study the section belongs to.</param>
    /// <param name="manifestIds">When given, inputs must be manifest ids.</param>
    public IReadOnlyList<string> Problems(StudyDefinition study, IReadOnlyCollection<string>? manifestIds = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        var p = new List<string>();
        void In(string field, string value, IEnumerable<string> allowed, string what)
        {
            var list = allowed.ToList();
            if (!list.Contains(value, StringComparer.Ordinal)) p.Add($"{field}: '{value}' is not {what} (known: {(list.Count == 0 ? "none" : string.Join(", ", list))})");
        }
        In("atlas.organoids", Organoids, study.OrganoidCollections.Select(c => c.Id), "an organoid collection");
        if (MinPatients < 2) p.Add($"atlas.min_patients: {MinPatients} (a split needs at least 2 patients)");
        if (Main.Selections.Count == 0) p.Add("atlas.main.selections: empty");
        foreach (var s in Main.Selections) In("atlas.main.selections", s, study.Selections.Select(x => x.Id), "a selection");
        if (Main.K < 1) p.Add($"atlas.main.k: {Main.K} (must be >= 1)");
        if (Cancers.Count == 0) p.Add("atlas.cancers: empty");
        foreach (var g in Cancers.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)) p.Add($"atlas.cancers: id '{g.Key}' is used {g.Count()} times");
        foreach (var (c, i) in Cancers.Select((c, i) => (c, i)))
        {
            string f = $"atlas.cancers[{i}] ({c.Id})";
            if (c.Id.Length == 0 || !c.Id.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch)))
                p.Add($"{f}.id: use lower-case letters and digits (it names cohorts and arms)");
            if (c.Projects.Count == 0) p.Add($"{f}.projects: empty");
            In($"{f}.drug_records", c.DrugRecords, study.DrugRecords.Select(d => d.Id), "a drug_records id");
            In($"{f}.survival", c.Survival, study.SurvivalSources.Select(s => s.Id), "a survival source");
            if (study.SurvivalSource(c.Survival) is { } ss)
                foreach (var project in c.Projects)
                    if (ss.InputFor(project) is null) p.Add($"{f}.survival: source '{ss.Id}' has no input for project {project}");
            if (c.Expression.Count == 0) p.Add($"{f}.expression: empty");
            foreach (var e in c.Expression) In($"{f}.expression", e, study.ExpressionSources.Select(s => s.Id), "an expression source");
            if (c.ExpressionFiles is { } ef && manifestIds is not null)
            {
                In($"{f}.expression_files.files", ef.Files, manifestIds, "a data/manifest.tsv id");
                In($"{f}.expression_files.patients", ef.Patients, manifestIds, "a data/manifest.tsv id");
            }
        }
        foreach (var g in ScreenAliases.GroupBy(a => a.ScreenName, StringComparer.Ordinal).Where(g => g.Count() > 1))
            p.Add($"atlas.screen_aliases: screen name '{g.Key}' is listed {g.Count()} times");
        foreach (var (a, i) in ScreenAliases.Select((a, i) => (a, i)))
        {
            if (a.DrugBankName.Length == 0 || a.DrugBankName != a.DrugBankName.ToUpperInvariant())
                p.Add($"atlas.screen_aliases[{i}].drugbank_name: '{a.DrugBankName}' (write the DrugBank common name in upper case)");
            if (string.IsNullOrWhiteSpace(a.Reason)) p.Add($"atlas.screen_aliases[{i}].reason: empty (say why the alias is right)");
        }
        return p;
    }
}
