using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients;

/// <summary>The sample chosen for one patient and how many primary-tumour samples the patient had.</summary>
/// <param name="Patient">12-character TCGA patient barcode, e.g. "TCGA-AA-3516".</param>
/// <param name="Barcode">The chosen column's original sample or aliquot barcode.</param>
/// <param name="PrimaryTumourSamples">Primary-tumour (type 01) columns the patient had, &gt;= 1.</param>
public sealed record PatientSampleChoice(string Patient, string Barcode, int PrimaryTumourSamples);

/// <summary>An expression matrix with one column per patient (12-character barcode), and where each column came from.</summary>
/// <param name="Matrix">Genes x patients; columns renamed to the patient barcode.</param>
/// <param name="Choices">One choice per column, in column order.</param>
public sealed record PatientExpression(ExpressionMatrix Matrix, IReadOnlyList<PatientSampleChoice> Choices)
{
    /// <summary>The patients (12-character barcodes), in column order.</summary>
    public IReadOnlyList<string> Patients => Matrix.Samples;
}

/// <summary>
/// From TCGA sample (or aliquot) columns to one primary-tumour profile per patient, by stated rules:
/// <list type="number">
/// <item>columns that are not TCGA barcodes are dropped;</item>
/// <item>only primary solid tumours (sample type 01) are kept; patient-level barcodes by <see cref="PatientLevelBarcodes"/>;</item>
/// <item>a patient with several primary-tumour samples keeps the one with the lowest vial letter (A before B), then the
/// ordinal-first full barcode (lowest portion, analyte, plate): the first-collected vial, a rule that needs no
/// expression values, so it cannot favour a result.</item>
/// </list>
/// Each step is counted. Columns are renamed to the patient barcode and keep the input order of the chosen samples.
/// </summary>
public static class PatientSamples
{
    /// <summary>Applies the rules above to <paramref name="samples"/>' columns.</summary>
    /// <param name="samples">Genes x samples, columns named by TCGA barcodes.</param>
    /// <param name="patientLevel">What to do with 12-character (patient-level) barcodes.</param>
    /// <param name="source">The source's name, for the counts.</param>
    /// <param name="log">Receives one count per rule.</param>
    public static PatientExpression OnePerPatient(ExpressionMatrix samples, PatientLevelBarcodes patientLevel, string source, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(log);
        if (!Enum.IsDefined(patientLevel)) throw new ArgumentException($"unknown rule {patientLevel}", nameof(patientLevel));
        var parsed = new List<(int Column, TcgaBarcode Barcode)>();
        var notTcga = new List<string>();
        foreach (var (name, i) in samples.Samples.Select((s, i) => (s, i)))
        {
            if (TcgaBarcode.TryParse(name, out var b)) parsed.Add((i, b));
            else notTcga.Add(name);
        }
        log.Record($"{source}: TCGA barcodes", samples.SampleCount, parsed.Count,
            notTcga.Count == 0 ? "every column is a TCGA barcode" : $"{notTcga.Count} column(s) that are not TCGA barcodes dropped (e.g. {string.Join(", ", notTcga.Take(3))})");

        var tumour = new List<(int Column, TcgaBarcode Barcode)>();
        int otherType = 0, patientOnly = 0;
        foreach (var p in parsed)
        {
            if (p.Barcode.SampleType is null)
            {
                patientOnly++;
                if (patientLevel == PatientLevelBarcodes.KeepAsPrimaryTumour) tumour.Add(p);
            }
            else if (p.Barcode.IsPrimaryTumour) tumour.Add(p);
            else otherType++;
        }
        log.Record($"{source}: primary tumour samples", parsed.Count, tumour.Count,
            $"sample type 01 kept; {otherType} of another type (normal, metastasis, ...) dropped; {patientOnly} patient-level barcode(s) without a sample type " +
            (patientLevel == PatientLevelBarcodes.KeepAsPrimaryTumour ? "kept as the patient's primary tumour (source holds one tumour profile per patient)" : "dropped"));

        var chosen = new List<(int Column, TcgaBarcode Barcode, int Count)>();
        foreach (var group in tumour.GroupBy(t => t.Barcode.Patient, StringComparer.Ordinal))
        {
            var best = group
                .OrderBy(t => t.Barcode.Vial ?? ' ')
                .ThenBy(t => t.Barcode.Text, StringComparer.Ordinal)
                .First();
            chosen.Add((best.Column, best.Barcode, group.Count()));
        }
        chosen.Sort((a, b) => a.Column.CompareTo(b.Column));
        int multi = chosen.Count(c => c.Count > 1);
        log.Record($"{source}: one sample per patient", tumour.Count, chosen.Count,
            multi == 0 ? "every patient has one primary-tumour sample"
                : $"{multi} patient(s) with several primary-tumour samples keep the lowest vial letter, then the ordinal-first barcode");

        var values = new double[samples.GeneCount, chosen.Count];
        for (int j = 0; j < chosen.Count; j++)
            for (int g = 0; g < samples.GeneCount; g++) values[g, j] = samples.Values[g, chosen[j].Column];
        var matrix = new ExpressionMatrix(samples.Genes, chosen.Select(c => c.Barcode.Patient).ToArray(), values);
        return new PatientExpression(matrix, chosen.Select(c => new PatientSampleChoice(c.Barcode.Patient, samples.Samples[c.Column], c.Count)).ToArray());
    }
}
