using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// The tables notebook 05 displays (rounded for reading; the result files keep full precision). Each takes the typed
/// results of the patient validation run and returns a <see cref="TsvTable"/>.
/// </summary>
public static class ValidationTables
{
    /// <summary>Each arm: training set (substitutes named), organoids with scores and a response, stage 04's models.</summary>
    /// <param name="arms">The arms' inputs.</param>
    /// <param name="organoidScores">The run's organoid pathway scores (an arm's own scores take precedence).</param>
    public static TsvTable Arms(IReadOnlyList<ArmInputs> arms, PathwayScores organoidScores)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(organoidScores);
        return TsvTable.From(arms, ("arm", a => a.Arm.Id), ("drug", a => a.Arm.Drug.Label), ("training", a => a.TrainingLabel),
            ("organoids with scores and response", a => a.ScoresOr(organoidScores).Samples.Count(a.Response.ContainsKey)),
            ("stage 04 models", a => string.Join(", ", a.Models.Select(m => $"{m.Selection}/{m.Model}"))),
            ("main", a => $"{a.Arm.Main.Selection}/{a.Arm.Main.Model}, k = {a.Arm.Main.K}, {a.Arm.Main.Cohort}, {a.Arm.Main.Survival}, {string.Join(" > ", a.Arm.Main.Expression)}"),
            ("main model features", a => a.MainModel.Biomarkers.Count));
    }

    /// <summary>Each expression source: cancers, content, patients (one tumour each) and genes.</summary>
    /// <param name="sources">The prepared expression sources.</param>
    public static TsvTable Sources(IReadOnlyList<PreparedSource> sources) => TsvTable.From(sources,
        ("source", s => s.Id), ("cancers", s => s.Definition.Cancers), ("content", s => s.Definition.Content),
        ("patients", s => s.Expression.Patients.Count), ("genes", s => s.Expression.Matrix.GeneCount));

    /// <summary>How many pathways each source scores.</summary>
    /// <param name="scores">Each source's patient pathway scores.</param>
    public static TsvTable Coverage(IReadOnlyList<SourcePathwayScores> scores) => TsvTable.From(scores,
        ("source", c => c.Source), ("mode", c => c.Mode), ("pathways scored", c => $"{c.Scored} of {c.Total}"),
        ("median measured genes per scored pathway", c => c.MedianMeasuredGenes));

    /// <summary>
    /// How many of each model's biomarkers each of its arm's sources can score: <c>scored</c>, <c>top 10 scored</c>,
    /// <c>first scored</c> (rank of the best-ranked scorable biomarker); beside the model's features, the proximal
    /// pathways of its selection (stage 03).
    /// </summary>
    /// <param name="arms">The arms' inputs.</param>
    /// <param name="scores">Patient pathway scores.</param>
    /// <param name="proximal">Proximal pathways per (drug, selection) from stage 03 (drug, selection, pathway).</param>
    public static TsvTable Scorability(IReadOnlyList<ArmInputs> arms, IReadOnlyList<SourcePathwayScores> scores,
        IReadOnlyList<(string Drug, string Selection, string Pathway)> proximal)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(proximal);
        var rows = from a in arms
                   from m in a.Models
                   from source in a.Arm.Expression
                   let nes = scores.Single(s => s.Source == source && s.Mode == m.Gmt).Nes
                   let ok = m.Biomarkers.Where(b => nes.PathwayIndex(b.Name) >= 0).ToList()
                   select (a, m, source, ok, Proximal: proximal.Count(p => p.Drug == m.Drug && p.Selection == m.Selection));
        return TsvTable.From(rows, ("arm", x => x.a.Arm.Id), ("selection", x => x.m.Selection), ("mode", x => x.m.Gmt), ("model", x => x.m.Model),
            ("features (proximal, stage 03)", x => $"{x.m.Biomarkers.Count} ({x.Proximal})"), ("source", x => x.source),
            ("scored", x => $"{x.ok.Count} of {x.m.Biomarkers.Count}"), ("top 10 scored", x => x.m.Biomarkers.Take(10).Count(b => x.ok.Contains(b))),
            ("first scored", x => x.ok.Count == 0 ? null : x.ok[0].Rank));
    }

    /// <summary>Each analysis unit: treated and control patients scored, deaths, and the standardisation reference.</summary>
    /// <param name="units">The analysis units.</param>
    public static TsvTable Units(IReadOnlyList<AnalysisUnit> units) => TsvTable.From(units,
        ("arm", u => u.Arm.Id), ("cohort", u => u.Analysis.Cohort), ("expression", u => u.ExpressionSource), ("survival", u => u.Analysis.Survival),
        ("standardised over", u => u.ReferencePatients), ("treated scored", u => u.Treated.Patients.Count), ("events", u => u.Treated.Events),
        ("control", u => u.Control?.Cohort ?? "-"), ("control scored", u => u.Control?.Patients.Count), ("control events", u => u.Control?.Events));

    /// <summary>Cohort variants against their originals: patients with the same survival in both sources.</summary>
    /// <param name="agreements">The variants' agreements (<see cref="PatientFollowUp.VariantAgreements"/>).</param>
    public static TsvTable Variants(IReadOnlyList<VariantAgreement> agreements) => TsvTable.From(agreements,
        ("cohort", v => v.Original), ("survival", v => v.OriginalSurvival), ("variant", v => v.Variant), ("variant survival", v => v.VariantSurvival),
        ("patients", v => v.Patients), ("same days and event", v => v.Identical));

    /// <summary>The main split of each arm: groups, deaths, log-rank, 5-year survival, hazard ratio and the biomarker used.</summary>
    /// <param name="mainRuns">Each arm's main run (<see cref="ValidationGrid.MainRuns"/>).</param>
    public static TsvTable Main(IReadOnlyList<ValidationRun> mainRuns) => TsvTable.From(mainRuns,
        ("arm", r => r.Arm.Arm.Drug.Label), ("cohort", r => r.Unit.Analysis.Cohort), ("expression", r => r.Unit.ExpressionSource),
        ("survival", r => r.Unit.Analysis.Survival), ("n", r => r.Row.Split.Patients), ("responders", r => r.Row.Split.Responders),
        ("non-responders", r => r.Row.Split.NonResponders), ("deaths", r => r.Row.Split.Events), ("log-rank p", r => Num(r.Row.Split.LogRankP, "0.0000")),
        ("direction", r => Direction(r.Outcome.SignedLogRank)),
        ("5-year OS responders", r => Num(r.Row.Split.Surv5Responders)), ("5-year OS non-responders", r => Num(r.Row.Split.Surv5NonResponders)),
        ("HR (95% CI)", r => HazardRatio(r.Row.Split)),
        ("biomarker used", r => string.Join("; ", r.Outcome.Split.Biomarkers.Select(b => $"rank {b.Rank} {b.Name} (coef {Num(b.Coefficient, "0.000")})"))),
        ("better ranks not scorable", r => r.Outcome.Split.UnscoredBiomarkers.Count == 0 ? "-" : string.Join(", ", r.Outcome.Split.UnscoredBiomarkers)));

    /// <summary>
    /// Each treated unit at its arm's main k: log-rank p of the network selection, the negative control and the
    /// baselines on the same design, and the random-set empirical p ("↓": opposite direction to the paper's).
    /// </summary>
    /// <param name="units">The analysis units.</param>
    /// <param name="baselines">The baseline runs.</param>
    /// <param name="random">The random-set comparisons.</param>
    public static TsvTable SideBySide(IReadOnlyList<AnalysisUnit> units, IReadOnlyList<BaselineRun> baselines, IReadOnlyList<RandomSetComparison> random)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(baselines);
        ArgumentNullException.ThrowIfNull(random);
        var rows = units.Where(u => baselines.Any(b => ReferenceEquals(b.Unit, u))).Select(u =>
        {
            int k = u.Arm.Main.K;
            BaselineRun? Of(string name) => baselines.SingleOrDefault(b => ReferenceEquals(b.Unit, u) && b.Baseline == name && b.Outcome.K == k);
            var control = Of(BaselineNames.NegativeControl);
            var rs = random.SingleOrDefault(r => ReferenceEquals(r.Unit, u) && r.K == k);
            return (string[])[u.Arm.Drug.Label, u.Analysis.Cohort, u.ExpressionSource, u.Analysis.Survival, $"{u.Treated.Patients.Count} ({u.Treated.Events})",
                ValidationGrid.PCell(Of(BaselineNames.Network)?.Outcome),
                control is null ? "-" : $"{ValidationGrid.PCell(control.Outcome)} (n {control.Patients.Patients.Count}, {control.Patients.Events} deaths)",
                .. BaselineNames.Retrained.Select(n => ValidationGrid.PCell(Of(n)?.Outcome)),
                rs is null ? "-" : $"{Num(rs.P, "0.000")} (directional {Num(rs.PDirectional, "0.000")})"];
        }).ToList();
        return new TsvTable(["arm", "cohort", "expression", "survival", "n (deaths)", "network (main)", "negative control", "all pathways",
            "first neighbours", "correlation", "random sets: empirical p"], rows.Select(r => (IReadOnlyList<string>)r).ToArray());
    }

    /// <summary>
    /// Each arm's answer in one row: the main split (patients, deaths, log-rank p and direction, HR, 5-year survival),
    /// whether it reaches p &lt; 0.05, the negative control, and the network selection against random sets.
    /// </summary>
    /// <param name="mainRuns">Each arm's main run.</param>
    /// <param name="baselines">The baseline runs (the negative control is taken from them).</param>
    /// <param name="random">The random-set comparisons.</param>
    public static TsvTable Verdict(IReadOnlyList<ValidationRun> mainRuns, IReadOnlyList<BaselineRun> baselines, IReadOnlyList<RandomSetComparison> random)
    {
        ArgumentNullException.ThrowIfNull(mainRuns);
        ArgumentNullException.ThrowIfNull(baselines);
        ArgumentNullException.ThrowIfNull(random);
        return TsvTable.From(mainRuns,
            ("arm", r => r.Arm.Arm.Drug.Label), ("trained on", r => r.Arm.TrainingLabel), ("patients (deaths)", r => $"{r.Row.Split.Patients} ({r.Row.Split.Events})"),
            ("log-rank p", r => Num(r.Row.Split.LogRankP, "0.000")), ("direction", r => Direction(r.Outcome.SignedLogRank)),
            ("HR (95% CI)", r => HazardRatio(r.Row.Split)),
            ("5-year OS responders vs non-responders", r => $"{Num(r.Row.Split.Surv5Responders)} vs {Num(r.Row.Split.Surv5NonResponders)}"),
            ("separates at 5%", r => r.Row.Split.LogRankP < 0.05 ? "yes" : "no"),
            ("negative control p (HR)", r => baselines.SingleOrDefault(b => b.Baseline == BaselineNames.NegativeControl && ReferenceEquals(b.Unit, r.Unit) && b.Outcome.K == r.Outcome.K)
                is { } c ? $"{ValidationGrid.PCell(c.Outcome)} ({Num(c.Row.Split.HazardRatio)}; {c.Row.Split.Cohort})" : "not available"),
            ("random sets: empirical p (directional)", r => random.SingleOrDefault(x => ReferenceEquals(x.Unit, r.Unit) && x.K == r.Outcome.K)
                is { } x ? $"{Num(x.P, "0.000")} ({Num(x.PDirectional, "0.000")}; {x.Defined} sets)" : "-"));
    }

    /// <summary>
    /// What stage 01 found of each analysed cohort (stages/01/cohorts.tsv): n against the paper's, deaths, and the
    /// patients each of the arm's expression sources covers.
    /// </summary>
    /// <param name="cohorts">stages/01/cohorts.tsv (cohort, n, paper_n, events, expr_&lt;source&gt; columns).</param>
    /// <param name="arms">The arms' inputs: their analyses' cohorts and controls are listed.</param>
    public static TsvTable CohortCoverage(TsvTable cohorts, IReadOnlyList<ArmInputs> arms)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        ArgumentNullException.ThrowIfNull(arms);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var a in arms)
            foreach (var id in a.Arm.Analyses.SelectMany(x => new[] { x.Cohort, x.Control }).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                var row = cohorts.Rows.FirstOrDefault(r => r[cohorts.ColumnIndex("cohort")] == id);
                if (row is null) continue;
                string Cell(string column) => row[cohorts.ColumnIndex(column)];
                rows.Add([a.Arm.Drug.Label, id, Cell("n"), Cell("paper_n"), Cell("events"),
                    string.Join("; ", a.Arm.Expression.Select(s => $"{s} {(cohorts.Columns.Contains("expr_" + s) ? Cell("expr_" + s) : "?")}"))]);
            }
        return new TsvTable(["arm", "cohort", "n", "paper n", "deaths", "patients with expression, per source"], rows);
    }

    /// <summary>For display: stage 05's contract check, one row per arm (<see cref="StageContract.Retrain"/>): features, gene-set convention, the largest |coefficient| difference retrained vs stage 04, the top biomarker and its coefficient.</summary>
    public static TsvTable Retraining(IReadOnlyList<RetrainingCheck> checks) => TsvTable.From(checks, ("arm", c => c.Arm), ("features", c => c.Features),
        ("gene-set convention", c => c.Mode), ("max |coef diff|, retrained vs stage 04", c => c.MaxCoefficientDifference.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)),
        ("top biomarker", c => c.TopBiomarker), ("coef", c => Math.Round(c.TopCoefficient, 3)));

    /// <summary>
    /// patients.tsv recomputed from its rows alone, per arm: splits, splits whose counts all match their table row, the
    /// largest difference of log-rank p, 5-year survival and HR over the splits, and the main split's recomputed p.
    /// </summary>
    /// <param name="checks">The checks of <see cref="PatientSplits.Check"/>.</param>
    public static TsvTable PatientChecks(IReadOnlyList<PatientSplitCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return TsvTable.From(checks.GroupBy(c => c.Arm).ToList(),
            ("arm", g => g.Key), ("splits", g => g.Count()), ("patient rows", g => g.Sum(c => c.Patients)),
            ("splits whose counts match", g => g.Count(c => c.CountsMatch)),
            ("max |difference| of p, 5-year OS, HR", g => g.Where(c => !double.IsNaN(c.MaxDifference)).Select(c => c.MaxDifference).DefaultIfEmpty(double.NaN).Max().ToString("G3", CultureInfo.InvariantCulture)),
            ("main split: log-rank p from patients.tsv", g => g.Where(c => c.Setting == "main").Select(c => Num(c.LogRankP, "0.000000")).FirstOrDefault() ?? "-"));
    }

    /// <summary>"in the paper's direction" (predicted non-responders die sooner), the opposite, or "undefined".</summary>
    /// <param name="signed">The signed log-rank statistic; NaN when undefined.</param>
    public static string Direction(double signed) => double.IsNaN(signed) ? "undefined" : signed >= 0 ? "paper's" : "opposite";

    /// <summary>"HR (lower-upper)", "inf (no death in one group)" or "NA".</summary>
    /// <param name="s">A split's summary.</param>
    public static string HazardRatio(SplitSummary s) =>
        double.IsNaN(s.HazardRatio) ? "NA"
        : double.IsInfinity(s.HazardRatio) || s.HazardRatio == 0 ? $"{Num(s.HazardRatio)} (no death in one group)"
        : $"{Num(s.HazardRatio)} ({Num(s.HazardRatioLower)}-{Num(s.HazardRatioUpper)})";

    /// <summary>A number for reading: "NA" for NaN, "inf" for +infinity, else invariant with <paramref name="format"/>.</summary>
    /// <param name="v">The number.</param>
    /// <param name="format">A .NET numeric format (default "0.00").</param>
    public static string Num(double v, string format = "0.00") =>
        double.IsNaN(v) ? "NA" : double.IsPositiveInfinity(v) ? "inf" : v.ToString(format, CultureInfo.InvariantCulture);
}
