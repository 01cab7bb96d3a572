using System.Globalization;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// TCGA clinical placeholders: '[Not Available]', '[Discrepancy]', '[Not Applicable]', '[Unknown]', '[Not Evaluated]'
/// and the like mean "no value". Rule: a cell that is empty, 'NA', or wholly enclosed in square brackets is missing.
/// </summary>
public static class ClinicalValues
{
    public static bool IsMissing(string? cell)
    {
        if (cell is null) return true;
        var t = cell.Trim();
        return t.Length == 0 || t == "NA" || t == "'--" || (t.StartsWith('[') && t.EndsWith(']'));
    }

    public static string? Text(string cell) => IsMissing(cell) ? null : cell.Trim();

    /// <summary>A number, or null for a placeholder; anything else is a format error for the caller to report.</summary>
    public static bool TryNumber(string cell, out double? value)
    {
        if (IsMissing(cell)) { value = null; return true; }
        if (double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) { value = v; return true; }
        value = null;
        return false;
    }
}
