using System.Globalization;
using System.Text.RegularExpressions;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>One GEO sample of GSE103990 and what it became: an organoid passage of a line, or why it was left out.</summary>
/// <param name="Gsm">The GEO sample accession.</param>
/// <param name="Title">Its GEO title (e.g. SCBO-5_orgP10).</param>
/// <param name="Passage">The organoid passage from the title, when an organoid.</param>
/// <param name="Column">The expression file's column (the authors' MS... RNA ID, or the GSM in NCBI's re-quantification), empty when not in the file.</param>
/// <param name="Line">The organoid line (SCBO-3.2 written SCBO-3_2, as in the mirror's tables), empty when not an organoid.</param>
/// <param name="Kind">organoid | tumour tissue | other | not in the expression file.</param>
public sealed partial record Lee2018Sample(string Gsm, string Title, string Column, string Line, int? Passage, string Kind)
{
    [GeneratedRegex(@"^(S[CM]BO-[0-9]+(?:\.[0-9]+)?)_orgP([0-9]+)$")]
    internal static partial Regex OrganoidTitle();

    /// <summary>Classifies a GEO title: <c>SCBO-5_orgP10</c> is line SCBO-5 at passage 10; titles with "tumor" are tissue.</summary>
    /// <param name="title">A GEO !Sample_title.</param>
    /// <returns>The line (SCBO-5.2 written SCBO-5_2) and passage for an organoid, else an empty line, no passage and the kind
    /// ("tumour tissue" or "other").</returns>
    public static (string Line, int? Passage, string Kind) Classify(string title)
    {
        var m = OrganoidTitle().Match(title.Trim());
        if (m.Success) return (m.Groups[1].Value.Replace('.', '_'), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), "organoid");
        return title.Contains("tumor", StringComparison.OrdinalIgnoreCase) ? ("", null, "tumour tissue") : ("", null, "other");
    }
}

/// <summary>
/// The bladder organoids of Lee et al. 2018 (Cell 173:515) from GEO GSE103990, as a genes x organoid-lines matrix
/// (<see cref="ExpressionTableLayout.SymbolMatrix"/>).
/// <para>
/// Authors' file <c>GSE103990_Normalized_counts.txt.gz</c>: a header whose first cell is empty, then one column per
/// RNA sample (IDs starting <c>MS</c>); rows <c>ENSG..._SYMBOL</c> (split at the first <c>_</c>: the symbol may itself
/// contain <c>_</c>). Columns are mapped to GEO samples through the family SOFT: the <c>!Sample_description</c> value
/// equal to a column name; the sample's <c>!Sample_title</c> (<c>SCBO-5_orgP10</c>) gives the line and passage; tumour
/// tissue samples (titles with "tumor") and other titles are left out, counted.
/// </para>
/// <para>
/// Scale: the file's transform is UNCONFIRMED (DESeq2 normalised counts, or a VST of them). Values above 50 mean
/// linear counts: log2(x + 1) is taken; otherwise the values are taken as already log-scale and kept. The choice is
/// logged. Several passages of one line: the mean over passages on that log scale (every passage is the same line;
/// averaging damps passage-to-passage noise without choosing a passage the drug screen may not have used; the
/// per-passage map is written beside the matrix). Several Ensembl IDs on one symbol: <see cref="SymbolMatrix"/> (MaxMean).
/// </para>
/// </summary>
public static class Lee2018Organoids
{
    /// <summary>Checks the authors' counts file: empty first header cell, MS... columns, ENSG..._SYMBOL rows.</summary>
    /// <param name="path">The file, plain or gzip.</param>
    /// <exception cref="InputException">The layout differs.</exception>
    public static void CheckCountsFormat(string path)
    {
        using var reader = TextFiles.Open(path);
        var header = reader.ReadLine()?.Split('\t');
        if (header is null || header.Length < 2 || header[0].Trim('"').Length != 0)
            throw new InputException(path, 1, "the header does not start with an empty cell followed by sample columns", "use GSE103990_Normalized_counts.txt.gz from GEO");
        var first = reader.ReadLine();
        if (first is null || !first.StartsWith("ENSG", StringComparison.Ordinal) || !first.Split('\t')[0].Contains('_') || first.Split('\t').Length != header.Length)
            throw new InputException(path, 2, "the first row is not 'ENSG..._SYMBOL' with one value per column", "use GSE103990_Normalized_counts.txt.gz from GEO");
    }

    /// <summary>Checks NCBI's re-quantification: header <c>GeneID</c> then GSM columns.</summary>
    /// <param name="path">The file, plain or gzip.</param>
    /// <exception cref="InputException">The layout differs.</exception>
    public static void CheckNcbiFormat(string path)
    {
        using var reader = TextFiles.Open(path);
        var header = reader.ReadLine()?.Split('\t');
        if (header is null || header.Length < 2 || header[0] != "GeneID" || !header[1].StartsWith("GSM", StringComparison.Ordinal))
            throw new InputException(path, 1, "the header is not 'GeneID' followed by GSM columns", "use GSE103990_norm_counts_TPM_GRCh38.p13_NCBI.tsv.gz from GEO");
    }

