#if NOTEBOOK_RUNNER
namespace OrganoidBiomarkers.NotebookRunner;
#else
namespace OrganoidBiomarkers.Pipeline;
#endif

/// <summary>
/// "Did you mean ...?" for a mistyped option, parameter key or choice: the closest candidate by edit distance
/// (optimal string alignment: insertions, deletions, substitutions and adjacent transpositions, case-insensitive),
/// offered only when it is close enough to be a typo (at most a third of the word, at least one edit) or when the
/// word is a prefix of exactly one candidate.
/// </summary>
public static class NearMatch
{
    /// <summary>The candidate the user probably meant, or null.</summary>
    /// <param name="given">What the user typed (trimmed, compared case-insensitively).</param>
    /// <param name="candidates">The allowed words; on equal distance the ordinally first wins.</param>
    /// <returns>A candidate as spelled in <paramref name="candidates"/>, or null when none is close (or <paramref name="given"/> is blank).</returns>
    public static string? Suggest(string given, IEnumerable<string> candidates)
    {
        var list = candidates.Distinct(StringComparer.Ordinal).ToList();
        string g = given.Trim().ToLowerInvariant();
        if (g.Length == 0 || list.Count == 0) return null;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in list)
        {
            int d = Distance(g, c.ToLowerInvariant());
            if (d < bestDistance || (d == bestDistance && StringComparer.Ordinal.Compare(c, best) < 0)) { best = c; bestDistance = d; }
        }
        if (bestDistance <= Math.Max(1, g.Length / 3)) return best;
        var prefixed = list.Where(c => g.Length >= 2 && c.StartsWith(g, StringComparison.OrdinalIgnoreCase)).ToList();
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    /// <summary>Optimal string alignment distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <param name="a">A word (case-sensitive here; <see cref="Suggest"/> lower-cases first).</param>
    /// <param name="b">Another word.</param>
    /// <returns>The fewest insertions, deletions, substitutions and adjacent transpositions, >= 0.</returns>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
