using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients.Atlas;

/// <summary>A study arm's main result against the atlas arm of the same drug and cohort rule.</summary>
/// <param name="StudyArm">The study arm's id.</param>
/// <param name="AtlasArm">The atlas arm compared with, or null when there is none.</param>
/// <param name="Status">"equal" (every compared column), or why the two cannot be compared.</param>
/// <param name="Compared">What was compared (columns of the main split, the negative control, the patients).</param>
public sealed record AtlasStageCheck(string StudyArm, string? AtlasArm, string Status, string Compared)
{
    /// <summary>True when both were compared and agree.</summary>
    public bool Equal => Status == AtlasCheck.EqualStatus;
}

/// <summary>
/// The atlas' contract with stage 05 (issue 16, "done when"): an atlas arm generated from the template for a drug the
/// study already has an arm for, with the same cohort rules and main setting, must give stage 05's main result exactly,
/// every column of validation.tsv's main row (and its negative-control row of baselines.tsv, and the patients) equal but
/// the two labels that name the same things differently (the cohort id and the training set's label, which carries the
/// arm id). A difference means the atlas' path and stage 05's have drifted apart, and the atlas stops.
/// </summary>
public static class AtlasCheck
{
    /// <summary>The status of a compared pair that agrees.</summary>
    public const string EqualStatus = "equal";

    /// <summary>
    /// Compares every study arm with its atlas counterpart. Arms without a counterpart, or whose rules or settings differ
    /// (e.g. another expression source is preferred), are listed with the reason and not compared.
    /// </summary>
    /// <param name="study">The study (its arms and cohorts).</param>
    /// <param name="rows">The atlas' rows.</param>
    /// <param name="validation">stages/05/validation.tsv.</param>
    /// <param name="baselines">stages/05/baselines.tsv.</param>
    /// <param name="mainPatients">Per study arm id, the patients of its main unit (stages/05/main_units.tsv), or null to skip.</param>
    /// <exception cref="InvalidOperationException">A comparable pair differs (naming the arms and the columns).</exception>
    public static IReadOnlyList<AtlasStageCheck> AgainstStage05(StudyDefinition study, IReadOnlyList<AtlasRow> rows, IReadOnlyList<ValidationRow> validation,
        IReadOnlyList<BaselineRow> baselines, IReadOnlyDictionary<string, IReadOnlyList<string>>? mainPatients = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(baselines);
        var checks = new List<AtlasStageCheck>();
        foreach (var arm in study.Arms)
        {
            var candidates = rows.Where(r => r.Result.Arm.Candidate.DrugBankName == arm.Drug.DrugBankName).ToList();
            if (candidates.Count == 0) { checks.Add(new(arm.Id, null, "no atlas arm for this drug in this run", "")); continue; }
            var reasons = new List<string>();
            AtlasRow? match = null;
            foreach (var r in candidates)
            {
                var why = Differences(study, arm, r.Result.Arm, validation);
                if (why.Count == 0) { match = r; break; }
                reasons.Add($"{r.Result.Arm.Id}: {string.Join("; ", why)}");
            }
            if (match is null) { checks.Add(new(arm.Id, candidates[0].Result.Arm.Id, "not comparable: " + string.Join(" | ", reasons), "")); continue; }

            var atlasArm = match.Result.Arm;
            var stage05 = validation.Single(v => v.Main && v.Split.Drug == arm.Drug.TargetRow);
            if (match.Split is not { } split) throw new InvalidOperationException($"atlas arm {atlasArm.Id} has no main split, but stage 05's arm {arm.Id} does: {match.Result.Note}");
            var differing = DifferingColumns(Relabelled(split, stage05.Split), stage05.Split);
            if (differing.Count > 0)
                throw new InvalidOperationException($"atlas arm {atlasArm.Id} differs from stage 05's main result of arm {arm.Id} in {string.Join(", ", differing)}: " +
                                                    "the atlas and stage 05 no longer run the same code path");
            string compared = $"main split: {SplitSummary.Columns("n").Count} columns";
            var control = baselines.FirstOrDefault(b => b.Baseline == BaselineNames.NegativeControl && b.Split.Drug == stage05.Split.Drug
                && b.Split.ExpressionSource == stage05.Split.ExpressionSource && b.Split.SurvivalSource == stage05.Split.SurvivalSource
                && b.Split.Model == stage05.Split.Model && b.Split.K == stage05.Split.K && b.Split.Mode == stage05.Split.Mode);
            if (control is not null)
            {
                if (match.Control is not { } atlasControl) throw new InvalidOperationException($"atlas arm {atlasArm.Id} has no negative control, stage 05's arm {arm.Id} has one");
                var d = DifferingColumns(Relabelled(atlasControl, control.Split), control.Split);
                if (d.Count > 0) throw new InvalidOperationException($"atlas arm {atlasArm.Id}'s negative control differs from stage 05's of arm {arm.Id} in {string.Join(", ", d)}");
                compared += "; negative control: all columns";
            }
            if (mainPatients is not null && mainPatients.TryGetValue(arm.Id, out var patients))
            {
                var mine = match.Result.Main!.Unit.Treated.Patients;
                if (!mine.SequenceEqual(patients, StringComparer.Ordinal))
                    throw new InvalidOperationException($"atlas arm {atlasArm.Id} splits other patients than stage 05's arm {arm.Id} ({mine.Count} vs {patients.Count})");
                compared += $"; the {patients.Count} patients";
            }
            checks.Add(new(arm.Id, atlasArm.Id, EqualStatus, compared + " (cohort id and training label excepted: names)"));
        }
        return checks;
    }

