using System.Globalization;
using System.Text.Json;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Reporting;

/// <summary>The study's report (verdict, one section per stage, parity, provenance) and the parity table it writes.</summary>
/// <param name="Model">The report, ready for <see cref="ReportHtml.Render"/>.</param>
/// <param name="Parity">The parity table (parity.tsv's columns, <see cref="Reporting.Parity.ToTable"/>).</param>
public sealed record StudyReportResult(ReportModel Model, TsvTable Parity);

/// <summary>
/// Builds the report from a run's outputs. It opens on the verdict (the paper's claims with the paper's, the authors'
/// code's and our values, and each arm's main Kaplan-Meier figure beside the authors' numbers); the stage sections follow,
/// each table trimmed to its key columns and rows with the whole table behind a &lt;details&gt; and a link to the TSV.
/// Arms, labels and main settings come from the study definition.
/// </summary>
public static class StudyReport
{
    /// <summary>Robustness figures of notebook 06 (<c>06_robustness_*.png</c>).</summary>
    public const string RobustnessFigurePrefix06 = "06_robustness_";

    /// <summary>Robustness figures of older runs, made at the end of notebook 05 (<c>05_robustness_*.png</c>).</summary>
    public const string RobustnessFigurePrefix05 = "05_robustness_";

    /// <summary>The name this constant had before notebook 06 existed (kept for callers written against it).</summary>
    public const string RobustnessFigurePrefix = RobustnessFigurePrefix05;