    /// <summary>Checks NCBI's gene annotation table (columns GeneID and Symbol).</summary>
    /// <param name="path">The file, plain or gzip.</param>
    /// <exception cref="InputException">A column is missing.</exception>
    public static void CheckAnnotationFormat(string path)
    {
        using var reader = TextFiles.Open(path);
        var header = reader.ReadLine()?.Split('\t');
        if (header is null || !header.Contains("GeneID") || !header.Contains("Symbol"))
            throw new InputException(path, 1, "the header lacks GeneID or Symbol", "use Human.GRCh38.p13.annot.tsv.gz from GEO");
    }

    /// <summary>The authors' normalised counts + family SOFT -> lines matrix; returns the sample map.</summary>
    /// <param name="countsPath">GSE103990_Normalized_counts.txt.gz.</param>
    /// <param name="softPath">GSE103990_family.soft.gz.</param>
    /// <param name="outPath">The genes x lines matrix to write.</param>
    /// <param name="log">Receives every step's count.</param>
    public static IReadOnlyList<Lee2018Sample> ConvertAuthorsCounts(string countsPath, string softPath, string outPath, CountLog log)
    {
        var (columns, rowIds, values) = ReadMatrix(countsPath);
        var soft = GeoSoft.ReadSamples(softPath);
        var columnSet = columns.ToHashSet(StringComparer.Ordinal);
        var samples = new List<Lee2018Sample>();
        foreach (var s in soft)
        {
            var matches = s.Descriptions.Where(columnSet.Contains).Distinct(StringComparer.Ordinal).ToList();
            if (matches.Count > 1)
                throw new InputException(softPath, s.Line, $"sample {s.Gsm} has several descriptions naming columns ({string.Join(", ", matches)})", "check the SOFT file belongs to GSE103990");
            var (line, passage, kind) = Lee2018Sample.Classify(s.Title);
            samples.Add(new Lee2018Sample(s.Gsm, s.Title, matches.FirstOrDefault() ?? "", line, passage, matches.Count == 0 ? "not in the expression file" : kind));
        }
        var claimed = samples.Where(s => s.Column.Length > 0).GroupBy(s => s.Column, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (claimed is not null)
            throw new InputException(softPath, 0, $"column {claimed.Key} is named by {string.Join(" and ", claimed.Select(s => s.Gsm))}", "check the SOFT file belongs to GSE103990");
        var symbols = rowIds.Select(id => id.IndexOf('_') is var u and > 0 ? id[(u + 1)..] : null).ToArray();
        var ensembl = rowIds.Select(id => id.IndexOf('_') is var u and > 0 ? id[..u] : id).ToArray();
        Build(countsPath, columns, ensembl, symbols, values, samples, outPath, log);
        return samples;
    }

    /// <summary>NCBI's re-quantification (Entrez GeneID x GSM, TPM) + annotation + family SOFT -> lines matrix (fallback).</summary>
    /// <param name="tpmPath">NCBI's TPM matrix.</param>
    /// <param name="annotationPath">NCBI's GRCh38.p13 gene annotation (GeneID to Symbol).</param>
    /// <param name="softPath">GSE103990_family.soft.gz.</param>
    /// <param name="outPath">The genes x lines matrix to write.</param>
    /// <param name="log">Receives every step's count.</param>
    public static IReadOnlyList<Lee2018Sample> ConvertNcbiTpm(string tpmPath, string annotationPath, string softPath, string outPath, CountLog log)
    {
        var (columns, rowIds, values) = ReadMatrix(tpmPath);
        var annotation = TextFiles.ReadTable(annotationPath, '\t', new DelimitedOptions { Quoted = true });
        var c = annotation.RequireColumns("GeneID", "Symbol");
        var symbolOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in annotation.Rows) symbolOf.TryAdd(r[c["GeneID"]], r[c["Symbol"]]);
        var soft = GeoSoft.ReadSamples(softPath).ToDictionary(s => s.Gsm, StringComparer.Ordinal);
        var samples = new List<Lee2018Sample>();
        foreach (var gsm in soft.Keys.Order(StringComparer.Ordinal))
        {
            var (line, passage, kind) = Lee2018Sample.Classify(soft[gsm].Title);
            bool present = columns.Contains(gsm);
            samples.Add(new Lee2018Sample(gsm, soft[gsm].Title, present ? gsm : "", line, passage, present ? kind : "not in the expression file"));
        }
        var symbols = rowIds.Select(id => symbolOf.TryGetValue(id, out var s) && s.Length > 0 ? s : null).ToArray();
        Build(tpmPath, columns, rowIds, symbols, values, samples, outPath, log);
        return samples;
    }

