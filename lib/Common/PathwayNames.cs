namespace OrganoidBiomarkers.Common;

/// <summary>Pathway names for display in tables (the result files keep the full names).</summary>
public static class PathwayNames
{
    /// <summary>
    /// Without the "REACTOME_" prefix, underscores as spaces, cut at a word boundary with an ellipsis when longer than
    /// <paramref name="maxLength"/> characters (the rule of the figures' tick labels).
    /// </summary>
    /// <param name="pathway">A pathway name.</param>
    /// <param name="maxLength">Longest result (≥ 8).</param>
    public static string Short(string pathway, int maxLength = 48)
    {
        ArgumentNullException.ThrowIfNull(pathway);
        if (maxLength < 8) throw new ArgumentException($"maxLength must be at least 8, got {maxLength}", nameof(maxLength));
        var s = pathway.StartsWith("REACTOME_", StringComparison.Ordinal) ? pathway["REACTOME_".Length..] : pathway;
        s = s.Replace('_', ' ').Trim();
        if (s.Length <= maxLength) return s;
        int cut = s.LastIndexOf(' ', maxLength - 1);
        if (cut < maxLength / 2) cut = maxLength - 1;
        return s[..cut].TrimEnd() + "\u2026";
    }
}
