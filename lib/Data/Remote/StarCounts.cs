using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>One GDC STAR - Counts file: gene IDs and names in file order, and its fpkm_uq_unstranded column.</summary>
/// <param name="Path">The file read.</param>
/// <param name="GeneModel">The first line's gene model, e.g. "GENCODE v36".</param>
/// <param name="GeneIds">Versioned Ensembl gene IDs (ENSG...), in file order.</param>
/// <param name="GeneNames">The gene_name column, aligned with <paramref name="GeneIds"/>.</param>
/// <param name="FpkmUq">fpkm_uq_unstranded, linear and &gt;= 0, aligned with <paramref name="GeneIds"/>.</param>
/// <param name="CountRowsDropped">N_* count rows skipped before the genes (4 in a whole file).</param>
public sealed record StarCountsFile(string Path, string GeneModel, string[] GeneIds, string[] GeneNames, double[] FpkmUq, int CountRowsDropped);

/// <summary>
/// GDC <c>*.rna_seq.augmented_star_gene_counts.tsv</c> (not gzipped): a first line <c># gene-model: GENCODE v36</c>, a
/// header <c>gene_id gene_name gene_type unstranded stranded_first stranded_second tpm_unstranded fpkm_unstranded
/// fpkm_uq_unstranded</c>, four count rows <c>N_unmapped N_multimapping N_noFeature N_ambiguous</c> (empty name and
/// normalised fields), then one row per gene. The matrix Xena builds from them (<c>star_fpkm-uq</c>) is reproduced:
/// the N_* rows dropped, aliquots of one sample averaged on the linear scale, then log2(fpkm_uq_unstranded + 1);
/// symbols from the file's own gene_name column (GENCODE v36), collapsed by the <see cref="SymbolMatrix"/> rules.
/// </summary>
public static class StarCounts
{
    /// <summary>The four STAR summary rows that precede the genes and are dropped.</summary>
    public static readonly string[] CountRows = ["N_unmapped", "N_multimapping", "N_noFeature", "N_ambiguous"];

    /// <summary>A format check: reads the gene-model line, the header and the first five gene rows.</summary>
    /// <param name="path">The file, plain or gzip.</param>
    /// <exception cref="InputException">The layout differs (see <see cref="Read"/>).</exception>
    public static void CheckFormat(string path) => Read(path, maxGenes: 5);

