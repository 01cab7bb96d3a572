using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Pipeline;


/// <summary>
/// Readers of the files one stage hands to the next (output/stages/NN/, output/results/): later stages read these
/// files, never a notebook's variables. A malformed file is an <see cref="InputException"/> naming the stage to rerun.
/// </summary>
public static class StageFiles
{
    /// <summary>output/stages/01/cohort_members.tsv (cohort, member, days, event): members by cohort, in file order.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Cohorts in ordinal order; a member's days and event are null when empty in the file.</returns>
    /// <exception cref="InputException">The file is missing (the fix names the stage to run), lacks a column, or a cell is malformed (names the line).</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<CohortMember>> CohortMembers(string path)
    {
        var t = Read(path, "01", "cohort", "member", "days", "event");
        var result = new SortedDictionary<string, IReadOnlyList<CohortMember>>(StringComparer.Ordinal);
        foreach (var (row, line) in t.Table.Rows.Select((r, i) => (r, i + 2)))
        {
            string cohort = row[t["cohort"]], member = row[t["member"]];
            double? days = row[t["days"]].Length == 0 ? null : Number(path, line, row[t["days"]], "days", "01");
            bool? ev = row[t["event"]] switch
            {
                "" => null,
                "true" => true,
                "false" => false,
                var other => throw new InputException(path, line, $"event '{other}' is not true/false/empty", "rerun stage 01"),
            };
            if (!result.TryGetValue(cohort, out var list)) result[cohort] = list = new List<CohortMember>();
            ((List<CohortMember>)list).Add(new CohortMember(member, days, ev));
        }
        return result;
    }

