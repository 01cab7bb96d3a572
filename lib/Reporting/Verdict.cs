using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Reporting;

/// <summary>Whether a claim of the paper holds in this run (the verdict's three answers).</summary>
public enum VerdictStatus
{
    /// <summary>Our value agrees with the reference (for a negative control: the untreated patients do not separate).</summary>
    Match,
    /// <summary>Our value does not agree with the reference (for a negative control: the untreated patients separate).</summary>
    Differs,
    /// <summary>The stage did not run, its inputs are missing, or there is nothing to compare with.</summary>
    NotComputableHere,
}

/// <summary>
/// One claim of the paper as the verdict shows it: the group it belongs to (in the paper's order), the arm, what is
/// counted, the paper's value, the authors' code value, ours, the status, a one-line reason and how robust ours is.
/// </summary>
/// <param name="Group">The claim group: one of <see cref="Verdict.OrganoidsAndCohorts"/>, <see cref="Verdict.ProximalPathways"/>,
/// <see cref="Verdict.TopBiomarker"/>, <see cref="Verdict.PatientSplit"/>, <see cref="Verdict.NegativeControl"/>.</param>
/// <param name="Arm">The arm's drug label.</param>
/// <param name="What">What is counted or compared, in words.</param>
/// <param name="Paper">The paper's value; empty when the paper states none.</param>
/// <param name="Authors">The authors' code's value; empty when there is none.</param>
/// <param name="Ours">Our value; empty when not computable here.</param>
/// <param name="Status">Whether the claim holds here.</param>
/// <param name="Reason">One line on why, or on what ours rests on.</param>
/// <param name="Robustness">How robust ours is (permutation p, bootstrap interval, share of k with p &lt; 0.05); empty when not assessed.</param>
public sealed record VerdictRow(string Group, string Arm, string What, string Paper, string Authors, string Ours, VerdictStatus Status, string Reason, string Robustness)
{
    /// <summary>The status as the verdict table shows it: "match", "differs" or "not computable here".</summary>
    /// <param name="s">The status.</param>
    public static string StatusText(VerdictStatus s) => s switch
    {
        VerdictStatus.Match => "match",
        VerdictStatus.Differs => "differs",
        _ => "not computable here",
    };
}

/// <summary>The numbers printed beside a Kaplan-Meier figure: one line for the authors' figure, one for ours.</summary>
/// <param name="Who">Whose numbers: the authors' figure (with its model) or ours (with the expression source).</param>
/// <param name="Patients">Responders / non-responders.</param>
/// <param name="Deaths">Deaths per group (authors), or in both groups together (ours).</param>
/// <param name="LogRankP">The log-rank p as text (ours with two significant digits, "&lt;0.001" below 0.001).</param>
/// <param name="FiveYear">5-year survival, responders / non-responders.</param>
/// <param name="HazardRatio">The hazard ratio with its 95% interval (ours), or "not shown" (the authors' figures give none).</param>
public sealed record KaplanMeierNumbers(string Who, string Patients, string Deaths, string LogRankP, string FiveYear, string HazardRatio);

/// <summary>An arm's main Kaplan-Meier figure (stage 05's PNG) with the authors' k = 1 numbers beside ours.</summary>
/// <param name="Title">Drug, cohort, model and k of the card.</param>
/// <param name="FigureName">The figure's file name without .png (<see cref="Verdict.KaplanMeierFigureName"/>).</param>
/// <param name="Png">The figure, or null when stage 05 did not write it.</param>
/// <param name="Numbers">The authors' line (only for k = 1 with an output of their code), then ours (when stage 05 ran).</param>
/// <param name="Note">A remark shown under the numbers, e.g. that no output of the authors' code exists; empty otherwise.</param>
public sealed record KaplanMeierCard(string Title, string FigureName, byte[]? Png, IReadOnlyList<KaplanMeierNumbers> Numbers, string Note);

/// <summary>The verdict: the claims table and one Kaplan-Meier card per arm.</summary>
/// <param name="Lead">The opening sentence: how many claims were checked, how many match, differ or are not computable here.</param>
/// <param name="Rows">The claims, in the paper's order.</param>
/// <param name="Cards">One card per arm, in study order.</param>
public sealed record VerdictSection(string Lead, IReadOnlyList<VerdictRow> Rows, IReadOnlyList<KaplanMeierCard> Cards);

