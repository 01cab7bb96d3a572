using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// One replicate of the van de Wetering 2015 organoid drug screen (Table S2b). IC50 is the natural log of the IC50 in
/// micromolar; MaxConcentration is the highest tested concentration in micromolar (so ln(MaxConcentration) bounds the
/// measurable IC50). Organoid IDs are upper-cased (P19a -> P19A) to join the expression columns.
/// </summary>
public sealed record DrugScreenMeasurement(string Organoid, string DrugId, string DrugName, double MaxConcentration, double LnIc50, double Beta, double Auc, int Replicate);

/// <summary>A per-organoid summary of one drug's replicates.</summary>
public sealed record OrganoidResponse(string Organoid, string DrugName, double MedianLnIc50, int Replicates);

/// <summary>
/// A per-organoid median of one drug's replicate AUCs (area under the fitted viability curve over the tested range,
/// as a fraction: near 1 = little killing). Unlike ln IC50, it never extrapolates beyond the tested concentrations.
/// </summary>
public sealed record OrganoidAuc(string Organoid, string DrugName, double MedianAuc, int Replicates);

/// <summary>The organoid drug screen and the paper's summary rule (median IC50 over replicates).</summary>
public sealed record DrugScreen(IReadOnlyList<DrugScreenMeasurement> Measurements)
{
    public static readonly string[] Columns = ["Organoid", "Drug_ID", "Drug Name", "Max_conc", "IC50", "BETA", "AUC"];

    /// <summary>Reads supp_table_S2b.txt. Replicates are numbered in file order within (organoid, drug).</summary>
    public static DrugScreen ReadVanDeWetering(string path, CountLog log)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns(Columns);
        var counter = new Dictionary<(string, string), int>();
        var list = new List<DrugScreenMeasurement>(t.Rows.Count);
        int renamed = 0;
        foreach (var row in t.Rows)
        {
            double Num(string col)
            {
                var s = row[c[col]];
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
                    : throw new InputException(path, row.Line, $"{col} '{s}' is not a finite number", "restore the original file; missing IC50s are not expected in Table S2b");
            }
            string raw = row[c["Organoid"]].Trim();
            if (raw.Length == 0) throw new InputException(path, row.Line, "empty organoid ID", "restore the original file");
            string organoid = raw.ToUpperInvariant();
            if (organoid != raw) renamed++;
            string drugId = row[c["Drug_ID"]].Trim();
            string drugName = row[c["Drug Name"]].Trim();
            var key = (organoid, drugId);
            int rep = counter.TryGetValue(key, out var k) ? k + 1 : 1;
            counter[key] = rep;
            list.Add(new DrugScreenMeasurement(organoid, drugId, drugName, Num("Max_conc"), Num("IC50"), Num("BETA"), Num("AUC"), rep));
        }
        log.Record("drug screen: organoid IDs upper-cased", list.Count, list.Count, $"{renamed} row(s) had lower-case letters (e.g. P19a -> P19A)");
        var screen = new DrugScreen(list);
        // A drug ID must name one drug: a mismatch means a corrupted or re-keyed table.
        foreach (var g in list.GroupBy(m => m.DrugId))
            if (g.Select(m => m.DrugName).Distinct().Count() > 1)
                throw new InputException(path, 0, $"Drug_ID {g.Key} has several names: {string.Join(", ", g.Select(m => m.DrugName).Distinct())}", "restore the original file");
        return screen;
    }

    public IReadOnlyList<string> Organoids => Measurements.Select(m => m.Organoid).Distinct().Order(StringComparer.Ordinal).ToList();
    public IReadOnlyList<string> Drugs => Measurements.Select(m => m.DrugName).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Replicates of one drug (matched by name, case-insensitively, or by Drug_ID).</summary>
    public IReadOnlyList<DrugScreenMeasurement> ForDrug(string drug) =>
        Measurements.Where(m => string.Equals(m.DrugName, drug, StringComparison.OrdinalIgnoreCase) || m.DrugId == drug).ToList();

    /// <summary>
    /// The paper's response per organoid: the median of the replicate ln(IC50)s (as the authors' median_response.txt).
    /// Organoids in ascending ordinal order.
    /// </summary>
    public IReadOnlyList<OrganoidResponse> MedianIc50(string drug) =>
        MedianOver(drug, m => m.LnIc50).Select(g => new OrganoidResponse(g.Organoid, g.DrugName, g.Median, g.Replicates)).ToList();

    /// <summary>
    /// The median replicate AUC per organoid: a response measure bounded by the tested range, to check what the
    /// extrapolated ln IC50s do to a model. Organoids in ascending ordinal order.
    /// </summary>
    public IReadOnlyList<OrganoidAuc> MedianAuc(string drug) =>
        MedianOver(drug, m => m.Auc).Select(g => new OrganoidAuc(g.Organoid, g.DrugName, g.Median, g.Replicates)).ToList();

    private IEnumerable<(string Organoid, string DrugName, double Median, int Replicates)> MedianOver(string drug, Func<DrugScreenMeasurement, double> value)
    {
        var reps = ForDrug(drug);
        if (reps.Count == 0) throw new ArgumentException($"drug '{drug}' is not in the screen (drugs: {string.Join(", ", Drugs.Take(10))}, ...)");
        return reps.GroupBy(m => m.Organoid)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().DrugName, Statistics.Median(g.Select(value).ToList()), g.Count()));
    }

    /// <summary>The authors' median_response.txt (Organoid, Drug Name, median_IC50).</summary>
    public static IReadOnlyList<OrganoidResponse> ReadAuthorsMedians(string path)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("Organoid", "Drug Name", "median_IC50");
        return t.Rows.Select(r => new OrganoidResponse(r[c["Organoid"]].Trim().ToUpperInvariant(), r[c["Drug Name"]].Trim(),
            double.TryParse(r[c["median_IC50"]], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InputException(path, r.Line, $"median_IC50 '{r[c["median_IC50"]]}' is not a number", "restore the original file"), 0)).ToList();
    }
}
