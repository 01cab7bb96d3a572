using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// One replicate of the van de Wetering 2015 organoid drug screen (Table S2b). IC50 is the natural log of the IC50 in
/// micromolar; MaxConcentration is the highest tested concentration in micromolar (so ln(MaxConcentration) bounds the
/// measurable IC50). Organoid IDs are upper-cased (P19a -> P19A) to join the expression columns.
/// </summary>
/// <param name="Organoid">Organoid ID, upper-cased, e.g. "P19A".</param>
/// <param name="DrugId">Table S2b's Drug_ID, e.g. "1073" (5-Fluorouracil).</param>
/// <param name="DrugName">Screen drug name, e.g. "5-Fluorouracil".</param>
/// <param name="MaxConcentration">Highest tested concentration, uM (> 0).</param>
/// <param name="LnIc50">ln IC50 in ln uM; may exceed ln(MaxConcentration) (extrapolated).</param>
/// <param name="Beta">Table S2b's BETA column, as published (not used by the pipeline).</param>
/// <param name="Auc">Area under the fitted viability curve over the tested range, a fraction.</param>
/// <param name="Replicate">1-based replicate number in file order within (organoid, Drug_ID).</param>
public sealed record DrugScreenMeasurement(string Organoid, string DrugId, string DrugName, double MaxConcentration, double LnIc50, double Beta, double Auc, int Replicate);

/// <summary>A per-organoid summary of one drug's replicates.</summary>
/// <param name="Organoid">Organoid ID, upper-cased.</param>
/// <param name="DrugName">Screen drug name.</param>
/// <param name="MedianLnIc50">Median ln IC50 over the replicates, ln uM (the paper's response).</param>
/// <param name="Replicates">Replicates summarised (>= 1); 0 when read from the authors' medians, which do not say.</param>
public sealed record OrganoidResponse(string Organoid, string DrugName, double MedianLnIc50, int Replicates);

/// <summary>
/// A per-organoid median of one drug's replicate AUCs (area under the fitted viability curve over the tested range,
/// as a fraction: near 1 = little killing). Unlike ln IC50, it never extrapolates beyond the tested concentrations.
/// </summary>
/// <param name="Organoid">Organoid ID, upper-cased.</param>
/// <param name="DrugName">Screen drug name.</param>
/// <param name="MedianAuc">Median AUC over the replicates, a fraction.</param>
/// <param name="Replicates">Replicates summarised (>= 1).</param>
public sealed record OrganoidAuc(string Organoid, string DrugName, double MedianAuc, int Replicates);

/// <summary>The organoid drug screen and the paper's summary rule (median IC50 over replicates).</summary>
/// <param name="Measurements">Every replicate, in file order.</param>
public sealed record DrugScreen(IReadOnlyList<DrugScreenMeasurement> Measurements)
{
    /// <summary>The columns Table S2b must have.</summary>
    public static readonly string[] Columns = ["Organoid", "Drug_ID", "Drug Name", "Max_conc", "IC50", "BETA", "AUC"];

    /// <summary>Reads supp_table_S2b.txt. Replicates are numbered in file order within (organoid, drug).</summary>
    /// <param name="path">The tab-separated table (<see cref="Columns"/>).</param>
    /// <param name="log">Receives how many organoid IDs were upper-cased.</param>
    /// <exception cref="InputException">A missing column, an empty organoid ID, a number that is not finite (names the
    /// line), or a Drug_ID with several names.</exception>
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

    /// <summary>Distinct organoid IDs, ordinal order.</summary>
    public IReadOnlyList<string> Organoids => Measurements.Select(m => m.Organoid).Distinct().Order(StringComparer.Ordinal).ToList();
    /// <summary>Distinct drug names, ordinal order.</summary>
    public IReadOnlyList<string> Drugs => Measurements.Select(m => m.DrugName).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Replicates of one drug (matched by name, case-insensitively, or by Drug_ID).</summary>
    /// <param name="drug">Screen name (e.g. "5-fluorouracil") or Drug_ID (e.g. "1073").</param>
    /// <returns>The replicates in file order; empty when the drug is not screened.</returns>
    public IReadOnlyList<DrugScreenMeasurement> ForDrug(string drug) =>
        Measurements.Where(m => string.Equals(m.DrugName, drug, StringComparison.OrdinalIgnoreCase) || m.DrugId == drug).ToList();

    /// <summary>
    /// The paper's response per organoid: the median of the replicate ln(IC50)s (as the authors' median_response.txt).
    /// Organoids in ascending ordinal order.
    /// </summary>
    /// <param name="drug">Screen name (case-insensitive) or Drug_ID.</param>
    /// <exception cref="ArgumentException">The drug is not screened.</exception>
    public IReadOnlyList<OrganoidResponse> MedianIc50(string drug) =>
        MedianOver(drug, m => m.LnIc50).Select(g => new OrganoidResponse(g.Organoid, g.DrugName, g.Median, g.Replicates)).ToList();

    /// <summary>
    /// The median replicate AUC per organoid: a response measure bounded by the tested range, to check what the
    /// extrapolated ln IC50s do to a model. Organoids in ascending ordinal order.
    /// </summary>
    /// <param name="drug">Screen name (case-insensitive) or Drug_ID.</param>
    /// <exception cref="ArgumentException">The drug is not screened.</exception>
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
    /// <param name="path">The tab-separated file.</param>
    /// <returns>Rows in file order, organoid IDs upper-cased, Replicates 0 (the file does not give them).</returns>
    /// <exception cref="InputException">A missing column or a median that is not a number (names the line).</exception>
    public static IReadOnlyList<OrganoidResponse> ReadAuthorsMedians(string path)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("Organoid", "Drug Name", "median_IC50");
        return t.Rows.Select(r => new OrganoidResponse(r[c["Organoid"]].Trim().ToUpperInvariant(), r[c["Drug Name"]].Trim(),
            double.TryParse(r[c["median_IC50"]], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InputException(path, r.Line, $"median_IC50 '{r[c["median_IC50"]]}' is not a number", "restore the original file"), 0)).ToList();
    }
}