/// <summary>
/// Builds the verdict from the parity rows (each number is compared once, there), the study definition (arms, labels,
/// main settings), robustness.tsv, baselines.tsv, response_measure.tsv and the authors' k = 1 figure values. Claims come
/// in the paper's order: organoids and cohorts, proximal pathways, top biomarker, the patient split of each arm, the
/// negative control.
/// </summary>
public static class Verdict
{
    /// <summary>Claim group: organoids with a response and treated patients (with deaths) per arm.</summary>
    public const string OrganoidsAndCohorts = "Organoids and cohorts";

    /// <summary>Claim group: proximal pathways of each arm's drug.</summary>
    public const string ProximalPathways = "Proximal pathways";

    /// <summary>Claim group: the top biomarker of each arm's organoid model.</summary>
    public const string TopBiomarker = "Top biomarker";

    /// <summary>Claim group: the main patient split of each arm (log-rank p, 5-year survival, hazard ratio).</summary>
    public const string PatientSplit = "Patient split";

    /// <summary>Claim group: the same split on untreated patients, which should not separate.</summary>
    public const string NegativeControl = "Negative control";

    /// <summary>Significance level the verdict uses to call a split separating (the paper's 5%).</summary>
    public const double Alpha = 0.05;

    /// <summary>
    /// The verdict of <paramref name="run"/>: its claims in the paper's order, each status taken from the parity row that
    /// compared the number, and one Kaplan-Meier card per arm. An arm's patient split or negative control is "not
    /// computable here" when stage 05 did not run.
    /// </summary>
    /// <param name="run">The run's outputs and data config.</param>
    /// <param name="parity">The run's parity rows (<see cref="ParityTable.Rows"/>).</param>
    /// <exception cref="InputException">A file it reads is missing or malformed (the study definition, the manifest,
    /// data/paper_values.tsv), or a reference file's sha256 differs from the manifest's.</exception>
    public static VerdictSection Build(RunOutputs run, IReadOnlyList<ParityRow> parity)
    {
        var study = run.Study();
        var paper = PaperReferences.Read(run.PaperValuesPath);
        var robustness = run.Result("robustness.tsv");
        var baselines = run.Result("baselines.tsv");
        var response = run.Result("response_measure.tsv");
        var validation = run.Result("validation.tsv");
        var k1 = KaplanMeierValues(run);
        ParityRow? Find(ParityTopic topic, string arm, string variant = "", int k = 0, string measure = "") =>
            parity.FirstOrDefault(r => r.Key.Topic == topic && r.Key.Arm == arm && r.Key.Variant == variant && r.Key.K == k && r.Key.Measure == measure);

        var rows = new List<VerdictRow>();
        foreach (var arm in study.Arms)
        {
            string label = arm.Drug.Label;
            var cohort = study.Cohort(arm.Main.Cohort)!;
            if (arm.Training.Count > 0 && Find(ParityTopic.TrainingOrganoids, arm.Id) is { } organoids)
            {
                var collection = study.OrganoidCollection(arm.Training[0].Organoids);
                bool own = run.Manifest().Where(e => e.Id == collection.Expression || e.Id == collection.Screen).All(e => !run.IsStandIn(e));
                string reason = arm.Training[0].Substitute is { } s ? s
                    : organoids.Status == ParityStatus.Match ? (own ? "the paper's own organoid files" : "the same count") : organoids.Reason;
                rows.Add(FromParity(OrganoidsAndCohorts, label, $"{collection.Id.ToUpperInvariant()} organoids", organoids, reason, ""));
            }
            if (Find(ParityTopic.TreatedPatients, arm.Id) is { } patients)
            {
                string deaths = Find(ParityTopic.CohortDeaths, arm.Id) is { Ours.Length: > 0 } d ? $" ({d.Ours} deaths)" : "";
                string reason = patients.Status == ParityStatus.Match ? "same drug-name rule and joins"
                    : cohort.ExpressionFiles is null ? $"no {string.Join("+", cohort.Projects)} expression-file list to filter by" : patients.Reason;
                rows.Add(FromParity(OrganoidsAndCohorts, label, $"TCGA {string.Join("+", cohort.Projects)}, treated", patients, reason, "") with { Ours = patients.Ours + deaths });
            }
        }
        foreach (var arm in study.Arms)
        {
            if (Find(ParityTopic.ProximalPathways, arm.Id, arm.Main.Selection) is not { } proximal) continue;
            var otherSelections = study.Selections.Where(s => s.Id != arm.Main.Selection).ToList();
            var others = otherSelections
                .Select(s => Find(ParityTopic.ProximalPathways, arm.Id, s.Id) is { Ours.Length: > 0 } o ? $"{o.Ours} ({s.Id})" : null).OfType<string>().ToList();
            string reason = (proximal.Status == ParityStatus.Match ? "the authors' z table, re-read" : proximal.Reason) + $" (z ≤ {Network.Proximity.ProximalZ.ToString(CultureInfo.InvariantCulture)})";
            // "stand-ins" only while every other network is one (a connected run adds STRING v10.5, the paper's network).
            bool allStandIns = otherSelections.All(s => run.Manifest().FirstOrDefault(e => e.Id == s.Input) is not { } e || run.IsStandIn(e));
            string robust = others.Count > 0 ? $"{(allStandIns ? "stand-ins" : "recomputed")}: {string.Join(", ", others)}" : "";
            rows.Add(FromParity(ProximalPathways, arm.Drug.Label, $"{arm.Main.Selection} selection", proximal, reason, robust));
        }
        foreach (var arm in study.Arms)
        {
            if (Find(ParityTopic.TopBiomarker, arm.Id, arm.Main.Model) is not { } top) continue;
            var models = parity.Where(r => r.Key.Topic == ParityTopic.TopBiomarker && r.Key.Arm == arm.Id).ToList();
            var lists = parity.Where(r => r.Key.Topic == ParityTopic.TopKBiomarkers && r.Key.Arm == arm.Id).ToList();
            string reason = top.Status == ParityStatus.Match
                ? $"same in {models.Count(m => m.Status == ParityStatus.Match)} of {models.Count} models" +
                  (lists.Count > 0 ? $"; authors' top-{lists.Max(l => l.Key.K)} lists: {lists.Count(l => l.Status == ParityStatus.Match)} of {lists.Count} match" : "")
                : Substitute(study, arm, brief: false) ?? top.Reason;
            string robust = "";
            if (response?.Where(("selection", arm.Main.Selection), ("model", arm.Main.Model)).FirstOrDefault(r => IsDrug(response.Cell(r, "drug")!, arm)) is { } auc)
                robust = response.Cell(auc, "same_top_and_sign") == "true" ? "AUC refit: same top and sign" : $"AUC refit: top is {Pathway(response.Cell(auc, "top_auc")!)}";
            rows.Add(FromParity(TopBiomarker, arm.Drug.Label, $"{arm.Main.Model}, rank 1", top, reason, robust) with
            {
                Paper = Pathway(top.Source == Parity.PaperSource ? top.Reference : ""), Authors = Pathway(Parity.IsAuthorsCode(top.Source) ? top.Reference : ""),
                Ours = Pathway(top.Ours),
            });
        }
        foreach (var arm in study.Arms) rows.Add(SplitRow(run, study, arm, paper, parity, validation, robustness));
        foreach (var arm in study.Arms)
            if (ControlRow(study, arm, paper, baselines, validation) is { } control) rows.Add(control);

        var cards = study.Arms.Select(arm => Card(run, study, arm, validation, k1)).ToList();
        int differs = rows.Count(r => r.Status == VerdictStatus.Differs), match = rows.Count(r => r.Status == VerdictStatus.Match);
        string lead = $"{rows.Count} claims of {study.Name} checked on the data available here: {match} match · {differs} differ · {rows.Count - match - differs} not computable here";
        return new VerdictSection(lead, rows, cards);
    }

