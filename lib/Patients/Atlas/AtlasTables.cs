using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients.Atlas;

/// <summary>One arm's result with its Benjamini-Hochberg q over the atlas (a row of drug_atlas.tsv).</summary>
/// <param name="Result">The arm's result.</param>
/// <param name="Q">BH-adjusted log-rank p over the atlas' tested arms (NaN when the arm has no defined test).</param>
/// <param name="Family">How many arms' p-values the adjustment ran over (the tested arms of this run).</param>
public sealed record AtlasRow(AtlasArmResult Result, double Q, int Family)
{
    /// <summary>The main split's summary, or null when the arm could not be split.</summary>
    public SplitSummary? Split => Result.Main?.Row.Split;

    /// <summary>The negative control's summary, or null.</summary>
    public SplitSummary? Control => Result.Control?.Row.Split;
}

/// <summary>
/// The atlas' tables: drug_atlas.tsv (one row per arm, i.e. drug x cohort, with the Benjamini-Hochberg q over the atlas'
/// main log-rank p-values), drug_atlas_eligibility.tsv (every screened drug with its names, patient counts and the reason
/// it has no arm), and the notebook's display tables.
/// </summary>
public static class AtlasTables
{
    /// <summary>The level at which the atlas reads a q-value or an empirical p as evidence (5%, pre-specified).</summary>
    public const double Level = 0.05;

    /// <summary>
    /// Each arm's row with its Benjamini-Hochberg q (<see cref="MultipleTesting.BenjaminiHochberg"/>) over the main
    /// log-rank p of every arm with a defined test in <paramref name="results"/> (the family: one p per drug x cohort).
    /// </summary>
    /// <param name="results">The arms' results, in table order.</param>
    public static IReadOnlyList<AtlasRow> Rows(IReadOnlyList<AtlasArmResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var p = results.Select(r => r.Tested ? r.Main!.Row.Split.LogRankP : double.NaN).ToArray();
        var q = MultipleTesting.BenjaminiHochberg(p);
        int family = p.Count(x => !double.IsNaN(x));
        return results.Select((r, i) => new AtlasRow(r, q[i], family)).ToList();
    }

    /// <summary>drug_atlas.tsv's columns, in file order.</summary>
    public static IReadOnlyList<string> Columns => File([], 0).Columns;

