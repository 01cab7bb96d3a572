using System.Text.RegularExpressions;

namespace OrganoidBiomarkers.Qc;

/// <summary>
/// A pair of organoids derived from one patient, its expression correlation, and where that correlation falls among
/// all other pairs. RankAmongAll is 1 for the highest r of all pairs; OtherPairsAtLeastAsHigh counts the pairs of
/// different patients (or other same-patient pairs) whose r is &gt;= this pair's r.
/// </summary>
/// <param name="Patient">The shared patient, e.g. "P19".</param>
/// <param name="A">One line (ordinal first), e.g. "P19A".</param>
/// <param name="B">The other line.</param>
/// <param name="R">Pearson r of the two lines' expression profiles.</param>
/// <param name="RankAmongAll">1 + OtherPairsAtLeastAsHigh: 1 when no other pair correlates as well.</param>
/// <param name="OtherPairsAtLeastAsHigh">Other pairs with r &gt;= <paramref name="R"/>.</param>
/// <param name="OtherPairs">All unordered sample pairs except this one.</param>
public sealed record SamePatientPair(string Patient, string A, string B, double R, int RankAmongAll, int OtherPairsAtLeastAsHigh, int OtherPairs)
{
    /// <summary>The share of other pairs that correlate at least as well (an empirical p-value-like percentile); NaN when there is no other pair.</summary>
    public double FractionOfOthersAtLeastAsHigh => (double)OtherPairsAtLeastAsHigh / OtherPairs;
}

/// <summary>Organoid lines that share a patient, recognised from their IDs.</summary>
public static partial class SamePatientPairs
{
    /// <summary>
    /// The patient of an organoid ID: IDs 'P' + number + one letter (van de Wetering 2015: P19a/P19b and P24a/P24b are two
    /// organoid lines from one patient; the screen and GEO upper-case them to P19A, P19B) share the patient 'P' + number.
    /// Returns null for IDs without a line letter.
    /// </summary>
    /// <param name="organoid">An organoid ID, e.g. "P19A" (patient "P19") or "P5" (null).</param>
    public static string? PatientOf(string organoid)
    {
        var m = LineId().Match(organoid);
        return m.Success ? m.Groups["patient"].Value : null;
    }

    /// <summary>Pairs of organoids with the same patient (every unordered pair within a patient), ordered by patient.</summary>
    /// <param name="organoids">Organoid IDs.</param>
    /// <returns>(patient, A, B) with A before B ordinally; empty when no two lines share a patient.</returns>
    public static IReadOnlyList<(string Patient, string A, string B)> Find(IReadOnlyList<string> organoids)
    {
        var list = new List<(string, string, string)>();
        foreach (var group in organoids.Where(o => PatientOf(o) is not null).GroupBy(o => PatientOf(o)!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.Order(StringComparer.Ordinal).ToArray();
            for (int i = 0; i < members.Length; i++)
                for (int j = i + 1; j < members.Length; j++) list.Add((group.Key, members[i], members[j]));
        }
        return list;
    }

    /// <summary>Each same-patient pair's r against the distribution of every other pair's r.</summary>
    /// <param name="correlations">Sample correlations of the organoids.</param>
    public static IReadOnlyList<SamePatientPair> Compare(SampleCorrelations correlations)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        var all = correlations.Pairs();
        var result = new List<SamePatientPair>();
        foreach (var (patient, a, b) in Find(correlations.Samples))
        {
            double r = correlations[a, b];
            var others = all.Where(p => !(p.A == a && p.B == b) && !(p.A == b && p.B == a)).ToList();
            int atLeast = others.Count(p => p.R >= r);
            result.Add(new SamePatientPair(patient, a, b, r, atLeast + 1, atLeast, others.Count));
        }
        return result;
    }

    [GeneratedRegex(@"^(?<patient>P\d+)(?<line>[A-Za-z])$", RegexOptions.CultureInvariant)]
    private static partial Regex LineId();
}
