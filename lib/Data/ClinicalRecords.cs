namespace OrganoidBiomarkers.Data;

/// <summary>One drug administration record of a TCGA patient (free-text drug name as entered by the site).</summary>
public sealed record DrugRecord(string Patient, string DrugName, string? TherapyType, double? StartDay, double? EndDay, string? Response, string Source);

/// <summary>An overall-survival observation: days from diagnosis to death (Event) or to last contact (censored).</summary>
public sealed record SurvivalRecord(string Patient, double Days, bool Event, string Source);

/// <summary>A clinical patient row: the IDs that join drug records, survival and expression files.</summary>
public sealed record ClinicalPatient(string Patient, string? PatientUuid, string? VitalStatus, double? DaysToDeath, double? DaysToLastContact);
