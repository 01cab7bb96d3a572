using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// The study's parity rows, driven by the study definition (arms, drug labels, cohorts, selections, each arm's main
/// setting): which numbers are compared, where each side comes from, and why they may differ. References are read from
/// data/paper_values.tsv (keys built from study ids) and from the authors' outputs of the manifest (their proximity z
/// table, their gseapy scores, their top-k patient table and the k = 1 numbers read from their figures); every one is
/// named with its file in the row.
/// </summary>
public static class ParityTable
{
    /// <summary>The parity table of <paramref name="run"/> (<see cref="Rows"/> as <see cref="Parity.ToTable"/>).</summary>
    /// <param name="run">The run's outputs and data config.</param>
    public static TsvTable Build(RunOutputs run) => Parity.ToTable(Rows(run));

    /// <summary>
    /// The parity rows of <paramref name="run"/>, in this order: each arm's cohorts, each arm's proximal pathways, the
    /// organoid scores, each arm's models, each arm's patient splits (arms in study order). Where a result file the run
    /// did not write holds our value, that row is "not computable here".
    /// </summary>
    /// <param name="run">The run's outputs and data config.</param>
    /// <exception cref="InputException">A file it reads is missing or malformed (the study definition, the manifest,
    /// data/paper_values.tsv), or a reference file's sha256 differs from the manifest's.</exception>
    public static IReadOnlyList<ParityRow> Rows(RunOutputs run)
    {
        var context = new Context(run);
        var rows = new List<ParityRow>();
        foreach (var arm in context.Study.Arms) rows.AddRange(Cohorts(context, arm));
        foreach (var arm in context.Study.Arms) rows.AddRange(Proximity(context, arm));
        rows.AddRange(OrganoidScores(context));
        foreach (var arm in context.Study.Arms) rows.AddRange(Models(context, arm));
        foreach (var arm in context.Study.Arms) rows.AddRange(Patients(context, arm));
        return rows;
    }

    /// <summary>What every part reads once: the study, the paper's values, the run's results and the authors' references.</summary>
    private sealed class Context(RunOutputs run)
    {
        public RunOutputs Run { get; } = run;
        public StudyDefinition Study { get; } = run.Study();
        public PaperReferences Paper { get; } = PaperReferences.Read(run.PaperValuesPath);
        public TsvTable? Cohorts { get; } = run.Result("cohorts.tsv");
        public TsvTable? Proximal { get; } = run.Result("proximal_pathways.tsv");
        public TsvTable? Cv { get; } = run.Result("organoid_cv.tsv");
        public TsvTable? Coefficients { get; } = run.Result("model_coefficients.tsv");
        public TsvTable? Validation { get; } = run.Result("validation.tsv");
        public IReadOnlyList<ManifestEntry> Manifest { get; } = run.Manifest();

        public ManifestEntry? Entry(string id) => Manifest.FirstOrDefault(e => e.Id == id);

        /// <summary>A manifest reference read with its reader, or null (with the reason) when it is not here.</summary>
        public (T? Value, ReferenceFile? File) Read<T>(string id, Func<string, T> reader) where T : class
        {
            if (Entry(id) is null) return (null, null);
            var file = Run.Reference(id);
            return (file.IsAvailable ? reader(file.Path!) : null, file);
        }

        private (IReadOnlyList<AuthorsKaplanMeierValues>? Value, ReferenceFile? File)? _k1;
        private (IReadOnlyList<AuthorsTopKRow>? Value, ReferenceFile? File)? _topK;
        public (IReadOnlyList<AuthorsKaplanMeierValues>? Value, ReferenceFile? File) K1 => _k1 ??= Read(AuthorsDemoIds.KaplanMeierValues, AuthorsDemoOutputs.ReadKaplanMeierValues);
        public (IReadOnlyList<AuthorsTopKRow>? Value, ReferenceFile? File) TopK => _topK ??= Read(AuthorsDemoIds.TopK, AuthorsDemoOutputs.ReadTopK);

        public static bool IsDrug(string cell, ArmDefinition arm) => cell == arm.Drug.TargetRow || cell == arm.Drug.DrugBankName;

        public string? CohortCell(string cohort, string column) => Cohorts is null ? null : Cohorts.Cell(Cohorts.Where(("cohort", cohort)).FirstOrDefault(), column);