    /// <summary>
    /// The schema of drug_atlas.tsv: the arm and its drug's names, the cancer and cohort, the training set (naming a
    /// substitute), selection, proximal pathways and features, model, k, expression source (with its rank in the cancer's
    /// preference list and its content, e.g. "Xena Toil log2 TPM, 1,577 genes") and survival source, status and note; the main split as validation.tsv has it (n, groups, deaths,
    /// biomarkers, log-rank p, BH q and the family size, HR with Wald 95% CI, 5-year survival, signed root); the negative
    /// control's split; the random-set baseline's empirical p; the permutation test's empirical p; the run seed (on rows
    /// with random analyses).
    /// </summary>
    /// <param name="rows">The rows (<see cref="Rows"/>), in table order.</param>
    /// <param name="seed">The run seed.</param>
    public static TsvTable File(IReadOnlyList<AtlasRow> rows, ulong seed) => TsvTable.From(rows,
        ("arm", r => r.Result.Arm.Id), ("drug", r => r.Result.Arm.Arm.Drug.Label), ("screen_name", r => r.Result.Arm.Candidate.ScreenName),
        ("drugbank_name", r => r.Result.Arm.Candidate.DrugBankName), ("name_source", r => r.Result.Arm.Candidate.NameSource),
        ("target_row", r => r.Result.Arm.Arm.Drug.TargetRow), ("cancer", r => r.Result.Arm.Cancer.Id), ("cohort", r => r.Result.Arm.Treated.Id),
        ("training_organoids", r => ArmInputs.TrainingLabelOf(r.Result.Arm.Arm, r.Result.Arm.Arm.Training[0])),
        ("selection", r => r.Result.Arm.Arm.Main.Selection), ("n_proximal", r => r.Result.Proximal.Count), ("n_features", r => r.Result.Model?.Biomarkers.Count),
        ("model", r => r.Result.Arm.Arm.Main.Model), ("k", r => r.Result.Arm.Arm.Main.K),
        ("expression_source", r => r.Result.Arm.Arm.Main.Expression[0]),
        ("expression_choice", r => $"{r.Result.Arm.ExpressionChoice} of {r.Result.Arm.Cancer.Expression.Count}"),
        ("expression_content", r => r.Result.Arm.Expression.Content),
        ("survival_source", r => r.Result.Arm.Arm.Main.Survival), ("status", r => r.Result.Tested ? "tested" : "not tested"), ("note", r => r.Result.Note),
        ("n_patients", r => r.Split?.Patients), ("n_responders", r => r.Split?.Responders), ("n_nonresponders", r => r.Split?.NonResponders),
        ("events", r => r.Split?.Events), ("biomarkers", r => r.Split?.Biomarkers), ("unscored_skipped", r => r.Split?.UnscoredSkipped),
        ("logrank_p", r => r.Split?.LogRankP), ("bh_q", r => r.Q), ("bh_family", r => r.Family),
        ("hr", r => r.Split?.HazardRatio), ("hr_low", r => r.Split?.HazardRatioLower), ("hr_high", r => r.Split?.HazardRatioUpper),
        ("surv5_responders", r => r.Split?.Surv5Responders), ("surv5_nonresponders", r => r.Split?.Surv5NonResponders), ("signed_z", r => r.Split?.SignedZ),
        ("control_cohort", r => r.Control?.Cohort), ("control_n", r => r.Control?.Patients), ("control_events", r => r.Control?.Events),
        ("control_logrank_p", r => r.Control?.LogRankP), ("control_hr", r => r.Control?.HazardRatio), ("control_hr_low", r => r.Control?.HazardRatioLower),
        ("control_hr_high", r => r.Control?.HazardRatioUpper),
        ("random_draws", r => r.Result.Random?.Defined), ("random_set_size", r => r.Result.Random?.SetSize), ("random_p", r => r.Result.Random?.P),
        ("random_p_directional", r => r.Result.Random?.PDirectional),
        ("permutations", r => r.Result.Permutation?.Permutations), ("permutations_undefined", r => r.Result.Permutation?.Undefined),
        ("permutation_p", r => r.Result.Permutation?.P), ("permutation_p_directional", r => r.Result.Permutation?.PDirectional),
        ("seed", r => r.Result.Random is null ? null : seed.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// How to read one arm, by a rule fixed before any result was seen: "transfers" when the main split separates survival
    /// after the correction across the atlas (BH q &lt; 5%) in the paper's direction (HR &gt; 1), beats models trained on
    /// shuffled organoid labels (permutation p &lt; 5%) and does not also separate the untreated patients (control p ≥ 5%);
    /// otherwise which of these fails.
    /// </summary>
    /// <param name="row">An atlas row.</param>
    public static string Reading(AtlasRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.Result.Tested) return "not tested";
        var s = row.Split!;
        if (!(row.Q < Level)) return "no evidence after correction (BH q >= 0.05)";
        if (!(s.SignedZ > 0)) return "separates survival in the opposite direction to the paper's";
        if (!(row.Result.Permutation?.P < Level)) return "separates, but no better than shuffled organoid labels";
        if (row.Control?.LogRankP < Level) return "separates untreated patients too (prognostic, not drug response)";
        return "transfers";
    }

    /// <summary>For display: one line per arm, the numbers a reader needs, with <see cref="Reading"/>.</summary>
    /// <param name="rows">The atlas rows (<see cref="Rows"/>).</param>
    public static TsvTable Findings(IReadOnlyList<AtlasRow> rows) => TsvTable.From(rows,
        ("drug", r => r.Result.Arm.Arm.Drug.Label), ("cancer", r => r.Result.Arm.Cancer.Id.ToUpperInvariant()),
        ("training", r => r.Result.Arm.Arm.Training[0].Substitute is null ? "as the paper (CRC organoids)" : "substitute: CRC organoids"),
        ("patients (deaths)", r => r.Split is { } s ? $"{s.Patients} ({s.Events})" : ""),
        ("biomarker used", r => r.Split is { } s ? PathwayNames.Short(s.Biomarkers.Split(';')[0].Split(':', 2)[^1], 45) : ""),
        ("HR (95% CI)", r => r.Split is { } s ? ValidationTables.HazardRatio(s) : ""),
        ("log-rank p", r => Num(r.Split?.LogRankP, "0.000")), ("BH q", r => Num(r.Q, "0.000")),
        ("permutation p", r => Num(r.Result.Permutation?.P, "0.000")), ("random-set p", r => Num(r.Result.Random?.P, "0.000")),
        ("control HR (p)", r => r.Control is { } c ? $"{ValidationTables.Num(c.HazardRatio)} ({Num(c.LogRankP, "0.000")})" : ""),
        ("reading", Reading));

    /// <summary>The arms' run times (wall seconds per arm and in total), for display only.</summary>
    /// <param name="results">The arms' results.</param>
    public static TsvTable Timing(IReadOnlyList<AtlasArmResult> results) => TsvTable.From(
        results.Select(r => (r.Arm.Id, r.Seconds)).Append(("all arms", results.Sum(r => r.Seconds))),
        ("arm", x => x.Item1), ("seconds", x => x.Item2.ToString("0.0", CultureInfo.InvariantCulture)));

    /// <summary>
    /// The schema of drug_atlas_eligibility.tsv: every distinct screen name (ordinal) with its DrugBank name and how it was
    /// found, its target row and target count, per cancer the treated patients, those with survival, with an expression
    /// file (cancers with that filter) and with a profile in the expression source ("{cancer}_with_{source}"), then
    /// status (arm / excluded), its arms and the reason.
    /// </summary>
    /// <param name="plan">The atlas plan.</param>
    public static TsvTable Eligibility(AtlasPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var cancers = plan.Atlas.Cancers;
        var columns = new List<string> { "screen_name", "drugbank_name", "name_source", "target_row", "n_targets" };
        foreach (var c in cancers)
        {
            columns.Add($"{c.Id}_treated");
            columns.Add($"{c.Id}_with_survival");
            if (c.ExpressionFiles is not null) columns.Add($"{c.Id}_with_gdc_file");
            columns.Add($"{c.Id}_with_{plan.Expression[c.Id].Source.Id}");
        }
        columns.AddRange(["status", "arms", "reason"]);
        var rows = plan.Drugs.Select(d =>
        {
            var cells = new List<string> { d.Candidate.ScreenName, d.Candidate.DrugBankName ?? "", d.Candidate.NameSource, d.Candidate.TargetRow ?? "",
                TsvTable.Cell(d.Candidate.Targets?.Targets.Count) };
            foreach (var c in cancers)
            {
                var n = d.Counts.FirstOrDefault(x => x.Cancer == c.Id);
                cells.Add(TsvTable.Cell(n?.Treated));
                cells.Add(TsvTable.Cell(n?.WithSurvival));
                if (c.ExpressionFiles is not null) cells.Add(TsvTable.Cell(n?.WithExpressionFile));
                cells.Add(TsvTable.Cell(n?.Analysable));
            }
            cells.AddRange([d.HasArm ? "arm" : "excluded", string.Join(";", d.Arms), d.Reason]);
            return (IReadOnlyList<string>)cells;
        }).ToArray();
        return new TsvTable(columns, rows);
    }

    /// <summary>For display: how many screened drugs pass each condition, and the drugs that reached (c).</summary>
    /// <param name="plan">The atlas plan.</param>
    public static TsvTable Funnel(AtlasPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var d = plan.Drugs;
        return TsvTable.From(new (string Step, int N, string Who)[]
        {
            ("(a) screened on the organoids", d.Count, ""),
            ("with a DrugBank name (synonym rule or alias)", d.Count(x => x.Candidate.DrugBankName is not null && x.Candidate.Problem is null), ""),
            ("(b) with DrugBank targets in drug_drugTarget.txt", d.Count(x => x.Candidate.Targets is not null),
                string.Join(", ", d.Where(x => x.Candidate.Targets is not null).Select(x => x.Candidate.ScreenName))),
            ($"(c) with >= {plan.Atlas.MinPatients} treated patients with survival and expression in a cancer", d.Count(x => x.HasArm),
                string.Join(", ", d.Where(x => x.HasArm).Select(x => $"{x.Candidate.ScreenName} ({string.Join(", ", x.Arms)})"))),
        }, ("condition", x => x.Step), ("drugs", x => x.N), ("which", x => x.Who));
    }

    /// <summary>For display: the drugs with targets or treated patients that have no arm, and why (the rest of the screen: no DrugBank name).</summary>
    /// <param name="plan">The atlas plan.</param>
    public static TsvTable Excluded(AtlasPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return TsvTable.From(plan.Drugs.Where(d => !d.HasArm && (d.Candidate.Targets is not null || d.Counts.Any(n => n.Treated > 0))),
            ("screen name", d => d.Candidate.ScreenName), ("DrugBank name", d => d.Candidate.DrugBankName), ("target row", d => d.Candidate.TargetRow),
            ("treated, with survival and expression", d => string.Join("; ", d.Counts.Select(n => $"{n.Cancer.ToUpperInvariant()} {n.Treated} treated, {n.Analysable} analysable"))),
            ("reason", d => d.Reason));
    }

    /// <summary>For display: the record names neither rule recognises, per cancer, most patients first.</summary>
    /// <param name="names">The unrecognised names (<see cref="AtlasEligibility.UnrecognisedNames"/>).</param>
    public static TsvTable Unrecognised(IReadOnlyList<UnrecognisedDrugName> names) => TsvTable.From(names,
        ("cancer", n => n.Cancer.ToUpperInvariant()), ("name in the records", n => n.Name), ("records", n => n.Records), ("patients", n => n.Patients));

    /// <summary>For display: each arm as the template generated it.</summary>
    /// <param name="arms">The generated arms.</param>
    public static TsvTable Arms(IReadOnlyList<AtlasArm> arms) => TsvTable.From(arms,
        ("arm", a => a.Id), ("drug", a => a.Arm.Drug.Label), ("screen name", a => a.Candidate.ScreenName), ("DrugBank name (how)", a => $"{a.Candidate.DrugBankName} ({a.Candidate.NameSource})"),
        ("target row", a => a.Arm.Drug.TargetRow), ("cohort / control", a => $"{a.Treated.Id} / {a.Control.Id}"),
        ("training", a => ArmInputs.TrainingLabelOf(a.Arm, a.Arm.Training[0])), ("selection", a => a.Arm.Main.Selection),
        ("expression", a => $"{a.Arm.Main.Expression[0]} ({a.ExpressionChoice} of {a.Cancer.Expression.Count})"), ("survival", a => a.Arm.Main.Survival),
        ("model, k", a => $"{a.Arm.Main.Model}, {a.Arm.Main.K}"));

    private static string Num(double? v, string format) => v is null ? "" : ValidationTables.Num(v.Value, format);
}
