using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>Readers of the TCGA clinical files in the mirror (BCR biotabs, TCGAbiolinks exports, GDC and TCGA-CDR survival).</summary>
public static class TcgaClinical
{
    /// <summary>BCR biotab: a header line, a second header with legacy names, a CDE_ID line, then data.</summary>
    /// <param name="path">A nationwidechildrens.org_clinical_*.txt file.</param>
    /// <exception cref="InputException">Not laid out as a biotab, or no bcr_patient_uuid / bcr_patient_barcode column.</exception>
    public static DelimitedTable ReadBiotab(string path)
    {
        var t = DelimitedFile.Read(path, '\t', new DelimitedOptions { SkipAfterHeader = 2 });
        t.RequireColumns("bcr_patient_uuid", "bcr_patient_barcode");
        return t;
    }

    /// <summary>Drug records of a BCR biotab drug table (nationwidechildrens.org_clinical_drug_*.txt).</summary>
    /// <param name="path">The biotab drug table.</param>
    /// <param name="log">Receives rows read and records kept (rows without a drug name dropped).</param>
    /// <exception cref="InputException">A missing column, a patient field that is not a TCGA barcode, or a day count
    /// that is neither a number nor a placeholder (names the line).</exception>
    public static IReadOnlyList<DrugRecord> ReadBiotabDrugs(string path, CountLog log)
    {
        var t = ReadBiotab(path);
        var c = t.RequireColumns("bcr_patient_barcode", "pharmaceutical_therapy_drug_name", "pharmaceutical_therapy_type",
            "pharmaceutical_tx_started_days_to", "pharmaceutical_tx_ended_days_to", "treatment_best_response");
        return ReadDrugRows(t, path, log, c["bcr_patient_barcode"], c["pharmaceutical_therapy_drug_name"], c["pharmaceutical_therapy_type"],
            c["pharmaceutical_tx_started_days_to"], c["pharmaceutical_tx_ended_days_to"], c["treatment_best_response"], "biotab");
    }

