using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

public class ClinicalReadersTests
{
    private static string F(string name) => TestPaths.Fixture("data", name);

    [Theory]
    [InlineData("[Not Available]", true)]
    [InlineData("[Discrepancy]", true)]
    [InlineData("[Not Applicable]", true)]
    [InlineData("", true)]
    [InlineData("NA", true)]
    [InlineData("Alive", false)]
    [InlineData("0", false)]
    public void Placeholders_are_missing_values(string cell, bool missing) => Assert.Equal(missing, ClinicalValues.IsMissing(cell));

    [Fact]
    public void Biotab_drugs_skip_the_two_extra_header_lines_and_count_rows_without_a_name()
    {
        var log = new CountLog();
        var drugs = TcgaClinical.ReadBiotabDrugs(F("biotab_drug.txt"), log);
        Assert.Equal(3, drugs.Count);
        Assert.Equal(new DrugRecord("TCGA-AA-0001", "5 FU", "Chemotherapy", 10, null, null, "biotab"), drugs[0]);
        Assert.Equal("Complete Response", drugs[1].Response);
        Assert.Equal((4, 3), (log.Entries[0].Before, log.Entries[0].After));
    }

    [Fact]
    public void Biotab_survival_uses_death_or_last_contact_and_drops_unusable_rows()
    {
        var log = new CountLog();
        var patients = TcgaClinical.ReadBiotabPatients(F("biotab_patient.txt"));
        Assert.Equal("u1", patients[0].PatientUuid);
        var survival = TcgaClinical.SurvivalFromBiotab(patients, log);
        Assert.Equal(new[]
        {
            new SurvivalRecord("TCGA-AA-0001", 400, false, "biotab"),
            new SurvivalRecord("TCGA-AA-0002", 120, true, "biotab"),
        }, survival);
        Assert.Contains("1 without vital status, 1 without the day count, 1 with negative days", log.Entries[0].Rule);
    }

    [Fact]
    public void Duplicated_patient_is_refused()
    {
        var e = Assert.Throws<InputException>(() => TcgaClinical.ReadBiotabPatients(F("biotab_patient_dup.txt")));
        Assert.Equal(5, e.Line);
    }

    [Fact]
    public void Text_where_a_day_count_belongs_is_refused()
    {
        var e = Assert.Throws<InputException>(() => TcgaClinical.ReadBiotabPatients(F("biotab_patient_badnumber.txt")));
        Assert.Contains("'about a year' is neither a number nor a TCGA placeholder", e.Message);
    }

    [Fact]
    public void Biolinks_export_skips_its_repeated_header_and_empty_names()
    {
        var log = new CountLog();
        var drugs = TcgaClinical.ReadBiolinksDrugs(F("biolinks_drug.txt"), log);
        Assert.Equal(new[] { "Gemcitabine and Cisplatin", "CDDP" }, drugs.Select(d => d.DrugName));
        Assert.Contains("1 repeated header row(s) skipped", log.Entries[0].Rule);
    }

    [Fact]
    public void Gdc_survival_keeps_one_project_and_the_first_row_per_patient()
    {
        var log = new CountLog();
        var s = TcgaClinical.ReadGdcSurvival(F("gdc_survival.txt"), "TCGA-BLCA", log);
        Assert.Equal(new[] { new SurvivalRecord("TCGA-BT-0001", 100, true, "GDC"), new SurvivalRecord("TCGA-BT-0002", 250, false, "GDC") }, s);
        Assert.Equal((3, 2), (log.Entries[0].Before, log.Entries[0].After));
    }

    [Fact]
    public void Cdr_survival_drops_blank_endpoints_and_counts_them()
    {
        var log = new CountLog();
        var s = TcgaClinical.ReadCdrSurvival(F("cdr.tsv"), new[] { "BLCA" }, log);
        Assert.Equal(2, s.Count);
        Assert.False(s[1].Event);
        Assert.Contains("1 patient(s) without OS", log.Entries[0].Rule);
        var dss = TcgaClinical.ReadCdrSurvival(F("cdr.tsv"), new[] { "BLCA" }, CountLog.Silent, "DSS");
        Assert.Single(dss);
    }

    [Fact]
    public void Gdc_metadata_maps_files_to_lower_case_case_ids()
    {
        var files = GdcFiles.ReadMetadata(F("gdc_files.json"));
        Assert.Equal(new[] { "u1", "u3" }, files.Select(f => f.CaseId));
        Assert.Equal("TCGA-COAD", files[0].ProjectId);
    }

    [Fact]
    public void Truncated_json_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => GdcFiles.ReadMetadata(F("gdc_files_truncated.json")));
        Assert.Contains("not valid JSON", e.Message);
    }

    [Theory]
    [InlineData("TCGA-AG-3725-01A-11R-1736-07", "TCGA-AG-3725", 1, 'A')]
    [InlineData("TCGA-AA-3511", "TCGA-AA-3511", null, null)]
    [InlineData("tcga-aa-3511-11b", "TCGA-AA-3511", 11, 'B')]
    public void Barcodes_parse_to_patient_and_sample_type(string text, string patient, int? type, char? vial)
    {
        var b = TcgaBarcode.Parse(text);
        Assert.Equal((patient, type, vial), (b.Patient, b.SampleType, b.Vial));
        Assert.Equal(type == 1, b.IsPrimaryTumour);
    }

    [Fact]
    public void Non_barcodes_are_refused() => Assert.False(TcgaBarcode.TryParse("P19A", out _));
}
