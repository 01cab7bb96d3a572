using System.Globalization;
using System.IO.Compression;
using System.Text;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>
/// Collapses Ensembl-gene rows of an expression matrix onto gene symbols and writes the genes x samples TSV that
/// <see cref="ExpressionTableLayout.SymbolMatrix"/> reads (<c>gene</c>, then one column per sample; log2 values; gzip
/// when the name ends in .gz).
/// <para>
/// Rules, each counted: <c>_PAR_Y</c> rows (GENCODE's Y copies of the pseudoautosomal genes, v36 only) are dropped:
/// their X copy carries the gene, and GDC aligns to GRCh38 with the Y PARs masked, so the Y rows hold no independent
/// signal (INFERRED; the number of such rows with a non-zero value is counted so a user can check). Rows whose ID the
/// gene table does not know are dropped. Several Ensembl IDs on one symbol: the row with the highest mean over all
/// samples is kept (WGCNA collapseRows' default "MaxMean"; it keeps the locus that carries the signal rather than
/// averaging in silent paralogues or readthrough loci); ties go to the ordinal-first ID. Output rows keep the input
/// order of each kept row.
/// </para>
/// </summary>
public sealed class SymbolMatrix
{
    private readonly IReadOnlyList<string> _samples;
    private readonly Dictionary<string, (string Id, double Mean, double[] Values, long Order)> _bySymbol = new(StringComparer.Ordinal);
    private long _rows, _parY, _parYNonZero, _unmapped, _order;
    private readonly List<string> _unmappedExamples = [];

    /// <summary>An empty matrix with these columns; rows are added with <see cref="Add"/>.</summary>
    /// <param name="samples">Column names (sample barcodes or organoid lines), in output order.</param>
    /// <exception cref="ArgumentException">A sample name appears twice.</exception>
    public SymbolMatrix(IReadOnlyList<string> samples)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in samples)
            if (!seen.Add(s)) throw new ArgumentException($"sample '{s}' appears twice");
        _samples = samples;
    }

    /// <summary>The column names, in output order.</summary>
    public IReadOnlyList<string> Samples => _samples;

    /// <summary>Adds one Ensembl-gene row (values already on the output scale). <paramref name="symbol"/> null: unmapped.</summary>
    /// <param name="id">The versioned Ensembl gene ID (a <c>_PAR_Y</c> suffix marks a dropped row).</param>
    /// <param name="symbol">The gene symbol, or null/empty when the gene table has none.</param>
    /// <param name="values">One value per sample, in <see cref="Samples"/> order.</param>
    /// <exception cref="ArgumentException">The number of values differs from the number of samples.</exception>
    public void Add(string id, string? symbol, double[] values)
    {
        if (values.Length != _samples.Count) throw new ArgumentException($"{id}: {values.Length} values for {_samples.Count} samples");
        _rows++;
        if (id.EndsWith("_PAR_Y", StringComparison.Ordinal))
        {
            _parY++;
            if (values.Any(v => v != 0)) _parYNonZero++;
            return;
        }
        if (string.IsNullOrEmpty(symbol))
        {
            _unmapped++;
            if (_unmappedExamples.Count < 5) _unmappedExamples.Add(id);
            return;
        }
        double mean = 0;
        foreach (var v in values) mean += v;
        mean /= Math.Max(1, values.Length);
        _order++;
        if (_bySymbol.TryGetValue(symbol, out var kept))
        {
            bool better = mean > kept.Mean || (mean == kept.Mean && string.CompareOrdinal(id, kept.Id) < 0);
            _duplicatedSymbols.Add(symbol);
            _duplicateRows++;
            if (!better) return;
            _bySymbol[symbol] = (id, mean, values, kept.Order);
            return;
        }
        _bySymbol[symbol] = (id, mean, values, _order);
    }

    private readonly HashSet<string> _duplicatedSymbols = new(StringComparer.Ordinal);
    private long _duplicateRows;

    /// <summary>Distinct symbols kept so far (the rows <see cref="Write"/> will write).</summary>
    public int GeneCount => _bySymbol.Count;

    /// <summary>Writes the matrix (atomically is the caller's job: write to a temporary name) and records the counts.</summary>
    /// <param name="path">The file to write (gzip when the name ends in .gz).</param>
    /// <param name="source">The input's name in count lines and messages.</param>
    /// <param name="log">Receives the counts.</param>
    /// <exception cref="InputException">No row maps to a symbol.</exception>
    public void Write(string path, string source, CountLog log)
    {
        if (_bySymbol.Count == 0) throw new InputException(source, 0, "no row maps to a gene symbol", "check the gene table (probemap) belongs to the matrix's GENCODE version");
        log.Record($"{source}: _PAR_Y rows dropped", (int)_rows, (int)(_rows - _parY),
            _parY == 0 ? "no _PAR_Y rows" : $"{_parY} _PAR_Y row(s) dropped, {_parYNonZero} of them with a non-zero value");
        log.Record($"{source}: Ensembl ID -> symbol", (int)(_rows - _parY), (int)(_rows - _parY - _unmapped),
            _unmapped == 0 ? "every ID has a symbol" : $"{_unmapped} ID(s) without a symbol dropped (e.g. {string.Join(", ", _unmappedExamples)})");
        log.Record($"{source}: one row per symbol", (int)(_rows - _parY - _unmapped), _bySymbol.Count,
            $"{_duplicatedSymbols.Count} symbol(s) on several IDs ({_duplicateRows} extra row(s)): the ID with the highest mean kept (MaxMean)");

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        w.Write("gene");
        foreach (var s in _samples) { w.Write('\t'); w.Write(s); }
        w.Write('\n');
        Span<char> buffer = stackalloc char[32];
        foreach (var (symbol, row) in _bySymbol.OrderBy(kv => kv.Value.Order))
        {
            w.Write(symbol);
            foreach (var v in row.Values)
            {
                w.Write('\t');
                if (!v.TryFormat(buffer, out int n, "R", CultureInfo.InvariantCulture)) throw new InvalidOperationException("number format");
                w.Write(buffer[..n]);
            }
            w.Write('\n');
        }
    }
}

