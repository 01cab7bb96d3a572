using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// An arm's main split as stage 06 rebuilds it from stage 05's hand-over: the main unit's patients and standardised
/// scores, split again with stage 04's main model, and checked against validation.tsv's main row bit for bit.
/// </summary>
/// <param name="Arm">The arm's inputs.</param>
/// <param name="Row">The main row of validation.tsv.</param>
/// <param name="Unit">The main unit.</param>
/// <param name="Outcome">The split and survival comparison.</param>
public sealed record MainSplit(ArmInputs Arm, ValidationRow Row, ValidationUnit Unit, ValidationOutcome Outcome)
{
    /// <summary>
    /// Splits <paramref name="unit"/> with the arm's main model at the main row's k and checks that every column of the
    /// row comes out identical (a stage-05/06 contract: the robustness checks test the split the paper's claim rests on).
    /// </summary>
    /// <param name="arm">The arm's inputs with its main model.</param>
    /// <param name="row">validation.tsv's main row of the arm.</param>
    /// <param name="unit">The main unit's patients.</param>
    /// <exception cref="InvalidOperationException">The rebuilt split differs from the row: the hand-over is stale or inconsistent.</exception>
    public static MainSplit Rebuild(ArmInputs arm, ValidationRow row, ValidationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(unit);
        var outcome = SurvivalValidation.Evaluate(arm.MainModel.Biomarkers, row.Split.K, unit);
        var again = SplitSummary.Of(unit, row.Split.Mode, arm.MainModel.Model, outcome, arm.TrainingLabel);
        if (again != row.Split)
            throw new InvalidOperationException($"arm {arm.Arm.Id}: the main split rebuilt from stage 05's hand-over ({again}) differs from validation.tsv's main row ({row.Split}): rerun stage 05");
        return new MainSplit(arm, row, unit, outcome);
    }
}

/// <summary>The whole-pipeline permutation test of an arm's main split, and how often the permuted models split by the same biomarkers.</summary>
/// <param name="Result">The permutation test.</param>
/// <param name="SameBiomarkers">Share of permutations whose split used exactly the observed biomarkers.</param>
public sealed record ArmPermutation(RobustnessPermutationResult Result, double SameBiomarkers);

/// <summary>Every robustness check of one arm's main result.</summary>
/// <param name="Main">The main split.</param>
/// <param name="Permutation">Organoid-label permutation test.</param>
/// <param name="Bootstrap">Patient bootstrap, fixed split then re-split at each resample's median.</param>
/// <param name="Sensitivity">One choice at a time, baselines, negative control.</param>
public sealed record ArmRobustness(MainSplit Main, ArmPermutation Permutation, IReadOnlyList<RobustnessBootstrapResult> Bootstrap, ArmSensitivity Sensitivity)
{
    /// <summary>The bootstrap with the given label rule.</summary>
    /// <param name="labels">Fixed split, or re-split at each resample's median.</param>
    /// <exception cref="InvalidOperationException">No bootstrap, or several, with that rule.</exception>
    public RobustnessBootstrapResult BootstrapOf(BootstrapSplit labels) => Bootstrap.Single(b => b.Labels == labels);
}

/// <summary>
/// The robustness checks of each arm's main result that the paper did not run: a whole-pipeline permutation test of
/// the organoid labels (<see cref="RobustnessPermutation"/>), a patient bootstrap (<see cref="RobustnessBootstrap"/>),
/// and one-choice-at-a-time sensitivity (<see cref="SensitivitySplits"/>); robustness.tsv's rows.
/// </summary>
public static class RobustnessRun
{
    /// <summary>
    /// Permutes the organoid ln IC50 <paramref name="permutations"/> times (stream <c>(seed, "robustness", drug, "perm", i)</c>),
    /// retrains the main model on the main model's features and splits the main unit at the main k. The unpermuted
    /// retraining must reproduce the main split's chi-square exactly.
    /// </summary>
    /// <param name="main">The main split.</param>
    /// <param name="organoidScores">The organoid scores (stage 04).</param>
    /// <param name="permutations">≥ 1 (the pipeline's default 1000; 500 is the project's minimum for a report).</param>
    /// <param name="seed">The run seed.</param>
    /// <exception cref="InvalidOperationException">The unpermuted statistic differs from the main split's.</exception>
    public static ArmPermutation Permutation(MainSplit main, PathwayScores organoidScores, int permutations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(main);
        var model = main.Arm.MainModel;
        var result = RobustnessPermutation.Run(main.Arm.ScoresOr(organoidScores), main.Arm.Response, model.Biomarkers.Select(b => b.Name).ToArray(), model.Model,
            main.Outcome.K, main.Unit, permutations, seed, ["robustness", main.Arm.Drug]);
        if (result.ObservedChiSquare != main.Outcome.Comparison?.LogRankChiSquare)
            throw new InvalidOperationException($"{main.Arm.Drug}: the permutation test's observed chi-square {result.ObservedChiSquare} differs from the main result's {main.Outcome.Comparison?.LogRankChiSquare}");
        var observed = main.Outcome.Split.Biomarkers.Select(b => b.Name).ToArray();
        return new ArmPermutation(result, result.Biomarkers.Count(b => b.SequenceEqual(observed)) / (double)result.Permutations);
    }

