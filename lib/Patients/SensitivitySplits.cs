using System.Globalization;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients;

/// <summary>How a sensitivity row relates to the main result (the forest plot draws each kind in its own style).</summary>
public enum SensitivityKind
{
    /// <summary>The pre-specified main setting itself.</summary>
    Main,
    /// <summary>The main setting with one analysis choice changed (or the cohort variant, which changes two).</summary>
    Alternative,
    /// <summary>A baseline feature set or the negative control on the same design.</summary>
    Baseline,
}

/// <summary>
/// One split beside an arm's main result: a row of robustness.tsv's sensitivity analysis and of patients.tsv.
/// </summary>
/// <param name="Group">What changed: "main", an <see cref="SensitivitySplits.Choices"/> name, or "baseline".</param>
/// <param name="Setting">patients.tsv's setting: "main", "&lt;choice&gt;: &lt;value&gt;" ("k = 3"), "baseline: &lt;name&gt;",
/// "negative control: &lt;cohort&gt;", or "cohort: &lt;cohort&gt;, survival: &lt;source&gt;" for the two-choice cohort variant.</param>
/// <param name="Label">robustness.tsv's setting and the forest plot's label (the main row spells out the whole setting).</param>
/// <param name="Run">The run's choices and statistics.</param>
/// <param name="Split">The split as its result table lists it.</param>
/// <param name="Selection">patients.tsv's selection: the model's selection, the baseline's name, or the main selection for the negative control.</param>
/// <param name="Kind">Main, alternative or baseline.</param>
/// <param name="Plotted">Whether the forest plot shows the row (every row is in robustness.tsv).</param>
/// <param name="Validation">The validation.tsv row it came from, or null.</param>
/// <param name="Baseline">The baselines.tsv row it came from, or null.</param>
public sealed record SensitivityEntry(string Group, string Setting, string Label, SensitivityRun Run, SplitSummary Split, string Selection,
    SensitivityKind Kind, bool Plotted, ValidationRow? Validation, BaselineRow? Baseline);

/// <summary>An arm's sensitivity analysis: its main row, every split beside it, and the spread of the hazard ratio over k.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Main">The main row of validation.tsv.</param>
/// <param name="Entries">The main setting first, then one choice at a time, the cohort variant, the negative control and the baselines.</param>
/// <param name="KRange">The main setting's runs over every k (<see cref="RobustnessSensitivity.Range"/>).</param>
/// <param name="MaxK">The largest k of the grid.</param>
public sealed record ArmSensitivity(ArmDefinition Arm, ValidationRow Main, IReadOnlyList<SensitivityEntry> Entries, SensitivityRange KRange, int MaxK)
{
    /// <summary>robustness.tsv's name for the main setting: "main: selection, model, k=K, cohort, expression, survival".</summary>
    public string MainSetting => MainLabel(Main);

    /// <summary>See <see cref="MainSetting"/>.</summary>
    public static string MainLabel(ValidationRow main) =>
        $"main: {main.Selection}, {main.Split.Model}, k={main.Split.K}, {main.Split.Cohort}, {main.Split.ExpressionSource}, {main.Split.SurvivalSource}";
}

/// <summary>
/// The one-choice-at-a-time sensitivity of each arm's main result (<see cref="RobustnessSensitivity.OneAtATime"/>,
/// Saltelli et al. 2008), read from the validation grid and the baselines: the runs of validation.tsv that differ from
/// the main row in exactly one of <see cref="Choices"/>, the cohort variant that changes cohort and survival together
/// (shown apart, labelled so), the negative control and the baselines on the main patients at the main k.
/// </summary>
public static class SensitivitySplits
{
    /// <summary>
    /// The analysis choices, in the order rows are listed: selection, model, cohort, survival, expression, training (the
    /// organoid cohort the model was trained on: a second training set exists in a connected run, where cisplatin's main
    /// model is bladder-trained and the CRC-trained one a sensitivity row), k.
    /// </summary>
    public static IReadOnlyList<string> Choices { get; } = ["selection", "model", "cohort", "survival", "expression", "training", "k"];

    /// <summary>The k the forest plot shows besides k = 1 (robustness.tsv holds every k; the plot also shows the range over k).</summary>
    public static IReadOnlyList<int> PlottedK { get; } = [2, 3, 5, 10];