    /// <summary>The checks as a display table.</summary>
    /// <param name="checks">The checks of <see cref="AgainstStage05"/>.</param>
    public static TsvTable Table(IReadOnlyList<AtlasStageCheck> checks) => TsvTable.From(checks,
        ("study arm", c => c.StudyArm), ("atlas arm", c => c.AtlasArm), ("stage 05 main result", c => c.Status), ("compared", c => c.Compared));

    /// <summary>Why an atlas arm is not the same analysis as a study arm's main setting (empty when it is).</summary>
    private static List<string> Differences(StudyDefinition study, ArmDefinition arm, AtlasArm atlas, IReadOnlyList<ValidationRow> validation)
    {
        var why = new List<string>();
        var m = arm.Main;
        var cohort = study.Cohort(m.Cohort)!;
        if (!SameRule(cohort, atlas.Treated)) why.Add($"cohort rule of {m.Cohort} differs from {atlas.Treated.Id}'s");
        var control = arm.Analyses.FirstOrDefault(a => a.Cohort == m.Cohort && a.Survival == m.Survival)?.Control is { } c ? study.Cohort(c) : null;
        if (control is null || !SameRule(control, atlas.Control)) why.Add($"negative control {control?.Id ?? "(none)"} differs from {atlas.Control.Id}");
        if (m.Survival != atlas.Arm.Main.Survival) why.Add($"survival {m.Survival} vs {atlas.Arm.Main.Survival}");
        if (m.Selection != atlas.Arm.Main.Selection) why.Add($"selection {m.Selection} vs {atlas.Arm.Main.Selection}");
        if (m.Model != atlas.Arm.Main.Model || m.K != atlas.Arm.Main.K) why.Add($"model/k {m.Model}/{m.K} vs {atlas.Arm.Main.Model}/{atlas.Arm.Main.K}");
        if (arm.Training[0].Organoids != atlas.Arm.Training[0].Organoids) why.Add($"training organoids {arm.Training[0].Organoids} vs {atlas.Arm.Training[0].Organoids}");
        if ((arm.Training[0].Substitute is null) != (atlas.Arm.Training[0].Substitute is null)) why.Add("one is labelled a substitute training set, the other not");
        if (arm.Drug.ScreenName != atlas.Candidate.ScreenName || arm.Drug.TargetRow != atlas.Arm.Drug.TargetRow) why.Add("screen name or target row");
        var row = validation.FirstOrDefault(v => v.Main && v.Split.Drug == arm.Drug.TargetRow);
        if (row is null) why.Add("stage 05 has no main row for it");
        else if (row.Split.ExpressionSource != atlas.Arm.Main.Expression[0]) why.Add($"expression source {row.Split.ExpressionSource} (stage 05) vs {atlas.Arm.Main.Expression[0]} (atlas)");
        return why;
    }

    private static bool SameRule(PatientCohortDefinition a, PatientCohortDefinition b) =>
        a.Projects.SequenceEqual(b.Projects, StringComparer.Ordinal) && a.Drug == b.Drug && a.Treatment == b.Treatment && a.DrugRecords == b.DrugRecords
        && a.NameRule == b.NameRule && a.Survival == b.Survival && Equals(a.ExpressionFiles, b.ExpressionFiles);

    /// <summary>The atlas' split with the two naming labels taken from stage 05's.</summary>
    private static SplitSummary Relabelled(SplitSummary atlas, SplitSummary stage05) =>
        atlas with { Cohort = stage05.Cohort, TrainingOrganoids = stage05.TrainingOrganoids };

    private static List<string> DifferingColumns(SplitSummary a, SplitSummary b) =>
        typeof(SplitSummary).GetProperties().Where(p => !Equals(p.GetValue(a), p.GetValue(b))).Select(p => $"{p.Name} ({p.GetValue(a)} vs {p.GetValue(b)})").ToList();
}