        /// <summary>The validation.tsv row of an arm's main cohort, expression, survival and selection with this model and k.</summary>
        public IReadOnlyList<string>? ValidationRow(ArmDefinition arm, string model, int k)
        {
            var main = MainRow(arm);
            if (main is null || Validation is null) return null;
            string expression = Validation.Cell(main, "expression_source")!;
            return Validation.Where(("cohort", arm.Main.Cohort), ("expression_source", expression), ("survival_source", arm.Main.Survival),
                    ("selection", arm.Main.Selection), ("model", model), ("k", k.ToString(CultureInfo.InvariantCulture)))
                .FirstOrDefault(r => IsDrug(Validation.Cell(r, "drug")!, arm));
        }

        /// <summary>The arm's pre-specified main row of validation.tsv (main = true, the arm's main cohort).</summary>
        public IReadOnlyList<string>? MainRow(ArmDefinition arm) =>
            Validation.Where(("main", "true"), ("cohort", arm.Main.Cohort)).FirstOrDefault(r => IsDrug(Validation!.Cell(r, "drug")!, arm));

        /// <summary>Why an arm's model is a substitute for the paper's, or null: "trained on CRC organoids: bladder organoid expression not available".</summary>
        public string? Substitute(ArmDefinition arm) => arm.Training.Count > 0 && arm.Training[0].Substitute is { } s
            ? $"trained on {Study.OrganoidCollection(arm.Training[0].Organoids).Id.ToUpperInvariant()} organoids: {s}" : null;

        /// <summary>
        /// Why an arm's patient numbers may differ from the reference, from the data: the share of the cohort with
        /// expression in the main source, and what that source stands in for (data/manifest.tsv paper_used).
        /// </summary>
        public string PatientReason(ArmDefinition arm)
        {
            var main = MainRow(arm);
            string? expression = main is null ? arm.Main.Expression[0] : Validation!.Cell(main, "expression_source");
            var source = Study.ExpressionSources.FirstOrDefault(s => s.Id == expression);
            var entry = source is null ? null : Entry(source.Input);
            string scored = main is null ? "" : $"{Validation!.Cell(main, "n_treated")} of {CohortCell(arm.Main.Cohort, "n") ?? "?"} patients scored";
            string on = source is null ? "" : entry is not null && Run.IsStandIn(entry)
                ? $"on {source.Content} (a stand-in for {entry.PaperUsed})" : $"on {source.Content}";
            return $"{scored} {on}".Trim();
        }
    }

    /// <summary>Manifest ids of the authors' outputs the parity table reads (data/manifest.tsv).</summary>
    public static class AuthorsDemoIds
    {
        /// <summary>Their top-k patient table (k = 2..10, three models).</summary>
        public const string TopK = "authors_demo_topk";

        /// <summary>The k = 1 numbers read from their Kaplan-Meier figures.</summary>
        public const string KaplanMeierValues = "authors_demo_k1_values";

        /// <summary>Their gseapy normalised enrichment scores of the organoids.</summary>
        public const string GseapyScores = "ref_gseapy_nes";
    }

    private static string Projects(PatientCohortDefinition c) => string.Join("+", c.Projects);

