using OrganoidBiomarkers.Study;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

public class PatientSamplesTests
{
    private static readonly string[] Columns =
    [
        "TCGA-AA-0001-01B-11R-A1-07", // patient 1, second vial
        "TCGA-AA-0001-11A-11R-A1-07", // patient 1, normal tissue
        "TCGA-AA-0001-01A-21R-A1-07", // patient 1, first vial: chosen
        "not-a-barcode",
        "TCGA-AA-0002-01A-21R-A2-07", // patient 2, same vial, later portion
        "TCGA-AA-0002-01A-11R-A2-07", // patient 2, ordinal-first barcode: chosen
        "TCGA-AA-0003",               // patient-level barcode
        "TCGA-AA-0004-06A-11R-A3-07", // metastasis only
    ];

    private static ExpressionMatrix Matrix()
    {
        var v = new double[2, Columns.Length];
        for (int s = 0; s < Columns.Length; s++) { v[0, s] = s; v[1, s] = 10 * s; }
        return new ExpressionMatrix(["G1", "G2"], Columns, v);
    }

    [Fact]
    public void One_primary_tumour_per_patient_by_vial_then_barcode()
    {
        var log = new CountLog();
        var result = PatientSamples.OnePerPatient(Matrix(), PatientLevelBarcodes.Drop, "src", log);
        Assert.Equal(new[] { "TCGA-AA-0001", "TCGA-AA-0002" }, result.Patients);
        // Columns keep the input order of the chosen samples (column 2 for patient 1, column 5 for patient 2).
        Assert.Equal(new[] { 2.0, 5.0 }, result.Matrix.Row(0));
        Assert.Equal(new[] { 20.0, 50.0 }, result.Matrix.Row(1));
        Assert.Equal(new PatientSampleChoice("TCGA-AA-0001", "TCGA-AA-0001-01A-21R-A1-07", 2), result.Choices[0]);
        Assert.Equal(new PatientSampleChoice("TCGA-AA-0002", "TCGA-AA-0002-01A-11R-A2-07", 2), result.Choices[1]);
        Assert.Equal(new[] { (8, 7), (7, 4), (4, 2) }, log.Entries.Select(e => (e.Before, e.After)));
        Assert.Contains("2 of another type", log.Entries[1].Rule);
        Assert.Contains("2 patient(s) with several", log.Entries[2].Rule);
    }

    [Fact]
    public void Patient_level_barcodes_are_kept_only_when_the_source_holds_tumours()
    {
        var result = PatientSamples.OnePerPatient(Matrix(), PatientLevelBarcodes.KeepAsPrimaryTumour, "src", CountLog.Silent);
        Assert.Equal(new[] { "TCGA-AA-0001", "TCGA-AA-0002", "TCGA-AA-0003" }, result.Patients);
        Assert.Equal(6.0, result.Matrix["G1", "TCGA-AA-0003"]);
        Assert.Equal("TCGA-AA-0003", result.Choices[2].Barcode);
    }

    [Fact]
    public void Lower_case_barcodes_are_recognised()
    {
        var m = new ExpressionMatrix(["G"], ["tcga-aa-0009-01a-11r"], new double[,] { { 1 } });
        var result = PatientSamples.OnePerPatient(m, PatientLevelBarcodes.Drop, "src", CountLog.Silent);
        Assert.Equal("TCGA-AA-0009", Assert.Single(result.Patients));
        Assert.Equal("tcga-aa-0009-01a-11r", result.Choices[0].Barcode);
    }
}
