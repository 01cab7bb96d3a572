using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Study;

/// <summary>Whether a cohort holds the patients who received the drug, or those who did not (a negative control).</summary>
public enum Treatment
{
    /// <summary>Patients whose drug records name the arm's drug.</summary>
    Treated,

    /// <summary>Patients whose drug records do not name the drug (under the cohort's name rule): the negative control.</summary>
    Untreated,
}

/// <summary>The authors' expression-file filter: a patient counts only if their case UUID has a file in a GDC file list.</summary>
/// <param name="Files">Manifest id of the GDC file metadata (JSON export of the /files endpoint).</param>
/// <param name="Patients">Manifest id of the biotab patient table that maps barcodes to case UUIDs.</param>
public sealed record ExpressionFileFilter(string Files, string Patients);

/// <summary>
/// A TCGA patient cohort, built by one rule: patients of <paramref name="Projects"/> whose drug records
/// (<paramref name="DrugRecords"/>, normalised by <paramref name="NameRule"/>) name <paramref name="Drug"/> (or, for
/// <see cref="Treatment.Untreated"/>, do not), who have follow-up in <paramref name="Survival"/>, and, when
/// <paramref name="ExpressionFiles"/> is set, an expression file in the GDC list.
/// </summary>
/// <param name="Id">E.g. "coad_5fu".</param>
/// <param name="Projects">TCGA projects without the "TCGA-" prefix, e.g. ["COAD"].</param>
/// <param name="Drug">DrugBank common name, upper case.</param>
/// <param name="Treatment">Treated or untreated.</param>
/// <param name="DrugRecords">Id of a <see cref="DrugRecordSource"/>.</param>
/// <param name="NameRule">How free-text drug names are matched. Untreated cohorts should use the wider
/// <see cref="DrugNameRule.Extended"/> rule so that treated patients cannot leak into the control.</param>
/// <param name="Survival">Id of a <see cref="SurvivalSourceDefinition"/>: the cohort's own follow-up.</param>
/// <param name="ExpressionFiles">Optional GDC expression-file filter.</param>
/// <param name="PaperN">The paper's count, where it gives one.</param>
/// <param name="Definition">In words, as cohorts.tsv shows it.</param>
/// <param name="VariantOf">The cohort this one restates with another survival source (same rule otherwise).</param>
/// <param name="ExpressionSamples">Optional expression filter by data instead of a GDC file list: the id of an expression
/// source in which a member must have a primary-tumour (sample type 01) profile (the paper's "with an expression file",
/// where the full-transcriptome matrix itself is the file list).</param>
public sealed record PatientCohortDefinition(
    string Id, IReadOnlyList<string> Projects, string Drug, Treatment Treatment, string DrugRecords, DrugNameRule NameRule, string Survival,
    string Definition, ExpressionFileFilter? ExpressionFiles = null, int? PaperN = null, string? VariantOf = null, string? ExpressionSamples = null);
