using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Study;

/// <summary>
/// A drug of the organoid screen under the atlas' name rules: its DrugBank common name (by the authors' synonym rule,
/// <see cref="DrugNames"/> with <see cref="DrugNameRule.Authors"/>, or by an explicit <see cref="ScreenAlias"/>) and its
/// row of DrugBank targets in drug_drugTarget.txt (pooled rows count, with their pooled name).
/// </summary>
/// <param name="ScreenName">As the screen writes it, e.g. "5-Fluorouracil".</param>
/// <param name="DrugBankName">Upper-case DrugBank common name, or null when none was found.</param>
/// <param name="NameSource">"DrugBank synonyms" or "alias: reason"; empty without a name.</param>
/// <param name="Targets">The drug's target row, or null.</param>
/// <param name="Problem">Why the names could not be resolved (no match, several matches, a duplicate), or null.</param>
public sealed record AtlasCandidate(string ScreenName, string? DrugBankName, string NameSource, DrugTargetEntry? Targets, string? Problem = null)
{
    /// <summary>The drug as proximity names it: the target row's pooled name (e.g. DOCETAXEL_PACLITAXEL), or null.</summary>
    public string? TargetRow => Targets?.PooledName;
}

/// <summary>
/// One atlas arm as the template generates it: an ordinary <see cref="ArmDefinition"/> with its treated and untreated
/// cohort rules, so it runs through the same stage code as the study's own arms.
/// </summary>
/// <param name="Arm">The arm (id "{label}_{cancer}", e.g. "5fu_coad").</param>
/// <param name="Treated">The treated cohort ("{cancer}_{label}", e.g. "coad_5fu"), the atlas' treated rule.</param>
/// <param name="Control">The untreated cohort ("{cancer}_untreated_{label}"), the atlas' control rule.</param>
/// <param name="Cancer">The cancer.</param>
/// <param name="Candidate">The screened drug.</param>
/// <param name="ExpressionChoice">1-based rank of the expression source used in the cancer's preference list.</param>
/// <param name="Expression">The expression source used (its content labels what the patients were scored on).</param>
public sealed record AtlasArm(ArmDefinition Arm, PatientCohortDefinition Treated, PatientCohortDefinition Control, AtlasCancer Cancer, AtlasCandidate Candidate,
    int ExpressionChoice, ExpressionSourceDefinition Expression)
{
    /// <summary>The arm's id.</summary>
    public string Id => Arm.Id;

    /// <summary>
    /// The study as this arm alone sees it: the base study's sources and selections, with this arm as its only arm and
    /// its two cohorts as its only cohorts. Every stage routine takes it as it takes the repository's study.
    /// </summary>
    /// <param name="study">The base study (its atlas section is dropped from the result).</param>
    public StudyDefinition StudyOf(StudyDefinition study) => study with { Arms = [Arm], Cohorts = [Treated, Control], Atlas = null };
}

/// <summary>The atlas' name resolution and arm template (the data-dependent eligibility is in lib/Patients/Atlas).</summary>
public static class AtlasArms
{
    /// <summary>What <see cref="AtlasCandidate.NameSource"/> says for a name found by the vocabulary.</summary>
    public const string FromVocabulary = "DrugBank synonyms";

