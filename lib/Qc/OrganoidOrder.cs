using System.Globalization;
using System.Text.RegularExpressions;

namespace OrganoidBiomarkers.Qc;

/// <summary>
/// Natural order of organoid IDs for tables and figures: P5 before P10, P19A before P19B (ordinal order would put P10
/// before P5). IDs not of the form letters + number + optional letters sort after, ordinally.
/// </summary>
public sealed partial class OrganoidOrder : IComparer<string>
{
    /// <summary>The one instance (the comparer has no state).</summary>
    public static readonly OrganoidOrder Natural = new();

    /// <summary>
    /// Compares prefix letters ordinally, then the number numerically, then the suffix letters ordinally; IDs of
    /// another form come after, ordinally; null comes first.
    /// </summary>
    /// <param name="x">An organoid ID, or null.</param>
    /// <param name="y">An organoid ID, or null.</param>
    /// <returns>Negative when <paramref name="x"/> sorts first, 0 when equal, positive otherwise.</returns>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var mx = Id().Match(x);
        var my = Id().Match(y);
        if (mx.Success != my.Success) return mx.Success ? -1 : 1;
        if (!mx.Success) return string.CompareOrdinal(x, y);
        int c = string.CompareOrdinal(mx.Groups[1].Value, my.Groups[1].Value);
        if (c != 0) return c;
        c = long.Parse(mx.Groups[2].Value, CultureInfo.InvariantCulture).CompareTo(long.Parse(my.Groups[2].Value, CultureInfo.InvariantCulture));
        if (c != 0) return c;
        c = string.CompareOrdinal(mx.Groups[3].Value, my.Groups[3].Value);
        return c != 0 ? c : string.CompareOrdinal(x, y);
    }

    [GeneratedRegex(@"^([A-Za-z]*)(\d{1,18})([A-Za-z]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
