using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// One row of drug_drugTarget.txt: the drug name(s) sharing these DrugBank targets. Rows naming several drugs
/// (e.g. "PACLITAXEL,DOCETAXEL") are drugs the authors pooled because their targets were listed together.
/// </summary>
/// <param name="Label">The drugs field as written, e.g. "PACLITAXEL,DOCETAXEL".</param>
/// <param name="Drugs">The drug names, upper-cased, in file order.</param>
/// <param name="Targets">Distinct target gene symbols, upper-cased, in file order.</param>
public sealed record DrugTargetEntry(string Label, IReadOnlyList<string> Drugs, IReadOnlyList<string> Targets)
{
    /// <summary>The authors' column name for pooled drugs: names sorted and joined by '_' (DOCETAXEL_PACLITAXEL).</summary>
    public string PooledName => string.Join('_', Drugs.Order(StringComparer.Ordinal));
}

/// <summary>Reader of drug_drugTarget.txt (drugs, targets; both comma-separated).</summary>
public static class DrugTargets
{
    /// <summary>Every row of drug_drugTarget.txt, in file order.</summary>
    /// <param name="path">The tab-separated file (columns drugs, targets).</param>
    /// <exception cref="InputException">A row without a drug or without targets, or a drug on two rows (names both lines).</exception>
    public static IReadOnlyList<DrugTargetEntry> Read(string path)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("drugs", "targets");
        var entries = new List<DrugTargetEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in t.Rows)
        {
            var drugs = Split(r[c["drugs"]]);
            var targets = Split(r[c["targets"]]);
            if (drugs.Count == 0) throw new InputException(path, r.Line, "no drug name", "fill the drugs column");
            if (targets.Count == 0) throw new InputException(path, r.Line, $"drug {r[c["drugs"]]} has no targets", "fill the targets column or remove the row");
            foreach (var d in drugs)
                if (!seen.TryAdd(d, r.Line)) throw new InputException(path, r.Line, $"drug {d} is also on line {seen[d]}", "merge the two rows");
            entries.Add(new DrugTargetEntry(r[c["drugs"]].Trim(), drugs, targets.Distinct(StringComparer.Ordinal).ToList()));
        }
        return entries;
    }

    /// <summary>The entry naming this drug (case-insensitive), or an error listing the drugs available.</summary>
    /// <param name="entries">What <see cref="Read"/> returns.</param>
    /// <param name="drug">A DrugBank name or a pooled name (e.g. "fluorouracil", "DOCETAXEL_PACLITAXEL").</param>
    /// <exception cref="ArgumentException">No entry names the drug.</exception>
    public static DrugTargetEntry Find(IReadOnlyList<DrugTargetEntry> entries, string drug) =>
        entries.FirstOrDefault(e => e.Drugs.Contains(drug.ToUpperInvariant(), StringComparer.Ordinal) || e.PooledName == drug.ToUpperInvariant())
        ?? throw new ArgumentException($"drug '{drug}' has no targets in drug_drugTarget.txt (drugs: {string.Join(", ", entries.SelectMany(e => e.Drugs).Take(12))}, ...)");

    private static List<string> Split(string s) =>
        s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => x.ToUpperInvariant()).ToList();
}
