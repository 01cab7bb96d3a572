using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// The authors' network-proximity z-scores (pathways x drug columns). Their columns pool drugs with shared targets as
/// NAME_NAME (sorted) and call AICAR by its chemical name.
/// </summary>
/// <param name="Pathways">Pathway names (the Pathway column), unique, in file order.</param>
/// <param name="Drugs">Column names: DrugBank names, pooled as NAME_NAME.</param>
/// <param name="Z">pathways x drugs proximity z (Guney 2016; proximal when &lt;= -1.2816).</param>
public sealed record AuthorsProximityTable(IReadOnlyList<string> Pathways, IReadOnlyList<string> Drugs, double[,] Z)
{
    /// <summary>Drug-name differences between drug_drugTarget.txt and the authors' table columns.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AICAR"] = "AICA RIBONUCLEOTIDE",
    };

    /// <summary>Reads the authors' tab-separated z table (first column "Pathway", then one column per drug).</summary>
    /// <param name="path">The table file.</param>
    /// <exception cref="InputException">No Pathway column, a pathway listed twice, or a z that is not a number (names the line).</exception>
    public static AuthorsProximityTable Read(string path)
    {
        var t = DelimitedFile.Read(path, '\t');
        t.RequireColumns("Pathway");
        var drugs = t.Header.Skip(1).ToList();
        var z = new double[t.Rows.Count, drugs.Count];
        var pathways = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < t.Rows.Count; i++)
        {
            var r = t.Rows[i];
            if (!seen.Add(r[0])) throw new InputException(path, r.Line, $"pathway {r[0]} appears twice", "restore the original file");
            pathways.Add(r[0]);
            for (int j = 0; j < drugs.Count; j++)
                z[i, j] = double.TryParse(r[j + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                    : throw new InputException(path, r.Line, $"z '{r[j + 1]}' for {drugs[j]} is not a number", "restore the original file");
        }
        return new AuthorsProximityTable(pathways, drugs, z);
    }

    /// <summary>The column for a drug-target entry: its pooled name, one of its drug names, or an alias; null if none.</summary>
    /// <param name="entry">A row of drug_drugTarget.txt.</param>
    public string? ColumnFor(DrugTargetEntry entry)
    {
        var candidates = new[] { entry.PooledName }.Concat(entry.Drugs).Concat(entry.Drugs.Where(Aliases.ContainsKey).Select(d => Aliases[d]));
        return candidates.FirstOrDefault(c => Drugs.Contains(c, StringComparer.Ordinal));
    }

    /// <summary>The z-scores of one column, by pathway.</summary>
    /// <param name="drug">A column name (exact), e.g. from <see cref="ColumnFor"/>.</param>
    /// <exception cref="ArgumentException">No such column.</exception>
    public IReadOnlyDictionary<string, double> Column(string drug)
    {
        int j = Drugs.ToList().IndexOf(drug);
        if (j < 0) throw new ArgumentException($"no column '{drug}' in the authors' table");
        return Enumerable.Range(0, Pathways.Count).ToDictionary(i => Pathways[i], i => Z[i, j], StringComparer.Ordinal);
    }
}
