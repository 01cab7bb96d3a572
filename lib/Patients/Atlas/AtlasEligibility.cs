using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients.Atlas;

/// <summary>How many patients of one cancer a drug has, step by step (the counts behind condition (c)).</summary>
/// <param name="Cancer">The atlas cancer's id.</param>
/// <param name="ExpressionSource">The cancer's expression source in this run.</param>
/// <param name="Treated">Patients whose drug records name the drug (the atlas' treated rule).</param>
/// <param name="WithSurvival">Of those, with follow-up in the cancer's survival source.</param>
/// <param name="WithExpressionFile">Of those, with a file in the GDC expression-file list; null without that filter.</param>
/// <param name="Analysable">Of those, with a profile in the expression source: the patients an arm would split.</param>
public sealed record AtlasPatientCount(string Cancer, string ExpressionSource, int Treated, int WithSurvival, int? WithExpressionFile, int Analysable);

/// <summary>A drug name, as a cancer's records write it, that neither drug-name rule recognises (it counts as no drug).</summary>
/// <param name="Cancer">The atlas cancer's id.</param>
/// <param name="Name">The name as written (upper-cased, trimmed: spellings that differ only in case are one).</param>
/// <param name="Records">Drug records with it.</param>
/// <param name="Patients">Patients with such a record.</param>
public sealed record UnrecognisedDrugName(string Cancer, string Name, int Records, int Patients);

/// <summary>One screened drug: its names, its patients per cancer, the arms it gets and, when it gets none, why.</summary>
/// <param name="Candidate">The drug under the atlas' name rules.</param>
/// <param name="Counts">Per cancer (atlas order); empty without a DrugBank name.</param>
/// <param name="Arms">The ids of its arms (one per cancer where it qualifies).</param>
/// <param name="Reason">Why it has no arm (the first condition it fails), or which cancers fall short when it has some; empty otherwise.</param>
public sealed record AtlasDrug(AtlasCandidate Candidate, IReadOnlyList<AtlasPatientCount> Counts, IReadOnlyList<string> Arms, string Reason)
{
    /// <summary>True when the drug has at least one arm.</summary>
    public bool HasArm => Arms.Count > 0;
}

/// <summary>
/// The atlas' plan: every screened drug with its eligibility, and the arms the template generates, in table order
/// (cancers in the definition's order, then drug labels, ordinal).
/// </summary>
/// <param name="Study">The study (with its atlas section).</param>
/// <param name="Drugs">Every distinct screen name, ordinal.</param>
/// <param name="Arms">The generated arms.</param>
/// <param name="Expression">Per cancer id: the expression source used in this run and its rank in the cancer's preference list.</param>
public sealed record AtlasPlan(StudyDefinition Study, IReadOnlyList<AtlasDrug> Drugs, IReadOnlyList<AtlasArm> Arms,
    IReadOnlyDictionary<string, (ExpressionSourceDefinition Source, int Rank)> Expression)
{
    /// <summary>The atlas section.</summary>
    public AtlasDefinition Atlas => Study.Atlas!;

    /// <summary>The arm with this id, or an error listing the arms.</summary>
    /// <param name="id">An atlas arm id.</param>
    /// <exception cref="ArgumentException">No arm of this run has this id.</exception>
    public AtlasArm Arm(string id) => Arms.FirstOrDefault(a => a.Id == id)
        ?? throw new ArgumentException($"no atlas arm '{id}' in this run (arms: {(Arms.Count == 0 ? "none" : string.Join(", ", Arms.Select(a => a.Id)))})");
}