    /// <summary>
    /// Resolves every screened drug: its DrugBank name by the authors' rule (upper case, '-' and spaces removed, matched
    /// among DrugBank common names and synonyms), else by the study's screen alias, and its drug_drugTarget.txt row (a row
    /// whose drug names, as written or normalised by the same rule, include the DrugBank name).
    /// </summary>
    /// <param name="atlas">The atlas section (its screen aliases).</param>
    /// <param name="screenNames">The screen's distinct drug names (any order; the result is in ordinal order).</param>
    /// <param name="vocabulary">DrugBank names and synonyms (<see cref="DrugBankVocabulary.Read"/>).</param>
    /// <param name="targets">drug_drugTarget.txt (<see cref="DrugTargets.Read"/>).</param>
    /// <exception cref="ArgumentException">An alias for a name the screen does not have, or for one the vocabulary already
    /// matches (an alias must never silently override or duplicate the rule).</exception>
    public static IReadOnlyList<AtlasCandidate> Candidates(AtlasDefinition atlas, IReadOnlyList<string> screenNames, IReadOnlyList<DrugBankDrug> vocabulary,
        IReadOnlyList<DrugTargetEntry> targets)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(screenNames);
        var names = new DrugNames(vocabulary, DrugNameRule.Authors);
        var screen = screenNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var a in atlas.ScreenAliases.Where(a => !screen.Contains(a.ScreenName, StringComparer.Ordinal)))
            throw new ArgumentException($"study.json atlas.screen_aliases: the screen has no drug '{a.ScreenName}' (fix the spelling or remove the alias)");
        // Each target row under every name it can be matched by: its drug names as written and as the vocabulary normalises them.
        var rowsByName = new Dictionary<string, List<DrugTargetEntry>>(StringComparer.Ordinal);
        foreach (var entry in targets)
            foreach (var key in entry.Drugs.Concat(entry.Drugs.SelectMany(names.Normalise)).Distinct(StringComparer.Ordinal))
                (rowsByName.TryGetValue(key, out var list) ? list : rowsByName[key] = []).Add(entry);

        var result = new List<AtlasCandidate>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in screen)
        {
            var matched = names.Normalise(s);
            var alias = atlas.ScreenAliases.FirstOrDefault(a => a.ScreenName == s);
            if (alias is not null && matched.Count > 0)
                throw new ArgumentException($"study.json atlas.screen_aliases: '{s}' is already matched by the DrugBank synonyms ({string.Join(", ", matched)}); remove the alias");
            if (matched.Count > 1)
            {
                result.Add(new AtlasCandidate(s, null, "", null, $"the DrugBank synonyms match several drugs ({string.Join(", ", matched)})"));
                continue;
            }
            var (name, source) = matched.Count == 1 ? (matched[0], FromVocabulary) : alias is not null ? (alias.DrugBankName, $"alias: {alias.Reason}") : (null, "");
            if (name is null) { result.Add(new AtlasCandidate(s, null, "", null, "no DrugBank name: the synonym rule finds none and the study gives no alias")); continue; }
            if (seen.TryGetValue(name, out var first)) { result.Add(new AtlasCandidate(s, name, source, null, $"the same DrugBank drug as the screen's '{first}'")); continue; }
            seen[name] = s;
            var rows = rowsByName.TryGetValue(name, out var r) ? r.Distinct().ToList() : [];
            result.Add(rows.Count switch
            {
                0 => new AtlasCandidate(s, name, source, null),
                1 => new AtlasCandidate(s, name, source, rows[0]),
                _ => new AtlasCandidate(s, name, source, null, $"several target rows name it ({string.Join(", ", rows.Select(x => x.Label))})"),
            });
        }
        return result;
    }

    /// <summary>
    /// The table label of a drug: the label of the study's arm of that DrugBank name when there is one (so "5-FU"), else
    /// the DrugBank name in lower case ("gemcitabine").
    /// </summary>
    /// <param name="study">The study whose arms give the labels.</param>
    /// <param name="drugBankName">DrugBank common name, upper case (compared ordinally).</param>
    public static string Label(StudyDefinition study, string drugBankName) =>
        study.Arms.FirstOrDefault(a => a.Drug.DrugBankName == drugBankName)?.Drug.Label ?? drugBankName.ToLowerInvariant();

    /// <summary>
    /// The arm the template makes for <paramref name="candidate"/> in <paramref name="cancer"/>: trained on the atlas'
    /// organoids (labelled a substitute when the cancer says so), treated cohort "{cancer}_{label}" under the atlas'
    /// treated rule and untreated control "{cancer}_untreated_{label}" under its control rule (both with the cancer's
    /// drug records, survival source and expression-file filter), one analysis, and the main setting: the given
    /// selection, the template's model and k, the cancer's survival source and the given expression source.
    /// </summary>
    /// <param name="study">The study (its atlas section, labels of its own arms).</param>
    /// <param name="candidate">A candidate with a DrugBank name and a target row.</param>
    /// <param name="cancer">One of the atlas' cancers.</param>
    /// <param name="selection">The selection that has the drug (the first of the template's that does).</param>
    /// <param name="expressionSource">The cancer's expression source used in this run.</param>
    /// <param name="expressionChoice">Its 1-based rank in the cancer's preference list.</param>
    public static AtlasArm Arm(StudyDefinition study, AtlasCandidate candidate, AtlasCancer cancer, string selection, string expressionSource, int expressionChoice = 1)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(cancer);
        var atlas = study.Atlas ?? throw new ArgumentException("the study has no atlas section");
        string name = candidate.DrugBankName ?? throw new ArgumentException($"{candidate.ScreenName}: no DrugBank name");
        string targetRow = candidate.TargetRow ?? throw new ArgumentException($"{candidate.ScreenName}: no target row");
        var drug = new DrugIdentity(Label(study, name), candidate.ScreenName, name, targetRow);
        string label = drug.FileLabel;
        var treated = Cohort(study, name, cancer, Treatment.Treated);
        var control = Cohort(study, name, cancer, Treatment.Untreated);
        var collection = study.OrganoidCollection(atlas.Organoids);
        var training = new TrainingDefinition(collection.Id, $"{collection.Description}: organoids with a {drug.Label} IC50 ('{candidate.ScreenName}', median of replicates)",
            Substitute: cancer.Substitute);
        var arm = new ArmDefinition($"{label}_{cancer.Id}", drug, [training], [new AnalysisDefinition(treated.Id, cancer.Survival, control.Id)], [expressionSource],
            new MainSetting(selection, atlas.Main.Model, atlas.Main.K, treated.Id, cancer.Survival, [expressionSource]));
        return new AtlasArm(arm, treated, control, cancer, candidate, expressionChoice, study.ExpressionSource(expressionSource));
    }

    /// <summary>
    /// The cohort rule the template gives a drug in a cancer: treated, "{cancer}_{label}" under the atlas' treated rule;
    /// untreated, "{cancer}_untreated_{label}" under its control rule; both with the cancer's projects, drug records,
    /// survival source and expression-file filter (the negative control is the same cancer's patients not given the drug).
    /// </summary>
    /// <param name="study">The study (its atlas section; labels of its own arms).</param>
    /// <param name="drugBankName">Upper-case DrugBank common name.</param>
    /// <param name="cancer">One of the atlas' cancers.</param>
    /// <param name="treatment">Treated, or untreated (the control).</param>
    public static PatientCohortDefinition Cohort(StudyDefinition study, string drugBankName, AtlasCancer cancer, Treatment treatment)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(cancer);
        var atlas = study.Atlas ?? throw new ArgumentException("the study has no atlas section");
        string label = new DrugIdentity(Label(study, drugBankName), "", drugBankName, "").FileLabel, projects = string.Join("+", cancer.Projects);
        string filter = cancer.ExpressionFiles is null ? "" : ", GDC expression file listed", drug = drugBankName.ToLowerInvariant();
        return treatment == Treatment.Treated
            ? new PatientCohortDefinition($"{cancer.Id}_{label}", cancer.Projects, drugBankName, Treatment.Treated, cancer.DrugRecords, atlas.TreatedRule, cancer.Survival,
                $"TCGA {projects}, {cancer.DrugRecords} drug = {drug} ({atlas.TreatedRule} rule), {cancer.Survival} survival{filter} (atlas)", cancer.ExpressionFiles)
            : new PatientCohortDefinition($"{cancer.Id}_untreated_{label}", cancer.Projects, drugBankName, Treatment.Untreated, cancer.DrugRecords, atlas.ControlRule, cancer.Survival,
                $"TCGA {projects} not treated with {drug} ({atlas.ControlRule} rule), {cancer.Survival} survival{filter} (atlas negative control)", cancer.ExpressionFiles);
    }

    /// <summary>
    /// The expression source a cancer's arms use in this run: the first of its preference list whose input is available,
    /// with its 1-based rank (a rank above 1 means a preferred source, e.g. the connected run's full transcriptome, is missing).
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="cancer">The cancer.</param>
    /// <param name="inputAvailable">Whether a manifest input can be read in this run (<c>DataStore.IsAvailable</c>).</param>
    /// <exception cref="ArgumentException">None of the sources is available.</exception>
    public static (ExpressionSourceDefinition Source, int Rank) Expression(StudyDefinition study, AtlasCancer cancer, Func<string, bool> inputAvailable)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(cancer);
        ArgumentNullException.ThrowIfNull(inputAvailable);
        for (int i = 0; i < cancer.Expression.Count; i++)
            // A source the run left out (StudyAvailability: its input not fetched) counts as unavailable.
            if (study.ExpressionSources.FirstOrDefault(x => x.Id == cancer.Expression[i]) is { } s && inputAvailable(s.Input)) return (s, i + 1);
        throw new ArgumentException($"atlas cancer {cancer.Id}: none of its expression sources ({string.Join(", ", cancer.Expression)}) is available in this run");
    }
}
