using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Study;

/// <summary>An organoid collection as read for stage 01: its expression and its drug screen.</summary>
/// <param name="Collection">The collection's definition.</param>
/// <param name="Expression">Genes x organoids.</param>
/// <param name="Screen">The drug screen (replicate IC50s).</param>
public sealed record OrganoidCollectionData(OrganoidCollection Collection, ExpressionMatrix Expression, DrugScreen Screen);

/// <summary>
/// How one patient cohort was reached, step by step (the counts behind its n).
/// </summary>
/// <param name="Cohort">Cohort id.</param>
/// <param name="Treatment">Treated, or untreated (negative control).</param>
/// <param name="Rule">The drug-name rule used.</param>
/// <param name="Treated">Patients of the drug records whose records name the drug under <paramref name="Rule"/> (for an untreated cohort: the patients removed).</param>
/// <param name="WithSurvival">Treated (or untreated) patients with follow-up in the cohort's survival source.</param>
/// <param name="WithExpressionFile">Of those, patients with a file in the GDC expression-file list; null without that filter.</param>
/// <param name="PaperN">The paper's n, where it gives one.</param>
/// <param name="AddedByExtendedRule">For a treated cohort read with the authors' rule: patients whose records name the drug only
/// under the extended rule (inside a regimen such as FOLFOX, or a '+' combination), ordinal order; empty otherwise.</param>
public sealed record PatientCohortSteps(string Cohort, Treatment Treatment, DrugNameRule Rule, int Treated, int WithSurvival, int? WithExpressionFile,
    int? PaperN, IReadOnlyList<string> AddedByExtendedRule)
{
    /// <summary>The cohort's size: after the expression-file filter when there is one.</summary>
    public int N => WithExpressionFile ?? WithSurvival;
}

/// <summary>
/// The study's organoid cohorts built from data (stage 01): for every arm's training set, the organoids of its
/// collection with both an expression profile and a response to the arm's drug ("{collection}_organoids_{arm}"); and
/// the response hand-off of every training drug (Kong et al. 2020, Methods: the response is the median ln IC50 over
/// replicates).
/// </summary>
/// <param name="Cohorts">Organoid cohorts, in arm order, then training-set order.</param>
/// <param name="Responses">Each training drug's median ln IC50, median AUC and highest tested concentration per screened
/// organoid: collections in first-use order, drugs in <see cref="StudyDefinition.TrainingDrugs"/> order, organoids ordinal.</param>
/// <param name="Collections">The organoid collections read, in first-use order.</param>
public sealed record OrganoidCohorts(IReadOnlyList<Cohort> Cohorts, IReadOnlyList<OrganoidResponseSummary> Responses, IReadOnlyList<OrganoidCollectionData> Collections)
{
    /// <summary>Reads each collection the arms train on once and builds every arm's organoid cohorts; joins are counted in <paramref name="log"/>.</summary>
    /// <param name="study">The study definition.</param>
    /// <param name="pathOf">Manifest id to local path (<c>DataStore.PathOf</c>).</param>
    /// <param name="log">Receives the readers' and joins' counts.</param>
    public static OrganoidCohorts Build(StudyDefinition study, Func<string, string> pathOf, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(pathOf);
        ArgumentNullException.ThrowIfNull(log);
        var (cohorts, responses, collections) = BuildOrganoidCohorts(study, pathOf, log);
        return new OrganoidCohorts(cohorts, responses, collections);
    }

    /// <summary>For display: cohort, drug (screen name), organoids, the paper's n, and the training set's definition.</summary>
    /// <param name="study">The study the cohorts were built from.</param>
    public TsvTable Table(StudyDefinition study) => TsvTable.From(study.Arms.SelectMany(a => a.Training.Select(t => new ArmTraining(a, t))),
        ("cohort", t => t.Cohort), ("drug (screen)", t => t.Arm.Drug.ScreenName), ("organoids", t => Cohorts.Single(c => c.Name == t.Cohort).Count),
        ("paper n", t => t.Training.PaperN), ("definition", t => t.Training.Definition));