    private static bool IsDrug(string cell, ArmDefinition arm) => cell == arm.Drug.TargetRow || cell == arm.Drug.DrugBankName;

    private static VerdictStatus StatusOf(ParityStatus s) => s switch
    {
        ParityStatus.Match => VerdictStatus.Match,
        ParityStatus.Differs => VerdictStatus.Differs,
        _ => VerdictStatus.NotComputableHere,
    };

    private static VerdictRow FromParity(string group, string arm, string what, ParityRow row, string reason, string robustness) =>
        new(group, arm, what, row.Source == Parity.PaperSource ? row.Reference : "", Parity.IsAuthorsCode(row.Source) ? row.Reference : "",
            row.Ours, StatusOf(row.Status), reason, robustness);

    /// <summary>A pathway name for a narrow cell: without the REACTOME_ prefix, words separated.</summary>
    public static string Pathway(string name) => name.Length == 0 ? "" : PathwayNames.Short(name, 60);

    /// <summary>"CRC-trained model" (brief) or "trained on CRC organoids: bladder organoid expression not available", or null.</summary>
    private static string? Substitute(StudyDefinition study, ArmDefinition arm, bool brief)
    {
        if (arm.Training.Count == 0 || arm.Training[0].Substitute is not { } s) return null;
        string collection = study.OrganoidCollection(arm.Training[0].Organoids).Id.ToUpperInvariant();
        return brief ? $"{collection}-trained model" : $"trained on {collection} organoids: {s}";
    }

