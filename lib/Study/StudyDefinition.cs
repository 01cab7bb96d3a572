using System.Text.Json;
using System.Text.Json.Serialization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Study;

/// <summary>
/// The study as data: its drugs and arms, the organoids that train each arm's model, the patient cohorts that validate
/// it, the survival and expression sources, the proximal-pathway selections and each arm's pre-specified main setting.
/// Every notebook, the report and the parity table read it (data/study.json); nothing downstream names a drug or a
/// cohort in code. <see cref="Read"/> refuses unknown fields and dangling references, naming the field and the fix.
/// The optional <see cref="Atlas"/> section is the template of the drug atlas (every screened drug TCGA patients received).
/// </summary>
/// <param name="Name">Short name of the study, e.g. "Kong et al. 2020".</param>
/// <param name="Citation">The full reference of the paper the study reproduces.</param>
/// <param name="OrganoidCollections">Organoid collections with their expression and drug-response inputs.</param>
/// <param name="SurvivalSources">Patient follow-up sources that cohorts name by id.</param>
/// <param name="DrugRecords">Patient drug-record sources that cohorts name by id.</param>
/// <param name="ExpressionSources">Patient expression sources the models are applied to.</param>
/// <param name="Cohorts">The TCGA patient cohorts, treated and untreated.</param>
/// <param name="Arms">One arm per (drug, cancer) validation, with its training sets, analyses and main setting.</param>
/// <param name="Selections">The proximal-pathway selections (the authors' tables or recomputed on a network).</param>
/// <param name="FirstNeighbourNetworks">Ids of recomputed selections whose networks the targets' first-neighbour
/// baseline may use, in order of preference (the first usable one is taken).</param>
/// <param name="Atlas">The drug-atlas template, or null when the study has no atlas.</param>
public sealed record StudyDefinition(
    string Name,
    string Citation,
    IReadOnlyList<OrganoidCollection> OrganoidCollections,
    IReadOnlyList<SurvivalSourceDefinition> SurvivalSources,
    IReadOnlyList<DrugRecordSource> DrugRecords,
    IReadOnlyList<ExpressionSourceDefinition> ExpressionSources,
    IReadOnlyList<PatientCohortDefinition> Cohorts,
    IReadOnlyList<ArmDefinition> Arms,
    IReadOnlyList<SelectionDefinition> Selections,
    IReadOnlyList<string> FirstNeighbourNetworks,
    AtlasDefinition? Atlas = null)
{
    /// <summary>JSON conventions of data/study.json: snake_case names, enums by name, unknown fields refused.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
    };

    /// <summary>Reads and checks a study definition; errors name the file, the field and the fix.</summary>
    /// <param name="path">A JSON file such as data/study.json.</param>
    /// <param name="manifestIds">When given, every input the study names must be one of these manifest ids.</param>
    public static StudyDefinition Read(string path, IReadOnlyCollection<string>? manifestIds = null)
    {
        if (!File.Exists(path)) throw new InputException(path, 0, "study definition not found", "restore data/study.json from git, or pass --data-config DIR holding a study.json");
        StudyDefinition? study;
        try
        {
            using var stream = File.OpenRead(path);
            study = JsonSerializer.Deserialize<StudyDefinition>(stream, Json);
        }
        catch (JsonException e)
        {
            int line = e.LineNumber is long l ? (int)l + 1 : 0;
            throw new InputException(path, line, $"not a valid study definition: {e.Message.TrimEnd('.')}", "fix the field named (see lib/Study/*.cs for every field and its meaning)");
        }
        if (study is null) throw new InputException(path, 0, "empty study definition", "restore data/study.json from git");
        var problems = study.Problems(manifestIds);
        if (problems.Count > 0)
            throw new InputException(path, 0, string.Join("; ", problems), "fix these references in the study definition (ids are case-sensitive)");
        return study;
    }

    /// <summary>Writes the definition as JSON (a test or a user deriving a new study from this one).</summary>
    /// <param name="path">The file to write (replaced if it exists), in the conventions of <see cref="Json"/>.</param>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Every dangling reference or duplicated id, as "field: problem" (empty when the definition is sound).</summary>
    /// <param name="manifestIds">When given, every input the study names must be one of these manifest ids.</param>
    public IReadOnlyList<string> Problems(IReadOnlyCollection<string>? manifestIds = null)
    {
        var p = new List<string>();
        void Unique<T>(string what, IEnumerable<T> items, Func<T, string> id)
        {
            foreach (var g in items.GroupBy(id, StringComparer.Ordinal).Where(g => g.Count() > 1)) p.Add($"{what}: id '{g.Key}' is used {g.Count()} times");
        }
        void In(string field, string? value, IEnumerable<string> allowed, string what)
        {
            var list = allowed.ToList();
            if (value is not null && !list.Contains(value, StringComparer.Ordinal))
                p.Add($"{field}: '{value}' is not {what} (known: {(list.Count == 0 ? "none" : string.Join(", ", list))})");
        }
        void Input(string field, string value)
        {
            if (manifestIds is not null) In(field, value, manifestIds, "a data/manifest.tsv id");
        }
        Unique("organoid_collections", OrganoidCollections, x => x.Id);
        Unique("survival_sources", SurvivalSources, x => x.Id);
        Unique("drug_records", DrugRecords, x => x.Id);
        Unique("expression_sources", ExpressionSources, x => x.Id);
        Unique("cohorts", Cohorts, x => x.Id);
        Unique("arms", Arms, x => x.Id);
        Unique("selections", Selections, x => x.Id);
        Unique("arms.drug.target_row", Arms, x => x.Drug.TargetRow);

        foreach (var (c, i) in OrganoidCollections.Select((c, i) => (c, i)))
        {
            Input($"organoid_collections[{i}].expression", c.Expression);
            Input($"organoid_collections[{i}].screen", c.Screen);
            if (c.ReferenceMedians is not null) Input($"organoid_collections[{i}].reference_medians", c.ReferenceMedians);
        }
        foreach (var (s, i) in SurvivalSources.Select((s, i) => (s, i)))
            foreach (var kv in s.Inputs) Input($"survival_sources[{i}].inputs.{kv.Key}", kv.Value);
        foreach (var (d, i) in DrugRecords.Select((d, i) => (d, i)))
        {
            if (d.Inputs.Count == 0) p.Add($"drug_records[{i}].inputs: empty");
            foreach (var x in d.Inputs) Input($"drug_records[{i}].inputs", x);
        }
        foreach (var (e, i) in ExpressionSources.Select((e, i) => (e, i))) Input($"expression_sources[{i}].input", e.Input);
        foreach (var (s, i) in Selections.Select((s, i) => (s, i)))
        {
            Input($"selections[{i}].input", s.Input);
            if (s.Kind == SelectionKind.Recomputed && s.Format == NetworkFormat.None) p.Add($"selections[{i}].format: a recomputed selection needs a network format");
        }
        foreach (var n in FirstNeighbourNetworks)
        {
            In("first_neighbour_networks", n, Selections.Where(s => s.Kind == SelectionKind.Recomputed).Select(s => s.Id), "a recomputed selection");
        }

        var cohortIds = Cohorts.Select(c => c.Id).ToList();
        foreach (var (c, i) in Cohorts.Select((c, i) => (c, i)))
        {
            string f = $"cohorts[{i}] ({c.Id})";
            if (c.Projects.Count == 0) p.Add($"{f}.projects: empty");
            In($"{f}.drug_records", c.DrugRecords, DrugRecords.Select(d => d.Id), "a drug_records id");
            In($"{f}.survival", c.Survival, SurvivalSources.Select(s => s.Id), "a survival source");
            In($"{f}.variant_of", c.VariantOf, cohortIds, "a cohort");
            if (c.ExpressionFiles is { } ef) { Input($"{f}.expression_files.files", ef.Files); Input($"{f}.expression_files.patients", ef.Patients); }
            In($"{f}.expression_samples", c.ExpressionSamples, ExpressionSources.Select(s => s.Id), "an expression source");
            if (c.ExpressionFiles is not null && c.ExpressionSamples is not null) p.Add($"{f}: expression_files and expression_samples are two filters for one thing: keep one");
            if (SurvivalSource(c.Survival) is { } ss)
                foreach (var project in c.Projects)
                    if (ss.InputFor(project) is null) p.Add($"{f}.survival: source '{ss.Id}' has no input for project {project}");
        }

        foreach (var (a, i) in Arms.Select((a, i) => (a, i)))
        {
            string f = $"arms[{i}] ({a.Id})";
            if (a.Id.Length == 0 || !a.Id.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_'))
                p.Add($"{f}.id: use lower-case letters, digits and '_' (it names files)");
            if (a.Training.Count == 0) p.Add($"{f}.training: empty");
            foreach (var t in a.Training) In($"{f}.training.organoids", t.Organoids, OrganoidCollections.Select(c => c.Id), "an organoid collection");
            if (a.Analyses.Count == 0) p.Add($"{f}.analyses: empty");
            foreach (var an in a.Analyses)
            {
                In($"{f}.analyses.cohort", an.Cohort, cohortIds, "a cohort");
                In($"{f}.analyses.control", an.Control, cohortIds, "a cohort");
                In($"{f}.analyses.survival", an.Survival, SurvivalSources.Select(s => s.Id), "a survival source");
                if (Cohort(an.Cohort) is { } c && c.Drug != a.Drug.DrugBankName) p.Add($"{f}.analyses: cohort {c.Id} is defined for {c.Drug}, not {a.Drug.DrugBankName}");
                if (Cohort(an.Cohort) is { Treatment: Treatment.Untreated }) p.Add($"{f}.analyses: cohort {an.Cohort} is untreated (use it as a control)");
                if (an.Control is not null && Cohort(an.Control) is { Treatment: Treatment.Treated }) p.Add($"{f}.analyses: control {an.Control} is a treated cohort");
            }
            foreach (var e in a.Expression) In($"{f}.expression", e, ExpressionSources.Select(s => s.Id), "an expression source");
            var m = a.Main;
            In($"{f}.main.selection", m.Selection, Selections.Select(s => s.Id), "a selection");
            if (m.K < 1) p.Add($"{f}.main.k: {m.K} (must be >= 1)");
            if (!a.Analyses.Any(x => x.Cohort == m.Cohort && x.Survival == m.Survival))
                p.Add($"{f}.main: ({m.Cohort}, {m.Survival}) is not one of the arm's analyses");
            if (m.Expression.Count == 0) p.Add($"{f}.main.expression: empty");
            foreach (var e in m.Expression) In($"{f}.main.expression", e, a.Expression, "one of the arm's expression sources");
        }
        if (Atlas is not null) p.AddRange(Atlas.Problems(this, manifestIds));
        return p;
    }

    /// <summary>The arm with this id (e.g. "5fu"), or an error listing the arms.</summary>
    /// <param name="id">An arm id, compared ordinally.</param>
    /// <exception cref="ArgumentException">No arm has this id.</exception>
    public ArmDefinition Arm(string id) => Arms.FirstOrDefault(a => a.Id == id)
        ?? throw new ArgumentException($"no arm '{id}' in the study (arms: {string.Join(", ", Arms.Select(a => a.Id))})");

    /// <summary>The arm whose drug has this target row / proximity name (e.g. "FLUOROURACIL"), or null.</summary>
    /// <param name="targetRow">The drug's row name in the target table and proximity results.</param>
    public ArmDefinition? ArmForDrug(string targetRow) => Arms.FirstOrDefault(a => a.Drug.TargetRow == targetRow);

    /// <summary>The cohort with this id, or null.</summary>
    /// <param name="id">A cohort id, e.g. "coad_5fu".</param>
    public PatientCohortDefinition? Cohort(string id) => Cohorts.FirstOrDefault(c => c.Id == id);

    /// <summary>The survival source with this id, or null.</summary>
    /// <param name="id">A survival source id, e.g. "biotab".</param>
    public SurvivalSourceDefinition? SurvivalSource(string id) => SurvivalSources.FirstOrDefault(s => s.Id == id);

    /// <summary>The expression source with this id, or an error.</summary>
    /// <param name="id">An expression source id.</param>
    /// <exception cref="ArgumentException">No expression source has this id.</exception>
    public ExpressionSourceDefinition ExpressionSource(string id) => ExpressionSources.FirstOrDefault(s => s.Id == id)
        ?? throw new ArgumentException($"no expression source '{id}' in the study");

    /// <summary>The organoid collection with this id, or an error.</summary>
    /// <param name="id">A collection id, e.g. "crc".</param>
    /// <exception cref="ArgumentException">No collection has this id.</exception>
    public OrganoidCollection OrganoidCollection(string id) => OrganoidCollections.FirstOrDefault(c => c.Id == id)
        ?? throw new ArgumentException($"no organoid collection '{id}' in the study");

    /// <summary>The drug-record source with this id, or an error.</summary>
    /// <param name="id">A drug-record source id.</param>
    /// <exception cref="ArgumentException">No drug-record source has this id.</exception>
    public DrugRecordSource DrugRecordSource(string id) => DrugRecords.FirstOrDefault(d => d.Id == id)
        ?? throw new ArgumentException($"no drug_records '{id}' in the study");

    /// <summary>The screen names of every drug some arm trains on a collection (stage 02 checks each).</summary>
    /// <param name="collection">An organoid collection id.</param>
    public IReadOnlyList<string> TrainingDrugs(string collection) =>
        Arms.Where(a => a.Training.Any(t => t.Organoids == collection)).Select(a => a.Drug.ScreenName).Distinct(StringComparer.Ordinal).ToList();
}