    // ---- stage 01: training organoids, treated patients, deaths -------------------------------------------------
    private static IEnumerable<ParityRow> Cohorts(Context x, ArmDefinition arm)
    {
        string label = arm.Drug.Label;
        foreach (var training in arm.Training)
        {
            var collection = x.Study.OrganoidCollection(training.Organoids);
            string id = arm.OrganoidCohort(training);
            var reference = x.Paper.Value(id) ?? (training.PaperN is int n ? new ReferenceValue(Parity.PaperSource, "data/study.json (arms.training.paper_n)", n.ToString(CultureInfo.InvariantCulture)) : null);
            yield return Parity.Compare(new ParityKey(ParityTopic.TrainingOrganoids, arm.Id), $"{collection.Id.ToUpperInvariant()} organoids with expression and {label} response",
                reference, x.CohortCell(id, "n"), $"{collection.Expression}, {collection.Screen}", "organoid IDs or the drug name did not join as expected",
                training.Substitute is null ? null : $"the paper trained this arm on other organoids ({training.Substitute})");
        }

        var cohort = x.Study.Cohort(arm.Main.Cohort)!;
        var records = x.Study.DrugRecordSource(cohort.DrugRecords);
        var survival = x.Study.SurvivalSource(cohort.Survival)!;
        var inputs = records.Inputs.Concat(cohort.Projects.Select(p => survival.InputFor(p)!))
            .Concat(cohort.ExpressionFiles is { } f ? [f.Files, f.Patients] : []).Append("drugbank_vocabulary").Distinct(StringComparer.Ordinal);
        var patientsRef = x.Paper.Value($"{cohort.Id}_patients")
            ?? (cohort.PaperN is int pn ? new ReferenceValue(Parity.PaperSource, "data/study.json (cohorts.paper_n)", pn.ToString(CultureInfo.InvariantCulture)) : null);
        yield return Parity.Compare(new ParityKey(ParityTopic.TreatedPatients, arm.Id), $"TCGA {Projects(cohort)} patients treated with {label}", patientsRef,
            x.CohortCell(cohort.Id, "n"), string.Join(", ", inputs),
            cohort.ExpressionFiles is null
                ? $"the paper also required a {Projects(cohort)} FPKM-UQ expression file; without file metadata for {Projects(cohort)} here that filter cannot be applied"
                : "drug-name normalisation or the survival / expression-file joins differ");

        // Deaths: the paper's number if transcribed, else the authors' k = 1 figure when it shows the whole cohort.
        var deathsRef = x.Paper.Value($"{cohort.Id}_events");
        string? noDeathsRef = null;
        if (deathsRef is null && x.K1.Value?.FirstOrDefault(v => v.Cohort == cohort.Id && AuthorsDemoOutputs.OurModelName(v.Model) == arm.Main.Model) is { } fig)
        {
            double shown = fig.NResponders.Value + fig.NNonResponders.Value;
            if (patientsRef is not null && double.TryParse(patientsRef.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var all) && shown == all)
            {
                double deaths = fig.EventsResponders.Value + fig.EventsNonResponders.Value;
                deathsRef = new ReferenceValue(Parity.AuthorsCodeSource, $"{x.K1.File!.Entry.File}:{fig.Line} (events_responders + events_nonresponders)",
                    deaths.ToString(CultureInfo.InvariantCulture), new StatedNumber(deaths.ToString(CultureInfo.InvariantCulture), deaths));
            }
            else noDeathsRef = $"the authors' k = 1 figure shows {shown} patients, not the whole cohort";
        }
        yield return Parity.Compare(new ParityKey(ParityTopic.CohortDeaths, arm.Id), $"deaths among the {Projects(cohort)} {label} patients", deathsRef,
            x.CohortCell(cohort.Id, "events"), survival.InputFor(cohort.Projects[0]) ?? survival.Id, $"follow-up of the {survival.Id} survival source",
            noDeathsRef ?? NoPatientReference(x));
    }

    // ---- stage 03: proximal pathways per selection ---------------------------------------------------------------
    private static IEnumerable<ParityRow> Proximity(Context x, ArmDefinition arm)
    {
        var authorsSelection = x.Study.Selections.FirstOrDefault(s => s.Kind == SelectionKind.AuthorsTable);
        var (table, file) = authorsSelection is null ? (null, null) : x.Read(authorsSelection.Input, AuthorsProximityTable.Read);
        ReferenceValue? reference = table is null || !table.Drugs.Contains(arm.Drug.TargetRow) ? null
            : new ReferenceValue(Parity.AuthorsCodeSource, $"{file!.Entry.File} (column {arm.Drug.TargetRow}, z <= {Network.Proximity.ProximalZ.ToString(CultureInfo.InvariantCulture)})",
                table.Column(arm.Drug.TargetRow).Count(kv => kv.Value <= Network.Proximity.ProximalZ).ToString(CultureInfo.InvariantCulture));
        foreach (var selection in x.Study.Selections)
        {
            string? ours = x.Proximal is null ? null
                : x.Proximal.Rows.Count(r => Context.IsDrug(x.Proximal.Cell(r, "drug")!, arm) && x.Proximal.Cell(r, "selection") == selection.Id).ToString(CultureInfo.InvariantCulture);
            var entry = x.Entry(selection.Input);
            bool table_ = selection.Kind == SelectionKind.AuthorsTable;
            string reason = table_ ? "the threshold or the table reading differs"
                : entry is not null && x.Run.IsStandIn(entry) ? $"recomputed on {selection.Network}, a stand-in for {entry.PaperUsed}: other shortest paths and degree bins move every z"
                : "recomputed proximity differs (network version, degree bins or random draws)";
            yield return Parity.Compare(new ParityKey(ParityTopic.ProximalPathways, arm.Id, selection.Id), $"proximal pathways for {arm.Drug.TargetRow} ({selection.Id})",
                reference, ours, table_ ? selection.Input : $"{selection.Input}, reactome_gmt, drug_targets", reason,
                file?.Unavailable ?? (table is not null ? $"the authors' table has no column {arm.Drug.TargetRow}" : null));
        }
    }

