namespace OrganoidBiomarkers.Data;

/// <summary>One drug administration record of a TCGA patient (free-text drug name as entered by the site).</summary>
/// <param name="Patient">12-character TCGA patient barcode.</param>
/// <param name="DrugName">The drug name as entered (free text, e.g. "5-FU", "Xeloda", "FOLFOX"); normalise with <see cref="DrugNames"/>.</param>
/// <param name="TherapyType">e.g. "Chemotherapy", or null when missing.</param>
/// <param name="StartDay">Days from diagnosis to the start of treatment, or null when missing.</param>
/// <param name="EndDay">Days from diagnosis to the end of treatment, or null when missing.</param>
/// <param name="Response">Best response as recorded (e.g. "Complete Response"), or null when missing.</param>
/// <param name="Source">Which file type it came from: "biotab", "TCGAbiolinks" or "RECIST table".</param>
public sealed record DrugRecord(string Patient, string DrugName, string? TherapyType, double? StartDay, double? EndDay, string? Response, string Source);

/// <summary>An overall-survival observation: days from diagnosis to death (Event) or to last contact (censored).</summary>
/// <param name="Patient">12-character TCGA patient barcode.</param>
/// <param name="Days">Follow-up in days from diagnosis, >= 0.</param>
/// <param name="Event">True for a death, false for censoring at last contact.</param>
/// <param name="Source">The survival source, e.g. "biotab", "GDC", "TCGA-CDR".</param>
public sealed record SurvivalRecord(string Patient, double Days, bool Event, string Source);

/// <summary>A clinical patient row: the IDs that join drug records, survival and expression files.</summary>
/// <param name="Patient">12-character TCGA patient barcode.</param>
/// <param name="PatientUuid">bcr_patient_uuid in lower case (GDC's case_id), or null when missing.</param>
/// <param name="VitalStatus">"Alive" or "Dead" as recorded, or null when missing.</param>
/// <param name="DaysToDeath">Days from diagnosis to death, or null.</param>
/// <param name="DaysToLastContact">Days from diagnosis to last contact, or null.</param>
public sealed record ClinicalPatient(string Patient, string? PatientUuid, string? VitalStatus, double? DaysToDeath, double? DaysToLastContact);