    /// <summary>
    /// Builds the report of <paramref name="run"/> and its parity table. The verdict is null when neither validation.tsv
    /// nor cohorts.tsv exists.
    /// </summary>
    /// <param name="run">The run's outputs and data config.</param>
    /// <exception cref="InputException">A file it reads is missing or malformed (the study definition, the manifest,
    /// data/paper_values.tsv), or a reference file's sha256 differs from the manifest's.</exception>
    public static StudyReportResult Build(RunOutputs run)
    {
        var study = run.Study();
        var parityRows = ParityTable.Rows(run);
        var parity = Parity.ToTable(parityRows);
        var verdict = run.HasResult("validation.tsv") || run.HasResult("cohorts.tsv") ? Verdict.Build(run, parityRows) : null;
        var mainSelections = study.Arms.Select(a => a.Main.Selection).ToHashSet(StringComparer.Ordinal);
        bool MainSetting(TsvTable t, IReadOnlyList<string> r) => study.Arms.Any(a =>
            t.Cell(r, "model") == a.Main.Model && t.Cell(r, "k") == a.Main.K.ToString(CultureInfo.InvariantCulture)
            && (t.Cell(r, "selection") is not { } s || s == a.Main.Selection) && IsDrug(t.Cell(r, "drug"), a));
        var kmFigures = study.Arms.Select(a => Verdict.KaplanMeierFigureName(run, a)).ToHashSet(StringComparer.Ordinal);
        var validation = run.Result("validation.tsv");
        // The expression source of an arm's main row (the first of the main setting's list available in this run).
        string? MainExpression(ArmDefinition a) => validation is null ? null
            : validation.Cell(validation.Where(("main", "true"), ("cohort", a.Main.Cohort)).FirstOrDefault(r => IsDrug(validation.Cell(r, "drug"), a)), "expression_source");

        var sections = new List<ReportSection>
        {
            Stage(run, 1, "01 · Data and cohorts",
                "Every input checked by sha256 and parsed; the study's cohorts with their counts and the expression coverage each source gives.", null,
                Key("Cohorts: n, the paper's n, events", "cohorts.tsv", ["cohort", "n", "paper_n", "events", "survival_source", "expr_*"]),
                Key("Inputs that are not the paper's own files (stand-ins, authors' outputs, missing)", "inventory.tsv", ["input", "role", "status", "from", "rows", "unit"],
                    (t, r) => t.Cell(r, "status") != "original")),
            Stage(run, 2, "02 · Organoid quality control",
                "Expression distributions, sample correlations, PCA, replicate agreement of IC50s and tested ranges; a verdict per organoid.", null,
                Key("Organoids flagged, paired or left out of a training set (every organoid in the full table)", "organoid_qc.tsv",
                    ["organoid", "same_patient_as", "median_corr", "outlier", "in_*", "reason"],
                    (t, r) => t.Cell(r, "outlier") == "true" || t.Cell(r, "same_patient_as") is { Length: > 0 }
                              || t.Columns.Where(c => c.StartsWith("in_", StringComparison.Ordinal)).Any(c => t.Cell(r, c) == "false")),
                Key("Replicate agreement and tested range of the study's drugs", "drug_qc.tsv",
                    ["drug", "organoids", "pearson_rep1_rep2", "lin_ccc_rep1_rep2", "max_conc_um", "medians_above_range"],
                    (t, r) => study.Arms.Any(a => t.Cell(r, "drug") == a.Drug.ScreenName))),
            Stage(run, 3, "03 · Network proximity",
                $"Proximity (Guney 2016, closest distance, degree-matched z) of each drug's targets to the 674 Reactome pathways, recomputed on {Interactomes(run, study)} and compared with the authors' table; proximal = z <= {Network.Proximity.ProximalZ.ToString(CultureInfo.InvariantCulture)}.", null,
                Key("Agreement with the authors' z table", "proximity_agreement.tsv", null)),
            Stage(run, 4, "04 · Pathway scores and organoid models",
                "ssGSEA pathway scores of the organoids (authors' gseapy settings), models trained on organoid ln IC50, biomarkers ranked by |coefficient|, and leave-one-organoid-out validation; " +
                "the models retrained on the AUC check whether the biomarkers rest on IC50s extrapolated beyond the tested concentrations.", null,
                Key("Organoid cross-validation (main selection)", "organoid_cv.tsv", ["drug", "selection", "model", "n_organoids", "n_features", "alpha", "loo_spearman", "perm_p"],
                    (t, r) => mainSelections.Contains(t.Cell(r, "selection") ?? "")),
                Key("Models on the AUC instead of the ln IC50 (main selection)", "response_measure.tsv",
                    ["drug", "model", "top_ln_ic50", "top_auc", "same_top_and_sign", "coefficient_spearman", "loo_spearman_auc", "perm_p_auc"]),
                Key("Top 5 biomarkers per model (main selection)", "model_coefficients.tsv", ["drug", "model", "rank", "pathway", "coef"],
                    (t, r) => mainSelections.Contains(t.Cell(r, "selection") ?? "") && int.TryParse(t.Cell(r, "rank"), out var k) && k <= 5)),
            Stage(run, 5, "05 · Patient validation",
                "TCGA patients treated with the drug, split by the organoid biomarker score at the median; Kaplan-Meier, log-rank, 5-year survival and hazard ratio, with a negative control and baselines. " +
                "Each arm's main Kaplan-Meier figure is in the verdict above.", kmFigures,
                Key("Each arm's main model and k on every cohort, expression and survival source", "validation.tsv",
                    ["drug", "cohort", "expression_source", "survival_source", "model", "k", "n_responders", "n_nonresponders", "events", "logrank_p",
                     "surv5_responders", "surv5_nonresponders", "hr", "main"], MainSetting),
                Key("Baselines and the negative control of each arm's main split (same model, k, expression and survival source)", "baselines.tsv",
                    ["baseline", "drug", "cohort", "expression_source", "survival_source", "n_patients", "events", "logrank_p", "hr", "random_empirical_p"],
                    (t, r) => MainSetting(t, r) && study.Arms.Any(a => IsDrug(t.Cell(r, "drug"), a) && t.Cell(r, "survival_source") == a.Main.Survival
                        && t.Cell(r, "expression_source") == MainExpression(a)
                        && (t.Cell(r, "cohort") == a.Main.Cohort || a.Analyses.Any(x => x.Cohort == a.Main.Cohort && x.Control == t.Cell(r, "cohort")))))),
            Robustness(run),
            Stage(run, 7, "07 · Drug atlas",
                "Beyond the paper: every drug screened on the organoids that has DrugBank targets in the proximity inputs and enough treated TCGA patients with survival and " +
                "expression, run through the paper's pipeline with the pre-specified main setting (the study's atlas template: ridgecv, k = 1), with its negative control, " +
                "random-set baseline and permutation test; the log-rank p-values are adjusted across the atlas by Benjamini-Hochberg (bh_q). " +
                "The forest shows each drug x cohort's hazard ratio (filled: beats shuffled organoid labels) above its negative control.", null,
                Key("The atlas: one row per drug x cohort", "drug_atlas.tsv",
                    ["drug", "cancer", "training_organoids", "n_patients", "events", "biomarkers", "hr", "hr_low", "hr_high", "logrank_p", "bh_q", "permutation_p", "random_p",
                     "control_hr", "control_logrank_p", "note"]),
                Key("Screened drugs with a DrugBank target row or treated patients, with their patients per cancer and why those without an arm have none (every screened drug in the full table)",
                    "drug_atlas_eligibility.tsv", null, (t, r) => t.Cell(r, "target_row") is { Length: > 0 } || t.Columns.Any(c => c.EndsWith("_treated", StringComparison.Ordinal)
                        && t.Cell(r, c) is { Length: > 0 } n && n != "0"))),
            ParitySection(run, study, parity, parityRows),
        };
        var model = new ReportModel(
            "Network-based organoid biomarkers (Kong et al. 2020), reproduced",
            study.Citation,
            BuildProvenance(run), sections.Where(s => s.Tables.Count > 0 || s.Figures.Count > 0).ToList(), verdict);
        return new StudyReportResult(model, parity);
    }

