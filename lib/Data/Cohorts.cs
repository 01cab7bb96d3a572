using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>The joins that define the study's cohorts; each step logs its counts.</summary>
public static class Cohorts
{
    /// <summary>Organoids with both an expression profile and a response to the drug.</summary>
    /// <param name="expression">Organoid expression (samples = organoid IDs).</param>
    /// <param name="responses">The drug's per-organoid responses.</param>
    /// <param name="drug">The drug's name, for the log.</param>
    /// <param name="log">Receives the count and the organoids left out on either side.</param>
    /// <returns>Organoid IDs in ordinal order.</returns>
    public static IReadOnlyList<string> OrganoidsWithResponse(ExpressionMatrix expression, IReadOnlyList<OrganoidResponse> responses, string drug, CountLog log)
    {
        var withResponse = responses.Select(r => r.Organoid).ToHashSet(StringComparer.Ordinal);
        var both = expression.Samples.Where(withResponse.Contains).Order(StringComparer.Ordinal).ToList();
        var notScreened = expression.Samples.Where(s => !withResponse.Contains(s)).ToList();
        var noExpression = withResponse.Where(o => expression.SampleIndex(o) < 0).Order(StringComparer.Ordinal).ToList();
        log.Record($"organoids with expression and {drug} response", expression.SampleCount, both.Count,
            $"{responses.Count} organoids screened with {drug}; expressed but not screened: {List(notScreened)}; screened without expression: {List(noExpression)}");
        return both;
    }

    /// <summary>Patients with at least one drug record that normalises to <paramref name="drug"/> (a DrugBank common name).</summary>
    /// <param name="records">Drug records of the project.</param>
    /// <param name="names">The normaliser (its rule is named in the log).</param>
    /// <param name="drug">DrugBank common name, any case, e.g. "Fluorouracil".</param>
    /// <param name="log">Receives patients with records, patients treated, and every matched spelling.</param>
    /// <returns>Patient barcodes in ordinal order.</returns>
    public static IReadOnlyList<string> TreatedWith(IReadOnlyList<DrugRecord> records, DrugNames names, string drug, CountLog log)
    {
        var target = drug.ToUpperInvariant();
        var matched = records.Where(r => names.Normalise(r.DrugName).Contains(target)).ToList();
        var patients = matched.Select(r => r.Patient).Distinct().Order(StringComparer.Ordinal).ToList();
        var spellings = matched.Select(r => r.DrugName).Distinct().Order(StringComparer.Ordinal);
        log.Record($"patients treated with {target} ({names.Rule} rule)", records.Select(r => r.Patient).Distinct().Count(), patients.Count,
            $"{matched.Count} of {records.Count} drug records match; spellings: {string.Join(", ", spellings)}");
        return patients;
    }

    /// <summary>Patients of a group that have a usable survival record; members carry days and event.</summary>
    /// <param name="patients">Patient barcodes.</param>
    /// <param name="survival">Survival records, at most one per patient.</param>
    /// <param name="step">The log step's name.</param>
    /// <param name="log">Receives the count before and after the join.</param>
    /// <returns>Members in the order of <paramref name="patients"/>.</returns>
    /// <exception cref="ArgumentException">A patient has two survival records.</exception>
    public static IReadOnlyList<CohortMember> WithSurvival(IReadOnlyList<string> patients, IReadOnlyList<SurvivalRecord> survival, string step, CountLog log)
    {
        var byPatient = survival.ToDictionary(s => s.Patient, StringComparer.Ordinal);
        var members = patients.Where(byPatient.ContainsKey)
            .Select(p => new CohortMember(p, byPatient[p].Days, byPatient[p].Event)).ToList();
        log.Record(step, patients.Count, members.Count, $"joined on patient barcode with {survival.Count} survival records ({survival.FirstOrDefault()?.Source ?? "none"})");
        return members;
    }

