using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>One organoid line x drug response as written for the pipeline (<see cref="OrganoidResponseTables.ReadLee2018"/> layout).</summary>
/// <param name="Sample">The organoid line as the mirror writes it (SCBO-3.2 -> SCBO-3_2).</param>
/// <param name="Drug">The drug name, upper case.</param>
/// <param name="Response">The AUC: mean of the Table S3 replicates, or the median CoderData fit_auc over organoid screens.</param>
/// <param name="Metric">What <paramref name="Response"/> is, in words, naming its source (Table S3 or the CoderData refit).</param>
/// <param name="Screens">Replicate rows averaged (Table S3) or organoid screens summarised (CoderData), &gt;= 1.</param>
/// <param name="ScreenNames">The CoderData screen names, comma-separated in ordinal order; empty for Table S3.</param>
/// <param name="LogIc50">Mean log IC50 of the replicates that give one (Table S3 only); null otherwise.</param>
/// <param name="HillSlope">Mean Hill slope of the replicates that give one (Table S3 only); null otherwise.</param>
public sealed record Lee2018Response(string Sample, string Drug, double Response, string Metric, int Screens, string ScreenNames, double? LogIc50, double? HillSlope);

/// <summary>
/// Bladder organoid drug response of Lee et al. 2018, written as the mirror's response table
/// (<c>sample drug response metric direction n_screens screens</c>, plus <c>log_ic50</c> and <c>hill_slope</c>), lines
/// written as in the mirror (SCBO-3.2 -> SCBO-3_2), drugs upper-case.
/// <para>
/// Primary: the paper's Table S3 (Elsevier CDN <c>1-s2.0-S0092867418302976-mmc&lt;N&gt;.xlsx</c>; N is a setting,
/// UNCONFIRMED). Layout as public readers use it (<c>read_excel(header=1)</c>): a title row, a header row, then one row
/// per replicate with drug, line, Hill slope, log IC50 and AUC in the first five columns. The rows are recognised by
/// their content (a SCBO/SMBO line in column B, a number in column E), so a workbook that is not Table S3 is refused.
/// Replicates are averaged (as public readers do).
/// </para>
/// <para>
/// Fallback: CoderData 2.1.0's refit (figshare): <c>fit_auc</c> of organoid screens (<c>&lt;line&gt;_Organoid_P&lt;n&gt;</c>,
/// <c>&lt;line&gt;_Parental[_k]</c>; xenograft-derived screens left out), median over screens per line and drug, drug
/// names from the first <c>chem_name</c> CoderData lists for the drug. A refit of the raw curves, NOT the paper's values.
/// </para>
/// </summary>
public static partial class Lee2018ResponseTables
{
    [GeneratedRegex(@"^S[CM]BO-[0-9]+(?:[._][0-9]+)?$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"_Organoid_P\d+$|_Parental(?:_\d+)?$")]
    private static partial Regex OrganoidScreen();

    /// <summary>Checks an xlsx is Table S3: some sheet has rows with a SCBO/SMBO line in column B and a number in column E.</summary>
    /// <param name="path">The workbook.</param>
    /// <exception cref="InputException">No sheet has such rows: not Table S3 (the message names the setting to change).</exception>
    public static void CheckTableS3(string path) => ReadTableS3Rows(path);

    private static List<(string Drug, string Line, double? Hill, double? LogIc50, double Auc, string Sheet, int Row)> ReadTableS3Rows(string path)
    {
        var rows = new List<(string, string, double?, double?, double, string, int)>();
        var sheets = XlsxWorkbook.SheetNames(path);
        foreach (var sheet in sheets)
        {
            var cells = XlsxWorkbook.ReadSheet(path, sheet);
            for (int i = 0; i < cells.Count; i++)
            {
                string Cell(string col) => cells[i].TryGetValue(col, out var v) ? v.Trim() : "";
                string line = Cell("B");
                if (!LinePattern().IsMatch(line)) continue;
                if (!TryNumber(Cell("E"), out var auc)) continue;
                rows.Add((Cell("A"), line, TryNumber(Cell("C"), out var h) ? h : null, TryNumber(Cell("D"), out var ic) ? ic : null, auc, sheet, i + 1));
            }
            if (rows.Count > 0) break;
        }
        if (rows.Count == 0)
            throw new InputException(path, 0, $"no sheet ({string.Join(", ", sheets)}) has rows with an organoid line (SCBO-/SMBO-) in column B and an AUC in column E",
                "this is not Lee 2018 Table S3: set the right Elsevier file number with --set lee2018.table_s3_mmc=N (README 'Connected run')");
        return rows;
    }

    private static bool TryNumber(string s, out double v) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v);

    /// <summary>Table S3 -> one row per line x drug (replicates averaged).</summary>
    /// <param name="path">The Table S3 workbook.</param>
    /// <param name="log">Receives the rows' count.</param>
    /// <returns>Rows in ordinal order of line, then drug.</returns>
    public static IReadOnlyList<Lee2018Response> FromTableS3(string path, CountLog log)
    {
        var rows = ReadTableS3Rows(path);
        int noDrug = rows.Count(r => r.Drug.Length == 0);
        var groups = rows.Where(r => r.Drug.Length > 0)
            .GroupBy(r => (Line: r.Line.Replace('.', '_'), Drug: r.Drug.ToUpperInvariant()))
            .OrderBy(g => g.Key.Line, StringComparer.Ordinal).ThenBy(g => g.Key.Drug, StringComparer.Ordinal).ToList();
        var result = groups.Select(g => new Lee2018Response(g.Key.Line, g.Key.Drug, g.Average(r => r.Auc), "AUC (Lee 2018 Table S3, mean of replicates)",
            g.Count(), "", Mean(g.Select(r => r.LogIc50)), Mean(g.Select(r => r.Hill)))).ToList();
        log.Record($"{Path.GetFileName(path)}: Table S3 replicate rows -> line x drug", rows.Count, result.Count,
            $"sheet '{rows[0].Sheet}'; {noDrug} row(s) without a drug name dropped; replicates averaged; {result.Select(r => r.Sample).Distinct().Count()} lines x {result.Select(r => r.Drug).Distinct().Count()} drugs");
        return result;
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var v = values.Where(x => x.HasValue).Select(x => x!.Value).ToList();
        return v.Count == 0 ? null : v.Average();
    }

    /// <summary>Checks the CoderData experiments file: TAB-separated (plain or gzip) with improve_sample_id,
    /// improve_drug_id, dose_response_metric and dose_response_value in its header.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InputException">A column is missing from the header.</exception>
    public static void CheckCoderDataExperiments(string path) => RequireHeader(path, '\t', "improve_sample_id", "improve_drug_id", "dose_response_metric", "dose_response_value");

    /// <summary>Checks the CoderData samples file: comma-separated with improve_sample_id, other_id and common_name in its header.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InputException">A column is missing from the header.</exception>
    public static void CheckCoderDataSamples(string path) => RequireHeader(path, ',', "improve_sample_id", "other_id", "common_name");

    /// <summary>Checks the CoderData drugs file: TAB-separated (plain or gzip) with improve_drug_id and chem_name in its header.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InputException">A column is missing from the header.</exception>
    public static void CheckCoderDataDrugs(string path) => RequireHeader(path, '\t', "improve_drug_id", "chem_name");

    private static void RequireHeader(string path, char separator, params string[] columns)
    {
        using var reader = TextFiles.Open(path);
        var header = (reader.ReadLine() ?? "").Split(separator).Select(h => h.Trim('"')).ToArray();
        var missing = columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new InputException(path, 1, $"the header lacks {string.Join(", ", missing)}", "use the CoderData 2.1.0 file named in README 'Connected run'");
    }

    /// <summary>CoderData 2.1.0 experiments + samples + drugs -> the refit table (fallback; labelled a refit).</summary>
    /// <param name="experimentsPath">coderdata_bladderpdo_experiments.tsv.gz.</param>
    /// <param name="samplesPath">coderdata_bladderpdo_samples.csv.</param>
    /// <param name="drugsPath">coderdata_bladderpdo_drugs.tsv.gz.</param>
    /// <param name="log">Receives the rows' count.</param>
    public static IReadOnlyList<Lee2018Response> FromCoderData(string experimentsPath, string samplesPath, string drugsPath, CountLog log)
    {
        var quoted = new DelimitedOptions { Quoted = true };
        var samples = TextFiles.ReadTable(samplesPath, ',', quoted);
        var sc = samples.RequireColumns("improve_sample_id", "other_id", "common_name");
        var sampleOf = new Dictionary<string, (string Screen, string Line)>(StringComparer.Ordinal);
        foreach (var r in samples.Rows) sampleOf.TryAdd(r[sc["improve_sample_id"]], (r[sc["other_id"]], r[sc["common_name"]].Replace('.', '_')));
        var drugs = TextFiles.ReadTable(drugsPath, '\t', quoted);
        var dc = drugs.RequireColumns("improve_drug_id", "chem_name");
        var drugOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in drugs.Rows) drugOf.TryAdd(r[dc["improve_drug_id"]], r[dc["chem_name"]].Trim().ToUpperInvariant());
        var experiments = TextFiles.ReadTable(experimentsPath, '\t', quoted);
        var ec = experiments.RequireColumns("improve_sample_id", "improve_drug_id", "dose_response_metric", "dose_response_value");

        int fitAuc = 0, notOrganoid = 0, unknown = 0;
        var kept = new List<(string Line, string Drug, string Screen, double Value)>();
        foreach (var r in experiments.Rows)
        {
            if (r[ec["dose_response_metric"]] != "fit_auc") continue;
            fitAuc++;
            if (!sampleOf.TryGetValue(r[ec["improve_sample_id"]], out var s) || !drugOf.TryGetValue(r[ec["improve_drug_id"]], out var drug)) { unknown++; continue; }
            if (!OrganoidScreen().IsMatch(s.Screen)) { notOrganoid++; continue; }
            if (!TryNumber(r[ec["dose_response_value"]], out var v))
                throw new InputException(experimentsPath, r.Line, $"dose_response_value '{r[ec["dose_response_value"]]}' is not a number", "re-download the file");
            kept.Add((s.Line, drug, s.Screen, v));
        }
        var result = kept.GroupBy(k => (k.Line, k.Drug)).OrderBy(g => g.Key.Line, StringComparer.Ordinal).ThenBy(g => g.Key.Drug, StringComparer.Ordinal)
            .Select(g => new Lee2018Response(g.Key.Line, g.Key.Drug, Statistics.Median(g.Select(k => k.Value).ToArray()), "AUC (CoderData 2.1.0 refit, median over organoid screens)",
                g.Select(k => k.Screen).Distinct().Count(), string.Join(",", g.Select(k => k.Screen).Distinct().Order(StringComparer.Ordinal)), null, null)).ToList();
        log.Record($"{Path.GetFileName(experimentsPath)}: fit_auc rows -> line x drug", fitAuc, result.Count,
            $"{notOrganoid} xenograft-derived screen row(s) and {unknown} row(s) with an unknown sample or drug left out; median over screens; a REFIT, not the paper's values");
        return result;
    }

    /// <summary>Writes the table in the mirror's layout (plus log_ic50 and hill_slope).</summary>
    /// <param name="rows">The rows, written in the order given.</param>
    /// <param name="path">The file to write.</param>
    public static void Write(IReadOnlyList<Lee2018Response> rows, string path)
    {
        var table = TsvTable.From(rows, ("sample", r => r.Sample), ("drug", r => r.Drug), ("response", r => r.Response), ("metric", r => r.Metric),
            ("direction", _ => "lower = more sensitive"), ("n_screens", r => r.Screens), ("screens", r => r.ScreenNames),
            ("log_ic50", r => r.LogIc50 is double d ? d : double.NaN), ("hill_slope", r => r.HillSlope is double h ? h : double.NaN));
        table.Write(path);
    }
}