    /// <summary>output/stages/01/organoid_response.tsv: median ln IC50 by organoid for one drug (as named in the screen).</summary>
    /// <param name="path">The file.</param>
    /// <param name="screenDrug">The drug's screen name, exact (ordinal) match, e.g. "5-Fluorouracil".</param>
    /// <returns>Median ln IC50 (ln uM) by organoid, organoids in ordinal order.</returns>
    /// <exception cref="InputException">The file is missing or malformed, an organoid has two rows for the drug, or the drug has no row.</exception>
    public static IReadOnlyDictionary<string, double> OrganoidResponses(string path, string screenDrug)
    {
        var t = Read(path, "01", "organoid", "drug", "median_ln_ic50");
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (row, line) in t.Table.Rows.Select((r, i) => (r, i + 2)))
        {
            if (row[t["drug"]] != screenDrug) continue;
            if (!result.TryAdd(row[t["organoid"]], Number(path, line, row[t["median_ln_ic50"]], "median_ln_ic50", "01")))
                throw new InputException(path, line, $"organoid {row[t["organoid"]]} has two {screenDrug} rows", "rerun stage 01");
        }
        if (result.Count == 0) throw new InputException(path, 0, $"no rows for drug '{screenDrug}'", "check the drug name or rerun stage 01");
        return result;
    }

    /// <summary>
    /// output/stages/01/organoid_response.tsv (organoid, drug, median_ln_ic50, replicates, median_auc, max_conc_um): every
    /// training drug's response per screened organoid, in file order (<see cref="OrganoidResponseSummary"/>).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InputException">The file is missing (the fix names the stage to run), lacks a column, or a number or replicate count (>= 1) is malformed (names the line).</exception>
    public static IReadOnlyList<OrganoidResponseSummary> OrganoidResponseSummaries(string path)
    {
        var t = Read(path, "01", "organoid", "drug", "median_ln_ic50", "replicates", "median_auc", "max_conc_um");
        int collection = t.Table.Columns.ToList().IndexOf("collection");
        // NA: a response table without IC50s or tested concentrations (a curated AUC table).
        double Optional(string text, int line, string column) => text == "NA" ? double.NaN : Number(path, line, text, column, "01");
        return t.Table.Rows.Select((row, i) =>
        {
            int line = i + 2;
            if (!int.TryParse(row[t["replicates"]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var replicates) || replicates < 1)
                throw new InputException(path, line, $"replicates '{row[t["replicates"]]}' is not a positive integer", "rerun stage 01");
            return new OrganoidResponseSummary(row[t["organoid"]], row[t["drug"]], Optional(row[t["median_ln_ic50"]], line, "median_ln_ic50"), replicates,
                Number(path, line, row[t["median_auc"]], "median_auc", "01"), Optional(row[t["max_conc_um"]], line, "max_conc_um"),
                collection < 0 || row[collection].Length == 0 ? null : row[collection]);
        }).ToArray();
    }

    /// <summary>
    /// output/stages/04/models.tsv (drug, selection, gmt, model, pathway, coef, rank; optional training: the organoid
    /// cohort), grouped by model, in file order.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>One model per (drug, selection, gmt, model), its biomarkers sorted by rank (1 = largest |coef|).</returns>
    /// <exception cref="InputException">The file is missing or malformed, a rank is not a positive integer, or a model lists a pathway twice.</exception>
    public static IReadOnlyList<StageModel> Models(string path)
    {
        var t = Read(path, "04", "drug", "selection", "gmt", "model", "pathway", "coef", "rank");
        int training = t.Table.Columns.ToList().IndexOf("training");
        var groups = new List<(string Key, StageModel Model, List<RankedBiomarker> List)>();
        foreach (var (row, line) in t.Table.Rows.Select((r, i) => (r, i + 2)))
        {
            string? cohort = training < 0 || row[training].Length == 0 ? null : row[training];
            string key = string.Join('\u0001', row[t["drug"]], row[t["selection"]], row[t["gmt"]], row[t["model"]], cohort ?? "");
            var g = groups.FirstOrDefault(x => x.Key == key);
            if (g.Key is null)
            {
                var list = new List<RankedBiomarker>();
                g = (key, new StageModel(row[t["drug"]], row[t["selection"]], row[t["gmt"]], row[t["model"]], list, cohort), list);
                groups.Add(g);
            }
            if (!int.TryParse(row[t["rank"]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank) || rank < 1)
                throw new InputException(path, line, $"rank '{row[t["rank"]]}' is not a positive integer", "rerun stage 04");
            g.List.Add(new RankedBiomarker(rank, row[t["pathway"]], Number(path, line, row[t["coef"]], "coef", "04")));
        }
        foreach (var g in groups)
        {
            var dup = g.List.GroupBy(b => b.Name, StringComparer.Ordinal).FirstOrDefault(x => x.Count() > 1);
            if (dup is not null) throw new InputException(path, 0, $"model {g.Key.Replace('\u0001', '/')} lists {dup.Key} twice", "rerun stage 04");
            g.List.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        }
        return groups.Select(g => g.Model).ToArray();
    }

    /// <summary>A pathways x samples score table (first column the pathway, then one column per sample), e.g. output/stages/04/organoid_nes.tsv.</summary>
    /// <param name="path">The file.</param>
    /// <param name="stage">The two-digit stage that writes it, named in the fix of an error.</param>
    /// <exception cref="InputException">No sample column, a value that is not a finite number, or a pathway listed twice.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static PathwayScores PathwayScores(string path, string stage = "04")
    {
        var table = TsvFiles.Read(path);
        var samples = table.Columns.Skip(1).ToArray();
        if (samples.Length == 0) throw new InputException(path, 1, "no sample columns", $"rerun stage {stage}");
        var pathways = new List<string>(table.Rows.Count);
        var values = new double[table.Rows.Count, samples.Length];
        for (int i = 0; i < table.Rows.Count; i++)
        {
            pathways.Add(table.Rows[i][0]);
            for (int j = 0; j < samples.Length; j++)
            {
                double v = Number(path, i + 2, table.Rows[i][j + 1], samples[j], stage);
                if (!double.IsFinite(v)) throw new InputException(path, i + 2, $"{samples[j]} is {table.Rows[i][j + 1]}", $"rerun stage {stage}");
                values[i, j] = v;
            }
        }
        if (pathways.Distinct(StringComparer.Ordinal).Count() != pathways.Count) throw new InputException(path, 0, "a pathway is listed twice", $"rerun stage {stage}");
        return new PathwayScores(pathways, samples, values);
    }

    /// <summary>output/stages/03/proximal_pathways.tsv (drug, selection, network, pathway, z), in file order (<see cref="ProximalPathway"/>).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InputException">The file is missing (the fix names the stage to run), lacks a column, or a cell is malformed (names the line).</exception>
    public static IReadOnlyList<ProximalPathway> ProximalPathways(string path)
    {
        var t = Read(path, "03", "drug", "selection", "network", "pathway", "z");
        return t.Table.Rows.Select((row, i) => new ProximalPathway(row[t["drug"]], row[t["selection"]], row[t["network"]], row[t["pathway"]],
            Number(path, i + 2, row[t["z"]], "z", "03"))).ToArray();
    }

    private sealed record Columns(TsvTable Table, IReadOnlyDictionary<string, int> Index)
    {
        public int this[string name] => Index[name];
    }

    private static Columns Read(string path, string stage, params string[] required)
    {
        if (!File.Exists(path)) throw new InputException(path, 0, "file not found", $"run stage {stage} first (scripts/run-pipeline, or --only {stage})");
        var table = TsvFiles.Read(path);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in required)
        {
            int i = table.Columns.ToList().IndexOf(c);
            if (i < 0) throw new InputException(path, 1, $"no column '{c}' (have: {string.Join(", ", table.Columns)})", $"rerun stage {stage}");
            index[c] = i;
        }
        return new Columns(table, index);
    }

    private static double Number(string path, int line, string text, string column, string stage) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
            : throw new InputException(path, line, $"{column} '{text}' is not a number", $"rerun stage {stage}");
}