    // ---- the patient split of each arm --------------------------------------------------------------------------
    private static VerdictRow SplitRow(RunOutputs run, StudyDefinition study, ArmDefinition arm, PaperReferences paper, IReadOnlyList<ParityRow> parity,
        TsvTable? validation, TsvTable? robustness)
    {
        var measures = parity.Where(r => r.Key.Topic == ParityTopic.PatientSplit && r.Key.Arm == arm.Id && r.Key.Variant == arm.Main.Model && r.Key.K == arm.Main.K)
            .ToDictionary(r => r.Key.Measure, StringComparer.Ordinal);
        var main = validation?.Where(("main", "true"), ("cohort", arm.Main.Cohort)).FirstOrDefault(r => IsDrug(validation.Cell(r, "drug")!, arm));
        string what = $"{arm.Main.Cohort}, {arm.Main.Model}, k = {arm.Main.K}";
        if (main is null)
            return new VerdictRow(PatientSplit, arm.Drug.Label, what, paper.Text("claim_patient_split") ?? "", "", "", VerdictStatus.NotComputableHere, "stage 05 did not run", "");
        string V(string c) => validation!.Cell(main, c) ?? "";
        string ours = $"p {P(V("logrank_p"))} · 5-y {S(V("surv5_responders"))}/{S(V("surv5_nonresponders"))} · HR {G2(V("hr"))}";
        string Ref(string m) => measures.TryGetValue(m, out var r) && Parity.IsAuthorsCode(r.Source) ? r.Reference : "";
        string authors = Ref("logrank_p").Length == 0 ? "" : $"p {Ref("logrank_p")} · 5-y {Ref("surv5_responders")}/{Ref("surv5_nonresponders")}";

        var compared = measures.Values.Where(r => r.Status is ParityStatus.Match or ParityStatus.Differs).ToList();
        VerdictStatus status = compared.Count == 0 ? VerdictStatus.NotComputableHere
            : compared.All(r => r.Status == ParityStatus.Match) ? VerdictStatus.Match : VerdictStatus.Differs;

        var reasons = new List<string>();
        if (Substitute(study, arm, brief: true) is { } sub) reasons.Add(sub);
        string expression = V("expression_source");
        var source = study.ExpressionSources.FirstOrDefault(s => s.Id == expression);
        bool standIn = source is not null && run.Manifest().FirstOrDefault(e => e.Id == source.Input) is { } input && run.IsStandIn(input);
        var cohorts = run.Result("cohorts.tsv");
        string n = cohorts is null ? "?" : cohorts.Cell(cohorts.Where(("cohort", arm.Main.Cohort)).FirstOrDefault(), "n") ?? "?";
        reasons.Add($"{V("n_treated")} of {n} scored ({expression}{(standIn ? " stand-in" : "")})");
        if (int.TryParse(V("unscored_skipped"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int skipped) && skipped > 0)
        {
            var used = V("biomarkers").Split(';').Select(b => int.Parse(b.Split(':')[0], CultureInfo.InvariantCulture)).ToList();
            var unscored = Enumerable.Range(1, used.Max()).Except(used).ToList();
            reasons.Add($"rank {string.Join(", ", unscored)} unscored, rank {string.Join(", ", used)} used");
        }

        string robust = "";
        if (robustness is not null)
        {
            var rows = robustness.Rows.Where(r => IsDrug(robustness.Cell(r, "arm")!, arm) || robustness.Cell(r, "arm") == arm.Id).ToList();
            IReadOnlyList<string>? R(string analysis, string statistic) =>
                rows.FirstOrDefault(r => robustness.Cell(r, "analysis") == analysis && robustness.Cell(r, "statistic") == statistic);
            var parts = new List<string>();
            if (R("permutation", "logrank_chisq") is { } perm) parts.Add($"permutation p {P(robustness.Cell(perm, "p")!)}");
            if (R("bootstrap_resplit", "hazard_ratio") is { } boot) parts.Add($"bootstrap HR {G2(robustness.Cell(boot, "ci_low")!)}–{G2(robustness.Cell(boot, "ci_high")!)}");
            if (R("sensitivity_range", "hazard_ratio") is { } range && robustness.Cell(range, "setting") is { } setting
                && System.Text.RegularExpressions.Regex.Match(setting, @"^k = (\S+) .*p < 0\.05 in (\d+) of (\d+)") is { Success: true } m)
                parts.Add($"p < 0.05 for {m.Groups[2].Value} of k = {m.Groups[1].Value}");
            robust = string.Join(" · ", parts);
        }
        return new VerdictRow(PatientSplit, arm.Drug.Label, what, paper.Text("claim_patient_split") ?? "", authors, ours, status, string.Join("; ", reasons), robust);
    }

    // ---- the negative control -----------------------------------------------------------------------------------
    private static VerdictRow? ControlRow(StudyDefinition study, ArmDefinition arm, PaperReferences paper, TsvTable? baselines, TsvTable? validation)
    {
        var analysis = arm.Analyses.FirstOrDefault(a => a.Cohort == arm.Main.Cohort && a.Survival == arm.Main.Survival);
        if (analysis?.Control is not { } control) return null;
        string claim = paper.Text("claim_negative_control") ?? "";
        var main = validation?.Where(("main", "true"), ("cohort", arm.Main.Cohort)).FirstOrDefault(r => IsDrug(validation.Cell(r, "drug")!, arm));
        string expression = main is null ? arm.Main.Expression[0] : validation!.Cell(main, "expression_source")!;
        var row = baselines?.Where(("baseline", "negative_control"), ("cohort", control), ("expression_source", expression), ("survival_source", arm.Main.Survival),
            ("model", arm.Main.Model), ("k", arm.Main.K.ToString(CultureInfo.InvariantCulture))).FirstOrDefault(r => IsDrug(baselines.Cell(r, "drug")!, arm));
        string what = control;
        if (row is null) return new VerdictRow(NegativeControl, arm.Drug.Label, what, claim, "", "", VerdictStatus.NotComputableHere, "stage 05 did not run", "");
        string B(string c) => baselines!.Cell(row, c) ?? "";
        double p = double.Parse(B("logrank_p"), CultureInfo.InvariantCulture), hr = double.Parse(B("hr"), CultureInfo.InvariantCulture);
        string ours = $"p {P(B("logrank_p"))} · HR {G2(B("hr"))}";
        string interval = $"HR CI {G2(B("hr_low"))}–{G2(B("hr_high"))} (Wald) · n {B("n_patients")}";
        bool separates = p < Alpha;
        string reason = separates
            ? $"separates the untreated: predicted responders die {(hr < 1 ? "sooner" : "later")}"
            : "no separation among the untreated";
        if (Substitute(study, arm, brief: true) is { } sub) reason = $"{reason}; {sub}";
        var status = claim.Length == 0 ? VerdictStatus.NotComputableHere : separates ? VerdictStatus.Differs : VerdictStatus.Match;
        return new VerdictRow(NegativeControl, arm.Drug.Label, what, claim, "", ours, status, reason, interval);
    }

    // ---- Kaplan-Meier cards ---------------------------------------------------------------------------------------
    private static IReadOnlyList<AuthorsKaplanMeierValues>? KaplanMeierValues(RunOutputs run)
    {
        if (run.Manifest().All(e => e.Id != ParityTable.AuthorsDemoIds.KaplanMeierValues)) return null;
        var file = run.Reference(ParityTable.AuthorsDemoIds.KaplanMeierValues);
        return file.IsAvailable ? AuthorsDemoOutputs.ReadKaplanMeierValues(file.Path!) : null;
    }

    /// <summary>Stage 05's figure of an arm's main split: 05_km_{arm id}_main, else 05_km_{drug file label}_main.</summary>
    public static string KaplanMeierFigureName(RunOutputs run, ArmDefinition arm) =>
        new[] { $"05_km_{arm.Id}_main", $"05_km_{arm.Drug.FileLabel}_main" }.FirstOrDefault(n => run.Figure(n) is not null) ?? $"05_km_{arm.Id}_main";

    private static KaplanMeierCard Card(RunOutputs run, StudyDefinition study, ArmDefinition arm, TsvTable? validation, IReadOnlyList<AuthorsKaplanMeierValues>? k1)
    {
        string name = KaplanMeierFigureName(run, arm);
        var numbers = new List<KaplanMeierNumbers>();
        var fig = k1?.FirstOrDefault(v => v.Cohort == arm.Main.Cohort && AuthorsDemoOutputs.OurModelName(v.Model) == arm.Main.Model);
        if (fig is not null && arm.Main.K == 1)
            numbers.Add(new KaplanMeierNumbers($"authors' figure ({fig.Model})", $"{fig.NResponders} / {fig.NNonResponders}",
                $"{fig.EventsResponders} / {fig.EventsNonResponders}", fig.LogRankP.Text, $"{fig.Surv5Responders} / {fig.Surv5NonResponders}", "not shown"));
        var main = validation?.Where(("main", "true"), ("cohort", arm.Main.Cohort)).FirstOrDefault(r => IsDrug(validation.Cell(r, "drug")!, arm));
        string note;
        if (main is not null)
        {
            string V(string c) => validation!.Cell(main, c) ?? "";
            numbers.Add(new KaplanMeierNumbers($"ours ({V("expression_source")})", $"{V("n_responders")} / {V("n_nonresponders")}", $"{V("events")} (both groups)",
                P(V("logrank_p")), $"{S(V("surv5_responders"))} / {S(V("surv5_nonresponders"))}", $"{G2(V("hr"))} ({G2(V("hr_low"))}–{G2(V("hr_high"))})"));
        }
        note = fig is null ? "no output of the authors' code exists for this arm" : "";
        var cohort = study.Cohort(arm.Main.Cohort)!;
        return new KaplanMeierCard($"{arm.Drug.Label} · TCGA {string.Join("+", cohort.Projects)} patients treated ({arm.Main.Cohort}) · {arm.Main.Model}, k = {arm.Main.K}",
            name, run.Figure(name), numbers, note);
    }

    // ---- number formats for narrow cells (files keep full precision) ---------------------------------------------
    private static bool Num(string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v);

    /// <summary>A p-value with two significant digits, "&lt;0.001" below 0.001.</summary>
    public static string P(string s) => !Num(s, out var v) ? s : v < 0.001 ? "<0.001" : v.ToString(v < 0.01 ? "0.0000" : v < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>A survival probability with two decimals.</summary>
    public static string S(string s) => !Num(s, out var v) ? s : v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Two significant digits; infinity as ∞.</summary>
    public static string G2(string s) => !Num(s, out var v) ? s : double.IsPositiveInfinity(v) ? "∞" : double.IsNaN(v) ? "NA"
        : Math.Abs(v) >= 10 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString(Math.Abs(v) >= 1 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
}
