using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// Reads gseapy 0.9's ssGSEA output tables ("gseapy.samples.normalized.es.txt", "gseapy.samples.raw.es.txt"): lines
/// starting with '#' (gseapy's notes on the normalisation), then a header whose first field is "Term|NES" or "Term|ES"
/// followed by the sample IDs, then one row per gene set with one number per sample. Sets and samples in file order.
/// A missing or different header, a short or long row, a value that is not a finite number, a duplicated set or sample
/// name, or a table without rows is an <see cref="InputException"/>.
/// </summary>
public static class GseapyScores
{
    /// <summary>Reads one gseapy 0.9 ssGSEA output table (NES or ES) into pathways x samples scores.</summary>
    /// <param name="path">gseapy.samples.normalized.es.txt or gseapy.samples.raw.es.txt.</param>
    /// <exception cref="InputException">One of the faults listed above.</exception>
    public static PathwayScores Read(string path)
    {
        var table = DelimitedFile.Read(path, '\t', new DelimitedOptions { CommentPrefix = "#" });
        var first = table.Header[0];
        if (!first.StartsWith("Term|", StringComparison.Ordinal))
            throw new InputException(path, 0, $"the header starts with '{first}', not 'Term|NES' or 'Term|ES'",
                "give a gseapy ssGSEA output table (gseapy.samples.normalized.es.txt or gseapy.samples.raw.es.txt)");
        var samples = table.Header.Skip(1).Select(s => s.Trim()).ToArray();
        if (samples.Length == 0) throw new InputException(path, 0, "the header names no sample", "restore the original gseapy output");
        var dupSample = samples.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1 || g.Key.Length == 0);
        if (dupSample is not null)
            throw new InputException(path, 0, dupSample.Key.Length == 0 ? "an empty sample name in the header" : $"sample '{dupSample.Key}' appears twice in the header", "restore the original gseapy output");
        if (table.Rows.Count == 0) throw new InputException(path, 0, "no gene-set rows after the header", "restore the original gseapy output (truncated?)");

        var sets = new List<string>(table.Rows.Count);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new double[table.Rows.Count, samples.Length];
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var name = row[0].Trim();
            if (name.Length == 0) throw new InputException(path, row.Line, "empty gene-set name", "restore the original gseapy output");
            if (lineOf.TryGetValue(name, out var earlier))
                throw new InputException(path, row.Line, $"gene set '{name}' already on line {earlier}", "restore the original gseapy output");
            lineOf[name] = row.Line;
            sets.Add(name);
            for (int j = 0; j < samples.Length; j++)
            {
                var cell = row[j + 1].Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new InputException(path, row.Line, $"score '{cell}' of '{name}' for sample '{samples[j]}' is not a finite number", "restore the original gseapy output");
                values[r, j] = v;
            }
        }
        return new PathwayScores(sets.AsReadOnly(), Array.AsReadOnly(samples), values);
    }
}
