using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// The survival tables of the study's survival sources, read once per (source, projects) and kept: every TCGA patient
/// of those projects with usable overall survival in days.
/// </summary>
public sealed class SurvivalTables
{
    private readonly Func<SurvivalSourceDefinition, IReadOnlyList<string>, IReadOnlyList<SurvivalRecord>> _read;
    private readonly Dictionary<string, IReadOnlyList<SurvivalRecord>> _tables = new(StringComparer.Ordinal);

    /// <summary>Tables read on first use by <paramref name="read"/> (a test can pass an in-memory reader).</summary>
    /// <param name="read">Reads one source restricted to the given TCGA projects (without "TCGA-").</param>
    /// <exception cref="ArgumentNullException"><paramref name="read"/> is null.</exception>
    public SurvivalTables(Func<SurvivalSourceDefinition, IReadOnlyList<string>, IReadOnlyList<SurvivalRecord>> read) =>
        _read = read ?? throw new ArgumentNullException(nameof(read));

    /// <summary>Tables read from the data manifest's files (<see cref="Read(SurvivalSourceDefinition, IReadOnlyList{string}, DataStore, CountLog)"/>).</summary>
    /// <param name="data">The data store that resolves the survival inputs.</param>
    /// <param name="log">Receives the readers' counts.</param>
    public static SurvivalTables From(DataStore data, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(log);
        return new SurvivalTables((source, projects) => Read(source, projects, data, log));
    }

    /// <summary>The patients of <paramref name="projects"/> in <paramref name="source"/> (read on first use).</summary>
    /// <param name="source">The survival source.</param>
    /// <param name="projects">TCGA projects without "TCGA-", e.g. ["COAD"]; the order is part of the cache key.</param>
    public IReadOnlyList<SurvivalRecord> For(SurvivalSourceDefinition source, IReadOnlyList<string> projects)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(projects);
        string key = source.Id + "\u0001" + string.Join("+", projects);
        if (!_tables.TryGetValue(key, out var table)) _tables[key] = table = _read(source, projects);
        return table;
    }

    /// <summary>
    /// Reads one survival source for <paramref name="projects"/> by its format: a biotab patient table per project
    /// (<see cref="TcgaClinical.SurvivalFromBiotab"/>), the GDC endpoint export per project
    /// (<see cref="TcgaClinical.ReadGdcSurvival"/>), or TCGA-CDR overall survival for all projects at once
    /// (<see cref="TcgaClinical.ReadCdrSurvival"/>). Rows are dropped and counted as those readers do.
    /// </summary>
    /// <param name="source">The survival source.</param>
    /// <param name="projects">TCGA projects without "TCGA-".</param>
    /// <param name="data">Resolves the source's manifest inputs.</param>
    /// <param name="log">Receives the readers' counts.</param>
    /// <exception cref="ArgumentException">The source has no input for a project, or TCGA-CDR projects name different files.</exception>
    public static IReadOnlyList<SurvivalRecord> Read(SurvivalSourceDefinition source, IReadOnlyList<string> projects, DataStore data, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(data);
        return StudyInputs.Survival(source, projects, data.PathOf, log); // one reader per format, shared with stage 01's cohorts
    }
}

/// <summary>
/// The follow-up of one analysis of an arm (<see cref="AnalysisDefinition"/>): its treated patients and negative-control
/// patients with their survival in days, and the reference patients the pathway scores are standardised over.
/// </summary>
/// <param name="Arm">The arm.</param>
/// <param name="Analysis">The analysis (cohort, survival source, control).</param>
/// <param name="Treated">Treated members with follow-up in the analysis' survival source, by patient.</param>
/// <param name="Control">Control members likewise, or null when the analysis has no control.</param>
/// <param name="Reference">Every patient of the survival source in the cohort's TCGA projects (treated or not).</param>
public sealed record AnalysisFollowUp(ArmDefinition Arm, AnalysisDefinition Analysis, IReadOnlyDictionary<string, SurvivalRecord> Treated,
    IReadOnlyDictionary<string, SurvivalRecord>? Control, IReadOnlySet<string> Reference);

/// <summary>How often a cohort variant's survival (e.g. blca_cisplatin_cdr, TCGA-CDR) equals its original's (blca_cisplatin, GDC).</summary>
/// <param name="Variant">The variant cohort.</param>
/// <param name="VariantSurvival">Its survival source.</param>
/// <param name="Original">The cohort it restates.</param>
/// <param name="OriginalSurvival">That cohort's survival source.</param>
/// <param name="Patients">Patients of the original cohort.</param>
/// <param name="Identical">Of those, patients with the same days and event in both.</param>
public sealed record VariantAgreement(string Variant, string VariantSurvival, string Original, string OriginalSurvival, int Patients, int Identical);