    // ---- stage 04: organoid scores and models ---------------------------------------------------------------------
    private static IEnumerable<ParityRow> OrganoidScores(Context x)
    {
        var (nes, file) = x.Read(AuthorsDemoIds.GseapyScores, GseapyScores.Read);
        var nesOurs = x.Run.Stage(4, "organoid_nes.tsv");
        var reference = nes is null ? null : new ReferenceValue(Parity.AuthorsCodeSource, $"{file!.Entry.File} (gene sets)", nes.Pathways.Count.ToString(CultureInfo.InvariantCulture));
        yield return Parity.Compare(new ParityKey(ParityTopic.OrganoidScores), "organoid pathways scored by ssGSEA (authors' GMT handling)", reference,
            nesOurs?.Rows.Count.ToString(CultureInfo.InvariantCulture), string.Join(", ", x.Study.OrganoidCollections.Select(c => c.Expression).Append("reactome_gmt")),
            "gene-set size filter or GMT reading differs", file?.Unavailable);
    }

    private static IEnumerable<ParityRow> Models(Context x, ArmDefinition arm)
    {
        string label = arm.Drug.Label, selection = arm.Main.Selection, main = arm.Main.Model;
        string? substitute = x.Substitute(arm);
        string? Cv(string model, string column) =>
            x.Cv is null ? null : x.Cv.Cell(x.Cv.Where(("selection", selection), ("model", model)).FirstOrDefault(r => Context.IsDrug(x.Cv.Cell(r, "drug")!, arm)), column);
        var training = arm.Training.Count > 0 ? arm.OrganoidCohort(arm.Training[0]) : null;
        if (training is not null && x.Paper.Value(training) is { } organoids)
            yield return Parity.Compare(new ParityKey(ParityTopic.OrganoidModel, arm.Id, main, Measure: "n_organoids"), $"organoids in the {label} training set", organoids,
                Cv(main, "n_organoids"), "stage 04", "training set differs", substitute: substitute);
        if (x.Paper.Value($"features_{arm.Id}") is { } features)
            yield return Parity.Compare(new ParityKey(ParityTopic.OrganoidModel, arm.Id, main, Measure: "n_features"), $"{label} model features ({selection} selection)", features,
                Cv(main, "n_features"), "stage 04", "proximal pathways missing from the organoid scores differ", substitute: substitute);
        foreach (var model in ModelsOf(x, arm))
            if (x.Paper.Value($"{model}_alpha_{arm.Id}") is { } alpha)
                yield return Parity.Compare(new ParityKey(ParityTopic.OrganoidModel, arm.Id, model, Measure: "alpha"), $"{model} alpha, {label} ({selection} selection)", alpha,
                    Cv(model, "alpha"), "stage 04", "CV folds or scoring differ", substitute: substitute);

        foreach (var model in ModelsOf(x, arm))
        {
            string? top = TopPathways(x, arm, model, 1)?.FirstOrDefault();
            yield return Parity.Compare(new ParityKey(ParityTopic.TopBiomarker, arm.Id, model), $"top {label} biomarker ({model})", x.Paper.Value($"top_biomarker_{arm.Id}"),
                top, "stage 04", "the model or its features differ", x.Paper.Note($"top_biomarker_{arm.Id}"), substitute);
        }

        // The authors' own top-k lists (their demo, k = 2..10) against our ranking of the same model.
        if (x.TopK.Value is { } topK)
            foreach (var group in topK.Where(r => Context.IsDrug(r.Drug, arm) && AuthorsDemoOutputs.OurModelName(r.Model) is not null).GroupBy(r => r.Model))
            {
                string model = AuthorsDemoOutputs.OurModelName(group.Key)!;
                var longest = group.MaxBy(r => r.K)!;
                var ours = TopPathways(x, arm, model, longest.K);
                // One row for the longest list when every shorter list is its prefix (as the authors' code builds them); else one row per k.
                var lists = group.All(r => r.Pathways.SequenceEqual(longest.Pathways.Take(r.K))) ? [longest] : group.OrderBy(r => r.K).ToList();
                foreach (var r in lists)
                    yield return Parity.Compare(new ParityKey(ParityTopic.TopKBiomarkers, arm.Id, model, r.K),
                        $"top {r.K} {label} biomarkers ({model}){(lists.Count == 1 && group.Count() > 1 ? $", the authors' lists for k = {group.Min(g => g.K)}..{r.K} are its prefixes" : "")}",
                        new ReferenceValue(Parity.AuthorsCodeSource, $"{x.TopK.File!.Entry.File}:{r.Line}", string.Join(";", r.Pathways)),
                        ours is null ? null : string.Join(";", ours.Take(r.K)), "stage 04", "our ranking by |coefficient| differs from the authors'", substitute: substitute);
            }
    }