/// <summary>
/// Which screened drugs become atlas arms (issue 16): a drug qualifies in a cancer when (a) the organoids were screened
/// with it, (b) drug_drugTarget.txt has its DrugBank targets (a pooled row counts), and (c) at least
/// <see cref="AtlasDefinition.MinPatients"/> TCGA patients of the cancer were treated with it (the atlas' treated rule,
/// as stage 01 builds cohorts: <see cref="PatientCohorts.Build"/>) and have survival and a profile in the cancer's
/// expression source. A qualifying drug's arm takes the first selection of the template that has it: the authors'
/// table where it has the drug's column, else the first recomputed selection.
/// </summary>
public static class AtlasEligibility
{
    /// <summary>Counts every named drug's patients in every cancer and generates the arms.</summary>
    /// <param name="study">The study; its atlas section must be set.</param>
    /// <param name="screenNames">The organoid screen's drug names (<see cref="DrugScreen"/>; duplicates allowed).</param>
    /// <param name="vocabulary">DrugBank names and synonyms.</param>
    /// <param name="targets">drug_drugTarget.txt.</param>
    /// <param name="authors">The authors' proximity z table (which drugs it has).</param>
    /// <param name="profiled">Per expression source id: the patients it has a profile of (<see cref="PreparedSource"/>).</param>
    /// <param name="expression">Per cancer id: its expression source in this run (<see cref="AtlasArms.Expression"/>) and rank.</param>
    /// <param name="pathOf">Manifest id to local path (the cohorts' inputs).</param>
    /// <param name="log">Receives the cohort joins' counts.</param>
    public static AtlasPlan Plan(StudyDefinition study, IReadOnlyList<string> screenNames, IReadOnlyList<DrugBankDrug> vocabulary, IReadOnlyList<DrugTargetEntry> targets,
        AuthorsProximityTable authors, IReadOnlyDictionary<string, IReadOnlyCollection<string>> profiled,
        IReadOnlyDictionary<string, (ExpressionSourceDefinition Source, int Rank)> expression, Func<string, string> pathOf, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(profiled);
        ArgumentNullException.ThrowIfNull(expression);
        var atlas = study.Atlas ?? throw new ArgumentException("the study has no atlas section (data/study.json \"atlas\")");
        var candidates = AtlasArms.Candidates(atlas, screenNames, vocabulary, targets);
        var named = candidates.Where(c => c.DrugBankName is not null && c.Problem is null).ToList();

        // Condition (c) for every named drug, by the stage-01 cohort rule (treated cohorts only).
        var cohorts = named.SelectMany(c => atlas.Cancers.Select(k => AtlasArms.Cohort(study, c.DrugBankName!, k, Treatment.Treated))).ToList();
        foreach (var g in cohorts.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            throw new ArgumentException($"atlas: drugs {string.Join(", ", g.Select(c => c.Drug))} share the cohort id {g.Key} (their labels collide)");
        var built = cohorts.Count == 0 ? new PatientCohorts([], []) : PatientCohorts.Build(study with { Arms = [], Cohorts = cohorts }, pathOf, log);
        AtlasPatientCount Count(AtlasCandidate c, AtlasCancer cancer)
        {
            string id = AtlasArms.Cohort(study, c.DrugBankName!, cancer, Treatment.Treated).Id;
            var steps = built.Steps.Single(s => s.Cohort == id);
            var source = expression[cancer.Id].Source.Id;
            var members = built.Cohorts.Single(x => x.Name == id).Ids;
            return new AtlasPatientCount(cancer.Id, source, steps.Treated, steps.WithSurvival, steps.WithExpressionFile, members.Count(profiled[source].Contains));
        }

        var drugs = new List<AtlasDrug>();
        var arms = new List<AtlasArm>();
        foreach (var c in candidates)
        {
            if (c.DrugBankName is null || c.Problem is not null) { drugs.Add(new AtlasDrug(c, [], [], c.Problem ?? "no DrugBank name")); continue; }
            var counts = atlas.Cancers.Select(k => Count(c, k)).ToList();
            if (c.Targets is null)
            {
                drugs.Add(new AtlasDrug(c, counts, [], "no DrugBank protein target in the proximity inputs (no row of drug_drugTarget.txt names it)"));
                continue;
            }
            string? selection = Selection(study, atlas, c.Targets, authors);
            if (selection is null)
            {
                drugs.Add(new AtlasDrug(c, counts, [], $"none of the template's selections ({string.Join(", ", atlas.Main.Selections)}) has the drug"));
                continue;
            }
            var qualifying = counts.Where(n => n.Analysable >= atlas.MinPatients).ToList();
            var mine = qualifying.Select(n => AtlasArms.Arm(study, c, atlas.Cancer(n.Cancer), selection, n.ExpressionSource, expression[n.Cancer].Rank)).ToList();
            arms.AddRange(mine);
            string shortfall = string.Join(", ", counts.Where(n => n.Analysable < atlas.MinPatients).Select(n => $"{n.Cancer} {n.Analysable}"));
            drugs.Add(new AtlasDrug(c, counts, mine.Select(a => a.Id).ToList(), mine.Count == 0
                ? $"fewer than {atlas.MinPatients} treated patients with survival and expression in every cancer ({shortfall})"
                : shortfall.Length == 0 ? "" : $"below {atlas.MinPatients} in {shortfall}"));
        }
        var order = atlas.Cancers.Select(k => k.Id).ToList();
        var ordered = arms.OrderBy(a => order.IndexOf(a.Cancer.Id)).ThenBy(a => a.Arm.Drug.Label, StringComparer.Ordinal).ToList();
        foreach (var g in ordered.GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            throw new ArgumentException($"atlas: two arms would be called {g.Key}");
        return new AtlasPlan(study, drugs, ordered, expression);
    }

    /// <summary>
    /// The drug names of each cancer's records that neither the authors' nor the extended rule recognises (brand names
    /// the DrugBank vocabulary lacks, misspellings, non-drug entries), most patients first: a patient treated under such a
    /// name is not counted as treated, and counts as untreated in the negative control. For the reader to judge.
    /// </summary>
    /// <param name="study">The study (its atlas cancers and drug-record sources).</param>
    /// <param name="vocabulary">DrugBank names and synonyms.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <param name="top">Names listed per cancer, at most (≥ 1).</param>
    public static IReadOnlyList<UnrecognisedDrugName> UnrecognisedNames(StudyDefinition study, IReadOnlyList<DrugBankDrug> vocabulary, Func<string, string> pathOf, int top = 8)
    {
        ArgumentNullException.ThrowIfNull(study);
        var atlas = study.Atlas ?? throw new ArgumentException("the study has no atlas section");
        if (top < 1) throw new ArgumentException($"top must be >= 1, got {top}", nameof(top));
        var extended = new DrugNames(vocabulary, DrugNameRule.Extended);
        var result = new List<UnrecognisedDrugName>();
        foreach (var cancer in atlas.Cancers)
        {
            var records = StudyInputs.DrugRecords(study.DrugRecordSource(cancer.DrugRecords), pathOf, CountLog.Silent);
            result.AddRange(records.Where(r => extended.Normalise(r.DrugName).Count == 0)
                .GroupBy(r => r.DrugName.Trim().ToUpperInvariant(), StringComparer.Ordinal)
                .Select(g => new UnrecognisedDrugName(cancer.Id, g.Key, g.Count(), g.Select(r => r.Patient).Distinct(StringComparer.Ordinal).Count()))
                .OrderByDescending(x => x.Patients).ThenBy(x => x.Name, StringComparer.Ordinal).Take(top));
        }
        return result;
    }

    /// <summary>
    /// The first of the template's selections that has the drug: an authors'-table selection when the table has the
    /// drug's column (<see cref="AuthorsProximityTable.ColumnFor"/>), a recomputed selection always (stage 03 computes
    /// any drug whose targets are in the network); selections the run left out (<see cref="StudyAvailability"/>) are
    /// passed over; null when none does.
    /// </summary>
    /// <param name="study">The (usable) study, whose selections are looked up.</param>
    /// <param name="atlas">The atlas section (its main setting's selections, in preference order).</param>
    /// <param name="drug">The drug's row of the target table.</param>
    /// <param name="authors">The authors' proximity z table.</param>
    public static string? Selection(StudyDefinition study, AtlasDefinition atlas, DrugTargetEntry drug, AuthorsProximityTable authors)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(atlas);
        foreach (var id in atlas.Main.Selections)
        {
            // A selection the run cannot use (its network not fetched: StudyAvailability left it out) is passed over.
            if (study.Selections.FirstOrDefault(x => x.Id == id) is not { } s) continue;
            if (s.Kind == SelectionKind.Recomputed || authors.ColumnFor(drug) is not null) return id;
        }
        return null;
    }
}