    private static (List<Cohort>, List<OrganoidResponseSummary>, List<OrganoidCollectionData>) BuildOrganoidCohorts(StudyDefinition study, Func<string, string> pathOf, CountLog log)
    {
        var collections = new List<OrganoidCollectionData>();
        OrganoidCollectionData Collection(string id)
        {
            var found = collections.FirstOrDefault(c => c.Collection.Id == id);
            if (found is not null) return found;
            var def = study.OrganoidCollection(id);
            var data = new OrganoidCollectionData(def, StudyInputs.OrganoidExpression(def, pathOf, log), StudyInputs.OrganoidScreen(def, pathOf, log));
            collections.Add(data);
            return data;
        }

        var cohorts = new List<Cohort>();
        foreach (var arm in study.Arms)
            foreach (var training in arm.Training)
            {
                var c = Collection(training.Organoids);
                var organoids = Data.Cohorts.OrganoidsWithResponse(c.Expression, c.Screen.MedianIc50(arm.Drug.ScreenName), arm.Drug.Label, log);
                cohorts.Add(new Cohort(arm.OrganoidCohort(training), training.Definition, organoids.Select(o => new CohortMember(o)).ToList(), training.PaperN));
            }

        var responses = new List<OrganoidResponseSummary>();
        foreach (var c in collections)
        {
            var maxConcentration = c.Screen.Measurements.GroupBy(m => (m.Organoid, m.DrugName)).ToDictionary(g => g.Key, g => g.Max(m => m.MaxConcentration));
            foreach (var drug in study.TrainingDrugs(c.Collection.Id))
            {
                var auc = c.Screen.MedianAuc(drug).ToDictionary(r => (r.Organoid, r.DrugName), r => r.MedianAuc);
                // Named as the study names the drug (the screen's own spelling may differ in case, e.g. CISPLATIN in a response table).
                responses.AddRange(c.Screen.MedianIc50(drug).Select(r => new OrganoidResponseSummary(r.Organoid, drug, r.MedianLnIc50, r.Replicates,
                    auc[(r.Organoid, r.DrugName)], maxConcentration[(r.Organoid, r.DrugName)], c.Collection.Id)));
            }
        }
        return (cohorts, responses, collections);
    }

}

/// <summary>
/// The study's patient cohorts built from data (stage 01), each by its rule in the definition (Kong et al. 2020,
/// Methods: TCGA patients whose drug records name the drug, normalised against DrugBank names and synonyms, with overall
/// survival, and, for COAD, a GDC FPKM-UQ expression file). Untreated cohorts (negative controls) are the patients with
/// survival whose records do not name the drug under the wider rule.
/// </summary>
/// <param name="Cohorts">Patient cohorts, in the definition's order.</param>
/// <param name="Steps">The counts behind each cohort, in the definition's order.</param>
public sealed record PatientCohorts(IReadOnlyList<Cohort> Cohorts, IReadOnlyList<PatientCohortSteps> Steps)
{
    /// <summary>Manifest id of the DrugBank vocabulary (names and synonyms) that drug names are normalised against.</summary>
    public const string DrugBankVocabularyInput = "drugbank_vocabulary";

    /// <summary>
    /// Builds every patient cohort of <paramref name="study"/>. Inputs are read once each. Cohorts are built grouped by
    /// their drug-record source, in the order of <see cref="StudyDefinition.DrugRecords"/>: records, then the survival
    /// tables the group needs, then the treated sets per (drug, rule), then each cohort; so the count log reads as the
    /// method does.
    /// </summary>
    /// <param name="study">The study definition.</param>
    /// <param name="pathOf">Manifest id to local path (<c>DataStore.PathOf</c>).</param>
    /// <param name="log">Receives every reader's, filter's and join's counts.</param>
    public static PatientCohorts Build(StudyDefinition study, Func<string, string> pathOf, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(pathOf);
        ArgumentNullException.ThrowIfNull(log);
        var (cohorts, steps) = BuildPatientCohorts(study, pathOf, log);
        return new PatientCohorts(cohorts, steps);
    }