    /// <summary>Members whose patient UUID has a file in the GDC metadata (the authors' expression files).</summary>
    /// <param name="members">Cohort members (patient barcodes).</param>
    /// <param name="patients">Clinical patients, for the barcode to UUID join.</param>
    /// <param name="files">GDC file metadata.</param>
    /// <param name="step">The log step's name.</param>
    /// <param name="log">Receives the count before and after.</param>
    /// <exception cref="ArgumentException">A patient barcode appears twice among <paramref name="patients"/>.</exception>
    public static IReadOnlyList<CohortMember> WithGdcFile(IReadOnlyList<CohortMember> members, IReadOnlyList<ClinicalPatient> patients,
        IReadOnlyList<GdcFile> files, string step, CountLog log)
    {
        var uuid = patients.Where(p => p.PatientUuid is not null).ToDictionary(p => p.Patient, p => p.PatientUuid!, StringComparer.Ordinal);
        var cases = files.Select(f => f.CaseId).ToHashSet(StringComparer.Ordinal);
        var kept = members.Where(m => uuid.TryGetValue(m.Id, out var u) && cases.Contains(u)).ToList();
        log.Record(step, members.Count, kept.Count, $"patient UUID (bcr_patient_uuid) matched to case_id of {files.Count} GDC files");
        return kept;
    }

    /// <summary>
    /// Members with a primary-tumour profile (sample type 01) among an expression source's sample barcodes: the paper's
    /// "with an expression file" read from the expression matrix itself (patient-level or normal-only columns do not count).
    /// </summary>
    /// <param name="members">The cohort's members so far (12-character patient barcodes).</param>
    /// <param name="sampleBarcodes">The expression source's column names; those that are not TCGA barcodes are ignored.</param>
    /// <param name="source">The expression source's id, for the count line.</param>
    /// <param name="step">The step's name in the count log.</param>
    /// <param name="log">Receives the members before and after.</param>
    /// <returns>The members kept, in their input order.</returns>
    public static IReadOnlyList<CohortMember> WithPrimaryTumourSample(IReadOnlyList<CohortMember> members, IEnumerable<string> sampleBarcodes, string source,
        string step, CountLog log)
    {
        var tumours = sampleBarcodes.Select(s => TcgaBarcode.TryParse(s, out var b) && b.IsPrimaryTumour ? b.Patient : null).Where(p => p is not null)
            .ToHashSet(StringComparer.Ordinal);
        var kept = members.Where(m => tumours.Contains(m.Id)).ToList();
        log.Record(step, members.Count, kept.Count, $"a primary-tumour sample (type 01) among the {tumours.Count} patients with one in {source}");
        return kept;
    }

    /// <summary>Patients of the cohort that have at least one sample in an expression source (by 12-character patient barcode).</summary>
    /// <param name="patients">Patient barcodes.</param>
    /// <param name="sampleBarcodes">The source's sample IDs; IDs that are not TCGA barcodes are ignored.</param>
    /// <returns>How many of <paramref name="patients"/> are covered, 0..patients.Count.</returns>
    public static int Coverage(IReadOnlyList<string> patients, IEnumerable<string> sampleBarcodes)
    {
        var covered = sampleBarcodes.Select(s => TcgaBarcode.TryParse(s, out var b) ? b.Patient : null).Where(p => p is not null).ToHashSet(StringComparer.Ordinal);
        return patients.Count(covered.Contains);
    }

    /// <summary>Patients of a project with survival who are NOT in the treated set (the negative-control arm).</summary>
    /// <param name="survival">The project's survival records, at most one per patient.</param>
    /// <param name="treated">Patients treated with the drug.</param>
    /// <param name="step">The log step's name.</param>
    /// <param name="log">Receives the count before and after.</param>
    /// <returns>Members in ordinal patient order.</returns>
    public static IReadOnlyList<CohortMember> NotTreated(IReadOnlyList<SurvivalRecord> survival, IReadOnlyCollection<string> treated, string step, CountLog log)
    {
        var set = treated.ToHashSet(StringComparer.Ordinal);
        var members = survival.Where(s => !set.Contains(s.Patient)).OrderBy(s => s.Patient, StringComparer.Ordinal)
            .Select(s => new CohortMember(s.Patient, s.Days, s.Event)).ToList();
        log.Record(step, survival.Count, members.Count, $"{survival.Count - members.Count} treated patient(s) removed");
        return members;
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