/// <summary>
/// Survival of each analysis' patients, by the study's rule: when the analysis uses the cohort's own survival source,
/// the members' own follow-up (stage 01); otherwise the members are looked up in the analysis' source (members without
/// survival there are dropped and counted). The standardisation reference is every patient of the analysis' survival
/// source in the cohort's projects: the authors standardised over all TCGA patients of the cancer with expression and
/// survival, treated or not.
/// </summary>
public static class PatientFollowUp
{
    /// <summary>The follow-up of every analysis of every arm, in study order.</summary>
    /// <param name="study">The study.</param>
    /// <param name="members">Stage 01's cohort members by cohort (days and event set for patient cohorts).</param>
    /// <param name="tables">The survival tables.</param>
    /// <param name="log">Receives one count per look-up.</param>
    public static IReadOnlyList<AnalysisFollowUp> ForAnalyses(StudyDefinition study, IReadOnlyDictionary<string, IReadOnlyList<CohortMember>> members,
        SurvivalTables tables, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(log);
        var result = new List<AnalysisFollowUp>();
        foreach (var arm in study.Arms)
            foreach (var a in arm.Analyses)
            {
                var cohort = Cohort(study, a.Cohort);
                var source = study.SurvivalSource(a.Survival) ?? throw new ArgumentException($"no survival source '{a.Survival}' in the study");
                var reference = tables.For(source, cohort.Projects).Select(r => r.Patient).ToHashSet(StringComparer.Ordinal);
                var control = a.Control is null ? null : Members(Cohort(study, a.Control), source, members, tables, log);
                result.Add(new AnalysisFollowUp(arm, a, Members(cohort, source, members, tables, log), control, reference));
            }
        return result;
    }

    /// <summary>
    /// A cohort's members with follow-up in <paramref name="source"/>: their own (stage 01) when it is the cohort's
    /// survival source, else looked up in the source's table for the cohort's projects (absent members dropped, counted).
    /// </summary>
    /// <param name="cohort">The patient cohort.</param>
    /// <param name="source">The survival source to take follow-up from.</param>
    /// <param name="members">Stage 01's cohort members by cohort id (cohort_members.tsv).</param>
    /// <param name="tables">The survival tables, read on first use.</param>
    /// <param name="log">Receives the lookup's count.</param>
    /// <returns>Patient barcode -> follow-up in days and event.</returns>
    /// <exception cref="ArgumentException">The cohort is not in <paramref name="members"/>, or (own source) a member has no
    /// days or event: rerun stage 01.</exception>
    public static IReadOnlyDictionary<string, SurvivalRecord> Members(PatientCohortDefinition cohort, SurvivalSourceDefinition source,
        IReadOnlyDictionary<string, IReadOnlyList<CohortMember>> members, SurvivalTables tables, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(source);
        if (!members.TryGetValue(cohort.Id, out var list))
            throw new ArgumentException($"cohort {cohort.Id} is not in stage 01's cohort_members.tsv: rerun stage 01");
        if (cohort.Survival == source.Id)
            return list.ToDictionary(m => m.Id, m => new SurvivalRecord(m.Id,
                m.Days ?? throw new ArgumentException($"{cohort.Id}: member {m.Id} has no days in cohort_members.tsv: rerun stage 01"),
                m.Event ?? throw new ArgumentException($"{cohort.Id}: member {m.Id} has no event in cohort_members.tsv: rerun stage 01"), source.Id),
                StringComparer.Ordinal);
        var table = tables.For(source, cohort.Projects).ToDictionary(r => r.Patient, StringComparer.Ordinal);
        var found = list.Where(m => table.ContainsKey(m.Id)).ToDictionary(m => m.Id, m => table[m.Id], StringComparer.Ordinal);
        log.Record($"{cohort.Id}: {source.Id} survival", list.Count, found.Count, $"members without {source.Id} survival dropped");
        return found;
    }

    /// <summary>
    /// For every cohort that restates another with a different survival source (<see cref="PatientCohortDefinition.VariantOf"/>),
    /// how many of the original's patients have the same days and event in both: when all do, the two analyses are the same.
    /// </summary>
    /// <param name="study">The study whose cohorts are compared.</param>
    /// <param name="members">Stage 01's cohort members by cohort id; pairs with a cohort absent here are skipped.</param>
    public static IReadOnlyList<VariantAgreement> VariantAgreements(StudyDefinition study, IReadOnlyDictionary<string, IReadOnlyList<CohortMember>> members)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(members);
        var result = new List<VariantAgreement>();
        foreach (var variant in study.Cohorts.Where(c => c.VariantOf is not null && members.ContainsKey(c.Id) && members.ContainsKey(c.VariantOf)))
        {
            var original = Cohort(study, variant.VariantOf!);
            var other = members[variant.Id].ToDictionary(m => m.Id, StringComparer.Ordinal);
            var own = members[original.Id];
            int same = own.Count(m => other.TryGetValue(m.Id, out var v) && v.Days == m.Days && v.Event == m.Event);
            result.Add(new VariantAgreement(variant.Id, variant.Survival, original.Id, original.Survival, own.Count, same));
        }
        return result;
    }

    private static PatientCohortDefinition Cohort(StudyDefinition study, string id) =>
        study.Cohort(id) ?? throw new ArgumentException($"no cohort '{id}' in the study");
}
