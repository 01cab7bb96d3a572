namespace OrganoidBiomarkers.Models;

/// <summary>
/// One organoid model as stage 04 hands it over (output/stages/04/models.tsv): its key and its biomarkers ranked by
/// |coefficient| (<see cref="BiomarkerRanking"/>). Stage 05 splits patients with it; it lives in Models (not in the
/// Pipeline's file readers) so that the patient validation in lib/Patients can take it.
/// </summary>
/// <param name="Drug">The drug as stage 03/04 name it: the study arm's target row (e.g. "FLUOROURACIL").</param>
/// <param name="Selection">The proximal-pathway selection the features came from (e.g. "authors", "string", "menche").</param>
/// <param name="Gmt">The gene-set convention of the organoid scores (<see cref="SsgseaGeneSets.ParseConvention"/>: "authors" or "corrected").</param>
/// <param name="Model">The regressor's name (<see cref="Regressors.ByName"/>: "ridgecv", "svr", "ols").</param>
/// <param name="Biomarkers">Every feature with its coefficient, in rank order (rank 1 = largest |coefficient|).</param>
/// <param name="Training">The organoid cohort it was trained on (e.g. "crc_organoids_cisplatin"); null in files written
/// before stage 04 recorded it (one training set per arm).</param>
public sealed record StageModel(string Drug, string Selection, string Gmt, string Model, IReadOnlyList<RankedBiomarker> Biomarkers, string? Training = null);