    /// <summary>
    /// Resamples the main unit's patients <paramref name="resamples"/> times (stream <c>(seed, "robustness", drug, "bootstrap", b)</c>),
    /// with the split fixed and re-split at each resample's median (the same resamples).
    /// </summary>
    /// <param name="main">The main split.</param>
    /// <param name="resamples">≥ 1 (the pipeline's default 2000; 1000 is the project's minimum for a report).</param>
    /// <param name="seed">The run seed.</param>
    public static IReadOnlyList<RobustnessBootstrapResult> Bootstrap(MainSplit main, int resamples, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(main);
        return new[] { BootstrapSplit.FixedLabels, BootstrapSplit.ResplitAtResampleMedian }
            .Select(labels => RobustnessBootstrap.OverPatients(main.Outcome.Split, main.Unit.Survival, resamples, seed, ["robustness", main.Arm.Drug], labels))
            .ToList();
    }

    /// <summary>
    /// robustness.tsv's rows of one arm: the permutation test (chi-square, two-sided; signed root, directional), the
    /// bootstraps (5-year survival difference and HR), every sensitivity row, and the spread of the HR over k.
    /// </summary>
    /// <param name="arm">The arm's checks.</param>
    /// <param name="seed">The run seed (recorded on the rows of random analyses).</param>
    public static IReadOnlyList<RobustnessRow> Rows(ArmRobustness arm, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(arm);
        string drug = arm.Main.Arm.Drug, setting = arm.Sensitivity.MainSetting, seedText = seed.ToString(CultureInfo.InvariantCulture);
        int n = arm.Main.Unit.Patients.Count, events = arm.Main.Unit.Events;
        var p = arm.Permutation.Result;
        var rows = new List<RobustnessRow>
        {
            new(drug, "permutation", setting, "logrank_chisq", p.ObservedChiSquare, Statistics.Mean(p.DefinedChiSquares), double.NaN, double.NaN, double.NaN,
                "", p.P, "empirical, two-sided", p.Permutations, p.Undefined, 0, n, events, seedText),
            new(drug, "permutation", setting, "signed_logrank", p.ObservedSigned, Statistics.Mean(p.DefinedSigned), double.NaN, double.NaN, double.NaN,
                "", p.PDirectional, "empirical, directional (paper's direction)", p.Permutations, p.Undefined, 0, n, events, seedText),
        };
        foreach (var b in arm.Bootstrap)
            foreach (var s in new[] { b.SurvivalDifference, b.HazardRatio })
                rows.Add(new(drug, b.Labels == BootstrapSplit.FixedLabels ? "bootstrap_fixed_split" : "bootstrap_resplit", setting,
                    s.Name == "survival_difference" ? "surv5_responders_minus_nonresponders" : "hazard_ratio", s.Observed, double.NaN, s.Median, s.Lower, s.Upper,
                    "bootstrap percentile 95%", double.NaN, "", b.Resamples, s.Undefined, s.Infinite, n, events, seedText));
        foreach (var e in arm.Sensitivity.Entries)
            rows.Add(new(drug, "sensitivity", e.Label, "hazard_ratio", e.Run.HazardRatio, double.NaN, double.NaN, e.Run.Lower, e.Run.Upper,
                "Wald 95%", e.Run.LogRankP, "log-rank", null, null, null, e.Run.Patients, e.Run.Events, ""));
        var range = arm.Sensitivity.KRange;
        rows.Add(new(drug, "sensitivity_range", $"k = 1..{arm.Sensitivity.MaxK} of the main setting; p < 0.05 in {range.Nominal} of {range.Defined} ({range.NominalPaperDirection} in the paper's direction)",
            "hazard_ratio", double.NaN, double.NaN, range.MedianHazardRatio, range.MinHazardRatio, range.MaxHazardRatio, "min-max of the estimates (not a CI)",
            double.NaN, "", null, range.Runs - range.Defined, null, n, events, ""));
        return rows;
    }