    /// <summary>The models stage 04 fitted for the arm's main selection, in organoid_cv.tsv order (the paper's models: not the learner comparison's).</summary>
    private static IReadOnlyList<string> ModelsOf(Context x, ArmDefinition arm) =>
        x.Cv is null ? [arm.Main.Model]
            : x.Cv.Where(("selection", arm.Main.Selection)).Where(r => Context.IsDrug(x.Cv.Cell(r, "drug")!, arm)).Select(r => x.Cv.Cell(r, "model")!)
                .Where(m => !OrganoidBiomarkers.Models.Learners.IsComparisonOnly(m)).Distinct().ToList();

    /// <summary>Our top-k pathways of a model (model_coefficients.tsv, ranked by |coefficient|), or null.</summary>
    private static IReadOnlyList<string>? TopPathways(Context x, ArmDefinition arm, string model, int k)
    {
        if (x.Coefficients is null) return null;
        var rows = x.Coefficients.Where(("selection", arm.Main.Selection), ("model", model)).Where(r => Context.IsDrug(x.Coefficients.Cell(r, "drug")!, arm))
            .Select(r => (Rank: int.Parse(x.Coefficients.Cell(r, "rank")!, CultureInfo.InvariantCulture), Pathway: x.Coefficients.Cell(r, "pathway")!))
            .Where(r => r.Rank <= k).OrderBy(r => r.Rank).Select(r => r.Pathway).ToList();
        return rows.Count == 0 ? null : rows;
    }

    // ---- stage 05: patient splits --------------------------------------------------------------------------------
    /// <summary>The validation.tsv columns compared, with the words the parity table uses.</summary>
    public static readonly IReadOnlyList<(string Column, string Words)> SplitMeasures =
    [
        ("n_responders", "predicted responders"), ("n_nonresponders", "predicted non-responders"), ("events", "events"),
        ("logrank_p", "log-rank p"), ("surv5_responders", "5-year survival, responders"), ("surv5_nonresponders", "5-year survival, non-responders"),
    ];

    private static string NoPatientReference(Context x)
    {
        var fromTable = x.Study.Arms.Where(a => x.TopK.Value?.Any(r => Context.IsDrug(r.Drug, a)
            && x.Study.Cohort(a.Main.Cohort)!.Projects.Contains(r.CancerType.ToUpperInvariant(), StringComparer.Ordinal)) == true).Select(a => a.Main.Cohort);
        var covered = (x.K1.Value?.Select(v => v.Cohort) ?? []).Concat(fromTable).Distinct(StringComparer.Ordinal).ToList();
        string demo = x.K1.File is { IsAvailable: false } f ? $"the authors' demo outputs are not here ({f.Unavailable})"
            : covered.Count == 0 ? "no authors' output covers it" : $"the authors' demo outputs cover only {string.Join(", ", covered)}";
        return $"the paper's Kaplan-Meier numbers are not available to this project and {demo}";
    }

