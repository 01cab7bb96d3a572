using System.Text.RegularExpressions;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// A TCGA barcode (https://docs.gdc.cancer.gov/Encyclopedia/pages/TCGA_Barcode/): project-TSS-participant, then
/// optionally sample type (2 digits) + vial letter, portion + analyte, plate and centre. Patient = the first 12 characters.
/// </summary>
/// <param name="Text">The barcode, trimmed and upper-cased.</param>
/// <param name="Patient">The first 12 characters, TCGA-XX-XXXX.</param>
/// <param name="SampleType">The two-digit sample type (1 primary solid tumour, 11 solid normal tissue, ...), or null for a patient barcode.</param>
/// <param name="Vial">The vial letter after the sample type, or null.</param>
public sealed partial record TcgaBarcode(string Text, string Patient, int? SampleType, char? Vial)
{
    [GeneratedRegex(@"^TCGA-[A-Z0-9]{2}-[A-Z0-9]{4}(-(\d{2})([A-Z])?)?(-.*)?$")]
    private static partial Regex Pattern();

    /// <summary>Parses a patient- or sample-level barcode (case-insensitive, surrounding spaces ignored).</summary>
    /// <param name="text">e.g. "TCGA-AA-3514" or "TCGA-AA-3514-01A-11R-0821-07".</param>
    /// <param name="barcode">The parsed barcode; null when the text is not a TCGA barcode.</param>
    /// <returns>False when <paramref name="text"/> does not start TCGA-XX-XXXX.</returns>
    public static bool TryParse(string text, out TcgaBarcode barcode)
    {
        var m = Pattern().Match(text.Trim().ToUpperInvariant());
        if (!m.Success) { barcode = null!; return false; }
        int? type = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        char? vial = m.Groups[3].Success ? m.Groups[3].Value[0] : null;
        barcode = new TcgaBarcode(m.Value, m.Value[..12], type, vial);
        return true;
    }

    /// <summary>As <see cref="TryParse"/>, throwing on failure.</summary>
    /// <param name="text">A TCGA barcode.</param>
    /// <exception cref="FormatException">Not a TCGA barcode.</exception>
    public static TcgaBarcode Parse(string text) =>
        TryParse(text, out var b) ? b : throw new FormatException($"'{text}' is not a TCGA barcode (TCGA-XX-XXXX[-NNV...])");

    /// <summary>Sample type 01: primary solid tumour. Patient-level barcodes (no sample part) count as unknown.</summary>
    public bool IsPrimaryTumour => SampleType == 1;
}
