using System.Globalization;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// TCGA clinical placeholders: '[Not Available]', '[Discrepancy]', '[Not Applicable]', '[Unknown]', '[Not Evaluated]'
/// and the like mean "no value". Rule: a cell that is empty, 'NA', GDC's "'--", or wholly enclosed in square brackets
/// is missing.
/// </summary>
public static class ClinicalValues
{
    /// <summary>Whether a cell means "no value" under the rule above (surrounding spaces ignored).</summary>
    /// <param name="cell">A clinical cell, or null (missing).</param>
    public static bool IsMissing(string? cell)
    {
        if (cell is null) return true;
        var t = cell.Trim();
        return t.Length == 0 || t == "NA" || t == "'--" || (t.StartsWith('[') && t.EndsWith(']'));
    }

    /// <summary>The trimmed text, or null for a placeholder.</summary>
    /// <param name="cell">A clinical cell.</param>
    public static string? Text(string cell) => IsMissing(cell) ? null : cell.Trim();

    /// <summary>A number, or null for a placeholder; anything else is a format error for the caller to report.</summary>
    /// <param name="cell">A clinical cell.</param>
    /// <param name="value">The finite number (invariant culture), or null for a placeholder or on failure.</param>
    /// <returns>False when the cell is neither a placeholder nor a finite number.</returns>
    public static bool TryNumber(string cell, out double? value)
    {
        if (IsMissing(cell)) { value = null; return true; }
        if (double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) { value = v; return true; }
        value = null;
        return false;
    }
}