    /// <summary>Reads one file (all genes, or the first <paramref name="maxGenes"/> when checking the format).</summary>
    /// <param name="path">The file, plain or gzip.</param>
    /// <param name="maxGenes">Gene rows to read at most, &gt;= 1.</param>
    /// <exception cref="InputException">No gene-model line, a header without gene_id first, gene_name or
    /// fpkm_uq_unstranded, a blank line or wrong field count, an unexpected N_* row, a non-Ensembl ID, an
    /// fpkm_uq_unstranded that is not a non-negative number, no gene row, or (whole file) not all four N_* rows.</exception>
    public static StarCountsFile Read(string path, int maxGenes = int.MaxValue)
    {
        using var reader = TextFiles.Open(path);
        string? model = reader.ReadLine();
        if (model is null || !model.StartsWith("# gene-model:", StringComparison.Ordinal))
            throw new InputException(path, 1, $"the first line '{model ?? "(end of file)"}' is not '# gene-model: GENCODE v36'", "use the GDC STAR - Counts file (*.rna_seq.augmented_star_gene_counts.tsv)");
        var header = reader.ReadLine()?.Split('\t') ?? throw new InputException(path, 2, "no header line", "re-download the file");
        int iId = Array.IndexOf(header, "gene_id"), iName = Array.IndexOf(header, "gene_name"), iFpkmUq = Array.IndexOf(header, "fpkm_uq_unstranded");
        if (iId != 0 || iName < 0 || iFpkmUq < 0)
            throw new InputException(path, 2, $"the header '{string.Join(' ', header.Take(9))}' lacks gene_id (first), gene_name or fpkm_uq_unstranded", "use the GDC STAR - Counts file");
        var ids = new List<string>(61000);
        var names = new List<string>(61000);
        var values = new List<double>(61000);
        int lineNo = 2, countRows = 0;
        for (string? line; ids.Count < maxGenes && (line = reader.ReadLine()) is not null;)
        {
            lineNo++;
            if (line.Length == 0) { if (reader.Peek() < 0) break; throw new InputException(path, lineNo, "blank line inside the data", "re-download the file"); }
            var f = line.Split('\t');
            if (f.Length != header.Length)
                throw new InputException(path, lineNo, $"{f.Length} fields where the header has {header.Length}" + (reader.Peek() < 0 ? " (last line: truncated?)" : ""), "re-download the file");
            if (f[0].StartsWith("N_", StringComparison.Ordinal))
            {
                if (!CountRows.Contains(f[0]) || ids.Count > 0)
                    throw new InputException(path, lineNo, $"unexpected count row '{f[0]}'", $"the STAR - Counts files have exactly {string.Join(", ", CountRows)} before the genes");
                countRows++;
                continue;
            }
            if (!f[0].StartsWith("ENSG", StringComparison.Ordinal))
                throw new InputException(path, lineNo, $"'{f[0]}' is not an Ensembl gene ID", "re-download the file");
            if (!double.TryParse(f[iFpkmUq], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
                throw new InputException(path, lineNo, $"fpkm_uq_unstranded '{f[iFpkmUq]}' of {f[0]} is not a non-negative number", "re-download the file");
            ids.Add(f[0]);
            names.Add(f[iName]);
            values.Add(v);
        }
        if (ids.Count == 0) throw new InputException(path, lineNo, "no gene rows", "re-download the file (truncated?)");
        if (maxGenes == int.MaxValue && countRows != CountRows.Length)
            throw new InputException(path, 3, $"{countRows} of the {CountRows.Length} N_* count rows", "re-download the file");
        return new StarCountsFile(path, model["# gene-model:".Length..].Trim(), ids.ToArray(), names.ToArray(), values.ToArray(), countRows);
    }

    /// <summary>
    /// Builds the symbol matrix from the files of a project, each labelled with its 16-character sample barcode.
    /// Every file must list the same genes in the same order (the same GENCODE release).
    /// </summary>
    /// <param name="files">(16-character sample barcode, file) pairs; several files of one sample are aliquots, averaged.</param>
    /// <param name="outPath">The symbol matrix to write.</param>
    /// <param name="label">The project's label in log lines and messages.</param>
    /// <param name="log">Receives every step's count.</param>
    /// <returns>The number of samples (columns) and genes (rows) written.</returns>
    /// <exception cref="ArgumentException">No file.</exception>
    public static (int Samples, int Genes) Convert(IReadOnlyList<(string Sample, string Path)> files, string outPath, string label, CountLog log)
    {
        if (files.Count == 0) throw new ArgumentException("no STAR - Counts files", nameof(files));
        var bySample = files.GroupBy(f => f.Sample, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var g in bySample)
            if (!TcgaBarcode.TryParse(g.Key, out _))
                throw new InputException(g.First().Path, 0, $"sample '{g.Key}' is not a TCGA sample barcode", "check the GDC /files answer (cases.samples.submitter_id)");
        string[]? ids = null, names = null;
        string? model = null, firstPath = null;
        double[][]? values = null; // [gene][sample]
        int countRows = 0;
        for (int s = 0; s < bySample.Count; s++)
        {
            var sum = (double[]?)null;
            foreach (var (_, path) in bySample[s])
            {
                var file = Read(path);
                countRows += file.CountRowsDropped;
                if (ids is null)
                {
                    ids = file.GeneIds;
                    names = file.GeneNames;
                    model = file.GeneModel;
                    firstPath = path;
                    values = new double[ids.Length][];
                    for (int g = 0; g < ids.Length; g++) values[g] = new double[bySample.Count];
                }
                else if (file.GeneIds.Length != ids.Length || !file.GeneIds.AsSpan().SequenceEqual(ids))
                    throw new InputException(path, 0, $"its {file.GeneIds.Length} gene IDs differ from those of {firstPath} ({ids.Length}, {model})", "all files must come from one GDC release (GENCODE v36)");
                if (sum is null) sum = file.FpkmUq;
                else for (int g = 0; g < sum.Length; g++) sum[g] += file.FpkmUq[g];
            }
            int n = bySample[s].Count();
            for (int g = 0; g < sum!.Length; g++) values![g][s] = Math.Log2(sum[g] / n + 1);
        }
        var samples = bySample.Select(g => g.Key).ToList();
        int aliquotSamples = bySample.Count(g => g.Count() > 1);
        log.Record($"{label}: STAR - Counts files -> samples", files.Count, samples.Count,
            $"{aliquotSamples} sample(s) with several files (aliquots): fpkm_uq averaged, then log2(x + 1); {countRows} N_* count row(s) dropped");
        var barcodes = samples.Select(TcgaBarcode.Parse).ToList();
        log.Record($"{label}: samples", samples.Count, samples.Count,
            $"all kept: {barcodes.Count(b => b.IsPrimaryTumour)} primary tumour (-01), {barcodes.Count(b => b.SampleType is >= 10 and < 20)} normal (-1x), {barcodes.Count(b => !b.IsPrimaryTumour && b.SampleType is not (>= 10 and < 20))} other");
        var matrix = new SymbolMatrix(samples);
        for (int g = 0; g < ids!.Length; g++) matrix.Add(ids[g], names![g], values![g]);
        matrix.Write(outPath, label, log);
        return (samples.Count, matrix.GeneCount);
    }
}
