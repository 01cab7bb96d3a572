using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>Renaming the genes of an expression matrix from one identifier to another (e.g. Entrez IDs to symbols).</summary>
public static class GeneIdMapping
{
    /// <summary>
    /// Renames each gene (row) of <paramref name="matrix"/> through <paramref name="map"/> (e.g. Entrez ID -> Hugo
    /// symbol). Genes without an entry are dropped; several genes that map to one symbol are merged by
    /// <paramref name="duplicates"/> (<see cref="DuplicatePolicy.Fail"/> refuses). Rows keep the order of each symbol's
    /// first row, which matters for ssGSEA's tie order. Both steps are counted in <paramref name="log"/>.
    /// </summary>
    /// <param name="matrix">genes x samples with genes in the source identifier.</param>
    /// <param name="map">Source ID to symbol (e.g. <see cref="GeneIdMaps.ReadEntrezFromRnaseqDb"/>).</param>
    /// <param name="duplicates">How several IDs with one symbol are merged (Mean, Median, First, Drop) or refused (Fail).</param>
    /// <param name="source">The matrix's name in messages and log steps.</param>
    /// <param name="log">Receives the mapped and merged counts.</param>
    /// <exception cref="ArgumentException">No gene maps, or duplicates under <see cref="DuplicatePolicy.Fail"/>.</exception>
    public static ExpressionMatrix ToSymbols(ExpressionMatrix matrix, IReadOnlyDictionary<string, string> map, DuplicatePolicy duplicates, string source, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(log);
        var symbols = new List<string>();
        var lines = new List<int>();
        var rows = new List<double[]>();
        var unmapped = new List<string>();
        for (int g = 0; g < matrix.GeneCount; g++)
        {
            if (!map.TryGetValue(matrix.Genes[g], out var symbol)) { unmapped.Add(matrix.Genes[g]); continue; }
            symbols.Add(symbol);
            lines.Add(g + 1);
            rows.Add(matrix.Row(g));
        }
        log.Record($"{source}: gene IDs mapped to symbols", matrix.GeneCount, symbols.Count,
            unmapped.Count == 0 ? "every ID has a symbol" : $"{unmapped.Count} ID(s) without a symbol dropped (e.g. {string.Join(", ", unmapped.Take(5))})");
        if (symbols.Count == 0)
            throw new ArgumentException($"{source}: none of the {matrix.GeneCount} gene IDs (e.g. {string.Join(", ", matrix.Genes.Take(3))}) is in the map " +
                                        $"({map.Count} entries, e.g. {string.Join(", ", map.Keys.Order(StringComparer.Ordinal).Take(3))}): check the identifier type");
        List<string> ids;
        List<double[]> merged;
        try
        {
            (ids, merged) = ExpressionTables.Deduplicate(source, symbols, lines, rows, duplicates, "symbol", CountLog.Silent, source);
        }
        catch (InputException e)
        {
            throw new ArgumentException(e.Message, e);
        }
        var shared = symbols.GroupBy(x => x, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        log.Record($"{source}: symbols from several IDs", symbols.Count, ids.Count,
            shared.Count == 0 ? "every mapped ID has its own symbol"
                : $"{shared.Count} symbol(s) with several IDs ({string.Join(", ", shared.Take(5))}{(shared.Count > 5 ? ", ..." : "")}): policy {duplicates}");
        var values = new double[ids.Count, matrix.SampleCount];
        for (int g = 0; g < ids.Count; g++)
            for (int s = 0; s < matrix.SampleCount; s++) values[g, s] = merged[g][s];
        return new ExpressionMatrix(ids, matrix.Samples, values);
    }
}