    private static bool IsDrug(string? cell, ArmDefinition arm) => cell == arm.Drug.TargetRow || cell == arm.Drug.DrugBankName;

    /// <summary>"two stand-in interactomes", or in a connected run "three interactomes (STRING v10.5, not a stand-in, among them)".</summary>
    private static string Interactomes(RunOutputs run, StudyDefinition study)
    {
        var recomputed = study.Selections.Where(s => s.Kind == SelectionKind.Recomputed).ToList();
        string count = recomputed.Count switch { 1 => "one", 2 => "two", 3 => "three", var n => n.ToString(CultureInfo.InvariantCulture) };
        var own = recomputed.Where(s => run.Manifest().FirstOrDefault(e => e.Id == s.Input) is { } e && !run.IsStandIn(e)).Select(s => s.Label ?? s.Id).ToList();
        return own.Count > 0 ? $"{count} interactomes ({string.Join(", ", own)}: not a stand-in)" : $"{count} stand-in interactome{(recomputed.Count == 1 ? "" : "s")}";
    }

    /// <summary>A result table with its trimmed view: key columns (null: all) and key rows (null: all).</summary>
    private sealed record TableSpec(string Caption, string File, IReadOnlyList<string>? Columns, Func<TsvTable, IReadOnlyList<string>, bool>? Rows);

    private static TableSpec Key(string caption, string file, IReadOnlyList<string>? columns, Func<TsvTable, IReadOnlyList<string>, bool>? rows = null) =>
        new(caption, file, columns, rows);

    private static ReportSection Stage(RunOutputs run, int stage, string title, string summary, IReadOnlySet<string>? shownElsewhere, params TableSpec[] tables)
    {
        var f = run.Figures(stage)
            .Where(x => !x.Name.StartsWith(RobustnessFigurePrefix05, StringComparison.Ordinal) && !x.Name.StartsWith(RobustnessFigurePrefix06, StringComparison.Ordinal)
                        && shownElsewhere?.Contains(x.Name) != true)
            .Select(x => new ReportFigure(x.Name, x.Png)).ToList();
        return new ReportSection($"stage{stage:D2}", title, summary, run.NotebookLink(stage), Tables(run, tables), f, Nav: title.Split(" · ")[0] + " " + NavWords(title),
            Charts: run.InteractiveFigures(stage));
    }