    private static void Build(string path, string[] columns, string[] ids, string?[] symbols, double[][] values, List<Lee2018Sample> samples, string outPath, CountLog log)
    {
        string file = Path.GetFileName(path);
        var byColumn = samples.Where(s => s.Column.Length > 0).ToDictionary(s => s.Column, StringComparer.Ordinal);
        int unknownColumns = columns.Count(col => !byColumn.ContainsKey(col));
        var organoid = samples.Where(s => s.Kind == "organoid").ToList();
        log.Record($"{file}: columns -> GEO samples", columns.Length, columns.Length - unknownColumns,
            $"{unknownColumns} column(s) named by no GEO sample (left out); of the GEO samples: {organoid.Count} organoid, " +
            $"{samples.Count(s => s.Kind == "tumour tissue")} tumour tissue, {samples.Count(s => s.Kind == "other")} other, {samples.Count(s => s.Kind == "not in the expression file")} not in the file");
        if (organoid.Count == 0) throw new InputException(path, 1, "no column maps to an organoid sample (titles like SCBO-5_orgP10)", "check the SOFT file and the expression file are both of GSE103990");

        double max = values.Max(r => r.Length == 0 ? 0 : r.Max()), min = values.Min(r => r.Length == 0 ? 0 : r.Min());
        bool linear = max > 50;
        if (linear && min < 0) throw new InputException(path, 0, $"values span {min} to {max}: neither non-negative counts nor log-scale values", "check the file");
        log.Note(file, linear
            ? $"values span {min.ToString("G6", CultureInfo.InvariantCulture)} to {max.ToString("G6", CultureInfo.InvariantCulture)}: linear (normalised counts / TPM): log2(x + 1) taken"
            : $"values span {min.ToString("G6", CultureInfo.InvariantCulture)} to {max.ToString("G6", CultureInfo.InvariantCulture)}: already log-scale (VST-like): kept");

        var colIndex = columns.Select((col, i) => (col, i)).ToDictionary(t => t.col, t => t.i, StringComparer.Ordinal);
        var lines = organoid.GroupBy(s => s.Line, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        int multi = lines.Count(g => g.Count() > 1);
        log.Record($"{file}: organoid samples -> lines", organoid.Count, lines.Count,
            $"{multi} line(s) with several passages, averaged on the log scale ({string.Join("; ", lines.Where(g => g.Count() > 1).Select(g => $"{g.Key}: P{string.Join(", P", g.Select(s => s.Passage).Order())}"))})");
        var matrix = new SymbolMatrix(lines.Select(g => g.Key).ToList());
        var cols = lines.Select(g => g.Select(s => colIndex[s.Column]).ToArray()).ToArray();
        for (int r = 0; r < ids.Length; r++)
        {
            var row = new double[cols.Length];
            for (int l = 0; l < cols.Length; l++)
            {
                double sum = 0;
                foreach (int j in cols[l]) sum += linear ? Math.Log2(values[r][j] + 1) : values[r][j];
                row[l] = sum / cols[l].Length;
            }
            matrix.Add(ids[r], symbols[r], row);
        }
        matrix.Write(outPath, file, log);
    }

    /// <summary>Reads a genes x samples text matrix (first column IDs, first header cell empty or a name).</summary>
    private static (string[] Columns, string[] RowIds, double[][] Values) ReadMatrix(string path)
    {
        using var reader = TextFiles.Open(path);
        var header = reader.ReadLine()?.Split('\t') ?? throw new InputException(path, 1, "the file is empty", "re-download the file");
        var columns = header.Skip(1).Select(h => h.Trim('"')).ToArray();
        var dup = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InputException(path, 1, $"column '{dup.Key}' appears twice", "re-download the file");
        var ids = new List<string>();
        var values = new List<double[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lineNo = 1;
        try
        {
            for (string? line; (line = reader.ReadLine()) is not null;)
            {
                lineNo++;
                if (line.Length == 0) { if (reader.Peek() < 0) break; throw new InputException(path, lineNo, "blank line inside the data", "re-download the file"); }
                var v = new double[columns.Length];
                string id = XenaMatrix.ParseRow(line, v, path, lineNo, header).Trim('"');
                if (!seen.Add(id)) throw new InputException(path, lineNo, $"row '{id}' appears twice", "re-download the file");
                ids.Add(id);
                values.Add(v);
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, lineNo, $"not a valid gzip stream ({e.Message})", "re-download the file");
        }
        if (ids.Count == 0) throw new InputException(path, lineNo, "no data rows", "re-download the file");
        return (columns, ids.ToArray(), values.ToArray());
    }
}
