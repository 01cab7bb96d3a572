using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// One analysis of an arm on one expression source: the treated patients the source scores (and the negative-control
/// patients, when the analysis has a control with at least two scored patients), their pathway scores standardised over
/// the analysis' reference patients.
/// </summary>
/// <param name="Arm">The arm.</param>
/// <param name="Analysis">The analysis (cohort, survival source, control).</param>
/// <param name="Mode">The gene-set convention of the scores.</param>
/// <param name="Treated">The treated unit (≥ 2 patients).</param>
/// <param name="Control">The negative-control unit, or null.</param>
/// <param name="ReferencePatients">Patients the scores were standardised over (the source's patients with survival in the analysis' source and projects).</param>
public sealed record AnalysisUnit(ArmDefinition Arm, AnalysisDefinition Analysis, string Mode, ValidationUnit Treated, ValidationUnit? Control, int ReferencePatients)
{
    /// <summary>The expression source.</summary>
    public string ExpressionSource => Treated.ExpressionSource;
}

/// <summary>Builds the analysis units of stage 05: every arm x analysis x expression source that scores at least two treated patients.</summary>
public static class AnalysisUnits
{
    /// <summary>
    /// For each analysis (study order) and each of its arm's expression sources (arm order): standardise the source's
    /// pathway scores over the reference patients it scores (<see cref="ResponderSplit.Standardize"/>), and keep the
    /// treated and control members it scores (<see cref="ValidationUnit.FromFollowUp"/>). A source that scores none of
    /// the treated members is skipped (e.g. the READ-only RNAseqDB for a COAD cohort), as is a unit of fewer than two
    /// patients (a split needs two); a control of fewer than two patients is left out.
    /// </summary>
    /// <param name="followUps">The analyses' follow-up (<see cref="PatientFollowUp.ForAnalyses"/>).</param>
    /// <param name="scores">Pathway scores of every source in <paramref name="mode"/>.</param>
    /// <param name="mode">The gene-set convention.</param>
    /// <param name="log">Receives the join counts of every unit.</param>
    public static IReadOnlyList<AnalysisUnit> Build(IReadOnlyList<AnalysisFollowUp> followUps, IReadOnlyList<SourcePathwayScores> scores, string mode, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        ArgumentNullException.ThrowIfNull(scores);
        var units = new List<AnalysisUnit>();
        foreach (var f in followUps)
            foreach (var source in f.Arm.Expression)
            {
                var nes = scores.SingleOrDefault(s => s.Source == source && s.Mode == mode)?.Nes
                    ?? throw new ArgumentException($"no pathway scores for source {source} in mode {mode}");
                if (!f.Treated.Keys.Any(p => nes.SampleIndex(p) >= 0)) continue;
                var reference = nes.Samples.Where(f.Reference.Contains).ToList();
                var z = ResponderSplit.Standardize(nes, reference);
                string drug = f.Arm.Drug.TargetRow;
                var treated = ValidationUnit.FromFollowUp(drug, f.Analysis.Cohort, source, f.Analysis.Survival, z, f.Treated, log);
                if (treated.Patients.Count < 2) continue;
                var control = f.Control is null ? null : ValidationUnit.FromFollowUp(drug, f.Analysis.Control!, source, f.Analysis.Survival, z, f.Control, log);
                units.Add(new AnalysisUnit(f.Arm, f.Analysis, mode, treated, control is { Patients.Count: >= 2 } ? control : null, reference.Count));
            }
        return units;
    }

    /// <summary>
    /// The arm's main unit: the main cohort and survival source on the first of the main setting's expression sources
    /// (in preference order) that has a unit in this run.
    /// </summary>
    /// <param name="arm">The arm.</param>
    /// <param name="units">The run's units (all arms).</param>
    /// <exception cref="ArgumentException">None of the preferred sources scores the main cohort.</exception>
    public static AnalysisUnit Main(ArmDefinition arm, IReadOnlyList<AnalysisUnit> units)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(units);
        var m = arm.Main;
        foreach (var source in m.Expression)
            if (units.FirstOrDefault(u => u.Arm.Id == arm.Id && u.Analysis.Cohort == m.Cohort && u.Analysis.Survival == m.Survival && u.ExpressionSource == source) is { } unit)
                return unit;
        throw new ArgumentException($"arm {arm.Id}: no unit for the main setting ({m.Cohort}, {m.Survival}) on any of {string.Join(", ", m.Expression)}");
    }
}