    /// <summary>The first two words after the stage number: "Data and", "Organoid quality" → the nav keeps it short.</summary>
    private static string NavWords(string title) => title.Split(" · ") is [_, var rest] ? rest.Split(' ')[0] : title;

    private static List<ReportTable> Tables(RunOutputs run, params TableSpec[] tables) =>
        tables.Where(x => run.HasResult(x.File)).Select(x =>
        {
            var table = run.Result(x.File)!;
            return new ReportTable(x.Caption, table, 40, x.Columns ?? (x.Rows is null ? null : table.Columns), x.Rows is null ? null : r => x.Rows(table, r), $"results/{x.File}");
        }).ToList();

    /// <summary>The robustness analysis of the main results: robustness.tsv and its figures (notebook 06's, or notebook 05's in older runs).</summary>
    private static ReportSection Robustness(RunOutputs run)
    {
        var t = Tables(run, Key("Permutation test and patient bootstrap of each arm's main result (the forest plots show the one-choice-at-a-time sensitivity)",
            "robustness.tsv", ["arm", "analysis", "setting", "statistic", "observed", "ci_low", "ci_high", "interval", "p", "p_kind"],
            (tb, r) => tb.Cell(r, "analysis") != "sensitivity"));
        string prefix = run.RobustnessFigurePrefix;
        int stage = prefix == RobustnessFigurePrefix06 ? 6 : 5;
        var f = run.Figures(stage).Where(x => x.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(x => new ReportFigure(x.Name, x.Png)).ToList();
        return new ReportSection("robustness", "Robustness",
            "How each arm's main result survives what the paper did not test: shuffling the organoid ln IC50 and retraining (whole-pipeline permutation test, " +
            "empirical p), resampling the patients (bootstrap percentile intervals of the 5-year survival difference and the hazard ratio, with resamples of " +
            "infinite or undefined HR counted), and changing one analysis choice at a time (network selection, model, survival source, expression source, k: forest plots).",
            run.NotebookLink(stage) ?? run.NotebookLink(5), t, f, "Robustness", run.InteractiveFigures(stage));
    }

    private static ReportSection ParitySection(RunOutputs run, StudyDefinition study, TsvTable parity, IReadOnlyList<ParityRow> rows)
    {
        bool Main(ParityRow r) => r.Key.Topic != ParityTopic.PatientSplit
            || study.Arms.Any(a => a.Id == r.Key.Arm && a.Main.Model == r.Key.Variant && a.Main.K == r.Key.K);
        // Pathway lists are shown with readable names so the cells wrap; the TSV keeps them as written.
        string Shown(ParityRow r, string cell) => r.Key.Topic is ParityTopic.TopKBiomarkers or ParityTopic.TopBiomarker && cell.Length > 0
            ? string.Join("; ", cell.Split(';').Select(Verdict.Pathway)) : cell;
        var keyView = TsvTable.From(rows.Where(Main), ("quantity", r => r.Quantity), ("source", r => r.Source), ("reference", r => Shown(r, r.Reference)),
            ("ours", r => Shown(r, r.Ours)), ("status", r => ParityRow.StatusText(r.Status)), ("reason", r => r.Reason), ("source_file", r => r.SourceFile));
        var tables = new List<ReportTable>
        {
            new("Parity table: every compared number except the authors' other splits (next table); all rows under \"Full table\"", parity, 200,
                Link: "results/parity.tsv", KeyTable: keyView, Widths: [18, 7, 15, 15, 8, 19, 18]),
        };
        var splits = OtherSplits(study, rows);
        if (splits.Rows.Count > 0)
            tables.Add(new ReportTable("The authors' own top-k splits (their demo, full transcriptome, 114 patients) beside ours on the same model and k", splits, 60));
        return new ReportSection("parity", "Parity with the paper and the authors' code",
            "Each published or authors'-code number beside ours; where they differ, the reason. Reference values come from data/paper_values.tsv or from the authors' output files " +
            "in the data mirror (read through data/manifest.tsv, sha256 checked); source_file names the file and line. Numbers read from a figure compare at their stated precision.",
            null, tables, [], "Parity");
    }

    /// <summary>The patient-split parity rows other than each arm's main setting, one line per (arm, model, k): p and 5-year survivals, authors' beside ours.</summary>
    public static TsvTable OtherSplits(StudyDefinition study, IReadOnlyList<ParityRow> rows)
    {
        var groups = rows.Where(r => r.Key.Topic == ParityTopic.PatientSplit && !study.Arms.Any(a => a.Id == r.Key.Arm && a.Main.Model == r.Key.Variant && a.Main.K == r.Key.K))
            .GroupBy(r => (r.Key.Arm, r.Key.Variant, r.Key.K)).ToList();
        // Ours with two significant digits; the authors' as stated when read from a figure (short), else likewise rounded.
        string Get(IEnumerable<ParityRow> g, string measure, bool ours) =>
            g.FirstOrDefault(r => r.Key.Measure == measure) is { } r ? (ours ? Verdict.P(r.Ours) : r.Reference.Length <= 6 ? r.Reference : Verdict.P(r.Reference)) : "";
        string GetS(IEnumerable<ParityRow> g, string measure, bool ours) =>
            g.FirstOrDefault(r => r.Key.Measure == measure) is { } r ? (ours ? Verdict.S(r.Ours) : r.Reference.Length <= 6 ? r.Reference : Verdict.S(r.Reference)) : "";
        return TsvTable.From(groups,
            ("arm", g => g.Key.Arm), ("model", g => g.Key.Variant), ("k", g => g.Key.K),
            ("log-rank p, authors", g => Get(g, "logrank_p", false)), ("log-rank p, ours", g => Get(g, "logrank_p", true)),
            ("5-y responders, authors", g => GetS(g, "surv5_responders", false)), ("5-y responders, ours", g => GetS(g, "surv5_responders", true)),
            ("5-y non-responders, authors", g => GetS(g, "surv5_nonresponders", false)), ("5-y non-responders, ours", g => GetS(g, "surv5_nonresponders", true)),
            ("status", g => g.All(r => r.Status == ParityStatus.Match) ? "match" : g.Any(r => r.Status == ParityStatus.Differs) ? "differs" : "not computable here"));
    }

    private static Provenance BuildProvenance(RunOutputs run)
    {
        using var record = run.RunRecord();
        var root = record?.RootElement;
        string Get(string name) => root is { } r && r.TryGetProperty(name, out var v) ? v.ToString() : "unknown";
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (root is { } r2 && r2.TryGetProperty("parameters", out var ps))
            foreach (var p in ps.EnumerateObject()) parameters[p.Name] = p.Value.ToString();
        var notebooks = new List<(string, string, string)>();
        if (root is { } r3 && r3.TryGetProperty("notebooks", out var nbs))
            foreach (var nb in nbs.EnumerateArray()) notebooks.Add((nb.GetProperty("notebook").GetString()!, nb.GetProperty("status").GetString()!, nb.GetProperty("seconds").ToString()));
        ulong seed = parameters.TryGetValue("seed", out var s) ? ulong.Parse(s, CultureInfo.InvariantCulture) : Rng.DefaultSeed;
        var inventory = run.Result("inventory.tsv");
        var from = inventory is null ? new Dictionary<string, string>() :
            inventory.Rows.ToDictionary(r => r[inventory.ColumnIndex("input")], r => r[inventory.ColumnIndex("from")]);
        var inputs = TsvTable.From(run.Manifest(), ("input", e => e.Id), ("file", e => e.File), ("status", e => e.Status),
            ("sha256", e => e.Sha256 ?? "(not available)"), ("read from", e => from.TryGetValue(e.Id, out var f) ? f : ""));
        return new Provenance(Get("git_commit"), Get("started_utc"), double.TryParse(Get("total_seconds"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : double.NaN,
            root is { } r4 && r4.TryGetProperty("data_mirror", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null,
            parameters, seed, TsvTable.From(notebooks, ("notebook", n => n.Item1), ("status", n => n.Item2), ("seconds", n => n.Item3)), inputs, InputSet.Of(run));
    }
}