    private static IEnumerable<ParityRow> Patients(Context x, ArmDefinition arm)
    {
        string reason = x.PatientReason(arm);
        string? substitute = x.Substitute(arm);
        var figures = x.K1.Value?.Where(v => v.Cohort == arm.Main.Cohort && AuthorsDemoOutputs.OurModelName(v.Model) is not null).ToList() ?? [];
        var topK = x.TopK.Value?.Where(r => Context.IsDrug(r.Drug, arm) && AuthorsDemoOutputs.OurModelName(r.Model) is not null
            && x.Study.Cohort(arm.Main.Cohort)!.Projects.Contains(r.CancerType.ToUpperInvariant(), StringComparer.Ordinal)).ToList() ?? [];

        // The pre-specified main split (k = main k, main model) first: the paper's numbers where transcribed, else the authors' figure.
        var settings = new List<(string Model, int K)> { (arm.Main.Model, arm.Main.K) };
        settings.AddRange(figures.Select(f => (AuthorsDemoOutputs.OurModelName(f.Model)!, 1)).Where(s => s != (arm.Main.Model, arm.Main.K)));
        settings.AddRange(topK.OrderBy(r => ModelOrder(x, arm, r.Model)).ThenBy(r => r.K).Select(r => (AuthorsDemoOutputs.OurModelName(r.Model)!, r.K)));
        foreach (var (model, k) in settings.Distinct())
        {
            var row = x.ValidationRow(arm, model, k);
            string inputs = row is null ? "stage 05"
                : $"{arm.Main.Cohort}, expression {x.Validation!.Cell(row, "expression_source")}, survival {arm.Main.Survival}, {model}, k = {k}";
            bool isMain = (model, k) == (arm.Main.Model, arm.Main.K);
            var figure = k == 1 ? figures.FirstOrDefault(f => AuthorsDemoOutputs.OurModelName(f.Model) == model) : null;
            var table = k > 1 ? topK.FirstOrDefault(r => AuthorsDemoOutputs.OurModelName(r.Model) == model && r.K == k) : null;
            foreach (var (column, words) in SplitMeasures)
            {
                string key = $"{arm.Main.Cohort}_{column}";
                ReferenceValue? reference = isMain ? x.Paper.Value(key) : null;
                reference ??= figure is null ? null : FigureValue(x, figure, column);
                reference ??= table is null ? null : TableValue(x, table, column);
                if (!isMain && reference is null) continue;   // other settings appear only where the authors give a number
                string quantity = isMain ? $"{arm.Main.Cohort}: {words}" : $"{arm.Main.Cohort}: {words} ({model}, k = {k})";
                yield return Parity.Compare(new ParityKey(ParityTopic.PatientSplit, arm.Id, model, k, column), quantity, reference,
                    row is null ? null : x.Validation!.Cell(row, column), inputs, reason, NoPatientReference(x), substitute);
            }
        }
    }

    private static int ModelOrder(Context x, ArmDefinition arm, string authorsModel) =>
        ModelsOf(x, arm).ToList().IndexOf(AuthorsDemoOutputs.OurModelName(authorsModel)!) is var i and >= 0 ? i : int.MaxValue;

    private static ReferenceValue? FigureValue(Context x, AuthorsKaplanMeierValues f, string column)
    {
        string file = $"{x.K1.File!.Entry.File}:{f.Line}";
        StatedNumber? n = column switch
        {
            "n_responders" => f.NResponders,
            "n_nonresponders" => f.NNonResponders,
            "logrank_p" => f.LogRankP,
            "surv5_responders" => f.Surv5Responders,
            "surv5_nonresponders" => f.Surv5NonResponders,
            "events" => new StatedNumber((f.EventsResponders.Value + f.EventsNonResponders.Value).ToString(CultureInfo.InvariantCulture),
                f.EventsResponders.Value + f.EventsNonResponders.Value),
            _ => null,
        };
        return n is null ? null : new ReferenceValue(Parity.AuthorsCodeSource, column == "events" ? $"{file} (events_responders + events_nonresponders)" : file, n.Text, n);
    }

    private static ReferenceValue? TableValue(Context x, AuthorsTopKRow r, string column)
    {
        double? v = column switch
        {
            "logrank_p" => r.LogRankP,
            "surv5_responders" => r.Surv5Responders,
            "surv5_nonresponders" => r.Surv5NonResponders,
            _ => null,   // their table gives no group sizes or events
        };
        return v is double d ? new ReferenceValue(Parity.AuthorsCodeSource, $"{x.TopK.File!.Entry.File}:{r.Line}", TsvTable.Cell(d)) : null;
    }
}