    /// <summary>TCGAbiolinks clinical 'drug' export (tcga.TCGA-*.drug.txt); its repeated header row is skipped and counted.</summary>
    /// <param name="path">The export.</param>
    /// <param name="log">Receives rows read and records kept.</param>
    /// <exception cref="InputException">A missing column, a patient field that is not a TCGA barcode, or a day count
    /// that is neither a number nor a placeholder (names the line).</exception>
    public static IReadOnlyList<DrugRecord> ReadBiolinksDrugs(string path, CountLog log)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("bcr_patient_barcode", "therapy_types", "drug_name", "measure_of_response", "days_to_drug_therapy_start", "days_to_drug_therapy_end");
        return ReadDrugRows(t, path, log, c["bcr_patient_barcode"], c["drug_name"], c["therapy_types"],
            c["days_to_drug_therapy_start"], c["days_to_drug_therapy_end"], c["measure_of_response"], "TCGAbiolinks");
    }

    private static IReadOnlyList<DrugRecord> ReadDrugRows(DelimitedTable t, string path, CountLog log, int patient, int drug, int type, int start, int end, int response, string source)
    {
        var records = new List<DrugRecord>();
        int noName = 0, repeatedHeader = 0;
        foreach (var row in t.Rows)
        {
            // The TCGAbiolinks export repeats its header inside the file once: a data row reading 'drug_name'.
            if (row[drug] == "drug_name" || row[patient] == "bcr_patient_barcode") { repeatedHeader++; continue; }
            if (!TcgaBarcode.TryParse(row[patient], out var barcode))
                throw new InputException(path, row.Line, $"'{row[patient]}' is not a TCGA patient barcode", "restore the original file");
            var name = ClinicalValues.Text(row[drug]);
            if (name is null) { noName++; continue; }
            records.Add(new DrugRecord(barcode.Patient, name, ClinicalValues.Text(row[type]),
                Number(path, row, start), Number(path, row, end), ClinicalValues.Text(row[response]), source));
        }
        string file = Path.GetFileName(path);
        log.Record($"{file}: drug records", t.Rows.Count, records.Count,
            $"{noName} row(s) without a drug name dropped" + (repeatedHeader > 0 ? $"; {repeatedHeader} repeated header row(s) skipped" : ""));
        return records;
    }

    private static double? Number(string path, DelimitedRow row, int col)
    {
        if (!ClinicalValues.TryNumber(row[col], out var v))
            throw new InputException(path, row.Line, $"'{row[col]}' is neither a number nor a TCGA placeholder", "restore the original file");
        return v;
    }

    /// <summary>Patients of a BCR biotab patient table, with the fields that give overall survival.</summary>
    /// <param name="path">nationwidechildrens.org_clinical_patient_*.txt.</param>
    /// <exception cref="InputException">A missing column, a bad barcode, a patient listed twice, or a malformed day count (names the line).</exception>
    public static IReadOnlyList<ClinicalPatient> ReadBiotabPatients(string path)
    {
        var t = ReadBiotab(path);
        var c = t.RequireColumns("bcr_patient_uuid", "bcr_patient_barcode", "vital_status", "last_contact_days_to", "death_days_to");
        var patients = new List<ClinicalPatient>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var barcode = TcgaBarcode.TryParse(row[c["bcr_patient_barcode"]], out var b) ? b.Patient
                : throw new InputException(path, row.Line, $"'{row[c["bcr_patient_barcode"]]}' is not a TCGA patient barcode", "restore the original file");
            if (!seen.TryAdd(barcode, row.Line))
                throw new InputException(path, row.Line, $"patient {barcode} appears twice (first on line {seen[barcode]})", "deduplicate the patient table");
            patients.Add(new ClinicalPatient(barcode, ClinicalValues.Text(row[c["bcr_patient_uuid"]])?.ToLowerInvariant(),
                ClinicalValues.Text(row[c["vital_status"]]), Number(path, row, c["death_days_to"]), Number(path, row, c["last_contact_days_to"])));
        }
        return patients;
    }

    /// <summary>
    /// Overall survival from biotab patients, as the authors computed it: Dead -> event at death_days_to; Alive ->
    /// censored at last_contact_days_to. Patients without the needed day count (or with a negative one) are dropped and counted.
    /// </summary>
    /// <param name="patients">What <see cref="ReadBiotabPatients"/> returns.</param>
    /// <param name="log">Receives the kept count and why the others were dropped.</param>
    /// <param name="source">The <see cref="SurvivalRecord.Source"/> to stamp.</param>
    public static IReadOnlyList<SurvivalRecord> SurvivalFromBiotab(IReadOnlyList<ClinicalPatient> patients, CountLog log, string source = "biotab")
    {
        var result = new List<SurvivalRecord>();
        int noStatus = 0, noDays = 0, negative = 0;
        foreach (var p in patients)
        {
            bool? dead = p.VitalStatus switch { "Dead" => true, "Alive" => false, _ => null };
            if (dead is null) { noStatus++; continue; }
            double? days = dead.Value ? p.DaysToDeath : p.DaysToLastContact;
            if (days is null) { noDays++; continue; }
            if (days < 0) { negative++; continue; }
            result.Add(new SurvivalRecord(p.Patient, days.Value, dead.Value, source));
        }
        log.Record($"{source}: usable overall survival", patients.Count, result.Count,
            $"dropped: {noStatus} without vital status, {noDays} without the day count, {negative} with negative days");
        return result;
    }

    /// <summary>GDC survival endpoint export (id, project_id, censored, time, survivalEstimate, submitter_id), one project.</summary>
    /// <param name="path">The export.</param>
    /// <param name="project">The project to keep, e.g. "TCGA-COAD" (exact).</param>
    /// <param name="log">Receives the project's rows and the patients kept (a repeated patient keeps its first row).</param>
    /// <returns>Days (time) and event (not censored), Source "GDC".</returns>
    /// <exception cref="InputException">A bad barcode, censored not TRUE/FALSE, or a time that is not a non-negative number (names the line).</exception>
    public static IReadOnlyList<SurvivalRecord> ReadGdcSurvival(string path, string project, CountLog log)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("project_id", "censored", "time", "submitter_id");
        var result = new List<SurvivalRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int inProject = 0, duplicates = 0;
        foreach (var row in t.Rows)
        {
            if (row[c["project_id"]] != project) continue;
            inProject++;
            if (!TcgaBarcode.TryParse(row[c["submitter_id"]], out var b))
                throw new InputException(path, row.Line, $"'{row[c["submitter_id"]]}' is not a TCGA barcode", "restore the original file");
            bool censored = row[c["censored"]] switch
            {
                "TRUE" => true,
                "FALSE" => false,
                var other => throw new InputException(path, row.Line, $"censored is '{other}', not TRUE/FALSE", "restore the original file"),
            };
            if (!double.TryParse(row[c["time"]], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var days) || days < 0)
                throw new InputException(path, row.Line, $"time '{row[c["time"]]}' is not a non-negative number", "restore the original file");
            if (!seen.Add(b.Patient)) { duplicates++; continue; }
            result.Add(new SurvivalRecord(b.Patient, days, !censored, "GDC"));
        }
        log.Record($"GDC survival {project}", inProject, result.Count, $"{duplicates} repeated patient(s) dropped (first kept)");
        return result;
    }

    /// <summary>TCGA-CDR survival (Liu 2018): one cancer type and endpoint (OS, DSS, DFI, PFI); blank values dropped and counted.</summary>
    /// <param name="path">The TCGA-CDR table (tab-separated).</param>
    /// <param name="cancers">Cancer types to keep, e.g. ["COAD", "READ"].</param>
    /// <param name="log">Receives the rows of those types and the patients kept.</param>
    /// <param name="endpoint">OS, DSS, DFI or PFI (columns ENDPOINT and ENDPOINT_time).</param>
    /// <returns>Days and event (endpoint = 1), Source "TCGA-CDR"; missing or negative times dropped.</returns>
    /// <exception cref="InputException">A bad barcode, a patient listed twice, a non-number, or an event other than 0/1 (names the line).</exception>
    public static IReadOnlyList<SurvivalRecord> ReadCdrSurvival(string path, IReadOnlyCollection<string> cancers, CountLog log, string endpoint = "OS")
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("cancer", "tcga_id", endpoint, endpoint + "_time");
        var result = new List<SurvivalRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int rows = 0, missing = 0;
        foreach (var row in t.Rows)
        {
            if (!cancers.Contains(row[c["cancer"]])) continue;
            rows++;
            string id = row[c["tcga_id"]];
            if (!TcgaBarcode.TryParse(id, out var b)) throw new InputException(path, row.Line, $"'{id}' is not a TCGA barcode", "restore the original file");
            if (!seen.Add(b.Patient)) throw new InputException(path, row.Line, $"patient {b.Patient} appears twice", "deduplicate the file");
            if (!ClinicalValues.TryNumber(row[c[endpoint]], out var ev) || !ClinicalValues.TryNumber(row[c[endpoint + "_time"]], out var days))
                throw new InputException(path, row.Line, $"{endpoint} or {endpoint}_time is not a number", "restore the original file");
            if (ev is null || days is null || days < 0) { missing++; continue; }
            if (ev is not (0 or 1)) throw new InputException(path, row.Line, $"{endpoint} is {ev}, not 0/1", "restore the original file");
            result.Add(new SurvivalRecord(b.Patient, days.Value, ev == 1, "TCGA-CDR"));
        }
        log.Record($"TCGA-CDR {endpoint} {string.Join("+", cancers)}", rows, result.Count, $"{missing} patient(s) without {endpoint} or time dropped");
        return result;
    }

    /// <summary>Drug records with RECIST-like responses and DrugBank IDs (tcga_drug_response_recist.tsv).</summary>
    /// <param name="path">The table.</param>
    /// <returns>(cancer type, record with Source "RECIST table", DrugBank ID) per row, in file order.</returns>
    /// <exception cref="InputException">A missing column, a bad barcode or a malformed day count (names the line).</exception>
    public static IReadOnlyList<(string Cancer, DrugRecord Record, string DrugBankId)> ReadRecist(string path)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("cancers", "patient.arr", "drug.name", "drug.id", "response", "start.time", "end.time");
        return t.Rows.Select(row =>
        {
            if (!TcgaBarcode.TryParse(row[c["patient.arr"]], out var b))
                throw new InputException(path, row.Line, $"'{row[c["patient.arr"]]}' is not a TCGA barcode", "restore the original file");
            return (row[c["cancers"]], new DrugRecord(b.Patient, row[c["drug.name"]], null, Number(path, row, c["start.time"]),
                Number(path, row, c["end.time"]), ClinicalValues.Text(row[c["response"]]), "RECIST table"), row[c["drug.id"]]);
        }).ToList();
    }
}
