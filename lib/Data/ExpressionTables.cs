using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// Reads expression matrices from delimited files under an <see cref="ExpressionTableLayout"/>: strict numbers (no
/// NaN/Inf, no blanks), duplicated IDs resolved by the layout's policy and counted, and a scale check.
/// </summary>
public static class ExpressionTables
{
    /// <summary>
    /// Reads one expression file into a genes x samples matrix: the ID column names the rows, annotation columns are
    /// ignored, every other column is a value column; <see cref="ExpressionTableLayout.SampleName"/> renames samples;
    /// duplicated IDs are resolved by the layout's policy (first-seen order kept) and counted in <paramref name="log"/>.
    /// </summary>
    /// <param name="path">The delimited file (gzip when it ends in .gz).</param>
    /// <param name="layout">The file's layout (e.g. <see cref="ExpressionTableLayout.OrganoidGeo"/>).</param>
    /// <param name="log">Receives the duplicate counts.</param>
    /// <returns>Genes x samples, every value finite, in the layout's <see cref="ValueScale"/>.</returns>
    /// <exception cref="InputException">No value column or no row, an empty ID, a value that is not a finite number, a
    /// sample or gene named twice in the header, a duplicated ID under <see cref="DuplicatePolicy.Fail"/>, or values
    /// out of the stated scale (log2 above 50, linear below 0); names the line where one applies.</exception>
    public static ExpressionMatrix Read(string path, ExpressionTableLayout layout, CountLog log)
    {
        var table = DelimitedFile.Read(path, layout.Separator);
        int idCol = table.Column(layout.IdColumn);
        var annotation = layout.AnnotationColumns.Select(table.Column).ToHashSet();
        var valueCols = Enumerable.Range(0, table.Header.Count).Where(i => i != idCol && !annotation.Contains(i)).ToArray();
        if (valueCols.Length == 0) throw new InputException(path, 1, "no value columns besides the ID and annotation columns", "check the layout / file");
        if (table.Rows.Count == 0) throw new InputException(path, 2, "no data rows", "restore the original file");

        var rowIds = new List<string>(table.Rows.Count);
        var rowLines = new List<int>(table.Rows.Count);
        var values = new double[table.Rows.Count][];
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            string id = row[idCol].Trim();
            if (id.Length == 0) throw new InputException(path, row.Line, $"empty ID in column '{layout.IdColumn}'", "remove the row or give it an ID");
            rowIds.Add(id);
            rowLines.Add(row.Line);
            var v = new double[valueCols.Length];
            for (int j = 0; j < valueCols.Length; j++)
            {
                string cell = row[valueCols[j]];
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
                    throw new InputException(path, row.Line,
                        $"value '{cell}' in column '{table.Header[valueCols[j]]}' for '{id}' is not a finite number",
                        "missing values are not allowed in expression matrices: impute or remove the row upstream");
                v[j] = x;
            }
            values[r] = v;
        }
        var colIds = valueCols.Select(i => table.Header[i].Trim()).ToArray();
        string fileName = Path.GetFileName(path);

