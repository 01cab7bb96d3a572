using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>
/// UCSC Xena GDC hub expression matrices (<c>TCGA-&lt;P&gt;.htseq_fpkm-uq.tsv.gz</c>, <c>TCGA-&lt;P&gt;.star_fpkm-uq.tsv.gz</c>):
/// a header <c>Ensembl_ID</c> then one column per 16-character sample barcode (normal <c>-11A</c> samples included;
/// aliquots already averaged by Xena), one row per versioned Ensembl gene ID, values log2(fpkm-uq + 1) in any decimal
/// format. Converted to gene symbols with the matching probemap (<see cref="SymbolMatrix"/> rules); values are kept as
/// they are (already log2), every sample column kept (the pipeline picks primary tumours).
/// </summary>
public static class XenaMatrix
{
    /// <summary>Checks the header (an ID column, then TCGA sample barcodes) and that the first row is an Ensembl gene.</summary>
    /// <param name="path">The matrix, plain or gzip.</param>
    /// <exception cref="InputException">No sample column, a column that is not a TCGA barcode, or a first row that is not an
    /// Ensembl gene with one value per sample.</exception>
    public static void CheckFormat(string path)
    {
        using var reader = TextFiles.Open(path);
        var header = reader.ReadLine()?.Split('\t');
        if (header is null || header.Length < 2)
            throw new InputException(path, 1, "the header has no sample columns", "use the Xena GDC hub matrix TCGA-<project>.<dataset>.tsv.gz");
        var bad = header.Skip(1).FirstOrDefault(s => !TcgaBarcode.TryParse(s, out _));
        if (bad is not null)
            throw new InputException(path, 1, $"column '{bad}' is not a TCGA sample barcode", "use the Xena GDC hub matrix TCGA-<project>.<dataset>.tsv.gz");
        var first = reader.ReadLine();
        if (first is null || !first.StartsWith("ENSG", StringComparison.Ordinal) || first.Split('\t').Length != header.Length)
            throw new InputException(path, 2, "the first row is not an Ensembl gene ID with one value per sample", "re-download the matrix (truncated or not a gene matrix)");
    }

    /// <summary>Converts the matrix; returns the number of samples and genes written.</summary>
    /// <param name="matrixPath">The Xena matrix, plain or gzip.</param>
    /// <param name="probemap">Versioned Ensembl gene ID -> symbol (<see cref="Probemap.Read"/>).</param>
    /// <param name="outPath">The symbol matrix to write.</param>
    /// <param name="log">Receives every step's count.</param>
    public static (int Samples, int Genes) Convert(string matrixPath, IReadOnlyDictionary<string, string> probemap, string outPath, CountLog log)
    {
        int lineNo = 0;
        SymbolMatrix? matrix = null;
        double max = double.MinValue;
        using (var reader = TextFiles.Open(matrixPath))
        {
            try
            {
                var header = reader.ReadLine()?.Split('\t') ?? throw new InputException(matrixPath, 1, "the file is empty", "re-download the matrix");
                lineNo = 1;
                var samples = header.Skip(1).Select(s => s.Trim()).ToArray();
                foreach (var s in samples)
                    if (!TcgaBarcode.TryParse(s, out _))
                        throw new InputException(matrixPath, 1, $"column '{s}' is not a TCGA sample barcode", "use the Xena GDC hub matrix");
                var dup = samples.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
                if (dup is not null) throw new InputException(matrixPath, 1, $"sample '{dup.Key}' appears in two columns", "re-download the matrix");
                matrix = new SymbolMatrix(samples);
                for (string? line; (line = reader.ReadLine()) is not null;)
                {
                    lineNo++;
                    if (line.Length == 0) { if (reader.Peek() < 0) break; throw new InputException(matrixPath, lineNo, "blank line inside the data", "re-download the matrix"); }
                    var values = new double[samples.Length];
                    string id = ParseRow(line, values, matrixPath, lineNo, header);
                    foreach (var v in values) if (v > max) max = v;
                    matrix.Add(id, probemap.TryGetValue(id, out var symbol) ? symbol : null, values);
                }
            }
            catch (InvalidDataException e)
            {
                throw new InputException(matrixPath, lineNo, $"not a valid gzip stream ({e.Message})", "re-download the matrix; it is truncated or not gzip");
            }
        }
        if (lineNo < 2) throw new InputException(matrixPath, lineNo, "no data rows", "re-download the matrix");
        if (max > 50)
            throw new InputException(matrixPath, 0, $"values reach {max.ToString("G6", CultureInfo.InvariantCulture)}, too large for log2(fpkm-uq + 1)", "use the Xena matrix (its values are log2-transformed)");
        var file = Path.GetFileName(matrixPath);
        var barcodes = matrix!.Samples.Select(TcgaBarcode.Parse).ToList();
        log.Record($"{file}: samples", barcodes.Count, barcodes.Count,
            $"all kept: {barcodes.Count(b => b.IsPrimaryTumour)} primary tumour (-01), {barcodes.Count(b => b.SampleType is >= 10 and < 20)} normal (-1x), {barcodes.Count(b => !b.IsPrimaryTumour && b.SampleType is not (>= 10 and < 20))} other");
        matrix.Write(outPath, file, log);
        return (matrix.Samples.Count, matrix.GeneCount);
    }

    /// <summary>Parses "id TAB v1 TAB v2 ..." into <paramref name="values"/>; returns the id.</summary>
    internal static string ParseRow(string line, double[] values, string path, int lineNo, string[] header)
    {
        var span = line.AsSpan();
        int tab = span.IndexOf('\t');
        if (tab <= 0) throw new InputException(path, lineNo, "no TAB after the ID (or an empty ID)", "re-download the file (truncated?)");
        string id = line[..tab];
        int pos = tab + 1;
        for (int j = 0; j < values.Length; j++)
        {
            if (pos > span.Length) throw new InputException(path, lineNo, $"{j + 1} field(s) where the header has {header.Length}", "re-download the file (truncated?)");
            int next = span[pos..].IndexOf('\t');
            var cell = next < 0 ? span[pos..] : span.Slice(pos, next);
            if (next < 0 && j != values.Length - 1)
                throw new InputException(path, lineNo, $"{j + 2} field(s) where the header has {header.Length}", "re-download the file (truncated?)");
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new InputException(path, lineNo, $"value '{cell.ToString()}' in column '{header[j + 1]}' for '{id}' is not a finite number", "re-download the file");
            values[j] = v;
            pos = next < 0 ? span.Length + 1 : pos + next + 1;
        }
        if (pos <= span.Length) throw new InputException(path, lineNo, $"more fields than the header's {header.Length}", "re-download the file");
        return id;
    }
}
