using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>A curated per-line drug response (one value per organoid line and drug), e.g. CoderData's refit of Lee 2018.</summary>
/// <param name="Sample">Organoid line as the table names it.</param>
/// <param name="Drug">Drug as the table names it.</param>
/// <param name="Value">The response value, finite, in the units of <paramref name="Metric"/>.</param>
/// <param name="Metric">What the value is, as the table states it (e.g. "AUC").</param>
/// <param name="Direction">Which way is sensitive, as the table states it (e.g. "lower = more sensitive").</param>
/// <param name="Screens">Screens behind the value (n_screens; 1 for Tiriac 2018).</param>
public sealed record CuratedResponse(string Sample, string Drug, double Value, string Metric, string Direction, int Screens);

/// <summary>Readers of the bladder (Lee 2018) and pancreatic (Tiriac 2018) organoid response tables.</summary>
public static class OrganoidResponseTables
{
    /// <summary>lee2018_coderdata_response.tsv: sample, drug, response, metric, direction, n_screens, screens.</summary>
    /// <param name="path">The tab-separated table.</param>
    /// <exception cref="InputException">A missing column, a repeated (sample, drug), a non-finite response or a
    /// non-integer n_screens (names the line).</exception>
    public static IReadOnlyList<CuratedResponse> ReadLee2018(string path)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("sample", "drug", "response", "metric", "direction", "n_screens");
        var seen = new HashSet<(string, string)>();
        var list = new List<CuratedResponse>();
        foreach (var r in t.Rows)
        {
            var key = (r[c["sample"]], r[c["drug"]]);
            if (!seen.Add(key)) throw new InputException(path, r.Line, $"sample {key.Item1} x drug {key.Item2} appears twice", "deduplicate the table");
            if (!double.TryParse(r[c["response"]], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new InputException(path, r.Line, $"response '{r[c["response"]]}' is not a finite number", "restore the original file");
            list.Add(new CuratedResponse(key.Item1, key.Item2, v, r[c["metric"]], r[c["direction"]],
                int.TryParse(r[c["n_screens"]], out var n) ? n : throw new InputException(path, r.Line, "n_screens is not an integer", "restore the original file")));
        }
        return list;
    }

    /// <summary>lee2018_gsm_map.tsv: GEO GSM -> organoid line.</summary>
    /// <param name="path">The tab-separated map (columns gsm, title, sample).</param>
    /// <exception cref="InputException">A missing column or a malformed line.</exception>
    public static IReadOnlyList<(string Gsm, string Title, string Sample)> ReadGsmMap(string path)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("gsm", "title", "sample");
        return t.Rows.Select(r => (r[c["gsm"]], r[c["title"]], r[c["sample"]])).ToList();
    }

    /// <summary>tiriac2018_organoid_value.tsv: organoid, inhibitor, value (AUC).</summary>
    /// <param name="path">The tab-separated table.</param>
    /// <returns>Rows in file order, Metric "AUC", Direction "lower = more sensitive", Screens 1.</returns>
    /// <exception cref="InputException">A missing column or a non-finite value (names the line).</exception>
    public static IReadOnlyList<CuratedResponse> ReadTiriac2018(string path)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("organoid", "inhibitor", "value");
        return t.Rows.Select(r => new CuratedResponse(r[c["organoid"]], r[c["inhibitor"]],
            double.TryParse(r[c["value"]], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
                : throw new InputException(path, r.Line, $"value '{r[c["value"]]}' is not a finite number", "restore the original file"),
            "AUC", "lower = more sensitive", 1)).ToList();
    }
}