        if (layout.Orientation == Orientation.GenesInRows)
        {
            if (layout.SampleName is not null) colIds = colIds.Select(layout.SampleName).ToArray();
            CheckUniqueColumns(path, colIds, "sample");
            var (genes, rows) = Deduplicate(path, rowIds, rowLines, values, layout.DuplicateGenes, "gene", log, fileName);
            var m = ToMatrix(genes, colIds, rows, byRow: true);
            CheckScale(path, m, layout.Scale);
            return m;
        }
        else
        {
            CheckUniqueColumns(path, colIds, "gene");
            var sampleIds = layout.SampleName is null ? rowIds : rowIds.Select(layout.SampleName).ToList();
            var (samples, rows) = Deduplicate(path, sampleIds, rowLines, values, layout.DuplicateSamples, "sample", log, fileName);
            var m = ToMatrix(colIds, samples, rows, byRow: false);
            CheckScale(path, m, layout.Scale);
            return m;
        }
    }

    private static void CheckUniqueColumns(string path, string[] ids, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (!seen.Add(id)) throw new InputException(path, 1, $"{what} '{id}' appears in two header columns", "rename or remove one of the columns");
    }

    /// <summary>Applies a duplicate policy to row-wise records, keeping first-seen order.</summary>
    internal static (List<string> Ids, List<double[]> Rows) Deduplicate(string path, IReadOnlyList<string> ids, IReadOnlyList<int> lines,
        IReadOnlyList<double[]> rows, DuplicatePolicy policy, string what, CountLog log, string fileName)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < ids.Count; i++)
        {
            if (!groups.TryGetValue(ids[i], out var list)) { groups[ids[i]] = list = new List<int>(); order.Add(ids[i]); }
            list.Add(i);
        }
        var duplicated = order.Where(id => groups[id].Count > 1).ToList();
        if (duplicated.Count > 0 && policy == DuplicatePolicy.Fail)
        {
            var first = groups[duplicated[0]];
            throw new InputException(path, lines[first[1]],
                $"{what} '{duplicated[0]}' is duplicated (lines {lines[first[0]]} and {lines[first[1]]}; {duplicated.Count} duplicated {what} ID(s) in all)",
                $"choose a duplicate policy for {what}s (Mean, Median, First, Drop) or deduplicate the file");
        }
        var outIds = new List<string>();
        var outRows = new List<double[]>();
        foreach (var id in order)
        {
            var idx = groups[id];
            if (idx.Count == 1) { outIds.Add(id); outRows.Add(rows[idx[0]]); continue; }
            switch (policy)
            {
                case DuplicatePolicy.Drop: continue;
                case DuplicatePolicy.First: outIds.Add(id); outRows.Add(rows[idx[0]]); break;
                case DuplicatePolicy.Mean:
                case DuplicatePolicy.Median:
                    int n = rows[idx[0]].Length;
                    var merged = new double[n];
                    var buffer = new double[idx.Count];
                    for (int j = 0; j < n; j++)
                    {
                        for (int k = 0; k < idx.Count; k++) buffer[k] = rows[idx[k]][j];
                        merged[j] = policy == DuplicatePolicy.Mean ? buffer.Sum() / idx.Count : Statistics.Median(buffer);
                    }
                    outIds.Add(id);
                    outRows.Add(merged);
                    break;
            }
        }
        log.Record($"{fileName}: duplicated {what}s", order.Count, outIds.Count,
            duplicated.Count == 0 ? $"no duplicated {what} IDs"
                : $"{duplicated.Count} {what} ID(s) on more than one line ({string.Join(", ", duplicated.Take(5))}{(duplicated.Count > 5 ? ", ..." : "")}): policy {policy}");
        return (outIds, outRows);
    }

    private static ExpressionMatrix ToMatrix(IReadOnlyList<string> genes, IReadOnlyList<string> samples, List<double[]> rows, bool byRow)
    {
        var v = new double[genes.Count, samples.Count];
        if (byRow)
        {
            for (int g = 0; g < genes.Count; g++)
                for (int s = 0; s < samples.Count; s++) v[g, s] = rows[g][s];
        }
        else
        {
            for (int s = 0; s < samples.Count; s++)
                for (int g = 0; g < genes.Count; g++) v[g, s] = rows[s][g];
        }
        return new ExpressionMatrix(genes, samples, v);
    }

    private static void CheckScale(string path, ExpressionMatrix m, ValueScale scale)
    {
        double max = double.MinValue, min = double.MaxValue;
        foreach (var x in m.Values) { if (x > max) max = x; if (x < min) min = x; }
        if (scale == ValueScale.Log2 && max > 50)
            throw new InputException(path, 0, $"values reach {max.ToString("G6", CultureInfo.InvariantCulture)}, too large for log2 data",
                "log2-transform the matrix first, or read it with ValueScale.Linear if it is linear");
        if (scale == ValueScale.Linear && min < 0)
            throw new InputException(path, 0, $"negative value {min.ToString("G6", CultureInfo.InvariantCulture)} in linear-scale data",
                "read it with ValueScale.Log2 if it is log-transformed");
    }
}
