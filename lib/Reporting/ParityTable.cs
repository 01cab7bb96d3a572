using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Reporting;

/// <summary>The study's parity rows: which numbers are compared, where each side comes from, and why they may differ.</summary>
public static class ParityTable
{
    public static TsvTable Build(RunOutputs run)
    {
        var paper = run.PaperValues();
        string? Paper(string quantity) => paper.Rows.FirstOrDefault(r => r[0] == quantity) is { } row ? row[paper.ColumnIndex("value")] : null;
        string PaperSource(string quantity) => paper.Rows.FirstOrDefault(r => r[0] == quantity) is { } row ? row[paper.ColumnIndex("source")] : "paper";
        string? PaperNote(string quantity) => paper.Rows.FirstOrDefault(r => r[0] == quantity) is { } row ? row[paper.ColumnIndex("note")] : null;
        var rows = new List<ParityRow>();

        // Cohorts (stage 01).
        var cohorts = run.Result("cohorts.tsv");
        string? Cohort(string name, string column) => cohorts?.Rows.FirstOrDefault(r => r[0] == name) is { } r ? r[cohorts.ColumnIndex(column)] : null;
        rows.Add(Parity.Compare("CRC organoids with expression and 5-FU response", PaperSource("crc_organoids_5fu"), Paper("crc_organoids_5fu"), Cohort("crc_organoids_5fu", "n"),
            "crc_expression, crc_drug_screen", "organoid IDs or the drug name did not join as expected"));
        rows.Add(Parity.Compare("TCGA COAD patients treated with 5-FU", PaperSource("coad_5fu_patients"), Paper("coad_5fu_patients"), Cohort("coad_5fu", "n"),
            "coad_biotab_drug, coad_biotab_patient, coad_gdc_files, drugbank_vocabulary", "drug-name normalisation or the survival / expression-file joins differ"));
        rows.Add(Parity.Compare("TCGA BLCA patients treated with cisplatin", PaperSource("blca_cisplatin_patients"), Paper("blca_cisplatin_patients"), Cohort("blca_cisplatin", "n"),
            "blca_drug (TCGAbiolinks export), gdc_survival, drugbank_vocabulary",
            "the paper also required a BLCA FPKM-UQ expression file; the mirror has no BLCA file metadata, so that filter cannot be applied (one treated patient most likely lacked a file)"));
        rows.Add(Parity.Compare("deaths among the COAD 5-FU patients", PaperSource("coad_5fu_events"), Paper("coad_5fu_events"), Cohort("coad_5fu", "events"), "coad_biotab_patient",
            "follow-up of the biotab", PaperNote("coad_5fu_events")));

        // Proximal pathways (stage 03): the authors' table re-read, and ours on the stand-ins.
        var authorsZ = run.MirrorFile("network/coad_blca_organoid_drugs_zscore_result_reactome.txt") is string zPath ? AuthorsProximityTable.Read(zPath) : null;
        var proximal = run.Result("proximal_pathways.tsv");
        foreach (var drug in new[] { "FLUOROURACIL", "CISPLATIN" })
        {
            string? reference = authorsZ is null ? null : authorsZ.Column(drug).Count(kv => kv.Value <= Network.Proximity.ProximalZ).ToString(CultureInfo.InvariantCulture);
            foreach (var selection in new[] { "authors", "string", "menche" })
            {
                string? ours = proximal is null ? null
                    : proximal.Rows.Count(r => r[proximal.ColumnIndex("drug")] == drug && r[proximal.ColumnIndex("selection")] == selection).ToString(CultureInfo.InvariantCulture);
                rows.Add(Parity.Compare($"proximal pathways for {drug} ({selection})", "authors' code (z table)", reference, ours,
                    selection == "authors" ? "authors_proximity_z" : $"{selection} network, reactome_gmt, drug_targets",
                    selection == "authors" ? "the threshold or the table reading differs" : "recomputed on a stand-in interactome (the paper's STRING v10.5 with text mining is not available): different shortest paths and degree bins move every z"));
            }
        }

        // Organoid scores and models (stage 04).
        var nesRef = run.MirrorFile("reference/authors_gseapy_organoid_crc/gseapy.samples.normalized.es.txt");
        string? authorsSets = nesRef is null ? null : GseapyScores.Read(nesRef).Pathways.Count.ToString(CultureInfo.InvariantCulture);
        var nes = run.Stage(4, "organoid_nes.tsv");
        rows.Add(Parity.Compare("organoid pathways scored by ssGSEA (authors' GMT handling)", "authors' code (gseapy output)", authorsSets, nes?.Rows.Count.ToString(CultureInfo.InvariantCulture),
            "crc_expression, reactome_gmt", "gene-set size filter or GMT reading differs"));
        var cv = run.Result("organoid_cv.tsv");
        string? Cv(string drug, string selection, string model, string column) =>
            cv?.Rows.FirstOrDefault(r => r[cv.ColumnIndex("drug")] == drug && r[cv.ColumnIndex("selection")] == selection && r[cv.ColumnIndex("model")] == model) is { } r ? r[cv.ColumnIndex(column)] : null;
        rows.Add(Parity.Compare("organoids in the 5-FU training set", PaperSource("crc_organoids_5fu"), Paper("crc_organoids_5fu"), Cv("FLUOROURACIL", "authors", "ridgecv", "n_organoids"), "stage 04", "training set differs"));
        rows.Add(Parity.Compare("5-FU model features (authors' selection)", PaperSource("features_5fu"), Paper("features_5fu"), Cv("FLUOROURACIL", "authors", "ridgecv", "n_features"), "stage 04", "proximal pathways missing from the organoid scores differ"));
        rows.Add(Parity.Compare("RidgeCV alpha, 5-FU (authors' selection)", PaperSource("ridgecv_alpha_5fu"), Paper("ridgecv_alpha_5fu"), Cv("FLUOROURACIL", "authors", "ridgecv", "alpha"), "stage 04", "CV folds or scoring differ"));
        var coefficients = run.Result("model_coefficients.tsv");
        foreach (var model in new[] { "ridgecv", "svr", "ols" })
        {
            string? top = coefficients?.Rows.FirstOrDefault(r => r[coefficients.ColumnIndex("drug")] == "FLUOROURACIL" && r[coefficients.ColumnIndex("selection")] == "authors"
                && r[coefficients.ColumnIndex("model")] == model && r[coefficients.ColumnIndex("rank")] == "1") is { } row ? row[coefficients.ColumnIndex("pathway")] : null;
            rows.Add(Parity.Compare($"top 5-FU biomarker ({model})", PaperSource("top_biomarker_5fu"), Paper("top_biomarker_5fu"), top, "stage 04", "the model or its features differ"));
        }

        // Patients (stage 05): the main pre-specified result of each arm.
        var validation = run.Result("validation.tsv");
        foreach (var (arm, drug) in new[] { ("coad_5fu", "FLUOROURACIL"), ("blca_cisplatin", "CISPLATIN") })
        {
            var main = validation is null || !validation.Columns.Contains("main") ? null
                : validation.Rows.FirstOrDefault(r => r[validation.ColumnIndex("drug")] == drug && r[validation.ColumnIndex("main")] == "true");
            string? V(string column) => main is null ? null : main[validation!.ColumnIndex(column)];
            string inputs = main is null ? "stage 05" : $"{V("cohort")}, expression {V("expression_source")}, survival {V("survival_source")}, {V("model")}, k = {V("k")}";
            const string dataReason = "patients scored on a partial expression source (the paper's full-transcriptome FPKM-UQ files are not available) and, for cisplatin, a model trained on colorectal organoids";
            foreach (var (quantity, column) in new[] { ("predicted responders", "n_responders"), ("predicted non-responders", "n_nonresponders"), ("events", "events"),
                         ("log-rank p", "logrank_p"), ("5-year survival, responders", "surv5_responders"), ("5-year survival, non-responders", "surv5_nonresponders") })
            {
                string key = $"{arm}_{column}";
                rows.Add(Parity.Compare($"{arm}: {quantity}", PaperSource(key), Paper(key), V(column), inputs, dataReason, PaperNote(key)));
            }
        }
        return Parity.ToTable(rows);
    }
}