    /// <summary>Each arm's main split as rebuilt from stage 05's hand-over (a display table).</summary>
    /// <param name="mains">The arms' rebuilt main splits.</param>
    public static TsvTable MainTable(IReadOnlyList<MainSplit> mains) => TsvTable.From(mains,
        ("arm", m => m.Arm.Arm.Drug.Label), ("setting", m => ArmSensitivity.MainLabel(m.Row)), ("patients", m => m.Unit.Patients.Count),
        ("deaths", m => m.Unit.Events), ("log-rank chi-square", m => Num(m.Row.Split.LogRankChiSquare, "0.000")),
        ("HR", m => ValidationTables.HazardRatio(m.Row.Split)), ("biomarkers used", m => m.Row.Split.Biomarkers),
        ("rebuilt split equals validation.tsv", _ => "yes (checked column by column)"));

    /// <summary>The permutation tests as a display table.</summary>
    /// <param name="arms">Every arm's robustness checks.</param>
    public static TsvTable PermutationTable(IReadOnlyList<ArmRobustness> arms) => TsvTable.From(arms,
        ("arm", a => a.Main.Arm.Arm.Drug.Label), ("unit", a => $"{a.Main.Unit.Cohort} x {a.Main.Unit.ExpressionSource} x {a.Main.Unit.SurvivalSource}"),
        ("observed chi-square", a => Num(a.Permutation.Result.ObservedChiSquare, "0.000")), ("observed signed", a => Num(a.Permutation.Result.ObservedSigned, "0.000")),
        ("permutations (undefined)", a => $"{a.Permutation.Result.Permutations} ({a.Permutation.Result.Undefined})"),
        ("null mean chi-square", a => Num(Statistics.Mean(a.Permutation.Result.DefinedChiSquares), "0.000")),
        ("empirical p, two-sided", a => Num(a.Permutation.Result.P, "0.000")), ("empirical p, directional", a => Num(a.Permutation.Result.PDirectional, "0.000")),
        ("permutations splitting by the observed biomarker", a => Num(a.Permutation.SameBiomarkers, "0.000")));

    /// <summary>The bootstraps as a display table (one row per arm, label rule and statistic).</summary>
    /// <param name="arms">Every arm's robustness checks.</param>
    public static TsvTable BootstrapTable(IReadOnlyList<ArmRobustness> arms) => TsvTable.From(
        arms.SelectMany(a => a.Bootstrap.SelectMany(b => new[] { b.SurvivalDifference, b.HazardRatio }.Select(s => (a, b, s)))),
        ("arm", x => x.a.Main.Arm.Arm.Drug.Label), ("labels", x => LabelRule(x.b.Labels)), ("statistic", x => x.s.Name),
        ("observed", x => Num(x.s.Observed, "0.000")), ("bootstrap median", x => Num(x.s.Median, "0.000")),
        ("95% percentile interval", x => $"{Num(x.s.Lower, "0.000")} to {Num(x.s.Upper, "0.000")}"),
        ("resamples", x => x.b.Resamples), ("undefined", x => x.s.Undefined), ("infinite", x => x.s.Infinite));

    /// <summary>The spread of each arm's main setting over k, and how many one-choice alternatives reach p &lt; 0.05.</summary>
    /// <param name="arms">Every arm's robustness checks.</param>
    public static TsvTable SensitivityTable(IReadOnlyList<ArmRobustness> arms) => TsvTable.From(arms,
        ("arm", a => a.Main.Arm.Arm.Drug.Label), ("k", a => $"1..{a.Sensitivity.MaxK}"),
        ("HR range over k", a => $"{Num(a.Sensitivity.KRange.MinHazardRatio)} to {Num(a.Sensitivity.KRange.MaxHazardRatio)}"),
        ("median HR", a => Num(a.Sensitivity.KRange.MedianHazardRatio)),
        ("p < 0.05 over k", a => $"{a.Sensitivity.KRange.Nominal} of {a.Sensitivity.KRange.Defined} ({a.Sensitivity.KRange.NominalPaperDirection} in the paper's direction)"),
        ("alternatives with p < 0.05", a => Alternatives(a) is var alt ? $"{alt.Count(e => e.Run.LogRankP < RobustnessSensitivity.NominalLevel)} of {alt.Count}" : ""));