    /// <summary>
    /// The sensitivity analysis of <paramref name="arm"/>. A cohort that restates another with another survival source
    /// (<see cref="PatientCohortDefinition.VariantOf"/>, e.g. blca_cisplatin_cdr) counts as that cohort, so only its
    /// survival source changes.
    /// </summary>
    /// <param name="study">The study (cohort variants, selection labels, the arm's analyses).</param>
    /// <param name="arm">The arm.</param>
    /// <param name="validation">validation.tsv's rows (all arms).</param>
    /// <param name="baselines">baselines.tsv's rows (all arms).</param>
    /// <exception cref="ArgumentException">The arm has no or several main rows.</exception>
    public static ArmSensitivity Of(StudyDefinition study, ArmDefinition arm, IReadOnlyList<ValidationRow> validation, IReadOnlyList<BaselineRow> baselines)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(baselines);
        string drug = arm.Drug.TargetRow;
        var mains = validation.Where(v => v.Main && v.Split.Drug == drug).ToList();
        if (mains.Count != 1) throw new ArgumentException($"arm {arm.Id}: {mains.Count} main rows in validation.tsv (expected 1): rerun stage 05");
        var main = mains[0];
        var m = main.Split;
        // The learner comparison's splits (stage 04's ML.NET learners) are not one of the analyst's choices around the
        // paper's pipeline: robustness.tsv and patients.tsv keep to the paper's models.
        var rows = validation.Where(v => v.Split.Drug == drug && v.Split.Mode == m.Mode && !Learners.IsComparisonOnly(v.Split.Model)).ToList();
        var runs = rows.Select(v => Run(study, v.Selection, v.Split)).ToList();
        var mainChoices = Run(study, main.Selection, m).Choices;
        var byRun = new Dictionary<SensitivityRun, ValidationRow>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < runs.Count; i++) byRun[runs[i]] = rows[i];

        var entries = new List<SensitivityEntry>();
        foreach (var row in RobustnessSensitivity.OneAtATime(runs, mainChoices))
        {
            var v = byRun[row.Run];
            if (row.Varied == "main")
                entries.Add(new SensitivityEntry("main", "main", ArmSensitivity.MainLabel(main), row.Run, v.Split, v.Selection, SensitivityKind.Main, true, v, null));
            else
            {
                string label = row.Varied == "k" ? $"k = {row.Value}"
                    : row.Varied == "selection" && study.Selections.FirstOrDefault(s => s.Id == row.Value)?.Label is { } what ? $"selection: {row.Value} ({what})"
                    : $"{row.Varied}: {row.Value}";
                string setting = row.Varied == "k" ? label : $"{row.Varied}: {row.Value}";
                bool plotted = row.Varied != "k" || PlottedK.Contains(int.Parse(row.Value, CultureInfo.InvariantCulture));
                entries.Add(new SensitivityEntry(row.Varied, setting, label, row.Run, v.Split, v.Selection, SensitivityKind.Alternative, plotted, v, null));
            }
        }
        // The cohort variant that exists only with another survival source: two choices change at once, shown apart.
        string mainCohort = CohortChoice(study, m.Cohort);
        foreach (var (v, run) in rows.Zip(runs))
            if (CohortChoice(study, v.Split.Cohort) != mainCohort && v.Split.SurvivalSource != m.SurvivalSource && v.Split.ExpressionSource == m.ExpressionSource
                && v.Selection == main.Selection && v.Split.Model == m.Model && v.Split.K == m.K && v.Split.TrainingOrganoids == m.TrainingOrganoids)
                entries.Add(new SensitivityEntry("cohort", $"cohort: {v.Split.Cohort}, survival: {v.Split.SurvivalSource}",
                    $"cohort: {v.Split.Cohort} (+ {v.Split.SurvivalSource} survival: 2 choices)", run, v.Split, v.Selection, SensitivityKind.Alternative, true, v, null));

        bool SameDesign(SplitSummary s, string cohort) => s.Drug == drug && s.Cohort == cohort && s.ExpressionSource == m.ExpressionSource
            && s.SurvivalSource == m.SurvivalSource && s.Mode == m.Mode && s.K == m.K;
        string? control = arm.Analyses.FirstOrDefault(a => a.Cohort == m.Cohort && a.Survival == m.SurvivalSource)?.Control;
        if (control is not null && baselines.SingleOrDefault(b => b.Baseline == BaselineNames.NegativeControl && SameDesign(b.Split, control)) is { } nc)
            entries.Add(new SensitivityEntry("baseline", $"negative control: {control}", $"negative control: {control} (untreated)",
                Run(study, "-", nc.Split), nc.Split, main.Selection, SensitivityKind.Baseline, true, null, nc));
        foreach (var name in BaselineNames.Retrained)
        {
            var b = baselines.Single(x => x.Baseline == name && SameDesign(x.Split, m.Cohort));
            entries.Add(new SensitivityEntry("baseline", $"baseline: {name}", $"baseline: {name.Replace('_', ' ')} (same patients)",
                Run(study, "-", b.Split), b.Split, name, SensitivityKind.Baseline, true, null, b));
        }

        int beforeK = Choices.Count - 1;
        var overK = runs.Where(r => r.Choices.Take(beforeK).Select(c => c.Value).SequenceEqual(mainChoices.Take(beforeK).Select(c => c.Value))).ToList();
        return new ArmSensitivity(arm, main, entries, RobustnessSensitivity.Range(overK), overK.Max(r => int.Parse(r.ValueOf("k"), CultureInfo.InvariantCulture)));
    }

    /// <summary>A training set as an analysis choice: its organoid cohort, without the label's note ("crc_organoids_cisplatin (substitute: ...)" → "crc_organoids_cisplatin").</summary>
    public static string TrainingChoice(string trainingLabel) => trainingLabel.Split(' ', 2)[0];

    /// <summary>A cohort as an analysis choice: the cohort a variant restates, else the cohort itself.</summary>
    public static string CohortChoice(StudyDefinition study, string cohort) => study.Cohort(cohort)?.VariantOf ?? cohort;

    /// <summary>The run of a split, described by <see cref="Choices"/>.</summary>
    public static SensitivityRun Run(StudyDefinition study, string selection, SplitSummary s) => new(
        [new("selection", selection), new("model", s.Model), new("cohort", CohortChoice(study, s.Cohort)), new("survival", s.SurvivalSource),
         new("expression", s.ExpressionSource), new("training", TrainingChoice(s.TrainingOrganoids)), new("k", s.K.ToString(CultureInfo.InvariantCulture))],
        s.HazardRatio, s.HazardRatioLower, s.HazardRatioUpper, s.LogRankP, s.SignedZ, s.Patients, s.Events);
}