/// <summary>Gene tables of the UCSC Xena GDC hub (<c>gencode.v22.annotation.gene.probeMap</c>, <c>gencode.v36.annotation.gtf.gene.probemap</c>).</summary>
public static class Probemap
{
    /// <summary>Checks the header <c>id gene chrom chromStart chromEnd strand</c> (TAB-separated).</summary>
    /// <param name="path">The probemap.</param>
    /// <exception cref="InputException">The header or the first row is not in the layout.</exception>
    public static void CheckFormat(string path)
    {
        using var reader = TextFiles.Open(path);
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("id\tgene\t", StringComparison.Ordinal))
            throw new InputException(path, 1, $"the header '{header ?? "(end of file)"}' is not 'id<TAB>gene<TAB>chrom...'", "use the Xena GDC hub gene probemap");
        var first = reader.ReadLine();
        if (first is null || !first.StartsWith("ENSG", StringComparison.Ordinal))
            throw new InputException(path, 2, $"the first row '{first ?? "(end of file)"}' is not an Ensembl gene ID", "use the Xena GDC hub gene probemap");
    }

    /// <summary>Versioned Ensembl gene ID (e.g. ENSG00000176890.14, ENSG00000002586.20_PAR_Y) -> symbol.</summary>
    /// <param name="path">The probemap, plain or gzip.</param>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var t = TextFiles.ReadTable(path, '\t', new DelimitedOptions());
        var c = t.RequireColumns("id", "gene");
        var map = new Dictionary<string, string>(t.Rows.Count, StringComparer.Ordinal);
        foreach (var r in t.Rows)
            if (!map.TryAdd(r[c["id"]], r[c["gene"]]))
                throw new InputException(path, r.Line, $"id '{r[c["id"]]}' is listed twice", "use the Xena GDC hub gene probemap as distributed");
        return map;
    }
}