    /// <summary>
    /// Each arm's robustness in one row: permutation p (two-sided, directional), the share of permuted models splitting
    /// by the observed biomarker, the bootstrap intervals of the HR and the 5-year survival difference (fixed split and
    /// re-split), and how many alternative choices reach p &lt; 0.05.
    /// </summary>
    /// <param name="arms">Every arm's robustness checks.</param>
    public static TsvTable Summary(IReadOnlyList<ArmRobustness> arms) => TsvTable.From(arms,
        ("arm", a => a.Main.Arm.Arm.Drug.Label), ("patients (deaths)", a => $"{a.Main.Unit.Patients.Count} ({a.Main.Unit.Events})"),
        ("permutation p (directional)", a => $"{Num(a.Permutation.Result.P, "0.000")} ({Num(a.Permutation.Result.PDirectional, "0.000")})"),
        ("beats shuffled labels at 5%", a => a.Permutation.Result.P < 0.05 ? "yes" : "no"),
        ("same biomarker when shuffled", a => $"{100 * a.Permutation.SameBiomarkers:0.0}%"),
        ("HR, 95% bootstrap (fixed split)", a => Interval(a.BootstrapOf(BootstrapSplit.FixedLabels).HazardRatio)),
        ("HR inf or 0 / undefined", a => $"{a.BootstrapOf(BootstrapSplit.FixedLabels).HazardRatio.Infinite} / {a.BootstrapOf(BootstrapSplit.FixedLabels).HazardRatio.Undefined}"),
        ("5-year OS difference, 95% (fixed split)", a => Interval(a.BootstrapOf(BootstrapSplit.FixedLabels).SurvivalDifference)),
        ("HR, 95% (re-split)", a => Interval(a.BootstrapOf(BootstrapSplit.ResplitAtResampleMedian).HazardRatio)),
        ("alternatives with p < 0.05", a => Alternatives(a) is var alt ? $"{alt.Count(e => e.Run.LogRankP < RobustnessSensitivity.NominalLevel)} of {alt.Count}" : ""));

    /// <summary>"fixed split" or "resplit at the resample median".</summary>
    /// <param name="s">The bootstrap's label rule.</param>
    public static string LabelRule(BootstrapSplit s) => s == BootstrapSplit.FixedLabels ? "fixed split" : "resplit at the resample median";

    /// <summary>The alternative runs of an arm (one choice changed, and the cohort variant) with a defined test.</summary>
    private static List<SensitivityEntry> Alternatives(ArmRobustness a) =>
        a.Sensitivity.Entries.Where(e => e.Kind == SensitivityKind.Alternative && !double.IsNaN(e.Run.LogRankP)).ToList();

    private static string Interval(BootstrapStatistic s) => $"{Num(s.Observed)} [{Num(s.Lower)} to {Num(s.Upper)}]";

    private static string Num(double v, string format = "0.00") => ValidationTables.Num(v, format);
}

/// <summary>One row of output/results/robustness.tsv.</summary>
/// <param name="Arm">The drug (target row), as the arm column has always held.</param>
/// <param name="Analysis">permutation, bootstrap_fixed_split, bootstrap_resplit, sensitivity or sensitivity_range.</param>
/// <param name="Setting">The main setting, or the sensitivity row's label.</param>
/// <param name="Statistic">logrank_chisq, signed_logrank, surv5_responders_minus_nonresponders or hazard_ratio.</param>
/// <param name="Observed">The statistic on the real data.</param>
/// <param name="NullMean">Mean of the defined permuted statistics (permutation rows).</param>
/// <param name="Median">Bootstrap median, or the median HR over k.</param>
/// <param name="Low">Lower interval limit (see <paramref name="Interval"/>).</param>
/// <param name="High">Upper interval limit.</param>
/// <param name="Interval">What the interval is.</param>
/// <param name="P">The p-value (see <paramref name="PKind"/>).</param>
/// <param name="PKind">What the p-value is.</param>
/// <param name="Draws">Permutations or resamples.</param>
/// <param name="Undefined">Draws (or runs over k) without a defined statistic.</param>
/// <param name="Infinite">Resamples with HR = +inf or 0.</param>
/// <param name="Patients">Patients of the split.</param>
/// <param name="Events">Deaths.</param>
/// <param name="Seed">The run seed on rows of random analyses, else empty.</param>
public sealed record RobustnessRow(string Arm, string Analysis, string Setting, string Statistic, double Observed, double NullMean, double Median,
    double Low, double High, string Interval, double P, string PKind, int? Draws, int? Undefined, int? Infinite, int Patients, int Events, string Seed)
{
    /// <summary>robustness.tsv's columns, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["arm", "analysis", "setting", "statistic", "observed", "null_mean", "median", "ci_low", "ci_high", "interval", "p", "p_kind",
         "n_draws", "n_undefined", "n_infinite", "n_patients", "events", "seed"];

    /// <summary>The rows as robustness.tsv.</summary>
    /// <param name="rows">The rows, written in the order given.</param>
    public static TsvTable Table(IEnumerable<RobustnessRow> rows) =>
        new(Columns, rows.Select(r => (IReadOnlyList<string>)new object?[] { r.Arm, r.Analysis, r.Setting, r.Statistic, r.Observed, r.NullMean, r.Median,
            r.Low, r.High, r.Interval, r.P, r.PKind, r.Draws, r.Undefined, r.Infinite, r.Patients, r.Events, r.Seed }.Select(TsvTable.Cell).ToArray()).ToArray());
}
