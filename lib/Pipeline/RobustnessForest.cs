using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Reporting;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// The rows of an arm's robustness forest plot (<see cref="RobustnessFigures.Forest"/>): the main result with its
/// permutation p and bootstrap intervals, then each group of one-choice changes (selection, model, cohort, survival,
/// expression, k with the range over every k), then the baselines and the negative control.
/// </summary>
public static class RobustnessForest
{
    /// <summary>The groups, top to bottom.</summary>
    public static IReadOnlyList<string> GroupOrder { get; } = ["main", "selection", "model", "cohort", "survival", "expression", "k", "baseline"];

    /// <summary>The forest rows of <paramref name="arm"/> (only entries marked <see cref="SensitivityEntry.Plotted"/>).</summary>
    /// <param name="arm">One arm's robustness results (permutation, bootstrap, sensitivity).</param>
    /// <returns>Rows in <see cref="GroupOrder"/>; rows without a hazard ratio (the permutation p) carry NaN.</returns>
    public static IReadOnlyList<ForestRow> Rows(ArmRobustness arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        var rows = new List<ForestRow>();
        foreach (var group in GroupOrder)
        {
            foreach (var e in arm.Sensitivity.Entries.Where(e => e.Group == group && e.Plotted))
                rows.Add(new ForestRow(group, e.Label, Detail(e.Run), e.Run.HazardRatio, e.Run.Lower, e.Run.Upper, Interval(e.Kind)));
            if (group == "main")
            {
                var p = arm.Permutation.Result;
                rows.Add(new ForestRow("main", "main, organoid ln IC50 permuted (model retrained)",
                    $"empirical p = {Num(p.P, "0.000")} two-sided, {Num(p.PDirectional, "0.000")} in the paper's direction ({p.Permutations} permutations)",
                    double.NaN, double.NaN, double.NaN, ForestInterval.Main));
                foreach (var b in arm.Bootstrap)
                {
                    var hr = b.HazardRatio;
                    rows.Add(new ForestRow("main", $"main, patient bootstrap ({RobustnessRun.LabelRule(b.Labels)})",
                        $"95% {Num(hr.Lower)} to {Num(hr.Upper)}; of {b.Resamples} resamples {hr.Infinite} with HR = inf or 0, {hr.Undefined} undefined",
                        hr.Observed, hr.Lower, hr.Upper, ForestInterval.Bootstrap));
                }
            }
            if (group == "k")
            {
                var range = arm.Sensitivity.KRange;
                rows.Add(new ForestRow("k", $"k = 1..{arm.Sensitivity.MaxK}: range of the {range.Defined} HRs",
                    $"HR {Num(range.MinHazardRatio)} to {Num(range.MaxHazardRatio)}, median {Num(range.MedianHazardRatio)}; p < 0.05 in {range.Nominal} of {range.Defined}",
                    range.MedianHazardRatio, range.MinHazardRatio, range.MaxHazardRatio, ForestInterval.Range));
            }
        }
        return rows;
    }

    /// <summary>The forest plot's title: the arm, its main cohort and its training set (substitutes named).</summary>
    /// <param name="arm">One arm's robustness results.</param>
    public static string Title(ArmRobustness arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        return $"{arm.Main.Arm.Arm.Drug.Label}: how the main result moves when one choice changes (TCGA {arm.Main.Unit.Cohort}; trained on {arm.Main.Arm.TrainingLabel})";
    }

    private static ForestInterval Interval(SensitivityKind kind) => kind switch
    {
        SensitivityKind.Main => ForestInterval.Main,
        SensitivityKind.Alternative => ForestInterval.Alternative,
        _ => ForestInterval.Baseline,
    };

    private static string Detail(SensitivityRun s) =>
        (double.IsNaN(s.HazardRatio) ? $"not defined; n = {s.Patients} ({s.Events} deaths)"
         : (double.IsInfinity(s.HazardRatio) || s.HazardRatio == 0 ? $"HR {Num(s.HazardRatio)} (no death in one group)" : $"HR {Num(s.HazardRatio)} ({Num(s.Lower)}-{Num(s.Upper)})")
           + $", p = {Num(s.LogRankP, "0.000")}{(s.SignedLogRank < 0 ? " \u2193" : "")}, n = {s.Patients} ({s.Events} deaths)");

    private static string Num(double v, string format = "0.00") => ValidationTables.Num(v, format);
}