    /// <summary>The counts behind each cohort, for display: treated, with survival, with an expression file, n and the paper's n.</summary>
    public TsvTable StepsTable() => TsvTable.From(Steps,
        ("cohort", s => s.Cohort), ("drug-name rule", s => s.Rule.ToString()),
        ("treated", s => s.Treatment == Treatment.Treated ? s.Treated : null),
        ("treated (excluded)", s => s.Treatment == Treatment.Untreated ? s.Treated : null),
        ("with survival", s => s.WithSurvival), ("with an expression file", s => s.WithExpressionFile),
        ("n", s => s.N), ("paper n", s => s.PaperN),
        ("extended rule would add", s => s.AddedByExtendedRule.Count == 0 ? "" : $"{s.AddedByExtendedRule.Count} ({string.Join(", ", s.AddedByExtendedRule.Take(4))}{(s.AddedByExtendedRule.Count > 4 ? ", ..." : "")})"));

    private static (List<Cohort>, List<PatientCohortSteps>) BuildPatientCohorts(StudyDefinition study, Func<string, string> pathOf, CountLog log)
    {
        var built = new Dictionary<string, (Cohort Cohort, PatientCohortSteps Steps)>(StringComparer.Ordinal);
        if (study.Cohorts.Count == 0) return ([], []);
        var vocabulary = DrugBankVocabulary.Read(pathOf(DrugBankVocabularyInput));
        var names = new Dictionary<DrugNameRule, DrugNames>
        {
            [DrugNameRule.Authors] = new(vocabulary, DrugNameRule.Authors, log),
            [DrugNameRule.Extended] = new(vocabulary, DrugNameRule.Extended),
        };
        var gdcFiles = new Dictionary<string, IReadOnlyList<GdcFile>>(StringComparer.Ordinal);
        var clinical = new Dictionary<string, IReadOnlyList<ClinicalPatient>>(StringComparer.Ordinal);
        var samples = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        foreach (var source in study.DrugRecords)
        {
            var group = study.Cohorts.Where(c => c.DrugRecords == source.Id).ToList();
            if (group.Count == 0) continue;
            var records = StudyInputs.DrugRecords(source, pathOf, log);

            var survival = new Dictionary<string, IReadOnlyList<SurvivalRecord>>(StringComparer.Ordinal);
            string SurvivalKey(PatientCohortDefinition c) => c.Survival + "|" + string.Join("+", c.Projects);
            foreach (var c in group)
                if (!survival.ContainsKey(SurvivalKey(c)))
                    survival[SurvivalKey(c)] = StudyInputs.Survival(study.SurvivalSource(c.Survival)!, c.Projects, pathOf, log);

            var treated = new Dictionary<(string, DrugNameRule), IReadOnlyList<string>>();
            foreach (var c in group)
                if (!treated.ContainsKey((c.Drug, c.NameRule)))
                    treated[(c.Drug, c.NameRule)] = Data.Cohorts.TreatedWith(records, names[c.NameRule], c.Drug, log);

            foreach (var c in group)
            {
                string projects = string.Join("+", c.Projects), label = study.DrugLabel(c.Drug);
                string who = c.Treatment == Treatment.Treated ? $"{projects} {label}" : $"{projects} not treated with {label}";
                var drugTreated = treated[(c.Drug, c.NameRule)];
                var withSurvival = c.Treatment == Treatment.Treated
                    ? Data.Cohorts.WithSurvival(drugTreated, survival[SurvivalKey(c)], $"{who}: with {c.Survival} survival", log)
                    : Data.Cohorts.NotTreated(survival[SurvivalKey(c)], drugTreated, $"{who}: with {c.Survival} survival", log);
                var members = withSurvival;
                if (c.ExpressionFiles is { } filter)
                {
                    if (!clinical.TryGetValue(filter.Patients, out var patients)) clinical[filter.Patients] = patients = TcgaClinical.ReadBiotabPatients(pathOf(filter.Patients));
                    if (!gdcFiles.TryGetValue(filter.Files, out var files)) gdcFiles[filter.Files] = files = GdcFiles.ReadMetadata(pathOf(filter.Files));
                    members = Data.Cohorts.WithGdcFile(withSurvival, patients, files, $"{who}: with a GDC expression file", log);
                }
                else if (c.ExpressionSamples is { } sourceId)
                {
                    if (!samples.TryGetValue(sourceId, out var barcodes)) samples[sourceId] = barcodes = StudyInputs.ExpressionSamples(study.ExpressionSource(sourceId), pathOf);
                    members = Data.Cohorts.WithPrimaryTumourSample(withSurvival, barcodes, sourceId, $"{who}: with a {sourceId} expression profile", log);
                }
                // What the wider rule would add to a treated cohort read with the authors' rule (not logged: it defines no cohort).
                IReadOnlyList<string> added = [];
                if (c.Treatment == Treatment.Treated && c.NameRule == DrugNameRule.Authors)
                {
                    var extended = treated.TryGetValue((c.Drug, DrugNameRule.Extended), out var e) ? e : Data.Cohorts.TreatedWith(records, names[DrugNameRule.Extended], c.Drug, CountLog.Silent);
                    added = extended.Except(drugTreated, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                }
                built[c.Id] = (new Cohort(c.Id, c.Definition, members, c.PaperN, c.Survival),
                    new PatientCohortSteps(c.Id, c.Treatment, c.NameRule, drugTreated.Count, withSurvival.Count,
                        c.ExpressionFiles is null && c.ExpressionSamples is null ? null : members.Count, c.PaperN, added));
            }
        }
        var missing = study.Cohorts.Where(c => !built.ContainsKey(c.Id)).Select(c => c.Id).ToList();
        if (missing.Count > 0) throw new ArgumentException($"cohorts {string.Join(", ", missing)} name drug records the study does not define");
        return (study.Cohorts.Select(c => built[c.Id].Cohort).ToList(), study.Cohorts.Select(c => built[c.Id].Steps).ToList());
    }
}

/// <summary>The study's cohorts (stage 01): organoid cohorts, then patient cohorts (the row order of cohorts.tsv and cohort_members.tsv).</summary>
/// <param name="Organoids">The organoid cohorts and responses.</param>
/// <param name="Patients">The patient cohorts.</param>
public sealed record StudyCohorts(OrganoidCohorts Organoids, PatientCohorts Patients)
{
    /// <summary>Builds the organoid cohorts, then the patient cohorts (<see cref="OrganoidCohorts.Build"/>, <see cref="PatientCohorts.Build"/>).</summary>
    /// <param name="study">The study definition.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <param name="log">Receives every count.</param>
    public static StudyCohorts Build(StudyDefinition study, Func<string, string> pathOf, CountLog log) =>
        new(OrganoidCohorts.Build(study, pathOf, log), PatientCohorts.Build(study, pathOf, log));

    /// <summary>Every cohort: organoid cohorts first, then patient cohorts.</summary>
    public IReadOnlyList<Cohort> All => Organoids.Cohorts.Concat(Patients.Cohorts).ToList();

    /// <summary>The schema of cohort_members.tsv: cohort, member, days, event (blank for organoids), one row per member in cohort order.</summary>
    public TsvTable MembersTable() => TsvTable.From(All.SelectMany(c => c.Members.Select(m => new CohortMembership(c.Name, m))),
        ("cohort", x => x.Cohort), ("member", x => x.Member.Id), ("days", x => x.Member.Days), ("event", x => x.Member.Event));

    /// <summary>For display: every cohort with a paper count: n, the paper's n and the difference (ours − paper).</summary>
    public TsvTable PaperComparison() => TsvTable.From(All.Where(c => c.PaperCount is not null),
        ("cohort", c => c.Name), ("n", c => c.Count), ("paper n", c => c.PaperCount), ("ours - paper", c => c.Count - c.PaperCount!.Value),
        ("events", c => c.Events));

    private sealed record CohortMembership(string Cohort, CohortMember Member);
}
